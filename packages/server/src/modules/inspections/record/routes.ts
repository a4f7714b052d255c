import type { inspectionDetail } from "@minhbach/domain/api/inspections";
import { ROUTES } from "@minhbach/domain/api/routes";
import type { z } from "zod";
import { actorOf, requireAuth } from "../../../platform/access.ts";
import type { AppContext } from "../../../platform/context.ts";
import { route, type Api } from "../../../platform/http.ts";
import { inspectionDashboard } from "./dashboard.ts";
import {
  addRecommendation,
  addSanction,
  addViolation,
  markSanctionPaid,
  removeRecommendation,
  removeViolation,
} from "./findings.ts";
import {
  checkProposalOverlaps,
  createInspection,
  decideInspection,
  listInspections,
  readInspection,
  takeStep,
} from "./service.ts";

type Detail = z.infer<typeof inspectionDetail>;

/** One inspection from decision to conclusion, and its findings (issue 17). */
export function inspectionRecordRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["inspections.create"], { config: { permission: "inspection.write" } }, async (request, reply) => {
    const created = await createInspection(ctx.db, requireAuth(request), actorOf(request), request.body);
    return reply.code(201).send(created as Detail);
  });

  route(app, ROUTES["inspections.overlapCheck"], { config: { permission: "inspection.write" } }, async (request) =>
    checkProposalOverlaps(ctx.db, requireAuth(request), request.body),
  );

  route(app, ROUTES["inspections.dashboard"], { config: { permission: "inspection.read" } }, async (request) =>
    inspectionDashboard(ctx.db, requireAuth(request), request.query),
  );
  route(app, ROUTES["inspections.list"], { config: { permission: "inspection.read" } }, async (request) =>
    listInspections(ctx.db, requireAuth(request), request.query),
  );

  route(
    app,
    ROUTES["inspections.get"],
    { config: { permission: "inspection.read" } },
    async (request) =>
      (await readInspection(ctx.db, requireAuth(request), actorOf(request), request.params.id)) as Detail,
  );

  // The decider is a leader (inspection.read): the service checks the role and the agency.
  route(
    app,
    ROUTES["inspections.decide"],
    { config: { permission: "inspection.read" } },
    async (request) =>
      (await decideInspection(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body,
      )) as Detail,
  );

  // Steps of the decider (a leader) and of inspectors: the service checks who, per step.
  route(
    app,
    ROUTES["inspections.step"],
    { config: { permission: "inspection.read" } },
    async (request) =>
      (await takeStep(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body)) as Detail,
  );

  route(
    app,
    ROUTES["inspections.violations.add"],
    { config: { permission: "inspection.write" } },
    async (request, reply) => {
      const out = await addViolation(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body);
      return reply.code(201).send(out as Detail);
    },
  );

  route(
    app,
    ROUTES["inspections.violations.remove"],
    { config: { permission: "inspection.write" } },
    async (request) =>
      (await removeViolation(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.params.itemId,
        request.body.version,
      )) as Detail,
  );

  route(
    app,
    ROUTES["inspections.sanctions.add"],
    { config: { permission: "inspection.write" } },
    async (request, reply) => {
      const out = await addSanction(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body);
      return reply.code(201).send(out as Detail);
    },
  );

  route(
    app,
    ROUTES["inspections.sanctions.paid"],
    { config: { permission: "inspection.write" } },
    async (request) =>
      (await markSanctionPaid(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.params.itemId,
        request.body,
      )) as Detail,
  );

  route(
    app,
    ROUTES["inspections.recommendations.add"],
    { config: { permission: "inspection.write" } },
    async (request, reply) => {
      const out = await addRecommendation(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(out as Detail);
    },
  );

  route(
    app,
    ROUTES["inspections.recommendations.remove"],
    { config: { permission: "inspection.write" } },
    async (request) =>
      (await removeRecommendation(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.params.itemId,
        request.body.version,
      )) as Detail,
  );
}
