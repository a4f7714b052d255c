import type { followUpDetail } from "@minhbach/domain/api/inspections";
import { ROUTES } from "@minhbach/domain/api/routes";
import type { z } from "zod";
import { actorOf, requireAuth } from "../../../platform/access.ts";
import type { AppContext } from "../../../platform/context.ts";
import { attachmentHeader, XLSX_MIME } from "../../../platform/excel.ts";
import { route, type Api } from "../../../platform/http.ts";
import { urgingLetter } from "./documents.ts";
import {
  closeRecommendation,
  exportFollowUp,
  followUpSummary,
  getFollowUp,
  listFollowUp,
  recordFollowUpAction,
  recordRecovery,
} from "./service.ts";

type Detail = z.infer<typeof followUpDetail>;

/** The follow-up of conclusions' recommendations across years (issue 17). */
export function inspectionFollowUpRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["inspectionFollowUp.list"], { config: { permission: "inspection.read" } }, async (request) =>
    listFollowUp(ctx.db, requireAuth(request), request.query),
  );

  route(
    app,
    ROUTES["inspectionFollowUp.export"],
    { config: { permission: "inspection.read" } },
    async (request, reply) => {
      const file = await exportFollowUp(ctx.db, requireAuth(request), actorOf(request), request.query);
      return reply
        .header("content-type", XLSX_MIME)
        .header("content-disposition", attachmentHeader(file.fileName))
        .header("cache-control", "no-store")
        .header("x-total-rows", String(file.rows))
        .send(file.buffer);
    },
  );

  route(app, ROUTES["inspectionFollowUp.summary"], { config: { permission: "inspection.read" } }, async (request) =>
    followUpSummary(ctx.db, requireAuth(request), request.query),
  );

  route(
    app,
    ROUTES["inspectionFollowUp.get"],
    { config: { permission: "inspection.read" } },
    async (request) => (await getFollowUp(ctx.db, requireAuth(request), request.params.id)) as Detail,
  );

  route(
    app,
    ROUTES["inspectionFollowUp.recover"],
    { config: { permission: "inspection.follow_up" } },
    async (request, reply) => {
      const out = await recordRecovery(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body);
      return reply.code(201).send(out as Detail & { recoveryId: string });
    },
  );

  route(
    app,
    ROUTES["inspectionFollowUp.action"],
    { config: { permission: "inspection.follow_up" } },
    async (request, reply) => {
      const out = await recordFollowUpAction(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body,
        (trx, row) => urgingLetter(trx, actorOf(request), row),
      );
      return reply.code(201).send(out as Detail);
    },
  );

  route(
    app,
    ROUTES["inspectionFollowUp.close"],
    { config: { permission: "inspection.follow_up" } },
    async (request) =>
      (await closeRecommendation(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body,
      )) as Detail,
  );
}
