import { ROUTES } from "@minhbach/domain/api/routes";
import type { FastifyReply, FastifyRequest } from "fastify";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { attachmentHeader, XLSX_MIME } from "../../platform/excel.ts";
import { exportSchedule, exportVisits } from "./exports.ts";
import { receptionOverview } from "./overview.ts";
import { exportRegister, registerOf } from "./register.ts";
import {
  concludeSchedule,
  createSchedule,
  getSchedule,
  listSchedule,
  publicSchedule,
  publicScheduleICal,
  publishSchedule,
  updateSchedule,
} from "./schedule.ts";
import { visitToPetition } from "./visit-petition.ts";
import { createVisit, followUpVisit, getVisit, handleVisit, listVisits, updateVisit } from "./visits.ts";

/** The public pages are read by anyone: a per-address limit keeps them cheap. */
const publicLimit = { max: 120, timeWindow: "1 minute" };

/**
 * zod fills the defaults of a partial schema in (an absent `representatives` becomes []), so a
 * PATCH keeps only the keys the client actually sent: they are noted before validation.
 */
const sentKeys = new WeakMap<FastifyRequest, Set<string>>();

async function rememberSentKeys(request: FastifyRequest): Promise<void> {
  const body = request.body;
  if (body && typeof body === "object" && !Array.isArray(body)) sentKeys.set(request, new Set(Object.keys(body)));
}

function onlySent<T extends object>(request: FastifyRequest, body: T): T {
  const keys = sentKeys.get(request);
  if (!keys) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => keys.has(key))) as T;
}

function sendXlsx(reply: FastifyReply, file: { fileName: string; bytes: Buffer }) {
  return (
    reply
      .header("content-type", XLSX_MIME)
      .header("content-disposition", attachmentHeader(file.fileName))
      .header("cache-control", "no-store")
      // A Buffer is sent as it is, without the JSON serialiser; its table entry marks it a file.
      .send(file.bytes as unknown as string)
  );
}

const read = { config: { permission: "reception.read" as const } };
const write = { config: { permission: "reception.write" as const } };

export function receptionRoutes(app: Api, ctx: AppContext): void {
  // -------------------------------------------------------------------------------------------
  // Visits.

  route(app, ROUTES["reception.visits.create"], write, async (request, reply) =>
    reply.code(201).send(await createVisit(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  route(app, ROUTES["reception.overview"], read, async (request) => receptionOverview(ctx.db, requireAuth(request)));

  route(app, ROUTES["reception.visits.list"], read, async (request) =>
    listVisits(ctx.db, requireAuth(request), request.query),
  );

  route(app, ROUTES["reception.visits.export"], read, async (request, reply) =>
    sendXlsx(reply, await exportVisits(ctx.db, requireAuth(request), actorOf(request), request.query)),
  );

  route(app, ROUTES["reception.visits.get"], read, async (request) =>
    getVisit(ctx.db, requireAuth(request), actorOf(request), request.params.id),
  );

  route(app, ROUTES["reception.visits.update"], { ...write, preValidation: rememberSentKeys }, async (request) =>
    updateVisit(ctx.db, requireAuth(request), actorOf(request), request.params.id, onlySent(request, request.body)),
  );

  route(app, ROUTES["reception.visits.handle"], write, async (request) =>
    handleVisit(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["reception.visits.followUp"], write, async (request) =>
    followUpVisit(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["reception.visits.petition"], write, async (request, reply) =>
    reply
      .code(201)
      .send(await visitToPetition(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body)),
  );

  // -------------------------------------------------------------------------------------------
  // The register.

  route(app, ROUTES["reception.register"], read, async (request) =>
    registerOf(ctx.db, requireAuth(request), request.query),
  );

  route(app, ROUTES["reception.register.export"], read, async (request, reply) =>
    sendXlsx(reply, await exportRegister(ctx.db, requireAuth(request), actorOf(request), request.query)),
  );

  // -------------------------------------------------------------------------------------------
  // The heads' reception schedule.

  route(app, ROUTES["reception.schedule.create"], write, async (request, reply) =>
    reply.code(201).send(await createSchedule(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  route(app, ROUTES["reception.schedule.list"], read, async (request) =>
    listSchedule(ctx.db, requireAuth(request), request.query),
  );

  route(app, ROUTES["reception.schedule.export"], read, async (request, reply) =>
    sendXlsx(reply, await exportSchedule(ctx.db, requireAuth(request), request.query)),
  );

  route(app, ROUTES["reception.schedule.get"], read, async (request) =>
    getSchedule(ctx.db, requireAuth(request), request.params.id),
  );

  route(app, ROUTES["reception.schedule.update"], write, async (request) =>
    updateSchedule(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["reception.schedule.publish"], write, async (request) =>
    publishSchedule(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  route(app, ROUTES["reception.schedule.conclusion"], write, async (request, reply) =>
    reply
      .code(201)
      .send(await concludeSchedule(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body)),
  );

  // -------------------------------------------------------------------------------------------
  // Public: the published schedule, without a session (the portal links here).

  route(
    app,
    ROUTES["public.receptionSchedule"],
    { config: { public: true, rateLimit: publicLimit } },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=300");
      return publicSchedule(ctx.db, request.query);
    },
  );

  route(
    app,
    ROUTES["public.receptionSchedule.ics"],
    { config: { public: true, rateLimit: publicLimit } },
    async (request, reply) => {
      const ics = await publicScheduleICal(ctx.db, request.query);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("content-disposition", 'inline; filename="lich-tiep-cong-dan.ics"')
        .header("cache-control", "public, max-age=300")
        .send(ics);
    },
  );
}
