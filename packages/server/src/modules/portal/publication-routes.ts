/**
 * Routes of published results, open data and questions and answers (issue 20): the back office's
 * under /api (permission and agency scope checked), the public JSON/CSV under /api/public, and
 * the portal's pages under /cong-dan — every public one rate-limited per address.
 */
import { DomainError, ERROR_MESSAGES, todayInVietnam } from "@minhbach/domain";
import { ROUTES } from "@minhbach/domain/api/routes";
import type { PublicationKind } from "@minhbach/domain/portal/publication";
import { PUBLICATION_KINDS } from "@minhbach/domain/portal/publication";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { createFaq, listFaq, publicFaq, updateFaq } from "./faq.ts";
import { openData, openDataCsv } from "./open-data.ts";
import { limitHook, MINUTE, type LimitRule } from "./limits.ts";
import { errorPage } from "./pages.ts";
import { publicSchedule } from "../reception/schedule.ts";
import { faqPage, openDataPage, publicationPage, publicationsPage, schedulePage } from "./publication-pages.ts";
import { surveyAgencies } from "./survey.ts";
import {
  listPublications,
  proposePublication,
  publicAgencies,
  publicDetail,
  publicList,
  publish,
  withdraw,
} from "./publications.ts";

/** Reading the public pages and open data: 120 a minute per address (counted in the database, limits.ts). */
const publicLimit = { bucket: "portal-public", max: 120, windowMs: MINUTE } satisfies LimitRule;

/** The back office's routes and the open data (under /api). */
export function publicationRoutes(app: Api, ctx: AppContext): void {
  route(
    app,
    ROUTES["portal.publications.list"],
    { config: { permission: "document.read" } },
    async (request, reply) => {
      void reply.header("cache-control", "no-store");
      return listPublications(ctx.db, requireAuth(request), request.query);
    },
  );
  route(
    app,
    ROUTES["portal.publications.proposal"],
    { config: { permission: "document.issue" } },
    async (request, reply) => {
      void reply.header("cache-control", "no-store");
      return proposePublication(ctx.db, requireAuth(request), request.params.documentId);
    },
  );
  route(
    app,
    ROUTES["portal.publications.create"],
    { config: { permission: "document.issue" } },
    async (request, reply) =>
      reply.code(201).send(await publish(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["portal.publications.withdraw"], { config: { permission: "document.issue" } }, async (request) =>
    withdraw(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body.reason),
  );

  route(
    app,
    ROUTES["public.openData.statistics"],
    { config: { public: true }, onRequest: limitHook(ctx.db, publicLimit) },
    async (request, reply) => {
      void reply.header("cache-control", "public, max-age=300");
      return openData(ctx.db, request.query);
    },
  );
  route(
    app,
    ROUTES["public.openData.statistics.csv"],
    { config: { public: true }, onRequest: limitHook(ctx.db, publicLimit) },
    async (request, reply) => {
      const data = await openData(ctx.db, request.query);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="so-lieu-don-${data.from}-${data.to}.csv"`)
        .header("cache-control", "public, max-age=300")
        .send(openDataCsv(data));
    },
  );

  route(app, ROUTES["portal.faq.list"], { config: { permission: "reception.write" } }, async (request, reply) => {
    void reply.header("cache-control", "no-store");
    return listFaq(ctx.db, requireAuth(request), request.query);
  });
  route(app, ROUTES["portal.faq.create"], { config: { permission: "reception.write" } }, async (request, reply) =>
    reply.code(201).send(await createFaq(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );
  route(app, ROUTES["portal.faq.update"], { config: { permission: "reception.write" } }, async (request) =>
    updateFaq(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );
}

function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .code(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .header("referrer-policy", "no-referrer")
    .send(body);
}

const text = (value: unknown, max: number) => (typeof value === "string" ? value.trim().slice(0, max) : "");

const NOT_SHOWN = errorPage(
  "Không tìm thấy kết quả công khai",
  "Kết quả này không có, đã hết thời hạn công khai hoặc đã được rút khỏi cổng.",
  { href: "/cong-dan/cong-khai", label: "Về danh sách kết quả công khai" },
);

/** The portal's pages (outside /api). */
export function publicationPages(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (scope) => {
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.statusCode === 429 || error.code === "FST_ERR_RATE_LIMIT_EXCEEDED") {
        request.log.warn({ url: request.url.split("?")[0] }, "portal rate limit");
        return sendPage(
          reply,
          429,
          errorPage(
            "Quá nhiều yêu cầu",
            "Địa chỉ mạng của bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.",
          ),
        );
      }
      if (error instanceof DomainError) return sendPage(reply, 400, errorPage("Không thực hiện được", error.message));
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
        return sendPage(reply, error.statusCode, errorPage("Không thực hiện được", ERROR_MESSAGES.BAD_REQUEST));
      request.log.error({ err: error }, "portal error");
      return sendPage(reply, 500, errorPage("Lỗi hệ thống", ERROR_MESSAGES.INTERNAL_ERROR));
    });
    const pub = { config: { public: true }, schema: { hide: true }, onRequest: limitHook(ctx.db, publicLimit) };

    scope.get("/cong-dan/cong-khai", pub, async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      const kind = text(q.loai, 40);
      const pageNo = Number.parseInt(text(q.trang, 6), 10);
      const search = {
        q: text(q.q, 200),
        kind: kind in PUBLICATION_KINDS ? (kind as PublicationKind) : ("" as const),
        agencyCode: text(q.coQuan, 40),
        page: Number.isFinite(pageNo) && pageNo > 0 && pageNo < 10_000 ? pageNo : 1,
      };
      const [found, agencies] = await Promise.all([publicList(ctx.db, search), publicAgencies(ctx.db)]);
      return sendPage(reply, 200, publicationsPage(search, found, agencies));
    });

    scope.get("/cong-dan/cong-khai/:id", pub, async (request, reply) => {
      const item = await publicDetail(ctx.db, (request.params as { id: string }).id);
      if (!item) return sendPage(reply, 404, NOT_SHOWN);
      return sendPage(reply, 200, publicationPage(item));
    });

    scope.get("/cong-dan/lich-tiep", pub, async (request, reply) => {
      const code = text((request.query as Record<string, unknown>).coQuan, 40);
      const agencies = await surveyAgencies(ctx.db);
      const agency = agencies.find((a) => a.code === code);
      if (code && !agency)
        return sendPage(
          reply,
          404,
          errorPage("Không tìm thấy cơ quan", "Cơ quan (coQuan): mã cơ quan không có trong danh sách.", {
            href: "/cong-dan/lich-tiep",
            label: "Về lịch tiếp công dân",
          }),
        );
      const chosen = agency
        ? { ...agency, items: (await publicSchedule(ctx.db, { agency: agency.code, from: todayInVietnam() })).items }
        : null;
      return sendPage(reply, 200, schedulePage(agencies, chosen));
    });

    scope.get("/cong-dan/du-lieu-mo", pub, async (_request, reply) =>
      sendPage(reply, 200, openDataPage(Number(todayInVietnam().slice(0, 4)))),
    );

    scope.get("/cong-dan/hoi-dap", pub, async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      const search = { q: text(q.q, 200), agencyCode: text(q.coQuan, 40) };
      return sendPage(reply, 200, faqPage(search, await publicFaq(ctx.db, search)));
    });
  });
}
