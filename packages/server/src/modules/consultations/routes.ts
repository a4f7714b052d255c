/**
 * Public consultation on draft regulations (issue 20): the back office's routes under /api
 * (permission `consultation.manage`, agency scope checked in the service) and the portal's
 * pages under /cong-dan/du-thao (no account; comments held back by a per-address limit and the
 * portal's proof of work).
 */
import { DomainError, ERROR_MESSAGES } from "@minhbach/domain";
import { ROUTES } from "@minhbach/domain/api/routes";
import { POW_MESSAGES } from "@minhbach/domain/portal/index";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { checkPow, issueChallenge } from "../portal/crypto.ts";
import { HOUR, limitHook, MINUTE, type LimitRule } from "../portal/limits.ts";
import { errorPage } from "../portal/pages.ts";
import { sendPage, TOO_MANY } from "../portal/routes.ts";
import { BASE, commentPage, comparePage, listPage, thanksPage, viewPage, type CommentFormState } from "./pages.ts";
import {
  addResponse,
  addVersion,
  closeConsultation,
  createConsultation,
  getConsultation,
  listConsultations,
  moderateComment,
  openConsultation,
  postComment,
  publicComparison,
  publicConsultation,
  publicConsultations,
  publishSummary,
  updateConsultation,
} from "./service.ts";

const permission = "consultation.manage" as const;

export function consultationRoutes(app: Api, ctx: AppContext): void {
  const db = ctx.db;
  route(app, ROUTES["consultations.list"], { config: { permission } }, async (request) =>
    listConsultations(db, requireAuth(request), request.query),
  );
  route(app, ROUTES["consultations.create"], { config: { permission } }, async (request, reply) =>
    reply.code(201).send(await createConsultation(db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["consultations.get"], { config: { permission } }, async (request, reply) => {
    // The view opens the commenters' contacts: never kept by a browser or a proxy.
    void reply.header("cache-control", "no-store");
    return getConsultation(db, requireAuth(request), actorOf(request), request.params.id);
  });
  route(app, ROUTES["consultations.update"], { config: { permission } }, async (request) =>
    updateConsultation(db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
  route(app, ROUTES["consultations.versions.add"], { config: { permission } }, async (request, reply) =>
    reply.code(201).send(await addVersion(db, requireAuth(request), actorOf(request), request.params.id, request.body)),
  );
  route(app, ROUTES["consultations.open"], { config: { permission } }, async (request) =>
    openConsultation(db, requireAuth(request), actorOf(request), request.params.id),
  );
  route(app, ROUTES["consultations.close"], { config: { permission } }, async (request) =>
    closeConsultation(db, requireAuth(request), actorOf(request), request.params.id),
  );
  route(app, ROUTES["consultations.comments.moderate"], { config: { permission } }, async (request) =>
    moderateComment(
      db,
      requireAuth(request),
      actorOf(request),
      request.params.id,
      request.params.commentId,
      request.body,
    ),
  );
  route(app, ROUTES["consultations.responses.add"], { config: { permission } }, async (request, reply) =>
    reply
      .code(201)
      .send(await addResponse(db, requireAuth(request), actorOf(request), request.params.id, request.body)),
  );
  route(app, ROUTES["consultations.summary.publish"], { config: { permission } }, async (request) =>
    publishSummary(db, requireAuth(request), actorOf(request), request.params.id),
  );
}

const text = (body: Record<string, unknown>, key: string, max: number): string =>
  typeof body[key] === "string" ? (body[key] as string).slice(0, max) : "";

const notFound = (reply: FastifyReply) =>
  sendPage(
    reply,
    404,
    errorPage("Không tìm thấy dự thảo", "Dự thảo (duThao): không có dự thảo lấy ý kiến nào ở địa chỉ này.", {
      href: BASE,
      label: "Về danh sách dự thảo",
    }),
  );

export function consultationPages(app: FastifyInstance, ctx: AppContext): void {
  // Counted in the database, shared by every server process (portal/limits.ts).
  const limits = {
    pages: { bucket: "consultation-pages", max: 120, windowMs: MINUTE },
    comment: { bucket: "consultation-comment", max: ctx.config.consultationCommentLimit, windowMs: HOUR },
  } satisfies Record<string, LimitRule>;
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 64 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.statusCode === 429 || error.code === "FST_ERR_RATE_LIMIT_EXCEEDED") {
        request.log.warn({ url: request.url.split("?")[0] }, "consultation rate limit");
        return sendPage(reply, 429, TOO_MANY);
      }
      if (error instanceof DomainError) {
        return sendPage(
          reply,
          error.code === "NOT_FOUND" ? 404 : 400,
          errorPage("Không thực hiện được", error.message),
        );
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return sendPage(reply, error.statusCode, errorPage("Không thực hiện được", ERROR_MESSAGES.BAD_REQUEST));
      }
      request.log.error({ err: error }, "consultation page error");
      return sendPage(reply, 500, errorPage("Lỗi hệ thống", ERROR_MESSAGES.INTERNAL_ERROR));
    });
    // Pages, not API operations: out of the OpenAPI document (tested in consultations-portal.test.ts).
    const pub = (rule: LimitRule) => ({
      config: { public: true },
      schema: { hide: true },
      onRequest: limitHook(ctx.db, rule),
    });

    scope.get(BASE, pub(limits.pages), async (_request, reply) =>
      sendPage(reply, 200, listPage(await publicConsultations(ctx.db))),
    );

    scope.get(`${BASE}/:id`, pub(limits.pages), async (request, reply) => {
      const { id } = request.params as { id: string };
      const wanted = Number((request.query as Record<string, unknown>).phienBan);
      const c = await publicConsultation(ctx.db, id, Number.isInteger(wanted) && wanted > 0 ? wanted : null);
      if (!c) return notFound(reply);
      return sendPage(reply, 200, viewPage(c));
    });

    scope.get(`${BASE}/:id/so-sanh`, pub(limits.pages), async (request, reply) => {
      const { id } = request.params as { id: string };
      const q = request.query as Record<string, unknown>;
      const num = (v: unknown) => {
        const n = Number(v);
        return Number.isInteger(n) && n > 0 ? n : null;
      };
      const c = await publicComparison(ctx.db, id, { from: num(q.tu), to: num(q.den) });
      if (!c) return notFound(reply);
      return sendPage(reply, 200, comparePage(c));
    });

    const blank = (anchor: string, quote: string): CommentFormState => ({
      anchor,
      quote,
      body: "",
      authorName: "",
      contact: "",
      problems: [],
      general: null,
    });

    scope.get(`${BASE}/:id/gop-y`, pub(limits.pages), async (request, reply) => {
      const { id } = request.params as { id: string };
      const c = await publicConsultation(ctx.db, id);
      if (!c) return notFound(reply);
      if (c.phase !== "open") return sendPage(reply, 200, viewPage(c, "Dự thảo không trong thời gian nhận góp ý."));
      const query = request.query as Record<string, unknown>;
      return sendPage(
        reply,
        200,
        commentPage(
          c,
          issueChallenge(ctx.config.portalPowBits, "comment"),
          blank(text(query, "doan", 100), text(query, "trich", 1000)),
        ),
      );
    });

    scope.post(`${BASE}/:id/gop-y`, pub(limits.comment), async (request, reply) => {
      const { id } = request.params as { id: string };
      const c = await publicConsultation(ctx.db, id);
      if (!c) return notFound(reply);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const state: CommentFormState = {
        anchor: text(body, "anchor", 100),
        quote: text(body, "quote", 2000),
        body: text(body, "body", 8000),
        authorName: text(body, "authorName", 400),
        contact: text(body, "contact", 400),
        problems: [],
        general: null,
      };
      const again = (status: number, patch: Partial<CommentFormState>) =>
        sendPage(
          reply,
          status,
          commentPage(c, issueChallenge(ctx.config.portalPowBits, "comment"), { ...state, ...patch }),
        );
      const pow = checkPow(text(body, "pow", 400), text(body, "nonce", 40), ctx.config.portalPowBits, "comment");
      if (pow.verdict !== "ok") return again(400, { general: POW_MESSAGES[pow.verdict] });
      const result = await postComment(ctx.db, c.id, body, pow.id!, request.ip);
      if (!result.ok) return again(400, { problems: result.problems });
      return sendPage(reply, 201, thanksPage(c, result.number));
    });
  });
}
