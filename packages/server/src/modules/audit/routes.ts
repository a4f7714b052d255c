import { ROUTES } from "@minhbach/domain/api/routes";
import { requireAuth } from "../../platform/access.ts";
import { verifyAuditChain } from "../../platform/audit.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { listAuditEvents } from "./service.ts";

export function auditRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["audit.list"], { config: { permission: "audit.read" } }, async (request) =>
    listAuditEvents(ctx.db, requireAuth(request), request.query),
  );

  route(app, ROUTES["audit.verify"], { config: { permission: "audit.read" } }, async () => verifyAuditChain(ctx.db));
}
