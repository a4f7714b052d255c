import { auditEvent, auditQuery, auditVerifyResult } from "@minhbach/domain/api/audit";
import { apiError, pageOf } from "@minhbach/domain/api/common";
import { requireAuth } from "../../platform/access.ts";
import { verifyAuditChain } from "../../platform/audit.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";
import { listAuditEvents } from "./service.ts";

const tags = ["Nhật ký"];
const errors = { 400: apiError, 401: apiError, 403: apiError };

export function auditRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/audit",
    {
      config: { permission: "audit.read" },
      schema: {
        tags,
        summary: "Nhật ký hệ thống (lọc, phân trang)",
        querystring: auditQuery,
        response: { 200: pageOf(auditEvent), ...errors },
      },
    },
    async (request) => listAuditEvents(ctx.db, requireAuth(request), request.query),
  );

  app.get(
    "/audit/verify",
    {
      config: { permission: "audit.read" },
      schema: {
        tags,
        summary: "Kiểm tra chuỗi băm của nhật ký (phát hiện sửa, xóa)",
        response: { 200: auditVerifyResult, ...errors },
      },
    },
    async () => verifyAuditChain(ctx.db),
  );
}
