/**
 * Fields of the documents of complaint cases (Luật Khiếu nại 2011, Nghị định 124/2020/NĐ-CP) and
 * denunciation cases (Luật Tố cáo 2018, Nghị định 31/2019/NĐ-CP), shared by the server (which
 * validates and renders them, modules/documents/templates-cases.ts) and the web app.
 *
 * Conventions for whoever fills them from case data:
 * - dates are "YYYY-MM-DD"; money is a whole number of đồng (`…MoneyVnd`), land a number of m²
 *   (`…LandM2`); the document writes "46,5 triệu đồng", "1.234 m²";
 * - `resolverTitle` is the title of the person competent to decide, as the decision's authority
 *   line prints it: "Giám đốc Sở Công Thương", "Chủ tịch Ủy ban nhân dân xã Bắc Hà";
 * - `recipients` and `signer` are optional everywhere: each form has a default "Nơi nhận", and a
 *   draft may leave the signer for the clerk (a document is issued only with one).
 *
 * CONFIDENTIALITY (Luật Tố cáo 2018, Điều 9 khoản 1 điểm a; docs/LAW.md §6.6): the denunciation
 * schemas have no field for the denouncer at all — no name, address, contact, handwriting. They
 * are strict, so a field such as `denouncer` or `denouncerName` is refused, and the documents
 * speak of "người tố cáo" without naming anyone. The complaint schemas do name the complainant.
 */
import {
  COMPLAINT_REJECTION_GROUND_LIST,
  COMPLAINT_REJECTION_GROUNDS,
  COMPLEXITY_CRITERIA,
  COMPLEXITY_CRITERION_LIST,
  DENUNCIATION_REJECTION_GROUND_LIST,
  DENUNCIATION_REJECTION_GROUNDS,
  type ComplaintRejectionGround,
  type ComplexityCriterion,
  type DenunciationRejectionGround,
} from "../cases/catalogues.ts";
import { cite } from "../law/acts.ts";
import { isoDate } from "./common.ts";

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
import { documentPerson, documentSigner } from "./documents.ts";
import { z } from "./zod-vi.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
const texts = (max: number, most: number) => z.array(text(max)).max(most);

const common = {
  /** "Nơi nhận" lines without the leading dash or final punctuation; the form has a default. */
  recipients: z.array(text(200)).min(1).max(30).optional(),
  signer: documentSigner.optional(),
};

/** A person named in a decision: "Ông Lê Văn Hùng, Thanh tra viên chính, Thanh tra Sở". */
export const officialPerson = z.strictObject({
  honorific: z.enum(["Ông", "Bà"]).optional(),
  name: text(120),
  /** Position and unit: "Thanh tra viên chính, Thanh tra Sở Công Thương". */
  position: text(300),
});
export type OfficialPerson = z.infer<typeof officialPerson>;

/** A member of a verification team and the role the decision gives them. */
export const teamMember = officialPerson.extend({
  role: z.enum(["leader", "deputy", "member"]).default("member"),
});

/** Outcome of a complaint or a denunciation as reports count it (docs/LAW.md §5.4, §6.5). */
export const verdict = z.enum(["right", "partly_right", "wrong"]);
export type Verdict = z.infer<typeof verdict>;

/** Money and land to recover, as reports count them. All optional; 0 or absent prints nothing. */
const recovery = {
  /** Money to be returned to the State (thu hồi cho Nhà nước), in đồng. */
  returnToStateMoneyVnd: z.number().int().min(0).max(1e15).optional(),
  /** Land to be returned to the State, in m². */
  returnToStateLandM2: z.number().min(0).max(1e10).optional(),
  /** Money to be returned to organisations and individuals (trả lại cho tổ chức, cá nhân), in đồng. */
  returnToOthersMoneyVnd: z.number().int().min(0).max(1e15).optional(),
  /** Land to be returned to organisations and individuals, in m². */
  returnToOthersLandM2: z.number().min(0).max(1e10).optional(),
  /** Who gets it back: "hộ ông Nguyễn Văn An" / "03 hộ gia đình tại thôn Nậm Sài". */
  returnToOthersWho: text(500).optional(),
};

// =============================================================================================
// Complaints — Luật Khiếu nại 2011, Nghị định 124/2020/NĐ-CP.

/** Which resolution: lần đầu (first instance) or lần hai (second instance). */
export const complaintInstance = z.enum(["first", "second"]);

/** What every complaint document says about the complaint. */
const complaint = {
  /** Người khiếu nại (named in complaint documents, unlike denunciations). */
  complainant: documentPerson,
  /** Date the complaint was received. */
  receivedOn: isoDate,
  /** Date written on the complaint, if any. */
  letterDate: isoDate.optional(),
  /**
   * The administrative decision or act complained about: "Quyết định số 45/QĐ-UBND ngày
   * 10/02/2026 của Chủ tịch Ủy ban nhân dân xã Bắc Hà về việc thu hồi đất".
   */
  subject: text(2000),
  /** Người bị khiếu nại: the body or official who made it ("Chủ tịch Ủy ban nhân dân xã Bắc Hà"). */
  respondent: text(300).optional(),
  instance: complaintInstance.default("first"),
};

/**
 * Grounds of Điều 11 Luật Khiếu nại 2011 for not accepting a complaint, by clause (khoản): the
 * domain's catalogue (cases/catalogues.ts) with the clause number the notice cites.
 */
export const COMPLAINT_REFUSAL_GROUNDS = Object.fromEntries(
  COMPLAINT_REJECTION_GROUND_LIST.map((code) => {
    const item = COMPLAINT_REJECTION_GROUNDS[code];
    return [code, { clause: Number(/Khoản (\d+)/.exec(item.basis)?.[1] ?? 0), text: lowerFirst(item.label) }];
  }),
) as Readonly<Record<ComplaintRejectionGround, { clause: number; text: string }>>;
export type ComplaintRefusalGround = ComplaintRejectionGround;
const complaintRefusalGround = z.enum(COMPLAINT_REJECTION_GROUND_LIST);

/**
 * KN-TL — Thông báo về việc thụ lý giải quyết khiếu nại (Điều 27, 36 Luật Khiếu nại).
 * Fields: complainant, receivedOn, letterDate?, subject, respondent?, instance, acceptedOn,
 * dueOn? (end of the time limit, Điều 28/37), forwardedBy? (the body that forwarded the
 * complaint, notified too), inspectorate? (the inspectorate of the same level, notified too),
 * recipients?, signer?.
 */
export const complaintAcceptedFields = z.strictObject({
  ...complaint,
  /** Ngày thụ lý. */
  acceptedOn: isoDate,
  /** Last day of the time limit for resolving, when computed. */
  dueOn: isoDate.optional(),
  forwardedBy: text(300).optional(),
  inspectorate: text(300).optional(),
  ...common,
});

/**
 * KN-KTL — Thông báo về việc không thụ lý giải quyết khiếu nại (Điều 11, 27 Luật Khiếu nại).
 * Fields: complainant, receivedOn, letterDate?, subject, respondent?, instance, grounds (codes of
 * COMPLAINT_REFUSAL_GROUNDS, at least one), explanation? (the facts behind the grounds),
 * recipients?, signer?.
 */
export const complaintRefusedFields = z.strictObject({
  ...complaint,
  grounds: z.array(complaintRefusalGround).min(1).max(9),
  explanation: text(2000).optional(),
  ...common,
});

/**
 * KN-GXM — Quyết định về việc giao nhiệm vụ xác minh nội dung khiếu nại (Điều 29 Luật Khiếu nại).
 * Fields: resolverTitle, complainant, receivedOn, letterDate?, subject, respondent?, instance,
 * assignee? (a unit or official given the task: "Chánh Thanh tra Sở"), team (members with role
 * leader/deputy/member; may be empty when an assignee is given), contents (points to verify),
 * durationDays (verification time from signing), proposedBy? ("Theo đề nghị của …"),
 * recipients?, signer?.
 */
export const complaintVerificationFields = z
  .strictObject({
    resolverTitle: text(200),
    ...complaint,
    assignee: text(300).optional(),
    team: z.array(teamMember).max(20).default([]),
    contents: z.array(text(2000)).min(1).max(20),
    durationDays: z.number().int().min(1).max(90),
    proposedBy: text(300).optional(),
    ...common,
  })
  .refine((f) => f.assignee || f.team.length > 0, {
    error: "Ghi người (đơn vị) được giao xác minh hoặc thành viên Tổ xác minh.",
    path: ["team"],
  });

/**
 * KN-BBDT — Biên bản đối thoại (Điều 30, 39 Luật Khiếu nại; NĐ 124/2020). A minutes document: no
 * "Nơi nhận", the participants sign in columns.
 * Fields: heldOn, startTime? / endTime? ("08:30"), place, chair (người chủ trì, signs), recorder
 * (người ghi biên bản, signs), complainant, complainantSide? (others with the complainant),
 * respondent (người bị khiếu nại or its representative, signs), others? (related bodies and
 * persons present, each may sign), subject, instance, contents (what each side said), agreed
 * (points agreed), disputed (points still disputed), copies? (number of copies, default 3).
 */
export const complaintDialogueFields = z.strictObject({
  heldOn: isoDate,
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
  endTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
  place: text(300),
  chair: officialPerson,
  recorder: officialPerson,
  complainant: documentPerson,
  complainantSide: z.array(officialPerson).max(10).default([]),
  respondent: officialPerson,
  others: z.array(officialPerson).max(20).default([]),
  subject: text(2000),
  instance: complaintInstance.default("first"),
  contents: z.array(text(4000)).min(1).max(30),
  agreed: texts(2000, 30).default([]),
  disputed: texts(2000, 30).default([]),
  copies: z.number().int().min(1).max(20).default(3),
});

/**
 * KN-TDC — Quyết định về việc tạm đình chỉ việc giải quyết khiếu nại (NĐ 124/2020 [P]).
 * Fields: resolverTitle, complainant, receivedOn, letterDate?, subject, respondent?, instance,
 * acceptedOn?, reason (why, e.g. waiting for another body's result), from? (date the suspension
 * starts; the signing date when absent), recipients?, signer?.
 */
export const complaintSuspensionFields = z.strictObject({
  resolverTitle: text(200),
  ...complaint,
  acceptedOn: isoDate.optional(),
  reason: text(2000),
  from: isoDate.optional(),
  ...common,
});

/**
 * KN-DC — Quyết định về việc đình chỉ việc giải quyết khiếu nại (Điều 10 Luật Khiếu nại; NĐ
 * 124/2020 [P]). Fields: resolverTitle, complainant, receivedOn, letterDate?, subject,
 * respondent?, instance, acceptedOn?, ground ("withdrawn": the complainant withdrew in writing;
 * "other"), withdrawnOn? (date of the withdrawal letter, needed when withdrawn), reason? (the
 * other reason, needed when other), recipients?, signer?.
 */
export const complaintTerminationFields = z
  .strictObject({
    resolverTitle: text(200),
    ...complaint,
    acceptedOn: isoDate.optional(),
    ground: z.enum(["withdrawn", "other"]),
    withdrawnOn: isoDate.optional(),
    reason: text(2000).optional(),
    ...common,
  })
  .superRefine((f, ctx) => {
    if (f.ground === "withdrawn" && !f.withdrawnOn)
      ctx.addIssue({ code: "custom", path: ["withdrawnOn"], message: "Ghi ngày của đơn rút khiếu nại." });
    if (f.ground === "other" && !f.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Ghi lý do đình chỉ việc giải quyết khiếu nại." });
  });

/**
 * KN-QD — Quyết định giải quyết khiếu nại lần đầu / lần hai (Điều 31, 40 Luật Khiếu nại).
 * Fields: resolverTitle, instance, complainant, receivedOn, letterDate?, subject, respondent?,
 * relatedParties? (người có quyền, nghĩa vụ liên quan), claims (what the complainant asks),
 * firstDecision? (second instance: the first-instance decision, "Quyết định số … ngày … của …"),
 * verification (kết quả xác minh), dialogue? (kết quả đối thoại; required at second instance),
 * legalBasis (texts applied), verdict (right / partly_right / wrong), reasoning (kết luận),
 * action on the contested decision (keep / amend / annul) and actionDetail? (what is amended,
 * what replaces it), returnToStateMoneyVnd? / returnToStateLandM2? / returnToOthersMoneyVnd? /
 * returnToOthersLandM2? / returnToOthersWho?, compensation? (bồi thường), otherMeasures?,
 * nextResolver? (first instance: who hears a second complaint), remoteArea? (45 days instead of
 * 30), executors (who carries the decision out, Điều cuối), recipients?, signer?.
 */
export const complaintDecisionFields = z
  .strictObject({
    resolverTitle: text(200),
    ...complaint,
    relatedParties: texts(300, 20).default([]),
    claims: text(4000),
    firstDecision: text(1000).optional(),
    verification: z.array(text(4000)).min(1).max(30),
    dialogue: text(4000).optional(),
    legalBasis: z.array(text(500)).min(1).max(20),
    verdict,
    reasoning: text(4000),
    action: z.enum(["keep", "amend", "annul"]),
    actionDetail: text(4000).optional(),
    ...recovery,
    compensation: text(2000).optional(),
    otherMeasures: texts(2000, 20).default([]),
    nextResolver: text(300).optional(),
    remoteArea: z.boolean().default(false),
    executors: z.array(text(300)).min(1).max(20),
    ...common,
  })
  .superRefine((f, ctx) => {
    // Dialogue is mandatory at second instance (NĐ 124/2020, Điều 28 khoản 1).
    if (f.instance === "second" && !f.dialogue)
      ctx.addIssue({ code: "custom", path: ["dialogue"], message: "Giải quyết khiếu nại lần hai phải có đối thoại." });
    if (f.action === "amend" && !f.actionDetail)
      ctx.addIssue({ code: "custom", path: ["actionDetail"], message: "Ghi nội dung sửa đổi, bổ sung." });
  });

// =============================================================================================
// Denunciations — Luật Tố cáo 2018, Nghị định 31/2019/NĐ-CP. No field names the denouncer.

/** What every denunciation document says about the matter, without the denouncer. */
const denunciation = {
  /** Date the denunciation was received. */
  receivedOn: isoDate,
  /**
   * Người bị tố cáo as printed: "ông Trần Văn Bình, cán bộ địa chính - xây dựng xã Bắc Hà", or the
   * body denounced. Never the denouncer.
   */
  denounced: text(300),
};

/** The acceptance decision, when a later document refers to it: "Quyết định số 12/QĐ-SCT ngày 05/3/2026". */
const acceptanceDecision = text(300);

/** Grounds for not accepting a denunciation: the domain's catalogue, as the notice words them. */
export const DENUNCIATION_REFUSAL_GROUNDS = Object.fromEntries(
  DENUNCIATION_REJECTION_GROUND_LIST.map((code) => [code, lowerFirst(DENUNCIATION_REJECTION_GROUNDS[code].label)]),
) as Readonly<Record<DenunciationRejectionGround, string>>;
export type DenunciationRefusalGround = DenunciationRejectionGround;

/** Complexity criteria of Điều 3 Nghị định 31/2019/NĐ-CP: the domain's catalogue, with the point letter. */
export const DENUNCIATION_COMPLEXITY_CRITERIA = Object.fromEntries(
  COMPLEXITY_CRITERION_LIST.map((code) => [
    code,
    { point: code === "dd" ? "đ" : code, text: lowerFirst(COMPLEXITY_CRITERIA[code].label) },
  ]),
) as Readonly<Record<ComplexityCriterion, { point: string; text: string }>>;
export type DenunciationComplexityCriterion = ComplexityCriterion;

/**
 * TC-TL — Quyết định thụ lý tố cáo (Điều 29 Luật Tố cáo).
 * Fields: resolverTitle, receivedOn, denounced, contents (the points accepted for resolution),
 * executors? (who carries the decision out besides the denounced person), recipients?, signer?.
 */
export const denunciationAcceptedFields = z.strictObject({
  resolverTitle: text(200),
  ...denunciation,
  contents: z.array(text(2000)).min(1).max(20),
  executors: texts(300, 20).default([]),
  ...common,
});

/**
 * TC-KTL — Thông báo về việc không thụ lý tố cáo (Điều 29 Luật Tố cáo). Addressed to "Người tố
 * cáo" without a name: the clerk sends it in a sealed envelope (the address is on the envelope,
 * never in the document kept on file).
 * Fields: receivedOn, denounced, summary (what the denunciation is about), grounds (codes of
 * DENUNCIATION_REFUSAL_GROUNDS, at least one), explanation?, recipients?, signer?.
 */
export const denunciationRefusedFields = z.strictObject({
  ...denunciation,
  summary: text(4000),
  grounds: z.array(z.enum(DENUNCIATION_REJECTION_GROUND_LIST)).min(1).max(4),
  explanation: text(2000).optional(),
  ...common,
});

/**
 * TC-GXM — Quyết định thành lập Tổ xác minh nội dung tố cáo (Điều 31 Luật Tố cáo).
 * Fields: resolverTitle, acceptanceDecision?, receivedOn, denounced, team (at least one; role
 * leader/deputy/member), contents (points to verify), durationDays, proposedBy?, recipients?,
 * signer?.
 */
export const denunciationVerificationFields = z.strictObject({
  resolverTitle: text(200),
  acceptanceDecision: acceptanceDecision.optional(),
  ...denunciation,
  team: z.array(teamMember).min(1).max(20),
  contents: z.array(text(2000)).min(1).max(20),
  durationDays: z.number().int().min(1).max(90),
  proposedBy: text(300).optional(),
  ...common,
});

/**
 * TC-GH — Quyết định gia hạn giải quyết tố cáo (Điều 30 khoản 2–4 Luật Tố cáo; Điều 3 NĐ
 * 31/2019). Fields: resolverTitle, acceptanceDecision, acceptedOn, receivedOn, denounced,
 * extension (1 or 2), days (1–30), criteria (codes of DENUNCIATION_COMPLEXITY_CRITERIA: one for a
 * complex case, two or more for an especially complex one — a second extension needs two),
 * reason (the facts), until? (last day after the extension), recipients?, signer?.
 */
export const denunciationExtensionFields = z
  .strictObject({
    resolverTitle: text(200),
    acceptanceDecision,
    acceptedOn: isoDate,
    ...denunciation,
    extension: z.union([z.literal(1), z.literal(2)]),
    days: z.number().int().min(1).max(30),
    criteria: z.array(z.enum(COMPLEXITY_CRITERION_LIST)).min(1).max(7),
    reason: text(2000),
    until: isoDate.optional(),
    ...common,
  })
  .refine((f) => f.extension === 1 || new Set(f.criteria).size >= 2, {
    error: `Gia hạn lần thứ hai chỉ áp dụng cho vụ việc đặc biệt phức tạp (từ 02 tiêu chí trở lên, Điều 3 ${cite("ND31")}).`,
    path: ["criteria"],
  });

/**
 * TC-TDC — Quyết định tạm đình chỉ việc giải quyết tố cáo (Điều 34 Luật Tố cáo [P]).
 * Fields: resolverTitle, acceptanceDecision, receivedOn, denounced, ground ("awaiting_other":
 * waiting for another body's result or a related matter; "awaiting_assessment": waiting for a
 * further or new expert assessment), reason (the facts), from?, recipients?, signer?.
 */
export const denunciationSuspensionFields = z.strictObject({
  resolverTitle: text(200),
  acceptanceDecision,
  ...denunciation,
  ground: z.enum(["awaiting_other", "awaiting_assessment"]),
  reason: text(2000),
  from: isoDate.optional(),
  ...common,
});

/**
 * TC-DC — Quyết định đình chỉ việc giải quyết tố cáo (Điều 33, 34 Luật Tố cáo [P]).
 * Fields: resolverTitle, acceptanceDecision, receivedOn, denounced, ground ("withdrawn": the
 * whole denunciation withdrawn, no sign of violation; "denounced_deceased": the denounced person
 * died and the content concerns only their responsibility; "other"), withdrawnOn? (needed when
 * withdrawn), reason? (needed when other), recipients?, signer?.
 */
export const denunciationTerminationFields = z
  .strictObject({
    resolverTitle: text(200),
    acceptanceDecision,
    ...denunciation,
    ground: z.enum(["withdrawn", "denounced_deceased", "other"]),
    withdrawnOn: isoDate.optional(),
    reason: text(2000).optional(),
    ...common,
  })
  .superRefine((f, ctx) => {
    if (f.ground === "withdrawn" && !f.withdrawnOn)
      ctx.addIssue({ code: "custom", path: ["withdrawnOn"], message: "Ghi ngày rút tố cáo." });
    if (f.ground === "other" && !f.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Ghi lý do đình chỉ việc giải quyết tố cáo." });
  });

/**
 * TC-KL — Kết luận nội dung tố cáo (Điều 35 Luật Tố cáo [P]). Fields: resolverTitle,
 * acceptanceDecision, receivedOn, denounced, verificationReport? ("Báo cáo kết quả xác minh số …
 * ngày … của Tổ xác minh"), findings (per content: content, result of verification, verdict),
 * verdict (the whole denunciation), violations? (violations found, who is responsible),
 * returnToStateMoneyVnd? / returnToStateLandM2? / returnToOthersMoneyVnd? / returnToOthersLandM2? /
 * returnToOthersWho?, measures (handling within the resolver's competence), recommendations
 * (to other bodies), recipients?, signer?.
 */
export const denunciationConclusionFields = z.strictObject({
  resolverTitle: text(200),
  acceptanceDecision,
  ...denunciation,
  verificationReport: text(300).optional(),
  findings: z
    .array(z.strictObject({ content: text(2000), result: text(4000), verdict }))
    .min(1)
    .max(20),
  verdict,
  violations: text(4000).optional(),
  ...recovery,
  measures: texts(2000, 20).default([]),
  recommendations: texts(2000, 20).default([]),
  ...common,
});
