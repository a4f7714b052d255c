/**
 * The security headers of every answer (Helmet): a strict Content-Security-Policy and Helmet's
 * other defaults, on every route and on the errors Fastify answers before any route or hook
 * (a broken or too long URL, see errors.ts). Strict-Transport-Security only when the request came
 * over HTTPS (TLS here, or a trusted proxy's X-Forwarded-Proto): a server reached over plain
 * HTTP, such as a demo on a laptop, does not claim the name for HTTPS.
 */
import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import helmet from "helmet";

const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Mantine sets inline style attributes.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      // Helmet's default would send a browser on plain HTTP (a demo opened from another machine
      // with HOST=0.0.0.0) to https:// for every script and style; over HTTPS everything here is
      // 'self', so it has nothing to upgrade.
      upgradeInsecureRequests: null,
    },
  },
  // Added per request below, over HTTPS only.
  strictTransportSecurity: false,
};

/** Helmet's own default: one year, subdomains included. */
const HSTS = "max-age=31536000; includeSubDomains";

const helmetHeaders = helmet(HELMET_OPTIONS);

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, HELMET_OPTIONS);
  // Fastify's request.protocol: TLS, or X-Forwarded-Proto when TRUST_PROXY trusts the proxy.
  app.addHook("onRequest", async (request, reply) => {
    if (request.protocol === "https") reply.header("strict-transport-security", HSTS);
  });
}

/**
 * The same headers on an answer given before any hook runs (Fastify's `frameworkErrors`). Such a
 * request does not know the proxy is trusted (its `protocol` only sees TLS), hence `trustProxy`:
 * then the last X-Forwarded-Proto counts, as Fastify reads it.
 */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply, trustProxy: boolean): void {
  helmetHeaders(request.raw, reply.raw, () => {});
  const forwarded = trustProxy ? String(request.headers["x-forwarded-proto"] ?? "") : "";
  if (request.protocol === "https" || forwarded.split(",").at(-1)?.trim() === "https") {
    reply.header("strict-transport-security", HSTS);
  }
}
