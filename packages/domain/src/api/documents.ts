/**
 * Official documents (văn bản đi): API shapes and the fields of each form, shared by the server
 * (which validates and renders them) and the web app (which builds the edit form from them).
 */
import { citeInYear } from "../law/acts.ts";
import { isoDate, uuid } from "./common.ts";
import { blankable, z } from "./zod-vi.ts";

const text = (max: number) => z.string().trim().min(1).max(max);

export const documentStatus = z.enum(["draft", "submitted", "issued", "cancelled"]);
export type DocumentStatus = z.infer<typeof documentStatus>;

/** What the caller may do with a document now (the web app shows only these buttons). */
export const documentAction = z.enum(["edit", "submit", "issue", "return", "cancel", "download"]);
export type DocumentAction = z.infer<typeof documentAction>;

export const formCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, { error: "Mã mẫu văn bản không hợp lệ." })
  .max(30);

export const entityType = z
  .string()
  .trim()
  .regex(/^[a-z][a-z_]{1,39}$/, { error: "Loại hồ sơ không hợp lệ (chữ thường không dấu, gạch dưới)." });

/** Fields as sent: checked against the form's own schema on the server. */
export const documentFields = z.record(z.string(), z.unknown());

// ---------------------------------------------------------------------------------------------
// Pieces shared by the forms.

/** A citizen named in a document. */
export const documentPerson = z.strictObject({
  honorific: z.enum(["Ông", "Bà"]).optional(),
  fullName: text(120),
  address: blankable(text(300).optional()),
});
export type DocumentPerson = z.infer<typeof documentPerson>;

/**
 * Who signs (NĐ 30/2020, Phụ lục I: quyền hạn, chức vụ, họ tên). May be left out of a draft;
 * a document is issued only with position and name.
 */
export const documentSigner = z.strictObject({
  /** "KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"… (empty when the head signs). */
  authority: blankable(text(80).optional()),
  /** "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"… */
  position: text(80),
  name: blankable(text(120).optional()),
});
export type DocumentSigner = z.infer<typeof documentSigner>;

const common = {
  /** "Nơi nhận" lines without the leading dash or final punctuation; the form has a default. */
  recipients: z.array(text(200)).min(1).max(30).optional(),
  signer: documentSigner.optional(),
};

const receipt = {
  /** Date the body received the petition. */
  receivedOn: isoDate,
  /** Date written on the petition, if any. */
  letterDate: isoDate.optional(),
};

// ---------------------------------------------------------------------------------------------
// Thông tư 05/2021/TT-TTCP — petition handling forms (wording reconstructed, see templates.ts).

/** Mẫu 01 — Phiếu đề xuất thụ lý đơn. */
export const proposeAcceptanceFields = z.strictObject({
  /** "Kính gửi": the head who decides, e.g. "Giám đốc Sở Công Thương". */
  to: text(200),
  ...receipt,
  petitionKind: z.enum(["complaint", "denunciation"]),
  /** May be left out for a denunciation: the slip then names no one (Luật Tố cáo, Điều 9). */
  petitioner: documentPerson.optional(),
  summary: text(4000),
  /** Why the petition is within competence and meets the conditions. */
  assessment: text(4000).optional(),
  /** The proposal; a standard sentence is used when left out. */
  proposal: text(2000).optional(),
  attachments: text(500).optional(),
  ...common,
});

/** Mẫu 02 — Thông báo về việc khiếu nại không đủ điều kiện thụ lý giải quyết. */
export const complaintNotAcceptedFields = z.strictObject({
  complainant: documentPerson,
  ...receipt,
  /** What the complaint is about. */
  subject: text(2000),
  /** The grounds of Điều 11 Luật Khiếu nại that apply, in words. */
  reasons: z.array(text(1000)).min(1).max(10),
  ...common,
});

/** Mẫu 03 — Phiếu hướng dẫn (đơn không thuộc thẩm quyền). */
export const guidanceFields = z.strictObject({
  person: documentPerson,
  ...receipt,
  summary: text(4000),
  competentBody: text(300),
  reason: text(1000).optional(),
  ...common,
});

/** Mẫu 04 — Phiếu trả lại đơn chuyển không đúng thẩm quyền. */
export const returnForwardedFields = z.strictObject({
  forwardingBody: text(300),
  /** The forwarding document, e.g. "Phiếu chuyển đơn số 15/PC-UBND ngày 02/3/2026". */
  forwardingReference: text(300).optional(),
  receivedOn: isoDate,
  petitioner: documentPerson,
  summary: text(4000),
  reason: text(1000).optional(),
  attachments: text(500).optional(),
  ...common,
});

/**
 * Mẫu 05 — Phiếu chuyển đơn tố cáo. Deliberately has no field for the denouncer: the slip names
 * no one (Luật Tố cáo 2018, Điều 9: the denouncer's identity is kept secret).
 */
export const denunciationTransferFields = z.strictObject({
  competentBody: text(300),
  ...receipt,
  /** The person or body denounced, as the letter names it. */
  denounced: text(300).optional(),
  summary: text(4000),
  attachments: text(500).optional(),
  ...common,
});

/** Mẫu 06 — Phiếu chuyển đơn (kiến nghị, phản ánh). */
export const transferFields = z.strictObject({
  competentBody: text(300),
  ...receipt,
  petitionKind: z.enum(["recommendation", "feedback", "recommendation_feedback"]).optional(),
  petitioner: documentPerson,
  summary: text(4000),
  attachments: text(500).optional(),
  ...common,
});

/** Mẫu 07 — Phiếu hướng dẫn (đơn có nhiều nội dung thuộc thẩm quyền của nhiều cơ quan). */
export const multiGuidanceFields = z.strictObject({
  person: documentPerson,
  ...receipt,
  items: z
    .array(z.strictObject({ content: text(1000), competentBody: text(300) }))
    .min(2)
    .max(20),
  ...common,
});

// ---------------------------------------------------------------------------------------------
// Follow-up of handled petitions (Thông tư 05/2021/TT-TTCP, Chương IV; Điều 28).

/**
 * DD — Công văn đôn đốc giải quyết đơn, to the body a petition was transferred or guided to.
 * Fields: targetBody (Kính gửi), receivedOn / letterDate? (when this body received the
 * petition), petitionKind?, handledAs ("transfer" | "guide"), reference? / referenceDate? (the
 * transfer slip or guidance: "Phiếu chuyển đơn số 15/PC-SCT"), petitioner? (must be left out for
 * a denunciation: the letter names no one), summary, reportBy (date by which to report the
 * result), urgeCount? (the how-many-th urging), recipients?, signer?.
 */
export const urgeFields = z
  .strictObject({
    targetBody: text(300),
    ...receipt,
    petitionKind: z.enum(["complaint", "denunciation", "recommendation", "feedback", "other"]).optional(),
    handledAs: z.enum(["transfer", "guide"]),
    reference: text(300).optional(),
    referenceDate: isoDate.optional(),
    petitioner: documentPerson.optional(),
    summary: text(4000),
    reportBy: isoDate,
    urgeCount: z.number().int().min(1).max(50).optional(),
    ...common,
  })
  .refine((f) => f.petitionKind !== "denunciation" || !f.petitioner, {
    error: `Công văn đôn đốc đơn tố cáo không ghi thông tin người tố cáo (Điều 9 ${citeInYear("LTC")}).`,
    path: ["petitioner"],
  });

/**
 * QD-HUY — Quyết định hủy (tiêu hủy) đơn đã hết thời hạn lưu (Điều 28 khoản 2 Thông tư 05/2021).
 * Fields: petitions (code, receivedOn, archiveReason in words, retentionUntil), decidedBy (the
 * head who decides, printed under the signature when no signer is set), deciderTitle? ("Giám đốc
 * Sở Công Thương": the authority line; "Thủ trưởng <agency>" when absent), executingUnit? (who
 * destroys the papers and records it), recipients?, signer?. No petitioner appears: the list
 * identifies petitions by their register code only.
 */
export const destructionFields = z.strictObject({
  petitions: z
    .array(
      z.strictObject({
        code: text(60),
        receivedOn: isoDate,
        archiveReason: text(500),
        retentionUntil: isoDate,
      }),
    )
    .min(1)
    .max(2000),
  /** Typed only for a decision issued outside the system; else the signer in the system signs. */
  decidedBy: text(120).optional(),
  deciderTitle: text(200).optional(),
  executingUnit: text(300).optional(),
  ...common,
});

// ---------------------------------------------------------------------------------------------
// Other notices.

/** Thông báo kết luận tiếp công dân (Thông tư 04/2021/TT-TTCP). */
export const receptionConclusionFields = z.strictObject({
  chairedBy: z.strictObject({ name: text(120), position: text(200) }),
  receptionDate: isoDate,
  receptionKind: z.enum(["periodic", "ad_hoc"]),
  place: text(300),
  participants: z.array(text(300)).max(20).optional(),
  citizens: z.array(documentPerson).min(1).max(20),
  summary: text(4000),
  conclusions: z.array(text(2000)).min(1).max(20),
  /** The head's instructions; each carries a deadline (TT 04/2021). */
  assignments: z
    .array(z.strictObject({ unit: text(300), task: text(2000), dueOn: isoDate }))
    .max(20)
    .optional(),
  ...common,
});

/** A plain notice (Thông báo) with free paragraphs. */
export const noticeFields = z.strictObject({
  /** Trích yếu, printed under the title. */
  subject: text(300).optional(),
  to: z.array(text(300)).min(1).max(10).optional(),
  paragraphs: z.array(text(5000)).min(1).max(50),
  ...common,
});

// ---------------------------------------------------------------------------------------------
// Requests and responses.

export const documentListQuery = z.object({
  entityType,
  entityId: uuid,
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;

export const createDocumentBody = z.strictObject({
  formCode,
  entityType,
  entityId: uuid,
  agencyId: uuid,
  fields: documentFields,
  title: blankable(text(300).optional()),
});
export type CreateDocumentBody = z.infer<typeof createDocumentBody>;

export const updateDocumentBody = z.strictObject({
  version: z.number().int().min(1),
  fields: documentFields,
  title: text(300).optional(),
});
export type UpdateDocumentBody = z.infer<typeof updateDocumentBody>;

export const issueDocumentBody = z.strictObject({
  /** Defaults to today (Vietnam time); never later than today. */
  issuedOn: isoDate.optional(),
});
export type IssueDocumentBody = z.infer<typeof issueDocumentBody>;

export const submitDocumentBody = z.strictObject({
  version: z.number().int().min(1),
  /** A leader of the issuing agency (documents.signers). */
  signerId: uuid,
});
export type SubmitDocumentBody = z.infer<typeof submitDocumentBody>;

export const returnDocumentBody = z.strictObject({
  version: z.number().int().min(1),
  reason: text(1000),
});
export type ReturnDocumentBody = z.infer<typeof returnDocumentBody>;

/** A draft that will not be issued: cancelled with its reason, kept unnumbered in the record. */
export const cancelDocumentBody = z.strictObject({
  version: z.number().int().min(1),
  reason: text(1000),
});
export type CancelDocumentBody = z.infer<typeof cancelDocumentBody>;

/** Someone who may sign a document in the head's name. */
export const signerCandidate = z.object({ id: z.string(), fullName: z.string(), position: z.string() });
export type SignerCandidate = z.infer<typeof signerCandidate>;

export const documentSummary = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  formCode: z.string(),
  formName: z.string(),
  series: z.string(),
  status: documentStatus,
  title: z.string(),
  number: z.number().int().nullable(),
  /** "12/TB-SCT" once issued. */
  symbol: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuedBy: z.string().nullable(),
  issuedByName: z.string().nullable(),
  /** Whom it is submitted to, while submitted; who signed it, once issued after submission. */
  signerId: z.string().nullable(),
  signerName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** Why the signer sent it back, until it is submitted again. */
  returnedNote: z.string().nullable(),
  /** Why a draft was cancelled instead of issued. */
  cancelledReason: z.string().nullable(),
  fileSha256: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(documentAction),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

/**
 * A document's fields as stored: each form has its own (checked by its schema when written), so
 * the answer carries them as JSON, genuinely open across forms.
 */
export const documentFieldsView = z.record(z.string(), z.json());

export const officialDocument = documentSummary.extend({ fields: documentFieldsView });
export type OfficialDocument = z.infer<typeof officialDocument>;

export const documentTemplate = z.object({
  formCode: z.string(),
  name: z.string(),
  basis: z.string(),
  series: z.string(),
  /** False while the wording is a reconstruction not checked against the official form. */
  wordingVerified: z.boolean(),
  /** Issued in the head's name: submitted to a leader, who signs it in the system. */
  signedByHead: z.boolean(),
  /** JSON Schema of the form's fields, for building the edit form: a JSON document, open by nature. */
  fieldsSchema: z.record(z.string(), z.json()),
});
export type DocumentTemplateView = z.infer<typeof documentTemplate>;
