import { ROUTES } from "@minhbach/domain/api/routes";
import { actorOf, requireAuth } from "../../../platform/access.ts";
import type { AppContext } from "../../../platform/context.ts";
import { attachmentHeader, XLSX_MIME } from "../../../platform/excel.ts";
import { route, type Api } from "../../../platform/http.ts";
import { checkOverlaps, importStateAuditPlan, overlapBoard, resolveOverlap } from "./overlap-service.ts";
import { publicPlanItems, publicPlansCsv, publicPlansWorkbook } from "./public.ts";
import {
  addPlanItem,
  adjustPlan,
  cancelPlanItem,
  createPlan,
  getPlan,
  getPlanVersion,
  issuePlan,
  listPlans,
  updatePlanItem,
  withdrawPlanDecision,
} from "./service.ts";

/** The public feed is read by anyone: a per-address limit keeps it cheap (as the reception schedule's). */
const publicLimit = { max: 120, timeWindow: "1 minute" };

export function inspectionPlanRoutes(app: Api, ctx: AppContext): void {
  const read = { config: { permission: "inspection.read" as const } };
  const write = { config: { permission: "inspection.write" as const } };

  route(app, ROUTES["inspectionPlans.list"], read, async (request) =>
    listPlans(ctx.db, requireAuth(request), request.query),
  );
  route(app, ROUTES["inspectionPlans.create"], write, async (request, reply) =>
    reply.code(201).send(await createPlan(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["inspectionPlans.get"], read, async (request) =>
    getPlan(ctx.db, requireAuth(request), request.params.id),
  );
  route(app, ROUTES["inspectionPlans.items.create"], write, async (request, reply) =>
    reply
      .code(201)
      .send(await addPlanItem(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body)),
  );
  route(app, ROUTES["inspectionPlans.items.update"], write, async (request) =>
    updatePlanItem(
      ctx.db,
      requireAuth(request),
      actorOf(request),
      request.params.id,
      request.params.itemId,
      request.body,
    ),
  );
  route(app, ROUTES["inspectionPlans.items.cancel"], write, async (request) =>
    cancelPlanItem(
      ctx.db,
      requireAuth(request),
      actorOf(request),
      request.params.id,
      request.params.itemId,
      request.body,
    ),
  );
  route(app, ROUTES["inspectionPlans.issue"], write, async (request) =>
    issuePlan(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  route(app, ROUTES["inspectionPlans.withdrawDecision"], write, async (request) =>
    withdrawPlanDecision(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  route(app, ROUTES["inspectionPlans.adjust"], write, async (request) =>
    adjustPlan(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  route(app, ROUTES["inspectionPlans.version"], read, async (request) =>
    getPlanVersion(ctx.db, requireAuth(request), request.params.id, request.params.revision),
  );
  route(app, ROUTES["inspectionPlans.overlapCheck"], read, async (request) =>
    checkOverlaps(ctx.db, requireAuth(request), request.body),
  );
  route(app, ROUTES["inspectionOverlaps.resolve"], write, async (request, reply) =>
    reply.code(201).send(await resolveOverlap(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["inspectionOverlaps.board"], read, async (request) =>
    overlapBoard(ctx.db, requireAuth(request), request.query.year),
  );
  route(app, ROUTES["inspectionPlans.stateAuditImport"], write, async (request, reply) =>
    reply.code(201).send(await importStateAuditPlan(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  route(
    app,
    ROUTES["public.inspectionPlans"],
    { config: { public: true, rateLimit: publicLimit } },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=300");
      return publicPlanItems(ctx.db, request.query);
    },
  );
  route(
    app,
    ROUTES["public.inspectionPlans.xlsx"],
    { config: { public: true, rateLimit: publicLimit } },
    async (request, reply) => {
      const feed = await publicPlanItems(ctx.db, request.query);
      return reply
        .header("content-type", XLSX_MIME)
        .header("content-disposition", attachmentHeader(`ke-hoach-thanh-tra-${feed.year}.xlsx`))
        .header("cache-control", "public, max-age=300")
        .send(await publicPlansWorkbook(feed.year, feed.items));
    },
  );
  route(
    app,
    ROUTES["public.inspectionPlans.csv"],
    { config: { public: true, rateLimit: publicLimit } },
    async (request, reply) => {
      const feed = await publicPlanItems(ctx.db, request.query);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", attachmentHeader(`ke-hoach-thanh-tra-${feed.year}.csv`))
        .header("cache-control", "public, max-age=300")
        .send(publicPlansCsv(feed.items));
    },
  );
}
