import type { caseDetail } from "@minhbach/domain/api/case-views";
import { ROUTES } from "@minhbach/domain/api/routes";
import type { z } from "zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { revealCaseWriters } from "../identity/access.ts";
import { createEnforcement, getEnforcement, recordEnforcementStep, updateEnforcement } from "./enforcement.ts";
import { decideIdentityRequest, listIdentityRequests, requestIdentity } from "../identity/requests.ts";
import {
  applyCaseAction,
  caseDashboard,
  getCase,
  listCases,
  myReminders,
  openCase,
  setAssignments,
} from "./service.ts";

type CaseDetail = z.infer<typeof caseDetail>;

export function caseRoutes(app: Api, ctx: AppContext): void {
  route(
    app,
    ROUTES["cases.open"],
    // Opening needs case.assign (a leader) or case.write (a resolver taking the case): the
    // service checks which, on the petition's agency.
    { config: { permission: "case.read" } },
    async (request, reply) => {
      const created = await openCase(ctx.db, requireAuth(request), actorOf(request), request.body);
      return reply.code(201).send(created as CaseDetail);
    },
  );

  route(app, ROUTES["cases.list"], { config: { permission: "case.read" } }, async (request) =>
    listCases(ctx.db, requireAuth(request), request.query),
  );

  route(app, ROUTES["cases.dashboard"], { config: { permission: "case.read" } }, async (request) =>
    caseDashboard(ctx.db, requireAuth(request), request.query.days),
  );

  route(app, ROUTES["cases.reminders"], { config: { permission: "case.read" } }, async (request) => ({
    items: await myReminders(ctx.db, requireAuth(request), request.query.days),
  }));

  route(
    app,
    ROUTES["cases.get"],
    { config: { permission: "case.read" } },
    async (request) => (await getCase(ctx.db, requireAuth(request), request.params.id)) as CaseDetail,
  );

  route(
    app,
    ROUTES["cases.action"],
    { config: { permission: "case.write" } },
    async (request) =>
      (await applyCaseAction(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body,
      )) as CaseDetail,
  );

  route(
    app,
    ROUTES["cases.assignments"],
    { config: { permission: "case.assign" } },
    async (request) =>
      (await setAssignments(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body,
      )) as CaseDetail,
  );

  route(app, ROUTES["cases.identity"], { config: { permission: "case.read" } }, async (request, reply) => {
    const result = await revealCaseWriters(ctx.db, requireAuth(request), actorOf(request), request.params.id);
    void reply.header("cache-control", "no-store");
    return result;
  });

  route(
    app,
    ROUTES["cases.identityRequests.create"],
    { config: { permission: "case.read" } },
    async (request, reply) => {
      const created = await requestIdentity(
        ctx.db,
        requireAuth(request),
        actorOf(request),
        request.params.id,
        request.body.reason,
      );
      return reply.code(201).send(created);
    },
  );

  route(app, ROUTES["identityRequests.list"], { config: { permission: "case.approve_reveal" } }, async (request) => ({
    items: await listIdentityRequests(ctx.db, requireAuth(request), request.query.status),
  }));

  route(app, ROUTES["identityRequests.decide"], { config: { permission: "case.approve_reveal" } }, async (request) =>
    decideIdentityRequest(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  // Enforcement of the decision (issue 19, 05/KQTH): who may write is checked in enforcement.ts
  // (an assigned resolver, or an enforcement officer of the case's agency).
  route(app, ROUTES["cases.enforcement.get"], { config: { permission: "case.read" } }, async (request) =>
    getEnforcement(ctx.db, requireAuth(request), request.params.id),
  );
  route(app, ROUTES["cases.enforcement.create"], { config: { permission: "case.enforce" } }, async (request) =>
    createEnforcement(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  route(app, ROUTES["cases.enforcement.update"], { config: { permission: "case.enforce" } }, async (request) =>
    updateEnforcement(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  route(app, ROUTES["cases.enforcement.step"], { config: { permission: "case.enforce" } }, async (request) =>
    recordEnforcementStep(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
}
