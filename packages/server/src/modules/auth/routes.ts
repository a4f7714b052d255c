import { changePasswordBody, loginBody, me } from "@minhbach/domain/api/auth";
import { apiError } from "@minhbach/domain/api/common";
import { z } from "zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";
import { clearSessionCookie, setSessionCookie } from "../../platform/sessions.ts";
import { changePassword, describeMe, login, logout } from "./service.ts";

const tags = ["Đăng nhập"];

export function authRoutes(app: Api, ctx: AppContext): void {
  const secure = ctx.config.cookieSecure;

  app.post(
    "/auth/login",
    {
      config: {
        public: true,
        rateLimit: { max: ctx.config.loginRateLimit, timeWindow: "1 minute" },
      },
      schema: {
        tags,
        summary: "Đăng nhập bằng tên đăng nhập và mật khẩu; đặt cookie phiên",
        body: loginBody,
        response: { 200: me, 400: apiError, 401: apiError, 423: apiError, 429: apiError },
      },
    },
    async (request, reply) => {
      const { session, userId } = await login(ctx.db, request.body, {
        ip: request.ip ?? null,
        userAgent: request.headers["user-agent"] ?? null,
      });
      setSessionCookie(reply, session.token, secure || request.protocol === "https");
      return describeMe(ctx.db, userId, session.csrfToken);
    },
  );

  app.get(
    "/auth/me",
    {
      config: { permission: "session" },
      schema: { tags, summary: "Người dùng hiện tại, cơ quan và quyền", response: { 200: me, 401: apiError } },
    },
    async (request) => {
      const auth = requireAuth(request);
      return describeMe(ctx.db, auth.userId, auth.csrfToken);
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { permission: "session" },
      schema: { tags, summary: "Đăng xuất", response: { 204: z.null(), 401: apiError } },
    },
    async (request, reply) => {
      await logout(ctx.db, requireAuth(request), actorOf(request));
      clearSessionCookie(reply, secure || request.protocol === "https");
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/auth/change-password",
    {
      config: { permission: "session" },
      schema: {
        tags,
        summary: "Đổi mật khẩu của chính mình",
        body: changePasswordBody,
        response: { 204: z.null(), 400: apiError, 401: apiError },
      },
    },
    async (request, reply) => {
      await changePassword(ctx.db, requireAuth(request), actorOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
}
