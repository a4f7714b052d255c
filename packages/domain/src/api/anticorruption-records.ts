/**
 * API schemas of the anti-corruption records the PCTN forms count (docs/LAW.md §10.3): corruption
 * cases (02/PCTN) with persons, damage, recoveries and handling; documents with loopholes
 * (03/PCTN); documents issued or amended to prevent corruption; gifts handed in; training and
 * propaganda sessions.
 */
import {
  CASE_CHANNELS,
  PERSON_HANDLINGS,
  PREVENTION_DOCUMENT_ACTIONS,
  PREVENTION_DOCUMENT_KINDS,
  TRAINING_KINDS,
} from "../anticorruption/records.ts";
import { dong } from "./anticorruption.ts";
import { pageOf, uuid } from "./common.ts";
import { blankable, choiceOf, z } from "./zod-vi.ts";
import { labelledText as text, requiredText as required, labelledDate as date, flag, version } from "./fields.ts";

const optionalText = (max: number, label: string) => blankable(text(max, label).nullish());
const optionalDate = (label: string) => blankable(date(label).nullish());
const area = (label: string) =>
  z
    .number({ error: `${label} phải là một số (m²).` })
    .min(0, { error: `${label} không được âm.` })
    .max(1e15, { error: `${label} quá lớn.` })
    .refine((v) => Math.round(v * 100) === v * 100, { error: `${label}: tối đa 2 chữ số thập phân.` });
const count = (label: string, min = 0) =>
  z
    .number({ error: `${label} phải là một số nguyên.` })
    .int({ error: `${label} phải là một số nguyên.` })
    .min(min, { error: min ? `${label} phải từ ${min} trở lên.` : `${label} không được âm.` })
    .max(1_000_000, { error: `${label} quá lớn.` });

/** A period filter shared by every register: from, to (inclusive), agency in scope. */
const listFields = {
  from: blankable(date("Từ ngày").optional()),
  to: blankable(date("Đến ngày").optional()),
  agencyId: blankable(uuid.optional()),
  q: blankable(text(100, "Tìm kiếm").optional()),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const periodOrder = (v: { from?: string | null; to?: string | null }) => !v.from || !v.to || v.to >= v.from;
const periodIssue = { path: ["to"], error: "Đến ngày phải từ ngày bắt đầu trở đi." };
export const recordListQuery = z.object(listFields).refine(periodOrder, periodIssue);
export type RecordListQuery = z.infer<typeof recordListQuery>;

// ---- Corruption cases (02/PCTN) -------------------------------------------------------------

const casePerson = z
  .strictObject({
    officialId: blankable(uuid.nullish()),
    fullName: required(200, "Họ và tên người có hành vi tham nhũng"),
    jobTitle: optionalText(300, "Chức vụ"),
    handling: choiceOf(PERSON_HANDLINGS, "hình thức xử lý"),
    disciplineForm: optionalText(300, "Hình thức kỷ luật"),
    handledOn: optionalDate("Ngày xử lý"),
    isHead: flag("Người đứng đầu").default(false),
  })
  .superRefine((p, ctx) => {
    if (p.handling === "discipline" && !p.disciplineForm)
      ctx.addIssue({ code: "custom", path: ["disciplineForm"], message: "Nhập hình thức kỷ luật." });
  });

export const corruptionCaseBody = z
  .strictObject({
    name: required(500, "Tên vụ việc"),
    concernedAgencyId: blankable(uuid.nullish()),
    concernedName: required(500, "Cơ quan, tổ chức, đơn vị xảy ra vụ việc"),
    handlingBody: required(500, "Cơ quan, đơn vị thụ lý, xử lý"),
    summary: blankable(text(8000, "Tóm tắt nội dung").default("")),
    detectedOn: date("Ngày phát hiện"),
    channel: choiceOf(CASE_CHANNELS, "nguồn phát hiện"),
    inspectionId: blankable(uuid.nullish()),
    resolutionCaseId: blankable(uuid.nullish()),
    damageMoney: dong("Thiệt hại về tiền").default(0),
    damageLandM2: area("Thiệt hại về đất").default(0),
    recoveredMoney: dong("Số tiền đã thu hồi").default(0),
    recoveredLandM2: area("Diện tích đất đã thu hồi").default(0),
    transferredOn: optionalDate("Ngày chuyển cơ quan điều tra"),
    transferredTo: optionalText(500, "Cơ quan điều tra được chuyển"),
    headsResponsible: count("Số người đứng đầu bị xử lý trách nhiệm").default(0),
    note: optionalText(4000, "Ghi chú"),
    persons: z.array(casePerson, { error: "Người có hành vi tham nhũng phải là danh sách." }).max(200).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.transferredOn && !v.transferredTo)
      ctx.addIssue({ code: "custom", path: ["transferredTo"], message: "Nhập cơ quan điều tra được chuyển hồ sơ." });
    if (v.transferredTo && !v.transferredOn)
      ctx.addIssue({
        code: "custom",
        path: ["transferredOn"],
        message: "Nhập ngày chuyển hồ sơ cho cơ quan điều tra.",
      });
    if (v.transferredOn && v.transferredOn < v.detectedOn)
      ctx.addIssue({
        code: "custom",
        path: ["transferredOn"],
        message: "Ngày chuyển cơ quan điều tra phải từ ngày phát hiện.",
      });
    if (v.recoveredMoney > v.damageMoney)
      ctx.addIssue({
        code: "custom",
        path: ["recoveredMoney"],
        message: "Số tiền đã thu hồi không được lớn hơn thiệt hại về tiền.",
      });
    if (v.recoveredLandM2 > v.damageLandM2)
      ctx.addIssue({
        code: "custom",
        path: ["recoveredLandM2"],
        message: "Diện tích đất đã thu hồi không được lớn hơn thiệt hại về đất.",
      });
    if (v.channel !== "inspection" && v.inspectionId)
      ctx.addIssue({
        code: "custom",
        path: ["inspectionId"],
        message: "Cuộc thanh tra chỉ gắn khi nguồn phát hiện là thanh tra.",
      });
    if (v.channel !== "denunciation" && v.resolutionCaseId)
      ctx.addIssue({
        code: "custom",
        path: ["resolutionCaseId"],
        message: "Vụ việc khiếu nại, tố cáo chỉ gắn khi nguồn phát hiện là giải quyết khiếu nại, tố cáo.",
      });
  });
export type CorruptionCaseBody = z.infer<typeof corruptionCaseBody>;

export const corruptionCaseUpdateBody = z.strictObject({ version, case: corruptionCaseBody });

export const corruptionCaseListQuery = z
  .object({
    ...listFields,
    channel: blankable(choiceOf(CASE_CHANNELS, "nguồn phát hiện").optional()),
    transferred: blankable(z.enum(["yes", "no"], { error: "Chuyển cơ quan điều tra: chọn có hoặc không." }).optional()),
  })
  .refine(periodOrder, periodIssue);
export type CorruptionCaseListQuery = z.infer<typeof corruptionCaseListQuery>;

export const corruptionCaseItem = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  name: z.string(),
  concernedName: z.string(),
  handlingBody: z.string(),
  detectedOn: z.string(),
  channel: z.enum(CASE_CHANNELS),
  persons: z.number(),
  damageMoney: z.number(),
  recoveredMoney: z.number(),
  transferredOn: z.string().nullable(),
  transferredTo: z.string().nullable(),
});

export const corruptionCaseList = pageOf(corruptionCaseItem).extend({
  totals: z.object({
    cases: z.number(),
    persons: z.number(),
    damageMoney: z.number(),
    recoveredMoney: z.number(),
    transferredCases: z.number(),
  }),
});

export const corruptionCaseView = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  name: z.string(),
  concernedAgencyId: z.string().nullable(),
  concernedName: z.string(),
  handlingBody: z.string(),
  summary: z.string(),
  detectedOn: z.string(),
  channel: z.enum(CASE_CHANNELS),
  inspectionId: z.string().nullable(),
  /** The linked inspection as the case page names it. */
  inspection: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
  resolutionCaseId: z.string().nullable(),
  damageMoney: z.number(),
  damageLandM2: z.number(),
  recoveredMoney: z.number(),
  recoveredLandM2: z.number(),
  transferredOn: z.string().nullable(),
  transferredTo: z.string().nullable(),
  headsResponsible: z.number(),
  note: z.string().nullable(),
  persons: z.array(
    z.object({
      officialId: z.string().nullable(),
      /** The registry code of the official picked, null for a person named only. */
      officialCode: z.string().nullable(),
      fullName: z.string(),
      jobTitle: z.string().nullable(),
      handling: z.enum(PERSON_HANDLINGS),
      disciplineForm: z.string().nullable(),
      handledOn: z.string().nullable(),
      isHead: z.boolean(),
    }),
  ),
  version: z.number(),
});

/** The inspections a case may be linked to: the recording agency's own and those under it. */
export const caseInspectionQuery = z.object({
  q: blankable(text(100, "Tìm kiếm").optional()),
});
export const caseInspectionChoices = z.object({
  items: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), year: z.number() })),
});

// ---- Loophole documents (03/PCTN) -----------------------------------------------------------

export const loopholeBody = z
  .strictObject({
    title: required(500, "Tên văn bản"),
    numberSymbol: optionalText(100, "Số, ký hiệu"),
    issuedOn: optionalDate("Ngày ban hành"),
    issuingBody: required(300, "Cơ quan ban hành"),
    loophole: required(4000, "Nội dung sơ hở, bất cập"),
    foundOn: date("Ngày phát hiện"),
    remediedOn: optionalDate("Ngày khắc phục"),
    remedy: optionalText(4000, "Biện pháp khắc phục"),
    notRemediedReason: optionalText(4000, "Lý do chưa khắc phục"),
  })
  .superRefine((v, ctx) => {
    if (v.issuedOn && v.foundOn < v.issuedOn)
      ctx.addIssue({ code: "custom", path: ["foundOn"], message: "Ngày phát hiện phải từ ngày ban hành văn bản." });
    if (v.remediedOn && v.remediedOn < v.foundOn)
      ctx.addIssue({ code: "custom", path: ["remediedOn"], message: "Ngày khắc phục phải từ ngày phát hiện." });
    if (v.remediedOn && !v.remedy)
      ctx.addIssue({ code: "custom", path: ["remedy"], message: "Nhập biện pháp khắc phục." });
    if (v.remediedOn && v.notRemediedReason)
      ctx.addIssue({
        code: "custom",
        path: ["notRemediedReason"],
        message: "Đã khắc phục thì không ghi lý do chưa khắc phục.",
      });
  });
export const loopholeUpdateBody = z.strictObject({ version, document: loopholeBody });
export const loopholeItem = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  title: z.string(),
  numberSymbol: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuingBody: z.string(),
  loophole: z.string(),
  foundOn: z.string(),
  remediedOn: z.string().nullable(),
  remedy: z.string().nullable(),
  notRemediedReason: z.string().nullable(),
  version: z.number(),
});

// ---- Documents issued or amended to prevent corruption --------------------------------------

export const preventionDocumentBody = z.strictObject({
  kind: choiceOf(PREVENTION_DOCUMENT_KINDS, "loại văn bản"),
  action: choiceOf(PREVENTION_DOCUMENT_ACTIONS, "ban hành mới hay sửa đổi"),
  numberSymbol: optionalText(100, "Số, ký hiệu"),
  title: required(500, "Trích yếu văn bản"),
  issuedOn: date("Ngày ban hành"),
});
export const preventionDocumentItem = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  kind: z.enum(PREVENTION_DOCUMENT_KINDS),
  action: z.enum(PREVENTION_DOCUMENT_ACTIONS),
  numberSymbol: z.string().nullable(),
  title: z.string(),
  issuedOn: z.string(),
});

// ---- Gifts handed in ------------------------------------------------------------------------

export const giftBody = z.strictObject({
  officialId: blankable(uuid.nullish()),
  fullName: required(200, "Họ và tên người nộp lại quà tặng"),
  handedOn: date("Ngày nộp lại"),
  description: required(2000, "Quà tặng"),
  value: dong("Giá trị quà tặng").default(0),
  handling: optionalText(2000, "Xử lý quà tặng"),
});
export const giftItem = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  officialId: z.string().nullable(),
  fullName: z.string(),
  handedOn: z.string(),
  description: z.string(),
  value: z.number(),
  handling: z.string().nullable(),
});

// ---- Training and propaganda ----------------------------------------------------------------

export const trainingBody = z.strictObject({
  kind: choiceOf(TRAINING_KINDS, "hình thức"),
  title: required(500, "Nội dung"),
  heldOn: date("Ngày tổ chức"),
  sessions: count("Số lớp, số cuộc", 1),
  participants: count("Số lượt người tham dự"),
});
export const trainingItem = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  kind: z.enum(TRAINING_KINDS),
  title: z.string(),
  heldOn: z.string(),
  sessions: z.number(),
  participants: z.number(),
});
