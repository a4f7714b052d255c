import { z } from "./zod-vi.ts";

/** A calendar date as the API carries it: YYYY-MM-DD, checked to exist (no 30/02). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Ngày phải có dạng YYYY-MM-DD." })
  .refine(
    (value) => {
      const [y, m, d] = value.split("-").map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { error: "Ngày không tồn tại trong lịch." },
  );

/** A phone number as written at a desk or on a letter ("+84 912 345 678", "0912.345.678"). */
export const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,20}$/, { error: "Số điện thoại không hợp lệ." });
export const emailAddress = z.email({ error: "Địa chỉ thư điện tử không hợp lệ." }).max(200);

export const uuid = z.uuid({ error: "Mã định danh không hợp lệ." });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const apiError = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
