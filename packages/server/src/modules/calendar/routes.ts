import { DEFAULT_RULES } from "@minhbach/domain/legal-clock";
import { ROUTES } from "@minhbach/domain/api/routes";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { calendarYear, compute, listDeadlineChanges, saveYearNotice } from "./service.ts";

export function calendarRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["calendar.get"], { config: { permission: "calendar.read" } }, async (request) =>
    calendarYear(ctx.db, request.params.year),
  );

  route(app, ROUTES["calendar.save"], { config: { permission: "calendar.manage" } }, async (request) => {
    const { year } = request.params;
    const result = await saveYearNotice(ctx.db, actorOf(request), year, { year, ...request.body });
    return {
      ...(await calendarYear(ctx.db, year)),
      movedDeadlines: result.moved,
      failedDeadlines: result.failed,
      changedDays: result.changedDays,
    };
  });

  route(app, ROUTES["deadlines.rules"], { config: { permission: "deadline.compute" } }, async () => ({
    items: DEFAULT_RULES.map((r) => ({
      id: r.id,
      version: r.version,
      title: r.title,
      basis: r.basis,
      unit: r.unit,
      length: r.length,
      startEvent: r.startEvent,
      variants: { ...r.variants },
      extensions: r.extensions ? { length: r.extensions.length, max: r.extensions.max } : null,
      suspensionStopsClock: r.suspensionStopsClock,
      validFrom: r.validFrom,
      validTo: r.validTo,
      probable: r.probable ?? false,
      note: r.note ?? null,
    })),
  }));

  route(app, ROUTES["deadlines.compute"], { config: { permission: "deadline.compute" } }, async (request) =>
    compute(ctx.db, request.body),
  );

  route(app, ROUTES["deadlines.changes"], { config: { permission: "calendar.read" } }, async (request) => ({
    items: await listDeadlineChanges(ctx.db, requireAuth(request)),
  }));
}
