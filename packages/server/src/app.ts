/**
 * Builds the HTTP application: platform concerns first (errors, security headers, cookies,
 * sessions, access control, OpenAPI), then one module per capability, then the web app.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import "@minhbach/domain/api/zod-vi";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { ERROR_MESSAGES } from "@minhbach/domain";
import { ROUTES } from "@minhbach/domain/api/routes";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { attachmentRoutes } from "./modules/attachments/routes.ts";
import { auditRoutes } from "./modules/audit/routes.ts";
import { authRoutes } from "./modules/auth/routes.ts";
import { calendarRoutes } from "./modules/calendar/routes.ts";
import { caseRoutes } from "./modules/cases/routes.ts";
// inspections: the record, findings and follow-up (issue 17)
import { inspectionFollowUpRoutes } from "./modules/inspections/follow-up/routes.ts";
import { inspectionRecordRoutes } from "./modules/inspections/record/routes.ts";
import { documentRoutes } from "./modules/documents/routes.ts";
import { healthRoutes } from "./modules/health/routes.ts";
import { organisationRoutes } from "./modules/organisation/routes.ts";
import { receptionRoutes } from "./modules/reception/routes.ts";
// periodic reports (issue 19)
import { reportRoutes } from "./modules/reports/routes.ts";
import { petitionRoutes } from "./modules/petitions/routes.ts";
import { userRoutes } from "./modules/users/routes.ts";
// Inspection plans, subjects and overlaps (issue 17).
import { inspectionPlanRoutes } from "./modules/inspections/plans/routes.ts";
import { inspectionSubjectRoutes } from "./modules/inspections/subjects/routes.ts";
// anticorruption
import { anticorruptionRoutes } from "./modules/anticorruption/routes.ts";
// portal (issue 20)
import { portalPages, portalRoutes } from "./modules/portal/routes.ts";
// portal survey (issue 20)
import { portalSurveyRoutes } from "./modules/portal/routes.ts";
// public consultation on draft regulations (issue 20)
import { consultationPages, consultationRoutes } from "./modules/consultations/routes.ts";
// portal publications, open data, Q&A (issue 20)
import { publicationPages, publicationRoutes } from "./modules/portal/publication-routes.ts";
import { registerAccessControl } from "./platform/access.ts";
import type { AppContext } from "./platform/context.ts";
import { frameworkErrors, registerErrorHandling } from "./platform/errors.ts";
import { registerTextChecks, route, type Api } from "./platform/http.ts";
import { registerSecurityHeaders } from "./platform/security-headers.ts";
import { registerSessionLoader } from "./platform/sessions.ts";
import { keyRing } from "./platform/vault.ts";

export interface BuildOptions {
  /** false: no logging (tests); otherwise our redacting logger, to stdout or this stream. */
  logger?: false;
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<Api> {
  const { config } = ctx;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Logs never carry passwords, session tokens or personal identity data: bodies are not
      // logged, and query strings (which may hold a searched name) are cut from the URL.
      serializers: {
        req: (req) => ({ method: req.method, url: req.url.split("?")[0], remoteAddress: req.ip }),
      },
      redact: {
        paths: [
          "req.headers.cookie",
          "req.headers['x-csrf-token']",
          "req.headers.authorization",
          "res.headers['set-cookie']",
        ],
        censor: "[ẩn]",
      },
    },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrors({ trustProxy: config.trustProxy }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Minh Bạch API",
        description:
          "API của hệ thống Minh Bạch. Đăng nhập bằng POST /api/auth/login; các yêu cầu thay đổi dữ liệu gửi kèm tiêu đề X-CSRF-Token lấy từ phản hồi đăng nhập hoặc GET /api/auth/me.",
        version: "0.1.0",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "mb_session" } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  registerSessionLoader(app, ctx.db);
  registerAccessControl(app);
  registerTextChecks(app);

  await app.register(
    async (api) => {
      const zapi = api.withTypeProvider<ZodTypeProvider>() as Api;
      healthRoutes(zapi, ctx);
      authRoutes(zapi, ctx);
      organisationRoutes(zapi, ctx);
      userRoutes(zapi, ctx);
      auditRoutes(zapi, ctx);
      calendarRoutes(zapi, ctx);
      petitionRoutes(zapi, ctx);
      // Scans of a letter may show a denouncer's handwriting: every file is encrypted at rest.
      attachmentRoutes(zapi, ctx, { keys: (id) => keyRing().rawKey(id) });
      documentRoutes(zapi, ctx);
      receptionRoutes(zapi, ctx);
      caseRoutes(zapi, ctx);
      // Inspection plans, subjects and overlaps (issue 17).
      inspectionSubjectRoutes(zapi, ctx);
      inspectionPlanRoutes(zapi, ctx);
      // inspections: the record, findings and follow-up (issue 17)
      inspectionRecordRoutes(zapi, ctx);
      inspectionFollowUpRoutes(zapi, ctx);
      // anticorruption
      anticorruptionRoutes(zapi, ctx);
      // portal (issue 20): the back office's thread with a sender
      portalRoutes(zapi, ctx);
      // portal survey (issue 20): the counts per agency and period
      portalSurveyRoutes(zapi, ctx);
      // public consultation on draft regulations (issue 20)
      consultationRoutes(zapi, ctx);
      // portal publications, open data, Q&A (issue 20)
      publicationRoutes(zapi, ctx);
      // periodic reports (issue 19)
      reportRoutes(zapi, ctx);
      route(
        zapi,
        ROUTES["system.openapi"],
        { config: { public: true } },
        async () => app.swagger() as unknown as Record<string, unknown>,
      );
    },
    { prefix: "/api" },
  );

  // portal (issue 20): the public pages for citizens, outside the API and the officers' app
  portalPages(app as unknown as FastifyInstance, ctx);
  // public consultation (issue 20): the draft regulations open to comment, on the portal
  consultationPages(app as unknown as FastifyInstance, ctx);
  // portal publications, open data, Q&A (issue 20)
  publicationPages(app as unknown as FastifyInstance, ctx);

  const webDist = config.webDist;
  const indexHtml = webDist && existsSync(path.join(webDist, "index.html")) ? path.join(webDist, "index.html") : null;
  if (webDist && indexHtml) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/api/");
    if (wantsPage && indexHtml) {
      // The single-page app handles its own routes; any unknown path gets its shell.
      return reply.type("text/html; charset=utf-8").send(readFileSync(indexHtml));
    }
    if (wantsPage) {
      return reply
        .code(404)
        .type("text/html; charset=utf-8")
        .send(
          "<!doctype html><meta charset=utf-8><title>Minh Bạch</title><p>Chưa có giao diện web: chạy <code>npm run build</code> rồi khởi động lại.</p>",
        );
    }
    return reply.code(404).send({ code: "ROUTE_NOT_FOUND", message: ERROR_MESSAGES.ROUTE_NOT_FOUND });
  });

  return app as unknown as Api;
}
