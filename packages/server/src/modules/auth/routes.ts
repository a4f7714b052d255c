import { ROUTES } from "@minhbach/domain/api/routes";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { route, type Api } from "../../platform/http.ts";
import { clearSessionCookie, setSessionCookie } from "../../platform/sessions.ts";
import { changePassword, describeMe, login, logout } from "./service.ts";

export function authRoutes(app: Api, ctx: AppContext): void {
  const secure = ctx.config.cookieSecure;

  route(
    app,
    ROUTES["auth.login"],
    { config: { public: true, rateLimit: { max: ctx.config.loginRateLimit, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const { session, userId } = await login(ctx.db, request.body, {
        ip: request.ip ?? null,
        userAgent: request.headers["user-agent"] ?? null,
      });
      setSessionCookie(reply, session.token, secure || request.protocol === "https");
      return describeMe(ctx.db, userId, session.csrfToken);
    },
  );

  route(app, ROUTES["auth.me"], { config: { permission: "session" } }, async (request) => {
    const auth = requireAuth(request);
    return describeMe(ctx.db, auth.userId, auth.csrfToken);
  });

  route(app, ROUTES["auth.logout"], { config: { permission: "session" } }, async (request, reply) => {
    await logout(ctx.db, requireAuth(request), actorOf(request));
    clearSessionCookie(reply, secure || request.protocol === "https");
    return reply.code(204).send(null);
  });

  route(app, ROUTES["auth.changePassword"], { config: { permission: "session" } }, async (request, reply) => {
    await changePassword(ctx.db, requireAuth(request), actorOf(request), request.body);
    return reply.code(204).send(null);
  });
}
