import { PERMISSIONS, ROLE_CODES } from "../auth/permissions.ts";
import { z } from "./zod-vi.ts";

export const username = z
  .string()
  .trim()
  .min(3, { error: "Tên đăng nhập phải có ít nhất 3 ký tự." })
  .max(64, { error: "Tên đăng nhập chỉ được tối đa 64 ký tự." })
  .regex(/^[a-z0-9._-]+$/, { error: "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và . _ -" });

/** Password policy: at least 10 characters with lower case, upper case and a digit (ASVS 2.1). */
export const newPassword = z
  .string()
  .min(10, { error: "Mật khẩu phải có ít nhất 10 ký tự." })
  .max(128, { error: "Mật khẩu chỉ được tối đa 128 ký tự." })
  .refine((v) => /[a-zà-ỹđ]/.test(v) && /[A-ZÀ-ỸĐ]/.test(v) && /\d/.test(v), {
    error: "Mật khẩu phải gồm chữ hoa, chữ thường và chữ số.",
  });

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, { error: "Nhập tên đăng nhập." }).max(64),
  password: z.string().min(1, { error: "Nhập mật khẩu." }).max(128),
});
export type LoginBody = z.infer<typeof loginBody>;

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, { error: "Nhập mật khẩu hiện tại." }).max(128),
  newPassword,
});

export const roleCode = z.enum(ROLE_CODES, { error: "Vai trò không hợp lệ." });
export const permission = z.enum(PERMISSIONS);

export const agencyRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const me = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    roles: z.array(roleCode),
    mustChangePassword: z.boolean(),
  }),
  agency: agencyRef,
  permissions: z.array(z.object({ permission, scope: z.enum(["own", "subtree"]) })),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof me>;
