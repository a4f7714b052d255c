import { ROLE_CODES, ROLES } from "@minhbach/domain";
import { apiError, pageOf, uuid } from "@minhbach/domain/api/common";
import { createUserBody, resetPasswordBody, updateUserBody, user, userListQuery } from "@minhbach/domain/api/users";
import { z } from "zod";
import { actorOf, requireAuth } from "../../platform/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Api } from "../../platform/http.ts";
import { createUser, getUser, listUsers, resetPassword, updateUser } from "./service.ts";

const tags = ["Tài khoản"];
const errors = { 400: apiError, 401: apiError, 403: apiError, 404: apiError, 409: apiError };
const idParams = z.object({ id: uuid });
const role = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  scope: z.enum(["own", "subtree"]),
  permissions: z.array(z.string()),
});

export function userRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/users",
    {
      config: { permission: "user.read" },
      schema: {
        tags,
        summary: "Danh sách tài khoản (lọc, sắp xếp, phân trang)",
        querystring: userListQuery,
        response: { 200: pageOf(user), ...errors },
      },
    },
    async (request) => listUsers(ctx.db, requireAuth(request), request.query),
  );

  app.get(
    "/users/:id",
    {
      config: { permission: "user.read" },
      schema: { tags, summary: "Một tài khoản", params: idParams, response: { 200: user, ...errors } },
    },
    async (request) => getUser(ctx.db, requireAuth(request), request.params.id),
  );

  app.post(
    "/users",
    {
      config: { permission: "user.manage" },
      schema: { tags, summary: "Tạo tài khoản", body: createUserBody, response: { 201: user, ...errors } },
    },
    async (request, reply) =>
      reply.code(201).send(await createUser(ctx.db, requireAuth(request), actorOf(request), request.body)),
  );

  app.patch(
    "/users/:id",
    {
      config: { permission: "user.manage" },
      schema: {
        tags,
        summary: "Sửa tài khoản, khóa hoặc mở khóa (kèm version để phát hiện sửa đồng thời)",
        params: idParams,
        body: updateUserBody,
        response: { 200: user, ...errors },
      },
    },
    async (request) => updateUser(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/users/:id/reset-password",
    {
      config: { permission: "user.manage" },
      schema: {
        tags,
        summary: "Đặt lại mật khẩu (người dùng phải đổi ở lần đăng nhập sau)",
        params: idParams,
        body: resetPasswordBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await resetPassword(ctx.db, requireAuth(request), actorOf(request), request.params.id, request.body.newPassword);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/roles",
    {
      config: { permission: "user.read" },
      schema: {
        tags,
        summary: "Các vai trò và quyền",
        response: { 200: z.object({ items: z.array(role) }), ...errors },
      },
    },
    async () => ({ items: ROLE_CODES.map((code) => ({ ...ROLES[code], permissions: [...ROLES[code].permissions] })) }),
  );
}
