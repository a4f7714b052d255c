/**
 * zod schema of a deadline input, shared by the server (request validation) and the web (forms).
 * It checks shapes and dates; whether the rule, variant and number of extensions fit the rule set
 * is checked by validateDeadlineInput / the engine, which know the (configurable) rules.
 */
import { z } from "zod";
import { blankable } from "../api/zod-vi.ts";
import { isValidIsoDate } from "../calendar/iso-date.ts";
import { DeadlineError, type DeadlineErrorCode } from "./errors.ts";
import { resolveInput, type DeadlineInput } from "./rule-set.ts";
import { DEFAULT_RULES, type RuleSet } from "./rules.ts";

export const isoDateSchema = z.string({ error: "Ngày phải là chuỗi dạng YYYY-MM-DD" }).refine(isValidIsoDate, {
  error: (iss) => `Ngày ${JSON.stringify(iss.input)} không hợp lệ (định dạng YYYY-MM-DD, phải là ngày có thật)`,
});

export const suspensionSchema = z
  .object(
    { from: isoDateSchema, to: isoDateSchema },
    { error: "Khoảng tạm đình chỉ phải có ngày bắt đầu (from) và ngày kết thúc (to)" },
  )
  .superRefine((s, ctx) => {
    if (s.to < s.from) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `Khoảng tạm đình chỉ kết thúc (${s.to}) trước khi bắt đầu (${s.from})`,
      });
    }
  });

export const deadlineInputSchema = z
  .object({
    rule: z.string({ error: "Cần chọn quy tắc thời hạn" }).min(1, { error: "Cần chọn quy tắc thời hạn" }),
    from: isoDateSchema,
    variant: blankable(
      z
        .string({ error: "Trường hợp riêng phải là chuỗi" })
        .min(1, { error: "Trường hợp riêng không được để trống" })
        .optional(),
    ),
    extensions: z
      .number({ error: "Số lần gia hạn phải là số" })
      .int({ error: "Số lần gia hạn phải là số nguyên" })
      .min(0, { error: "Số lần gia hạn không được âm" })
      .optional(),
    suspensions: z.array(suspensionSchema, { error: "Danh sách tạm đình chỉ phải là một mảng" }).optional(),
  })
  .superRefine((input, ctx) => {
    const list = input.suspensions ?? [];
    list.forEach((s, i) => {
      if (s.from < input.from) {
        ctx.addIssue({
          code: "custom",
          path: ["suspensions", i, "from"],
          message: `Khoảng tạm đình chỉ bắt đầu (${s.from}) trước ngày bắt đầu tính thời hạn (${input.from})`,
        });
      }
      for (let j = 0; j < i; j++) {
        const o = list[j]!;
        if (s.from <= o.to && o.from <= s.to) {
          ctx.addIssue({
            code: "custom",
            path: ["suspensions", i, "from"],
            message: `Khoảng tạm đình chỉ ${s.from}–${s.to} chồng lên khoảng ${o.from}–${o.to}`,
          });
        }
      }
    });
  });

export type DeadlineInputData = z.infer<typeof deadlineInputSchema>;

export interface InputProblem {
  code: DeadlineErrorCode | "SCHEMA";
  field: string;
  message: string;
}

/** Full check of an input against a rule set, without computing: the problems, or none. */
export function validateDeadlineInput(input: unknown, rules: RuleSet = DEFAULT_RULES): InputProblem[] {
  const parsed = deadlineInputSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      code: "SCHEMA" as const,
      field: issue.path
        .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
        .join("")
        .replace(/^\./, ""),
      message: issue.message,
    }));
  }
  try {
    resolveInput(parsed.data as DeadlineInput, rules);
    return [];
  } catch (e) {
    if (e instanceof DeadlineError) return [{ code: e.code, field: e.field, message: e.message }];
    throw e;
  }
}
