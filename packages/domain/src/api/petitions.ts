/**
 * API schemas of petition handling: intake from any channel, classification, outcomes, follow-up,
 * list queries. Refinements call the domain checks (petitions/) so the form and the server agree.
 */
import { CHANNEL_LIST, CHANNELS } from "../petitions/channels.ts";
import { ELIGIBILITY_ITEMS, type EligibilityItemId } from "../petitions/eligibility.ts";
import { PETITION_KIND_LIST, type SingleContentKind } from "../petitions/kinds.ts";
import { ARCHIVE_REASON_LIST, outcomeInputProblems, type OutcomeInput } from "../petitions/outcomes.ts";
import { PETITION_STATE_LIST } from "../petitions/petition.ts";
import { checkClassification } from "../petitions/petition-machine.ts";
import { validateTaxCode } from "../petitions/tax-code.ts";
import { isoDate, pageQuery, uuid } from "./common.ts";
import {
  addProblems,
  anyFieldCode,
  competence,
  csvOf,
  fieldCode,
  identityDocument,
  personName,
  petitionKind,
} from "./reception.ts";
import { blankable, choiceOf, z } from "./zod-vi.ts";

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} chỉ được tối đa ${max} ký tự.` });
const required = (max: number, message: string) => z.string().trim().min(1, { error: message }).max(max);

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,20}$/, { error: "Số điện thoại không hợp lệ." });
const email = z.email({ error: "Địa chỉ thư điện tử không hợp lệ." }).max(200);

export const channel = choiceOf(CHANNEL_LIST, "nguồn đơn");
export const petitionState = z.enum(PETITION_STATE_LIST, { error: "Trạng thái đơn không hợp lệ." });

export const personPetitioner = z.strictObject({
  kind: z.literal("person"),
  fullName: personName,
  address: blankable(text(300, "Địa chỉ").default("")),
  identity: identityDocument.nullish(),
  phone: phone.nullish(),
  email: email.nullish(),
});

export const organisationPetitioner = z
  .strictObject({
    kind: z.literal("organisation"),
    name: required(300, "Nhập tên cơ quan, tổ chức."),
    address: required(300, "Nhập địa chỉ của cơ quan, tổ chức."),
    taxCode: text(20, "Mã số thuế").nullish(),
    representativeName: personName,
    representativeIdentity: identityDocument.nullish(),
    phone: phone.nullish(),
    email: email.nullish(),
  })
  .superRefine((o, ctx) => {
    if (!o.taxCode) return;
    const check = validateTaxCode(o.taxCode);
    if (!check.ok)
      addProblems(ctx, [{ code: check.code, field: "taxCode", message: check.message, severity: "error" }]);
  });

export const petitioner = z.discriminatedUnion("kind", [personPetitioner, organisationPetitioner], {
  error: "Người viết đơn phải là cá nhân hoặc cơ quan, tổ chức.",
});

export const forwardedBy = z.strictObject({
  agencyName: required(300, "Nhập tên cơ quan chuyển đơn."),
  documentNumber: required(100, "Nhập số văn bản chuyển đơn."),
  documentDate: isoDate,
});

export const attachment = z.strictObject({
  fileName: required(255, "Nhập tên tệp."),
  mimeType: text(100, "Kiểu tệp"),
  size: z
    .number()
    .int()
    .min(0)
    .max(200 * 1024 * 1024, { error: "Tệp đính kèm không được lớn hơn 200 MB." }),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: "Mã băm SHA-256 không hợp lệ." })
    .nullish(),
  description: text(500, "Mô tả tài liệu").nullish(),
});

export const respondent = z.strictObject({
  name: required(300, "Nhập tên người (cơ quan, tổ chức) bị khiếu nại, tố cáo."),
  address: text(300, "Địa chỉ").nullish(),
});

export const createPetitionBody = z
  .strictObject({
    channel,
    receivedOn: isoDate,
    writtenOn: isoDate.nullish(),
    visitId: uuid.nullish(),
    forwardedBy: forwardedBy.nullish(),
    petitioners: z.array(petitioner).max(500, { error: "Tối đa 500 người đứng tên." }).default([]),
    anonymous: z.boolean().default(false),
    impersonated: z.boolean().default(false),
    respondents: z.array(respondent).max(50).default([]),
    title: text(300, "Tiêu đề đơn").nullish(),
    summary: text(1000, "Tóm tắt").nullish(),
    content: required(50000, "Nhập nội dung đơn."),
    fieldCode: fieldCode.nullish(),
    language: z.enum(["vi", "other"], { error: "Ngôn ngữ không hợp lệ." }).default("vi"),
    notarisedTranslation: z.boolean().nullish(),
    signed: z.boolean().nullish(),
    attachments: z.array(attachment).max(100).default([]),
  })
  .superRefine((p, ctx) => {
    const info = CHANNELS[p.channel];
    if (info.forwarded && !p.forwardedBy) {
      ctx.addIssue({
        code: "custom",
        path: ["forwardedBy"],
        message: "Đơn do cơ quan khác chuyển đến: ghi tên cơ quan, số và ngày văn bản chuyển đơn.",
      });
    }
    if (!info.forwarded && p.forwardedBy) {
      ctx.addIssue({
        code: "custom",
        path: ["forwardedBy"],
        message: "Chỉ ghi cơ quan chuyển đơn khi đơn do cơ quan, tổ chức khác chuyển đến.",
      });
    }
    if (p.forwardedBy && p.forwardedBy.documentDate > p.receivedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["forwardedBy", "documentDate"],
        message: "Ngày văn bản chuyển đơn không được sau ngày nhận đơn.",
      });
    }
    if (p.writtenOn && p.writtenOn > p.receivedOn) {
      ctx.addIssue({ code: "custom", path: ["writtenOn"], message: "Ngày viết đơn không được sau ngày nhận đơn." });
    }
    if (p.anonymous && p.petitioners.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["petitioners"],
        message: "Đơn nặc danh không có thông tin người viết đơn; bỏ đánh dấu nặc danh hoặc xóa người đứng tên.",
      });
    }
    if (!p.anonymous && p.petitioners.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["petitioners"],
        message: "Nhập ít nhất một người viết đơn, hoặc đánh dấu đơn nặc danh.",
      });
    }
    if (p.anonymous && p.impersonated) {
      ctx.addIssue({
        code: "custom",
        path: ["impersonated"],
        message: "Đơn mạo danh có ghi tên (của người khác) nên không đồng thời là đơn nặc danh.",
      });
    }
  });
export type CreatePetitionBody = z.infer<typeof createPetitionBody>;

const eligibilityItemId = z.enum(ELIGIBILITY_ITEMS.map((i) => i.id) as [EligibilityItemId, ...EligibilityItemId[]]);

export const classifyPetitionBody = z
  .strictObject({
    version: z.number().int().min(1),
    kind: petitionKind,
    contentKinds: z
      .array(
        z.enum(PETITION_KIND_LIST.filter((k) => k !== "multi_content") as [SingleContentKind, ...SingleContentKind[]]),
      )
      .max(4)
      .nullish(),
    severalBodies: z.boolean().nullish(),
    competence,
    fieldCode: z.string({ error: "Chọn lĩnh vực." }),
    complaintAcceptable: z.boolean().nullish(),
    aboutAdministrativeRegulations: z.boolean().nullish(),
    alreadyResolved: z.boolean().nullish(),
    newEvidence: z.boolean().nullish(),
    /** Answers to the eligibility checklist (Điều 6 khoản 2 Thông tư 05/2021/TT-TTCP). */
    eligibilityAnswers: z.partialRecord(eligibilityItemId, z.boolean().nullable()).default({}),
  })
  .superRefine((c, ctx) => addProblems(ctx, checkClassification(c)));
export type ClassifyPetitionBody = z.infer<typeof classifyPetitionBody>;

const outcomeBase = {
  version: z.number().int().min(1),
  on: isoDate,
  note: text(2000, "Ghi chú").nullish(),
};
const documentNumber = text(100, "Số văn bản").nullish();
const targetBody = text(300, "Cơ quan có thẩm quyền");

export const applyOutcomeBody = z
  .discriminatedUnion(
    "outcome",
    [
      z.strictObject({ outcome: z.literal("propose_acceptance"), ...outcomeBase }),
      z.strictObject({ outcome: z.literal("propose_check"), ...outcomeBase }),
      z.strictObject({
        outcome: z.literal("notify_not_accepted"),
        ...outcomeBase,
        reasons: text(4000, "Lý do không thụ lý"),
      }),
      z.strictObject({ outcome: z.literal("guide"), ...outcomeBase, targetBody, documentNumber }),
      z.strictObject({
        outcome: z.literal("guide_multi"),
        ...outcomeBase,
        targetBodies: z.array(targetBody).max(20),
        documentNumber,
      }),
      z.strictObject({ outcome: z.literal("return_to_sender_body"), ...outcomeBase, documentNumber }),
      z.strictObject({
        outcome: z.literal("transfer"),
        ...outcomeBase,
        targetBody,
        /** When the competent agency also works in this installation: the petition lands in its inbox. */
        targetAgencyId: uuid.nullish(),
        documentNumber,
        notifyWriter: z.boolean({ error: "Cho biết có thông báo cho người viết đơn không." }),
      }),
      z.strictObject({
        outcome: z.literal("resolve_reply"),
        ...outcomeBase,
        replySummary: text(4000, "Nội dung trả lời"),
        documentNumber,
      }),
      z.strictObject({
        outcome: z.literal("archive"),
        ...outcomeBase,
        reason: z.enum(ARCHIVE_REASON_LIST, { error: "Chọn lý do lưu đơn." }),
        duplicateOf: text(100, "Đơn trùng").nullish(),
        resolvedBy: text(300, "Văn bản đã giải quyết").nullish(),
      }),
    ],
    { error: "Hướng xử lý đơn không hợp lệ." },
  )
  .superRefine((body, ctx) => {
    const { version: _version, ...input } = body;
    addProblems(ctx, outcomeInputProblems(input as OutcomeInput));
  });
export type ApplyOutcomeBody = z.infer<typeof applyOutcomeBody>;

export const dispatchPetitionBody = z.strictObject({
  version: z.number().int().min(1),
  documentNumber: required(100, "Nhập số phiếu chuyển đơn."),
  sentOn: isoDate,
});

export const urgePetitionBody = z.strictObject({
  version: z.number().int().min(1),
  on: isoDate,
  documentNumber,
});

export const recordFeedbackBody = z.strictObject({
  version: z.number().int().min(1),
  receivedOn: isoDate,
  result: required(4000, "Ghi tóm tắt kết quả xử lý được phản hồi."),
  documentNumber,
});

/** One petition's destruction: as a batch of one (see destroyBatchBody). */
export const destroyPetitionBody = z.strictObject({
  version: z.number().int().min(1),
  issuedOutside: z.boolean({ error: "Quyết định đã ban hành ngoài hệ thống: chọn có hoặc không." }).nullish(),
  decisionNumber: blankable(z.string().trim().min(1).max(100).optional()),
  decisionDate: isoDate.nullish(),
  decidedBy: blankable(z.string().trim().min(1).max(120).optional()),
});

export const petitionListQuery = pageQuery
  .extend({
    q: text(200, "Từ khóa").optional(),
    status: csvOf(PETITION_STATE_LIST, "Trạng thái").optional(),
    kind: csvOf(PETITION_KIND_LIST, "Loại đơn").optional(),
    channel: csvOf(CHANNEL_LIST, "Nguồn đơn").optional(),
    fieldCode: anyFieldCode.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    dueSoon: z.stringbool({ error: "Giá trị đúng/sai không hợp lệ." }).optional(),
    overdue: z.stringbool({ error: "Giá trị đúng/sai không hợp lệ." }).optional(),
    anonymous: z.stringbool({ error: "Giá trị đúng/sai không hợp lệ." }).optional(),
    sort: z.enum(["receivedOn", "due", "status", "kind"]).default("receivedOn"),
    order: z.enum(["asc", "desc"]).default("desc"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type PetitionListQuery = z.infer<typeof petitionListQuery>;

export const closeGuidedBody = z.strictObject({
  version: z.number().int().min(1),
  note: z.string().max(2000).nullish(),
});

/** Confirms a duplicate: joins the petition to the other's matter. */
export const joinMatterBody = z.strictObject({ version: z.number().int().min(1), petitionId: uuid });

/** What the duplicate search before saving compares: writers, respondents, content, field. */
export const duplicateProbeBody = z.strictObject({
  petitioners: z.array(petitioner).max(500).default([]),
  respondents: z.array(respondent).max(50).default([]),
  content: z.string().trim().min(1, { error: "Nhập nội dung đơn để tìm đơn trùng." }).max(50000),
  fieldCode: z.string().nullish(),
});
