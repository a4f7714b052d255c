/**
 * API shapes of the follow-up of handled petitions (urging, destruction of filed petitions past
 * their year of retention) and of the field catalogue administration, shared by the server and
 * the web app.
 */
import { FIELD_GROUPS, type FieldGroup, type ReportFieldGroup } from "../petitions/fields.ts";
import { isoDate, uuid } from "./common.ts";
import { blankable, z } from "./zod-vi.ts";
import { flag } from "./fields.ts";

const required = (max: number, message: string) => z.string().trim().min(1, { error: message }).max(max);

// ---- Destruction (Điều 28 khoản 2 Thông tư 05/2021/TT-TTCP) ----------------------------------

/** A filed petition whose year of retention is over. */
export const retentionDueItem = z.object({
  id: z.string(),
  code: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  receivedOn: z.string(),
  filedOn: z.string().nullable(),
  archiveReason: z.string().nullable(),
  archiveReasonLabel: z.string(),
  retentionUntil: z.string(),
  kind: z.string().nullable(),
  /** As lists show it: a denouncer stays masked. */
  petitioner: z.string(),
  version: z.number().int(),
  /** The destruction decision drafted for it and not issued yet: the petition waits for it. */
  pendingDecision: z.object({ documentId: z.string(), status: z.enum(["draft", "submitted"]) }).nullable(),
});
export type RetentionDueItem = z.infer<typeof retentionDueItem>;

const typedNumber = blankable(z.string().trim().min(1).max(100).optional());
const typedDecider = blankable(z.string().trim().min(1).max(120).optional());

/**
 * One destruction decision for several petitions of one agency. By default the decision (QD-HUY)
 * is drafted and the petitions are destroyed when a leader signs and issues it, with the
 * register's number; only a decision already issued outside the system is typed
 * (`issuedOutside`, then number, date and decider are required) and destroys them at once.
 */
export const destroyBatchBody = z.strictObject({
  ids: z
    .array(uuid)
    .min(1, { error: "Chọn ít nhất một đơn để tiêu hủy." })
    .max(500, { error: "Mỗi quyết định tiêu hủy tối đa 500 đơn." })
    .refine((ids) => new Set(ids).size === ids.length, { error: "Danh sách đơn bị trùng." }),
  issuedOutside: flag("Quyết định đã ban hành ngoài hệ thống").nullish(),
  decisionNumber: typedNumber,
  decisionDate: isoDate.nullish(),
  decidedBy: typedDecider,
  /** "Giám đốc Sở Công Thương": the authority line of the decision. */
  deciderTitle: blankable(z.string().trim().min(1).max(200).optional()),
});
export type DestroyBatchBody = z.infer<typeof destroyBatchBody>;

export const destroyBatchResult = z.object({
  /** The QD-HUY drafted for signature; null for a decision issued outside the system. */
  documentId: z.string().nullable(),
  /** Destroyed now (a decision issued outside the system). */
  destroyed: z.array(z.object({ id: z.string(), code: z.string() })),
  /** Held by the draft until a leader signs it. */
  pending: z.array(z.object({ id: z.string(), code: z.string() })),
});

// ---- Field catalogue (lĩnh vực) -----------------------------------------------------------------

const fieldGroup = z.enum(Object.keys(FIELD_GROUPS) as [FieldGroup, ...FieldGroup[]], {
  error: "Nhóm lĩnh vực không hợp lệ.",
});
const REPORT_GROUPS: Record<ReportFieldGroup, string> = {
  administrative: "Hành chính",
  judicial: "Tư pháp",
  corruption: "Tham nhũng",
  other: "Khác",
};
export const REPORT_GROUP_LABELS: Readonly<Record<ReportFieldGroup, string>> = REPORT_GROUPS;
const reportGroup = z.enum(Object.keys(REPORT_GROUPS) as [ReportFieldGroup, ...ReportFieldGroup[]], {
  error: "Nhóm báo cáo không hợp lệ.",
});

export const petitionFieldView = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string(),
  reportGroup: z.string(),
  active: z.boolean(),
  sort: z.number().int(),
  /** Petitions and reception visits filed under it: a field in use is deactivated, never deleted. */
  inUse: z.number().int(),
  /** Shipped with the program (seeded at start): can be deactivated, not deleted. */
  builtIn: z.boolean(),
});
export type PetitionFieldView = z.infer<typeof petitionFieldView>;

export const createPetitionFieldBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z]{2,5}\.[A-Z0-9_]{2,40}$/, {
      error: "Mã lĩnh vực gồm tiền tố và tên viết hoa không dấu, ví dụ CT.DIEN_LUC.",
    }),
  name: required(200, "Nhập tên lĩnh vực."),
  group: fieldGroup,
  reportGroup,
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(10000).optional(),
});
export type CreatePetitionFieldBody = z.infer<typeof createPetitionFieldBody>;

/** The code is the field's identity and never changes: it is not among these keys. */
export const updatePetitionFieldBody = z
  .strictObject({
    name: required(200, "Nhập tên lĩnh vực.").optional(),
    group: fieldGroup.optional(),
    reportGroup: reportGroup.optional(),
    active: z.boolean().optional(),
    sort: z.number().int().min(0).max(10000).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: "Không có gì để sửa." });
export type UpdatePetitionFieldBody = z.infer<typeof updatePetitionFieldBody>;
