import { pageOf, uuid } from "../common.ts";
import { defineRoutes } from "../contract.ts";
import { createUserBody, resetPasswordBody, roleView, updateUserBody, user, userListQuery } from "../users.ts";
import { z } from "../zod-vi.ts";
import { recordErrors as errors } from "./errors.ts";

const tags = ["Tài khoản"];
const idParams = z.object({ id: uuid });

export const USER_ROUTES = defineRoutes({
  "users.list": {
    method: "GET",
    path: "/users",
    tags,
    summary: "Danh sách tài khoản (lọc, sắp xếp, phân trang)",
    query: userListQuery,
    response: { 200: pageOf(user), ...errors },
  },
  "users.get": {
    method: "GET",
    path: "/users/:id",
    tags,
    summary: "Một tài khoản",
    params: idParams,
    response: { 200: user, ...errors },
  },
  "users.create": {
    method: "POST",
    path: "/users",
    tags,
    summary: "Tạo tài khoản",
    body: createUserBody,
    response: { 201: user, ...errors },
  },
  "users.update": {
    method: "PATCH",
    path: "/users/:id",
    tags,
    summary: "Sửa tài khoản, khóa hoặc mở khóa (kèm version để phát hiện sửa đồng thời)",
    params: idParams,
    body: updateUserBody,
    response: { 200: user, ...errors },
  },
  "users.resetPassword": {
    method: "POST",
    path: "/users/:id/reset-password",
    tags,
    summary: "Đặt lại mật khẩu (người dùng phải đổi ở lần đăng nhập sau)",
    params: idParams,
    body: resetPasswordBody,
    response: { 204: z.null(), ...errors },
  },
  "roles.list": {
    method: "GET",
    path: "/roles",
    tags,
    summary: "Các vai trò và quyền",
    response: { 200: z.object({ items: z.array(roleView) }), ...errors },
  },
});
