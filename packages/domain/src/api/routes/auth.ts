import { changePasswordBody, loginBody, me } from "../auth.ts";
import { apiError } from "../common.ts";
import { defineRoutes } from "../contract.ts";
import { z } from "../zod-vi.ts";

const tags = ["Đăng nhập"];

export const AUTH_ROUTES = defineRoutes({
  "auth.login": {
    method: "POST",
    path: "/auth/login",
    tags,
    summary: "Đăng nhập bằng tên đăng nhập và mật khẩu; đặt cookie phiên",
    body: loginBody,
    response: { 200: me, 400: apiError, 401: apiError, 423: apiError, 429: apiError },
  },
  "auth.me": {
    method: "GET",
    path: "/auth/me",
    tags,
    summary: "Người dùng hiện tại, cơ quan và quyền",
    response: { 200: me, 401: apiError },
  },
  "auth.logout": {
    method: "POST",
    path: "/auth/logout",
    tags,
    summary: "Đăng xuất",
    response: { 204: z.null(), 401: apiError },
  },
  "auth.changePassword": {
    method: "POST",
    path: "/auth/change-password",
    tags,
    summary: "Đổi mật khẩu của chính mình",
    body: changePasswordBody,
    response: { 204: z.null(), 400: apiError, 401: apiError },
  },
});
