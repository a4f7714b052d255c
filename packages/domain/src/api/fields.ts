/**
 * Field builders shared by the API schemas: each names its field in its Vietnamese message, so an
 * officer reading an error knows which box to fix (the server and the web form show the same words).
 */
import { isValidIsoDate } from "../calendar/iso-date.ts";
import { z } from "./zod-vi.ts";

/** Free text, trimmed, at most `max` characters. */
export const labelledText = (max: number, label: string) =>
  z
    .string({ error: `${label} phải là chuỗi ký tự.` })
    .trim()
    .max(max, { error: `${label} chỉ được tối đa ${max} ký tự.` });

/** Text that must be given; `message` says what to type ("Nhập tên vụ việc." by default). */
export const requiredText = (max: number, label: string, message = `Nhập ${label.toLocaleLowerCase("vi")}.`) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `${label} chỉ được tối đa ${max} ký tự.` });

/** A calendar date as YYYY-MM-DD that exists. */
export const labelledDate = (label: string) =>
  z
    .string({ error: `${label}: nhập ngày (YYYY-MM-DD).` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} phải có dạng YYYY-MM-DD.`, abort: true })
    .refine(isValidIsoDate, { error: `${label} không tồn tại trong lịch.` });

export const flag = (label: string) => z.boolean({ error: `${label}: chọn có hoặc không.` });

/** The version a change was made on (optimistic locking). */
export const version = z
  .number({ error: "Phiên bản dữ liệu phải là số nguyên dương." })
  .int({ error: "Phiên bản dữ liệu phải là số nguyên dương." })
  .positive({ error: "Phiên bản dữ liệu phải là số nguyên dương." });
