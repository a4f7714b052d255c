/**
 * API schemas of citizen reception. The refinements call the domain checks (reception/), so the web
 * form and the server give the same Vietnamese message for the same field.
 */
import { COMPETENCE_LABELS, PETITION_KIND_LIST, type Competence } from "../petitions/kinds.ts";
import { fieldByCode, isActiveFieldCode } from "../petitions/fields.ts";
import { checkGroupRepresentation } from "../reception/group.ts";
import { IDENTITY_DOCUMENT_KINDS, validateIdentityDocument, type IdentityDocumentKind } from "../reception/identity.ts";
import type { Problem } from "../problem.ts";
import {
  HANDLING_ROUTE_LIST,
  REFUSAL_REASON_CODES,
  VISIT_KIND_LIST,
  VISIT_STATES,
  VISITOR_CAPACITY_LIST,
  type RefusalReasonCode,
  type VisitState,
} from "../reception/visit.ts";
import { checkRefusal, checkVisitHandling, checkVisitRecord } from "../reception/visit-machine.ts";
import { emailAddress, isoDate, pageQuery, phoneNumber, uuid } from "./common.ts";
import { blankable, z } from "./zod-vi.ts";

/**
 * Adds the errors of a domain check to a zod refinement context (warnings are for the UI, not for
 * validation). A field that already has an issue from its own schema does not get a second one.
 */
export function addProblems(
  ctx: z.core.$RefinementCtx,
  problems: readonly Problem[],
  prefix: PropertyKey[] = [],
): void {
  const taken = new Set(ctx.issues.map((i) => (i.path ?? []).map(String).join(".")));
  for (const p of problems) {
    if (p.severity !== "error") continue;
    const path = [...prefix, ...(p.field ? p.field.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : [])];
    const key = path.map(String).join(".");
    if (taken.has(key)) continue;
    taken.add(key);
    ctx.addIssue({ code: "custom", path, message: p.message, params: { code: p.code } });
  }
}

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} chỉ được tối đa ${max} ký tự.` });

export const identityDocumentKind = z.enum(
  Object.keys(IDENTITY_DOCUMENT_KINDS) as [IdentityDocumentKind, ...IdentityDocumentKind[]],
  {
    error: "Loại giấy tờ tùy thân không hợp lệ.",
  },
);
export const gender = z.enum(["male", "female"], { error: "Giới tính không hợp lệ." });

export const identityDocument = z
  .strictObject({
    kind: identityDocumentKind,
    number: z.string().trim().min(1, { error: "Nhập số giấy tờ tùy thân." }).max(50),
    birthYear: z
      .number({ error: "Năm sinh phải là số." })
      .int()
      .min(1900, { error: "Năm sinh không hợp lệ (từ 1900 đến 2099)." })
      .max(2099, { error: "Năm sinh không hợp lệ (từ 1900 đến 2099)." })
      .nullish(),
    gender: gender.nullish(),
  })
  .superRefine((doc, ctx) => {
    const check = validateIdentityDocument(doc);
    if (!check.ok)
      addProblems(ctx, [{ code: check.code, field: check.field, message: check.message, severity: "error" }]);
  });
export type IdentityDocumentBody = z.infer<typeof identityDocument>;

export const personName = z
  .string()
  .trim()
  .min(1, { error: "Nhập họ và tên." })
  .max(120, { error: "Họ và tên chỉ được tối đa 120 ký tự." });

export const petitionKind = z.enum(PETITION_KIND_LIST, { error: "Loại nội dung không hợp lệ." });
export const competence = z.enum(Object.keys(COMPETENCE_LABELS) as [Competence, ...Competence[]], {
  error: "Chọn thuộc hoặc không thuộc thẩm quyền.",
});
export const fieldCode = z.string().refine(isActiveFieldCode, { error: "Lĩnh vực không có trong danh mục." });
/** A field to filter by: retired fields too, since past records were filed under them. */
export const anyFieldCode = z
  .string()
  .refine((code) => fieldByCode(code) !== undefined, { error: "Lĩnh vực không có trong danh mục." });

export const visitor = z.strictObject({
  fullName: personName,
  address: blankable(text(300, "Địa chỉ").default("")),
  identity: identityDocument.nullish(),
  gender: gender.nullish(),
  capacity: z.enum(VISITOR_CAPACITY_LIST, { error: "Tư cách người đến không hợp lệ." }).default("self"),
  authorisationPaper: text(200, "Giấy tờ ủy quyền, giới thiệu").nullish(),
  // Validated as a petitioner's contacts (api/petitions.ts), which they become with the visit's letter.
  phone: phoneNumber.nullish(),
  email: emailAddress.nullish(),
});

export const groupPerson = z.strictObject({
  fullName: personName,
  idNumber: text(50, "Số giấy tờ").nullish(),
});

export const refusal = z.strictObject({
  reason: z
    .number({ error: "Chọn lý do từ chối (khoản 1–4 Điều 9 Luật Tiếp công dân)." })
    .int()
    .refine((n): n is RefusalReasonCode => (REFUSAL_REASON_CODES as readonly number[]).includes(n), {
      error: "Lý do từ chối phải là một trong các khoản 1–4 Điều 9 Luật Tiếp công dân.",
    }),
  explanation: text(2000, "Nội dung giải thích").nullish(),
  earlierMatterId: text(100, "Vụ việc đã giải quyết").nullish(),
  refusalNotice: z
    .strictObject({
      number: z.string().trim().min(1, { error: "Nhập số Thông báo từ chối tiếp công dân." }).max(100),
      date: isoDate,
    })
    .nullish(),
  legalBasis: text(500, "Căn cứ pháp luật").nullish(),
});

export const visitHandling = z.strictObject({
  route: z.enum(HANDLING_ROUTE_LIST, { error: "Hướng xử lý không hợp lệ." }),
  targetBody: text(300, "Cơ quan có thẩm quyền").nullish(),
  documentNumber: text(100, "Số văn bản").nullish(),
  petitionId: uuid.nullish(),
  refusal: refusal.nullish(),
});

const visitFields = {
  kind: z.enum(VISIT_KIND_LIST, { error: "Hình thức tiếp công dân không hợp lệ." }),
  receivedOn: isoDate,
  receiverName: z.string().trim().min(1, { error: "Nhập người tiếp công dân." }).max(120),
  presidingHead: text(120, "Người chủ trì").nullish(),
  visitors: z.array(visitor).min(1, { error: "Nhập ít nhất một người đến." }).max(200),
  peopleCount: z
    .number({ error: "Số người phải là số." })
    .int()
    .min(1, { error: "Số người phải từ 1 trở lên." })
    .max(10000),
  representatives: z.array(groupPerson).max(20).default([]),
  writtenAppointment: z.boolean().nullish(),
  contentSummary: blankable(text(4000, "Tóm tắt nội dung").default("")),
  contentKind: petitionKind.nullish(),
  fieldCode: fieldCode.nullish(),
  competence: competence.nullish(),
  previousResolver: text(300, "Cơ quan đã giải quyết").nullish(),
  respondentName: blankable(text(300, "Người bị khiếu nại, tố cáo").nullish()),
  respondentAddress: blankable(text(300, "Địa chỉ người bị khiếu nại, tố cáo").nullish()),
  documentsReceived: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, { error: "Nhập tên tài liệu." }).max(300),
        pages: z.number().int().min(1).max(10000).nullish(),
      }),
    )
    .max(100)
    .default([]),
  handling: visitHandling.nullish(),
  followUp: text(4000, "Theo dõi kết quả").nullish(),
  notes: text(2000, "Ghi chú").nullish(),
};

const visitObject = z.strictObject(visitFields);

/** Create a visit; with `handling` the visit is recorded as already handled (checked like OPEN → HANDLED). */
export const createVisitBody = visitObject.superRefine((v, ctx) => {
  addProblems(ctx, v.handling ? checkVisitHandling(v, v.handling) : checkVisitRecord(v));
});
export type CreateVisitBody = z.infer<typeof createVisitBody>;

/** Partial update; the group is checked when the fields it needs are all sent. */
export const updateVisitBody = visitObject
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine((v, ctx) => {
    if (v.peopleCount !== undefined && v.visitors !== undefined && v.representatives !== undefined) {
      const group = checkGroupRepresentation({
        peopleCount: v.peopleCount,
        members: v.visitors.map((m) => ({ fullName: m.fullName, idNumber: m.identity?.number ?? null })),
        representatives: v.representatives,
        writtenAppointment: v.writtenAppointment ?? null,
      });
      addProblems(ctx, group.problems);
    }
    if (v.handling?.route === "refused") addProblems(ctx, checkRefusal(v.handling.refusal));
  });
export type UpdateVisitBody = z.infer<typeof updateVisitBody>;

/** OPEN → HANDLED; the server checks the stored visit with visitTransition. */
export const handleVisitBody = z
  .strictObject({ version: z.number().int().min(1), handling: visitHandling })
  .superRefine((v, ctx) => {
    if (v.handling.route === "refused") addProblems(ctx, checkRefusal(v.handling.refusal));
  });
export type HandleVisitBody = z.infer<typeof handleVisitBody>;

export const followUpVisitBody = z.strictObject({
  version: z.number().int().min(1),
  followUp: z.string().trim().min(1, { error: "Ghi tiến độ hoặc kết quả giải quyết." }).max(4000),
});
export type FollowUpVisitBody = z.infer<typeof followUpVisitBody>;

/** "a,b,c" in a query string → a list of enum values. */
export function csvOf<T extends string>(values: readonly [T, ...T[]], label: string) {
  return z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: `${label} không hợp lệ.` })).max(values.length));
}

export const visitState = z.enum(Object.keys(VISIT_STATES) as [VisitState, ...VisitState[]], {
  error: "Trạng thái không hợp lệ.",
});

export const visitListQuery = pageQuery
  .extend({
    q: text(200, "Từ khóa").optional(),
    status: csvOf(Object.keys(VISIT_STATES) as [VisitState, ...VisitState[]], "Trạng thái").optional(),
    kind: csvOf(VISIT_KIND_LIST, "Hình thức tiếp").optional(),
    route: csvOf(HANDLING_ROUTE_LIST, "Hướng xử lý").optional(),
    contentKind: csvOf(PETITION_KIND_LIST, "Loại nội dung").optional(),
    fieldCode: fieldCode.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    crowd: z.stringbool({ error: "Giá trị đúng/sai không hợp lệ." }).optional(),
    sort: z.enum(["receivedOn", "peopleCount", "status"]).default("receivedOn"),
    order: z.enum(["asc", "desc"]).default("desc"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type VisitListQuery = z.infer<typeof visitListQuery>;
