import { z } from "zod";
import { currentMigration } from "../../db/migrate.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";

const health = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
  // Only to a signed-in user: an anonymous caller learns neither the schema version (which tells
  // which release runs) nor whether demo accounts with their published password are active.
  migration: z.string().nullable().optional(),
  demo: z.boolean().optional(),
});

export function healthRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/health",
    {
      config: { public: true },
      schema: {
        tags: ["Hệ thống"],
        summary: "Tình trạng hệ thống",
        description: "Phiên bản lược đồ cơ sở dữ liệu và chế độ trình diễn chỉ hiện cho người đã đăng nhập.",
        response: { 200: health },
      },
    },
    async (request) => {
      const status = { status: "ok" as const, database: ctx.database.kind };
      if (!request.auth) return status;
      return { ...status, migration: await currentMigration(ctx.database), demo: ctx.config.demo };
    },
  );
}
