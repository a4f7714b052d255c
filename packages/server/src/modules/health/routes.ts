import { z } from "zod";
import { currentMigration } from "../../db/migrate.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";

const health = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
  migration: z.string().nullable(),
  demo: z.boolean(),
});

export function healthRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/health",
    {
      config: { public: true },
      schema: { tags: ["Hệ thống"], summary: "Tình trạng hệ thống", response: { 200: health } },
    },
    async () => ({
      status: "ok" as const,
      database: ctx.database.kind,
      migration: await currentMigration(ctx.database),
      demo: ctx.config.demo,
    }),
  );
}
