/**
 * The public portal (/cong-dan): server-rendered pages a citizen uses on any phone, without an
 * account, a framework or a third-party captcha — and the back office's two routes for the
 * thread with the sender. Abuse is held back by a per-address rate limit on every posting page
 * and a proof of work on filing; every refused receipt code is audited.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fastifyMultipart from "@fastify/multipart";
import { DomainError, ERROR_MESSAGES, todayInVietnam } from "@minhbach/domain";
import { ROUTES } from "@minhbach/domain/api/routes";
import {
  checkFilingForm,
  checkSurveyForm,
  POW_MESSAGES,
  type FilingForm,
  type FilingProblem,
} from "@minhbach/domain/portal/index";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { recordAudit } from "../../platform/audit.ts";
import { RuleViolation } from "../../platform/problems.ts";
import { keyRing } from "../../platform/vault.ts";
import { ACCEPTED_EXTENSIONS } from "../attachments/file-types.ts";
import { cleanFileName, receiveFile, type Received } from "../attachments/service.ts";
import { LocalFileStorage, type FileStorage } from "../attachments/storage.ts";
import { checkPow, issueChallenge } from "./crypto.ts";
import { HOUR, limitHook, MINUTE, type LimitRule } from "./limits.ts";
import { portalMailerOf, stopPortalMail } from "./mail.ts";
import { errorPage, filingPage, homePage, lookupPage, receiptPage, statusPage } from "./pages.ts";
import {
  askCitizen,
  citizenActor,
  citizenView,
  citizenWrites,
  fileOnline,
  lookupCode,
  officerThread,
  portalAgencies,
} from "./service.ts";
// satisfaction survey (issue 20)
import {
  petitionSurveyBlock,
  receptionSurveyPage,
  surveyAgencyChoicePage,
  surveyThanksPage,
  type SurveyFormState,
} from "./survey-pages.ts";
import {
  answerForPetition,
  answerForReception,
  petitionSurvey,
  surveyAgencies,
  surveyAgency,
  surveyComments,
  surveyCounts,
} from "./survey.ts";

/** Files one filing may carry (the back office's upload takes more at once). */
export const PORTAL_MAX_FILES = 5;
const TEXT_FIELDS = new Set([
  "kind",
  "filerType",
  "fullName",
  "idNumber",
  "orgName",
  "taxCode",
  "representativeName",
  "address",
  "phone",
  "email",
  "agencyId",
  "fieldCode",
  "respondent",
  "title",
  "content",
  "anonymousAck",
  "truthAck",
  "notifyEmail",
]);

const SCRIPT_FILE = path.resolve(import.meta.dirname, "../../../../web/portal/portal.js");

export interface PortalOptions {
  storage?: FileStorage;
}

/** Sends a portal page (exported for the other public pages, e.g. consultations). */
export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return (
    reply
      .code(status)
      .header("content-type", "text/html; charset=utf-8")
      // A page may hold a receipt code or a letter's answer: never kept by a browser or a proxy.
      .header("cache-control", "no-store")
      .header("referrer-policy", "no-referrer")
      .send(body)
  );
}

/** What a posted multipart part looks like (as @fastify/multipart yields it). */
type Part =
  | { type: "file"; fieldname: string; filename: string; file: NodeJS.ReadableStream & { resume(): void } }
  | { type: "field"; fieldname: string; value: unknown; valueTruncated?: boolean };

export const TOO_MANY = errorPage(
  "Quá nhiều yêu cầu",
  "Địa chỉ mạng của bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.",
);

export function portalPages(app: FastifyInstance, ctx: AppContext, options: PortalOptions = {}): void {
  const storage = options.storage ?? new LocalFileStorage(ctx.config.storageDir, (id) => keyRing().rawKey(id));
  // Counted in the database, shared by every server process (limits.ts).
  const limits = {
    filing: { bucket: "portal-filing", max: ctx.config.portalFilingLimit, windowMs: HOUR },
    // One count of receipt-code tries per address across every page that takes a code (look-up,
    // reply, survey, stopping the mails): each try is a guess, wherever it is made. The first
    // refusal of an address in a window is audited with the refused codes.
    code: {
      bucket: "portal-code",
      max: ctx.config.portalLookupLimit,
      windowMs: 10 * MINUTE,
      onFirstRefusal: (request: FastifyRequest) =>
        ctx.db.transaction().execute((trx) =>
          recordAudit(trx, citizenActor(null, request.ip), {
            action: "portal.code_refused",
            entityType: "portal_lookup",
            entityId: null,
            summary: { reason: "rate_limited" },
          }),
        ),
    },
    pages: { bucket: "portal-pages", max: 120, windowMs: MINUTE },
    survey: { bucket: "portal-survey", max: ctx.config.portalSurveyLimit, windowMs: HOUR },
  } satisfies Record<string, LimitRule>;
  const script = readFileSync(SCRIPT_FILE, "utf8");
  const mailer = portalMailerOf(ctx.db, ctx.config, app.log);
  const maxUploadMb = Math.round(ctx.config.maxUploadBytes / 1048576);

  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: {
        fileSize: ctx.config.maxUploadBytes + 1,
        files: PORTAL_MAX_FILES,
        fields: 40,
        fieldSize: 64 * 1024,
        parts: PORTAL_MAX_FILES + 40,
      },
    });
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 64 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    // Errors of these pages are pages too (a rate limit, a broken form), in Vietnamese.
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.statusCode === 429 || error.code === "FST_ERR_RATE_LIMIT_EXCEEDED") {
        request.log.warn({ url: request.url.split("?")[0] }, "portal rate limit");
        return sendPage(reply, 429, TOO_MANY);
      }
      if (error instanceof DomainError || error instanceof RuleViolation) {
        return sendPage(reply, 400, errorPage("Không thực hiện được", error.message));
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return sendPage(reply, error.statusCode, errorPage("Không thực hiện được", ERROR_MESSAGES.BAD_REQUEST));
      }
      request.log.error({ err: error }, "portal error");
      return sendPage(reply, 500, errorPage("Lỗi hệ thống", ERROR_MESSAGES.INTERNAL_ERROR));
    });

    // Pages, not API operations: kept out of the OpenAPI document (and so out of the API fuzz,
    // whose answers must be JSON; these answer HTML, tested in portal.test.ts).
    /** Reading pages: 120 a minute per address and page. */
    const page = (path: string): LimitRule => ({ ...limits.pages, bucket: `portal-page:${path}` });
    const pub = (...rules: LimitRule[]) => ({
      config: { public: true },
      schema: { hide: true },
      onRequest: limitHook(ctx.db, ...rules),
    });

    scope.get("/cong-dan", pub(page("/cong-dan")), async (_request, reply) => sendPage(reply, 200, homePage()));

    scope.get("/cong-dan/portal.js", pub(page("/cong-dan/portal.js")), async (_request, reply) =>
      reply
        .header("content-type", "text/javascript; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(script),
    );

    const renderFiling = async (
      values: FilingForm,
      problems: FilingProblem[],
      general: string | null,
      help: string | null,
    ) =>
      filingPage({
        agencies: await portalAgencies(ctx.db),
        challenge: issueChallenge(ctx.config.portalPowBits, "filing"),
        values,
        problems,
        general,
        helpField: help,
        maxUploadMb,
        maxFiles: PORTAL_MAX_FILES,
        accept: ACCEPTED_EXTENSIONS,
      });

    scope.get("/cong-dan/gui-don", pub(page("/cong-dan/gui-don")), async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const help = typeof query.linhVuc === "string" && query.linhVuc.length < 60 ? query.linhVuc : null;
      return sendPage(reply, 200, await renderFiling({}, [], null, help));
    });

    scope.post("/cong-dan/gui-don", pub(limits.filing), async (request, reply) => {
      if (!request.isMultipart())
        return sendPage(
          reply,
          415,
          errorPage("Không gửi được đơn", "Gửi đơn bằng biểu mẫu trên trang Gửi đơn.", {
            href: "/cong-dan/gui-don",
            label: "Về trang Gửi đơn",
          }),
        );
      const values: Record<string, string> = {};
      let pow = "";
      let nonce = "";
      const received: Received[] = [];
      let failure: unknown = null;
      let powChecked: ReturnType<typeof checkPow> | null = null;
      const encrypt = true;
      try {
        for await (const part of request.parts() as AsyncIterable<Part>) {
          if (part.type === "field") {
            const value = typeof part.value === "string" ? part.value : "";
            if (part.valueTruncated)
              failure ??= new DomainError("VALIDATION_FAILED", "Một mục của đơn quá dài.", part.fieldname);
            if (part.fieldname === "pow") pow = value;
            else if (part.fieldname === "nonce") nonce = value;
            else if (TEXT_FIELDS.has(part.fieldname)) values[part.fieldname] = value;
            continue;
          }
          // A file arrives after the fields before it in the form: the proof of work is checked
          // first, so nothing of an unsolved request is stored.
          powChecked ??= checkPow(pow, nonce, ctx.config.portalPowBits, "filing");
          if (failure || powChecked.verdict !== "ok" || !part.filename) {
            part.file.resume();
            continue;
          }
          try {
            received.push(
              await receiveFile(storage, cleanFileName(part.filename), part.file as never, {
                maxBytes: ctx.config.maxUploadBytes,
                encrypt,
              }),
            );
          } catch (error) {
            failure = error;
            part.file.resume();
          }
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        failure ??=
          code === "FST_FILES_LIMIT"
            ? new DomainError("BODY_TOO_LARGE", `Tệp đính kèm: tối đa ${PORTAL_MAX_FILES} tệp cho một đơn.`, "files")
            : new DomainError("MALFORMED_MULTIPART", ERROR_MESSAGES.MALFORMED_MULTIPART, "body");
      }
      const discard = () => Promise.all(received.map((r) => storage.delete(r.id).catch(() => {})));
      powChecked ??= checkPow(pow, nonce, ctx.config.portalPowBits, "filing");
      const check = checkFilingForm(values, todayInVietnam());
      const problems: FilingProblem[] = check.ok ? [] : [...check.problems];
      let general: string | null = null;
      if (failure instanceof DomainError && failure.field === "files")
        problems.push({ field: "files", message: failure.message });
      else if (failure instanceof DomainError)
        problems.push({ field: "files", message: `Tệp đính kèm: ${failure.message}` });
      else if (failure) {
        await discard();
        throw failure;
      }
      if (powChecked.verdict !== "ok") general = POW_MESSAGES[powChecked.verdict];
      if (!check.ok || problems.length || general) {
        await discard();
        return sendPage(reply, 400, await renderFiling(values, problems, general, null));
      }
      try {
        const result = await fileOnline(ctx.db, storage.kind, check.value, received, powChecked.id!, request.ip);
        mailer.kick();
        return sendPage(reply, 201, receiptPage(result));
      } catch (error) {
        await discard();
        if (error instanceof DomainError && (error.field === "agencyId" || error.field === "pow")) {
          const field = error.field === "agencyId" ? ("agencyId" as const) : null;
          return sendPage(
            reply,
            400,
            await renderFiling(
              values,
              field ? [{ field, message: error.message }] : [],
              field ? null : error.message,
              null,
            ),
          );
        }
        throw error;
      }
    });

    scope.get("/cong-dan/tra-cuu", pub(page("/cong-dan/tra-cuu")), async (_request, reply) =>
      sendPage(reply, 200, lookupPage()),
    );

    const codeOf = (body: unknown): string => {
      const value = (body as Record<string, unknown> | null)?.code;
      return typeof value === "string" ? value.slice(0, 64) : "";
    };

    /** The tracking page of one petition, with the survey when its handling is over. */
    const tracking = async (
      code: string,
      petitionId: string,
      options: { replyProblem?: string; sent?: boolean; survey?: SurveyFormState; mailStopped?: boolean } = {},
    ) => {
      const view = await citizenView(ctx.db, petitionId);
      const survey = petitionSurveyBlock(code, await petitionSurvey(ctx.db, petitionId), options.survey);
      return statusPage(code, view, options.replyProblem ?? null, options.sent ?? false, survey, options.mailStopped);
    };

    scope.post("/cong-dan/tra-cuu", pub(limits.code), async (request, reply) => {
      const typed = codeOf(request.body);
      const found = await lookupCode(ctx.db, typed, request.ip);
      if (!found.ok) return sendPage(reply, 400, lookupPage(found.message, typed));
      return sendPage(reply, 200, await tracking(found.code, found.petitionId));
    });

    scope.post("/cong-dan/tra-cuu/tra-loi", pub(limits.code), async (request, reply) => {
      const typed = codeOf(request.body);
      const found = await lookupCode(ctx.db, typed, request.ip);
      if (!found.ok) return sendPage(reply, 400, lookupPage(found.message, typed));
      const text = (request.body as Record<string, unknown>).text;
      try {
        await citizenWrites(ctx.db, found.petitionId, typeof text === "string" ? text : "", request.ip);
      } catch (error) {
        if (error instanceof DomainError)
          return sendPage(reply, 400, await tracking(found.code, found.petitionId, { replyProblem: error.message }));
        throw error;
      }
      return sendPage(reply, 201, await tracking(found.code, found.petitionId, { sent: true }));
    });

    // The holder of the code stops the notification mails (a code try like any other).
    scope.post("/cong-dan/tra-cuu/ngung-thu", pub(limits.code), async (request, reply) => {
      const typed = codeOf(request.body);
      const found = await lookupCode(ctx.db, typed, request.ip);
      if (!found.ok) return sendPage(reply, 400, lookupPage(found.message, typed));
      const agency = await ctx.db
        .selectFrom("petition")
        .select("agency_id")
        .where("id", "=", found.petitionId)
        .executeTakeFirstOrThrow();
      await stopPortalMail(ctx.db, found.petitionId, request.ip, agency.agency_id);
      return sendPage(reply, 200, await tracking(found.code, found.petitionId, { mailStopped: true }));
    });

    // ---- Satisfaction survey (issue 20) ----
    // No proof of work here: the survey must work without JavaScript (the proof is solved by the
    // script); the per-address limit holds it back, and a petition is rated once.
    scope.post("/cong-dan/tra-cuu/khao-sat", pub(limits.code, limits.survey), async (request, reply) => {
      const typed = codeOf(request.body);
      const found = await lookupCode(ctx.db, typed, request.ip);
      if (!found.ok) return sendPage(reply, 400, lookupPage(found.message, typed));
      const body = request.body as Record<string, unknown>;
      const state: SurveyFormState = {
        rating: typeof body.rating === "string" ? body.rating : "",
        comment: typeof body.comment === "string" ? body.comment.slice(0, 4000) : "",
      };
      const check = checkSurveyForm(body);
      if (!check.ok)
        return sendPage(
          reply,
          400,
          await tracking(found.code, found.petitionId, { survey: { ...state, problems: check.problems } }),
        );
      try {
        await answerForPetition(ctx.db, found.petitionId, check.value, request.ip);
      } catch (error) {
        if (error instanceof DomainError && (error.field === "rating" || error.field === "comment"))
          return sendPage(
            reply,
            400,
            await tracking(found.code, found.petitionId, {
              survey: { ...state, problems: [{ field: error.field, message: error.message }] },
            }),
          );
        throw error;
      }
      return sendPage(reply, 201, await tracking(found.code, found.petitionId));
    });

    const agencyCodeOf = (value: unknown) => (typeof value === "string" ? value.trim().slice(0, 40) : "");
    const noAgency = (reply: FastifyReply) =>
      sendPage(
        reply,
        404,
        errorPage("Không tìm thấy cơ quan", "Cơ quan (coQuan): mã cơ quan trên đường dẫn không có trong danh sách.", {
          href: "/cong-dan",
          label: "Về trang chủ của cổng",
        }),
      );

    scope.get("/cong-dan/khao-sat", pub(page("/cong-dan/khao-sat")), async (request, reply) => {
      const code = agencyCodeOf((request.query as Record<string, unknown>).coQuan);
      if (!code) return sendPage(reply, 200, surveyAgencyChoicePage(await surveyAgencies(ctx.db)));
      const agency = await surveyAgency(ctx.db, code);
      if (!agency) return noAgency(reply);
      return sendPage(reply, 200, receptionSurveyPage(agency, code));
    });

    scope.post("/cong-dan/khao-sat", pub(limits.survey), async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const code = agencyCodeOf(body.coQuan);
      const agency = await surveyAgency(ctx.db, code);
      if (!agency) return noAgency(reply);
      const check = checkSurveyForm(body);
      if (!check.ok)
        return sendPage(
          reply,
          400,
          receptionSurveyPage(agency, code, {
            rating: typeof body.rating === "string" ? body.rating : "",
            comment: typeof body.comment === "string" ? body.comment.slice(0, 4000) : "",
            problems: check.problems,
          }),
        );
      await answerForReception(ctx.db, agency.id, check.value, request.ip);
      return sendPage(reply, 201, surveyThanksPage(agency.name));
    });
  });
}

/** The back office's side: the survey's counts for one agency and period (under /api). */
export function portalSurveyRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["portal.survey.counts"], { config: { permission: "report.read" } }, async (request, reply) => {
    void reply.header("cache-control", "no-store");
    return surveyCounts(ctx.db, requireAuth(request), request.query);
  });
  route(app, ROUTES["portal.survey.comments"], { config: { permission: "report.read" } }, async (request, reply) => {
    void reply.header("cache-control", "no-store");
    return surveyComments(ctx.db, requireAuth(request), actorOf(request), request.query);
  });
}

/** The back office's side: the thread of a petition filed online (under /api). */
export function portalRoutes(app: Api, ctx: AppContext): void {
  route(app, ROUTES["petitions.portal.thread"], { config: { permission: "petition.read" } }, async (request, reply) => {
    void reply.header("cache-control", "no-store");
    return officerThread(ctx.db, requireAuth(request), actorOf(request), request.params.id);
  });

  const mailer = portalMailerOf(ctx.db, ctx.config, app.log);
  route(app, ROUTES["petitions.portal.ask"], { config: { permission: "petition.write" } }, async (request, reply) => {
    const thread = await askCitizen(
      ctx.db,
      requireAuth(request),
      actorOf(request),
      request.params.id,
      request.body.text,
    );
    // The filer is told by mail that a message waits (sent after the answer, in the background).
    mailer.kick();
    return reply.code(201).send(thread);
  });
}
