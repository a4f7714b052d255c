import { ROUTES } from "@minhbach/domain/api/routes";
import { currentMigration } from "../../db/migrate.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";

export function healthRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["health.get"], { config: { public: true } }, async (request) => {
    const status = { status: "ok" as const, database: ctx.database.kind };
    if (!request.auth) return status;
    return { ...status, migration: await currentMigration(ctx.database), demo: ctx.config.demo };
  });
}
