import { newPassword, permission, roleCode, username } from "./auth.ts";
import { pageQuery, uuid } from "./common.ts";
import { blankable, z } from "./zod-vi.ts";

export const fullName = z
  .string()
  .trim()
  .min(1, { error: "Nhập họ và tên." })
  .max(120, { error: "Họ và tên chỉ được tối đa 120 ký tự." });
/** Chức vụ, printed under the signature of the papers the user signs ("Giám đốc", "Phó Giám đốc"). */
export const position = blankable(
  z.string().trim().max(100, { error: "Chức vụ chỉ được tối đa 100 ký tự." }).nullish(),
);
const email = z.email({ error: "Địa chỉ thư điện tử không hợp lệ." }).max(200);

export const user = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  agencyId: z.string(),
  agencyName: z.string(),
  roles: z.array(roleCode),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof user>;

export const createUserBody = z.strictObject({
  username,
  fullName,
  position,
  email: email.nullish(),
  agencyId: uuid,
  roles: z.array(roleCode).min(1, { error: "Chọn ít nhất một vai trò." }).max(9),
  password: newPassword,
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  version: z.number().int().min(1),
  fullName: fullName.optional(),
  position,
  email: email.nullish(),
  agencyId: uuid.optional(),
  roles: z.array(roleCode).min(1, { error: "Chọn ít nhất một vai trò." }).max(9).optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.strictObject({ newPassword });

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  agencyId: uuid.optional(),
  role: roleCode.optional(),
  status: z.enum(["active", "disabled"]).optional(),
  sort: z.enum(["username", "fullName", "createdAt", "lastLoginAt"]).default("username"),
  order: z.enum(["asc", "desc"]).default("asc"),
});
export type UserListQuery = z.infer<typeof userListQuery>;

/** A role as GET /roles lists it, with its permissions. */
export const roleView = z.object({
  code: roleCode,
  name: z.string(),
  description: z.string(),
  scope: z.enum(["own", "subtree"]),
  permissions: z.array(permission),
});
export type RoleView = z.infer<typeof roleView>;
