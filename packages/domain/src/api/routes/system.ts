import { defineRoutes } from "../contract.ts";
import { z } from "../zod-vi.ts";

export const health = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
  // Only to a signed-in user: an anonymous caller learns neither the schema version (which tells
  // which release runs) nor whether demo accounts with their published password are active.
  migration: z.string().nullable().optional(),
  demo: z.boolean().optional(),
});

/**
 * The OpenAPI document describes every other operation: it is genuinely open (a JSON object of
 * whatever the generator writes), so its schema says only that it is an object.
 */
const openApiDocument = z.record(z.string(), z.unknown());

export const SYSTEM_ROUTES = defineRoutes({
  "health.get": {
    method: "GET",
    path: "/health",
    tags: ["Hệ thống"],
    summary: "Tình trạng hệ thống",
    description: "Phiên bản lược đồ cơ sở dữ liệu và chế độ trình diễn chỉ hiện cho người đã đăng nhập.",
    response: { 200: health },
  },
  "system.openapi": {
    method: "GET",
    path: "/openapi.json",
    tags: ["Hệ thống"],
    summary: "Mô tả OpenAPI của API",
    hidden: true,
    response: { 200: openApiDocument },
  },
});
