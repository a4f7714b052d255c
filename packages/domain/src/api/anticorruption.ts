/**
 * API schemas of anti-corruption work (docs/LAW.md §10): the position catalogue, officials and
 * their position history, the yearly declaration campaign, declaration content, the verification
 * plan and its lottery. They check the shape of the input; rules that need the records (a
 * declaration dated after today, a supplementary declaration of an annual declarant…) are in the
 * service and in domain/src/anticorruption.
 */
import {
  ANNOUNCEMENT_FORMS,
  ASSET_OWNERS,
  DEFERRAL_KINDS,
  ROTATION_OUTCOMES,
  ROTATION_STATUS_LABELS,
  DECLARATION_KINDS,
  EXCLUSION_REASONS,
  EXEMPTION_KINDS,
  POSITION_KINDS,
  type DeclarationContent,
} from "../anticorruption/index.ts";
import { emailAddress, phoneNumber, uuid } from "./common.ts";
import { blankable, choiceOf, z } from "./zod-vi.ts";
import { labelledText as text, requiredText as required, labelledDate as date, flag, version } from "./fields.ts";

const optionalDate = (label: string) => blankable(date(label).optional());
const year = z.coerce
  .number({ error: "Năm phải là số." })
  .int({ error: "Năm phải là số nguyên." })
  .min(2019, { error: "Năm phải từ 2019 (Luật Phòng, chống tham nhũng 2018 có hiệu lực)." })
  .max(2200, { error: "Năm không hợp lệ." });
const percent = (label: string) =>
  z
    .number({ error: `${label} phải là một số.` })
    .min(0, { error: `${label} không được âm.` })
    .max(100, { error: `${label} không quá 100 %.` });

/** Whole đồng: an integer, not negative, small enough to be exact in JSON. */
export const dong = (label: string) =>
  z
    .number({ error: `${label} phải là một số tiền (đồng).` })
    .int({ error: `${label} phải là số đồng nguyên, không có phần lẻ.` })
    .min(0, { error: `${label} không được âm.` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label} quá lớn; kiểm tra lại đơn vị (đồng).` });

// ---- Position catalogue ---------------------------------------------------------------------

export const positionBody = z
  .strictObject({
    code: z
      .string({ error: "Nhập mã vị trí." })
      .trim()
      .regex(/^[A-Z0-9_]{2,40}$/, { error: "Mã vị trí gồm 2–40 chữ in hoa, chữ số, dấu gạch dưới." }),
    name: required(300, "Tên vị trí"),
    kind: choiceOf(POSITION_KINDS, "loại vị trí"),
    declaresAnnually: flag("Kê khai hằng năm"),
    declarationBasis: required(300, "Căn cứ kê khai"),
    rotation: flag("Thuộc diện chuyển đổi vị trí"),
    sector: blankable(text(200, "Lĩnh vực").nullish()),
    rotationMonths: blankable(
      z
        .number({ error: "Thời hạn chuyển đổi phải là số tháng." })
        .int({ error: "Thời hạn chuyển đổi phải là số tháng nguyên." })
        .min(24, { error: "Thời hạn chuyển đổi từ đủ 24 tháng (Điều 25 Luật PCTN 2018)." })
        .max(60, { error: "Thời hạn chuyển đổi tối đa 60 tháng (Điều 25 Luật PCTN 2018)." })
        .nullish(),
    ),
    rotationBasis: blankable(text(300, "Căn cứ chuyển đổi").nullish()),
    active: flag("Đang sử dụng").default(true),
  })
  .superRefine((v, ctx) => {
    if (v.rotation && !v.rotationMonths)
      ctx.addIssue({ code: "custom", path: ["rotationMonths"], message: "Nhập thời hạn chuyển đổi (24–60 tháng)." });
    if (v.rotation && !v.sector)
      ctx.addIssue({ code: "custom", path: ["sector"], message: "Nhập lĩnh vực của vị trí phải chuyển đổi." });
  });
export type PositionBody = z.infer<typeof positionBody>;

export const positionUpdateBody = z.strictObject({ version, position: positionBody });

export const positionItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(POSITION_KINDS),
  declaresAnnually: z.boolean(),
  declarationBasis: z.string(),
  rotation: z.boolean(),
  sector: z.string().nullable(),
  rotationMonths: z.number().nullable(),
  rotationBasis: z.string().nullable(),
  active: z.boolean(),
  builtIn: z.boolean(),
  version: z.number(),
});

// ---- Officials ------------------------------------------------------------------------------

const heldPosition = z
  .strictObject({
    positionId: uuid,
    from: date("Ngày bắt đầu giữ vị trí"),
    to: optionalDate("Ngày thôi giữ vị trí"),
  })
  .refine((h) => !h.to || h.to >= h.from, { path: ["to"], error: "Ngày thôi giữ vị trí phải sau ngày bắt đầu." });

export const officialBody = z.strictObject({
  code: z
    .string({ error: "Nhập mã cán bộ." })
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,40}$/, { error: "Mã cán bộ gồm tối đa 40 chữ, chữ số, dấu chấm, gạch." }),
  fullName: required(200, "Họ và tên"),
  unitAgencyId: uuid,
  birthDate: optionalDate("Ngày sinh"),
  rank: blankable(text(200, "Ngạch, chức danh").nullish()),
  expectedRetirement: optionalDate("Ngày dự kiến nghỉ hưu"),
  userId: blankable(uuid.nullish()),
  declaredBefore: flag("Đã kê khai trước đây").default(false),
  verifiedYears: z.array(year, { error: "Năm đã được xác minh phải là danh sách năm." }).max(50).default([]),
  leftOn: optionalDate("Ngày thôi công tác"),
  positions: z.array(heldPosition, { error: "Quá trình công tác phải là danh sách." }).max(100).default([]),
  // His own contact: the declaration reminders use it when no linked user has an e-mail address.
  email: blankable(emailAddress.nullish()),
  phone: blankable(phoneNumber.nullish()),
});
export type OfficialBody = z.infer<typeof officialBody>;

export const officialUpdateBody = z.strictObject({ version, official: officialBody });

export const officialListQuery = z.object({
  q: blankable(text(100, "Tìm kiếm").optional()),
  unitAgencyId: blankable(uuid.optional()),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const officialItem = z.object({
  id: z.string(),
  code: z.string(),
  fullName: z.string(),
  unitAgencyId: z.string(),
  unitName: z.string(),
  rank: z.string().nullable(),
  birthDate: z.string().nullable(),
  expectedRetirement: z.string().nullable(),
  currentPosition: z.string().nullable(),
  linkedUser: z.boolean(),
});

export const officialDetail = officialItem.extend({
  agencyId: z.string(),
  userId: z.string().nullable(),
  declaredBefore: z.boolean(),
  verifiedYears: z.array(z.number()),
  leftOn: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  positions: z.array(
    z.object({ positionId: z.string(), positionName: z.string(), from: z.string(), to: z.string().nullable() }),
  ),
  exemptions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(EXEMPTION_KINDS),
      from: z.string(),
      to: z.string().nullable(),
      evidence: z.string(),
    }),
  ),
  version: z.number(),
});

export const exemptionBody = z
  .strictObject({
    kind: choiceOf(EXEMPTION_KINDS, "trường hợp không xác minh"),
    from: date("Từ ngày"),
    to: optionalDate("Đến ngày"),
    evidence: required(500, "Căn cứ, giấy tờ chứng minh"),
  })
  .refine((e) => !e.to || e.to >= e.from, { path: ["to"], error: "Đến ngày phải sau Từ ngày." });

/** An Excel file of officials, as base64 (the sheet layout is in the service's template). */
export const officialImportBody = z.strictObject({
  fileName: required(200, "Tên tệp"),
  contentBase64: z
    .string({ error: "Chọn tệp Excel." })
    .min(1, { error: "Chọn tệp Excel." })
    .max(12_000_000, { error: "Tệp quá lớn (tối đa khoảng 9 MB)." }),
  /** Check only: report the rows, save nothing. */
  dryRun: flag("Chỉ kiểm tra").default(false),
});

export const officialImportResult = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  refused: z.array(z.object({ row: z.number(), code: z.string(), field: z.string(), message: z.string() })),
  saved: z.boolean(),
});

// ---- Campaign -------------------------------------------------------------------------------

export const campaignCreateBody = z.strictObject({ year });

export const obligationAdjustBody = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("add"),
    officialId: uuid,
    kind: choiceOf(DECLARATION_KINDS, "loại kê khai"),
    /** For a before-appointment declaration: the expected date of the appointment. */
    expectedOn: optionalDate("Ngày dự kiến bầu, bổ nhiệm"),
    reason: required(500, "Lý do"),
  }),
  z.strictObject({
    action: z.literal("remove"),
    obligationId: uuid,
    reason: required(500, "Lý do"),
  }),
]);

export const obligationItem = z.object({
  id: z.string(),
  officialId: z.string(),
  officialCode: z.string(),
  fullName: z.string(),
  unitAgencyId: z.string(),
  unitName: z.string(),
  kind: z.enum(DECLARATION_KINDS),
  reason: z.string(),
  source: z.enum(["computed", "adjusted"]),
  removed: z.boolean(),
  removedReason: z.string().nullable(),
  dueOn: z.string(),
  receivedOn: z.string().nullable(),
  status: z.enum(["pending", "received", "late_received", "overdue", "removed"]),
  reminders: z.number(),
  lastRemindedAt: z.string().nullable(),
  publication: z.object({ place: z.string(), from: z.string(), to: z.string() }).nullable(),
  declarationId: z.string().nullable(),
  version: z.number(),
});

export const unitProgress = z.object({
  unitAgencyId: z.string(),
  unitName: z.string(),
  obligated: z.number(),
  received: z.number(),
  late: z.number(),
  pending: z.number(),
});

export const campaignView = z.object({
  id: z.string(),
  agencyId: z.string(),
  year: z.number(),
  computedAt: z.string(),
  deadline: z.object({ rule: z.string(), basis: z.string(), due: z.string() }),
  totals: z.object({ obligated: z.number(), received: z.number(), late: z.number(), pending: z.number() }),
  units: z.array(unitProgress),
  items: z.array(obligationItem),
  version: z.number(),
});

export const campaignListItem = z.object({
  id: z.string(),
  year: z.number(),
  obligated: z.number(),
  received: z.number(),
});

export const receiveBody = z.strictObject({
  version,
  receivedOn: date("Ngày nhận bản kê khai"),
});

export const publicationBody = z
  .strictObject({
    version,
    place: required(300, "Nơi công khai"),
    from: date("Công khai từ ngày"),
    to: date("Công khai đến ngày"),
  })
  .refine((p) => p.to >= p.from, { path: ["to"], error: "Ngày kết thúc công khai phải sau ngày bắt đầu." });

export const reminderResult = z.object({ reminded: z.number(), names: z.array(z.string()) });

// ---- Declaration content (sealed) -----------------------------------------------------------

const assetItem = (section: string) =>
  z.strictObject({
    owner: choiceOf(ASSET_OWNERS, "người sở hữu"),
    description: required(1000, `Mô tả ${section}`),
    value: dong("Giá trị"),
  });

const member = z.strictObject({
  fullName: required(200, "Họ và tên"),
  birthDate: optionalDate("Ngày sinh"),
});

export const declarationContent = z.strictObject({
  declarant: z.strictObject({
    fullName: required(200, "Họ và tên người kê khai"),
    birthDate: optionalDate("Ngày sinh"),
    position: blankable(text(300, "Chức vụ, chức danh").optional()),
  }),
  spouse: blankable(member.optional()),
  children: z.array(member).max(20).default([]),
  land: z.array(assetItem("quyền sử dụng đất")).max(200).default([]),
  houses: z.array(assetItem("nhà ở, công trình")).max(200).default([]),
  preciousMetals: z.array(assetItem("kim khí quý, đá quý")).max(200).default([]),
  money: z.array(assetItem("tiền")).max(200).default([]),
  valuables: z.array(assetItem("tài sản")).max(200).default([]),
  abroad: z.array(assetItem("tài sản ở nước ngoài")).max(200).default([]),
  income: dong("Tổng thu nhập giữa hai lần kê khai"),
  explanation: blankable(text(4000, "Giải trình biến động").optional()),
});
// The schema and the domain's type describe the same content.
const _contentType: DeclarationContent = {} as z.output<typeof declarationContent>;
void _contentType;

export const declarationBody = z.strictObject({
  /** The obligation's version (the declaration marks it received). */
  version,
  declaredOn: date("Ngày kê khai"),
  receivedOn: date("Ngày nhận bản kê khai"),
  content: declarationContent,
});

/**
 * One declaration's content from the .xlsx form the system gives out (the blank form of the
 * obligation, or a declaration downloaded), filled in by the declarant. The date of the
 * declaration is read from the form; the day it was received is the officer's.
 */
export const declarationImportBody = z.strictObject({
  version,
  receivedOn: date("Ngày nhận bản kê khai"),
  fileName: required(200, "Tên tệp"),
  contentBase64: z
    .string({ error: "Chọn tệp Excel bản kê khai." })
    .min(1, { error: "Chọn tệp Excel bản kê khai." })
    .max(4_000_000, { error: "Tệp quá lớn (tối đa khoảng 3 MB)." }),
});

/** Saved (its id), or refused cell by cell: the section of the form, the sheet's row, the column. */
export const declarationImportResult = z.object({
  saved: z.boolean(),
  id: z.string().nullable(),
  refused: z.array(z.object({ section: z.string(), row: z.number(), field: z.string(), message: z.string() })),
});

const assetOut = z.object({ owner: z.enum(ASSET_OWNERS), description: z.string(), value: z.number() });
const memberOut = z.object({ fullName: z.string(), birthDate: z.string().optional() });
/** The content as answered (the input schema's preprocessing runs one way only). */
export const declarationContentOut = z.object({
  declarant: z.object({ fullName: z.string(), birthDate: z.string().optional(), position: z.string().optional() }),
  spouse: memberOut.optional(),
  children: z.array(memberOut),
  land: z.array(assetOut),
  houses: z.array(assetOut),
  preciousMetals: z.array(assetOut),
  money: z.array(assetOut),
  valuables: z.array(assetOut),
  abroad: z.array(assetOut),
  income: z.number(),
  explanation: z.string().optional(),
});

export const declarationView = z.object({
  id: z.string(),
  obligationId: z.string(),
  officialId: z.string(),
  fullName: z.string(),
  year: z.number(),
  kind: z.enum(DECLARATION_KINDS),
  declaredOn: z.string(),
  content: declarationContentOut,
  comparison: z.object({
    previousTotal: z.number().nullable(),
    total: z.number(),
    increase: z.number().nullable(),
    flagged: z.boolean(),
  }),
});

/** A declarant's own list: names and status only. */
export const myDeclarationItem = z.object({
  id: z.string(),
  year: z.number(),
  kind: z.enum(DECLARATION_KINDS),
  declaredOn: z.string(),
});

// ---- Verification plan and lottery -----------------------------------------------------------

export const planBody = z.strictObject({
  year,
  issuedOn: date("Ngày ban hành kế hoạch"),
  namedBody: flag("Bộ Công an, Quốc phòng, Ngoại giao, Tài chính").default(false),
  unitPercent: percent("Tỷ lệ đơn vị"),
  personPercent: percent("Tỷ lệ người được xác minh"),
});

export const witnessItem = z.strictObject({
  fullName: required(200, "Họ và tên người chứng kiến"),
  organisation: required(300, "Cơ quan của người chứng kiến"),
});

export const lotteryBody = z.strictObject({
  seed: z
    .string({ error: "Nhập mã số ngẫu nhiên." })
    .trim()
    .min(6, { error: "Mã số ngẫu nhiên phải có ít nhất 6 ký tự." })
    .max(200, { error: "Mã số ngẫu nhiên chỉ được tối đa 200 ký tự." }),
  heldOn: date("Ngày bốc thăm"),
  place: required(300, "Địa điểm bốc thăm"),
  witnesses: z
    .array(witnessItem, { error: "Nhập người chứng kiến." })
    .min(2, { error: "Cần ít nhất 2 người chứng kiến (Ủy ban kiểm tra cấp ủy, Mặt trận Tổ quốc)." })
    .max(20),
});

const drawnUnit = z.object({
  code: z.string(),
  name: z.string(),
  hash: z.string(),
  rank: z.number(),
  selected: z.boolean(),
  eligible: z.number(),
  toSelect: z.number(),
});
const drawnPerson = z.object({
  code: z.string(),
  name: z.string(),
  unitCode: z.string(),
  hash: z.string(),
  rank: z.number(),
  selected: z.boolean(),
});
export const exclusionItem = z.object({
  code: z.string(),
  name: z.string(),
  unitCode: z.string(),
  reason: z.enum(EXCLUSION_REASONS),
  detail: z.string(),
});

export const lotteryView = z.object({
  id: z.string(),
  seed: z.string(),
  heldOn: z.string(),
  place: z.string(),
  witnesses: z.array(z.object({ fullName: z.string(), organisation: z.string() })),
  algorithm: z.string(),
  algorithmText: z.string(),
  inputsSha256: z.string(),
  units: z.array(drawnUnit),
  persons: z.array(drawnPerson),
  exclusions: z.array(exclusionItem),
  selectedUnits: z.number(),
  selectedPersons: z.number(),
  documentId: z.string().nullable(),
});

export const verificationItem = z.object({
  id: z.string(),
  officialId: z.string(),
  officialCode: z.string(),
  fullName: z.string(),
  unitName: z.string(),
  ground: z.enum(["lottery", "increase", "denunciation", "request"]),
  conclusion: z.enum(["honest", "dishonest"]).nullable(),
  concludedOn: z.string().nullable(),
  handling: z.string().nullable(),
  version: z.number(),
});

export const planView = z.object({
  id: z.string(),
  agencyId: z.string(),
  year: z.number(),
  issuedOn: z.string(),
  late: z.boolean(),
  namedBody: z.boolean(),
  unitPercent: z.number(),
  personPercent: z.number(),
  selectionDue: z.string(),
  lottery: lotteryView.nullable(),
  verifications: z.array(verificationItem),
  version: z.number(),
});

export const conclusionBody = z.strictObject({
  version,
  conclusion: choiceOf(["honest", "dishonest"] as const, "kết luận"),
  concludedOn: date("Ngày kết luận"),
  handling: blankable(text(2000, "Hình thức xử lý").optional()),
});

// ---- Job rotation ---------------------------------------------------------------------------

export const deferralBody = z
  .strictObject({
    kind: choiceOf(DEFERRAL_KINDS, "trường hợp tạm hoãn"),
    from: date("Từ ngày"),
    // Điều 39 Nghị định 59/2019: a deferral lasts while its ground does; the officer records when.
    to: date("Đến ngày (hết thời gian tạm hoãn)"),
    evidence: required(500, "Căn cứ, giấy tờ chứng minh"),
  })
  .refine((e) => e.to >= e.from, { path: ["to"], error: "Đến ngày phải sau Từ ngày." });

const ROTATION_STATUSES = Object.keys(ROTATION_STATUS_LABELS) as [
  keyof typeof ROTATION_STATUS_LABELS,
  ...(keyof typeof ROTATION_STATUS_LABELS)[],
];

export const rotationQuery = z.object({ on: blankable(date("Ngày xét").optional()) });

export const rotationItem = z.object({
  officialId: z.string(),
  officialCode: z.string(),
  fullName: z.string(),
  unitName: z.string(),
  positionName: z.string(),
  sector: z.string(),
  from: z.string(),
  tenureMonths: z.number(),
  periodMonths: z.number(),
  dueFrom: z.string(),
  maxOn: z.string(),
  status: z.enum(ROTATION_STATUSES),
  detail: z.string(),
});

export const rotationView = z.object({
  on: z.string(),
  counts: z.record(z.string(), z.number()),
  items: z.array(rotationItem),
});

// ---- The execution of the rotation plan (docs/LAW.md §10.2) -------------------------------------

export const rotationRecordQuery = z.object({ year });

/** Put an official holding a rotation position in the year's plan, on the day it was approved. */
export const rotationPlanBody = z.strictObject({
  officialId: uuid,
  year,
  plannedOn: date("Ngày phê duyệt kế hoạch"),
  planReference: blankable(text(100, "Số, ký hiệu kế hoạch").nullish()),
});

/**
 * The event that closes a plan row, its fields by outcome: rotated (decision, decided and executed
 * on, the new position), not rotated (the day and the reason), deferred (ground, from, to, evidence).
 */
export const rotationOutcomeBody = z
  .strictObject({
    version,
    outcome: choiceOf(["done", "exempted", "deferred"] as const, "kết quả chuyển đổi"),
    toPositionId: blankable(uuid.optional()),
    decisionNumber: blankable(text(100, "Số quyết định").optional()),
    decidedOn: optionalDate("Ngày quyết định"),
    executedOn: optionalDate("Ngày thực hiện chuyển đổi"),
    on: optionalDate("Ngày quyết định không chuyển đổi"),
    reason: blankable(text(1000, "Lý do không chuyển đổi").optional()),
    kind: blankable(choiceOf(DEFERRAL_KINDS, "trường hợp tạm hoãn").optional()),
    from: optionalDate("Tạm hoãn từ ngày"),
    // Điều 39 Nghị định 59/2019: a deferral lasts while its ground does; its end is recorded.
    to: optionalDate("Tạm hoãn đến ngày"),
    evidence: blankable(text(500, "Căn cứ, giấy tờ chứng minh").optional()),
  })
  .superRefine((v, ctx) => {
    const need = (field: keyof typeof v, message: string) => {
      if (v[field] === undefined || v[field] === "") ctx.addIssue({ code: "custom", path: [field], message });
    };
    if (v.outcome === "done") {
      need("toPositionId", "Chọn vị trí công tác mới.");
      need("decisionNumber", "Nhập số quyết định chuyển đổi.");
      need("decidedOn", "Nhập ngày quyết định chuyển đổi.");
      need("executedOn", "Nhập ngày thực hiện chuyển đổi.");
      if (v.decidedOn && v.executedOn && v.executedOn < v.decidedOn)
        ctx.addIssue({
          code: "custom",
          path: ["executedOn"],
          message: "Ngày thực hiện chuyển đổi không được trước ngày quyết định.",
        });
    } else if (v.outcome === "exempted") {
      need("on", "Nhập ngày quyết định không chuyển đổi.");
      need("reason", "Nhập lý do không chuyển đổi.");
    } else {
      need("kind", "Chọn trường hợp tạm hoãn.");
      need("from", "Nhập ngày bắt đầu tạm hoãn.");
      need("to", "Nhập ngày kết thúc tạm hoãn (Điều 39 Nghị định 59/2019/NĐ-CP).");
      need("evidence", "Nhập căn cứ, giấy tờ chứng minh.");
      if (v.from && v.to && v.to < v.from)
        ctx.addIssue({ code: "custom", path: ["to"], message: "Tạm hoãn đến ngày phải sau Tạm hoãn từ ngày." });
    }
  });
export type RotationOutcomeBody = z.infer<typeof rotationOutcomeBody>;

export const rotationRecordItem = z.object({
  id: z.string(),
  officialId: z.string(),
  officialCode: z.string(),
  fullName: z.string(),
  unitName: z.string(),
  year: z.number(),
  plannedOn: z.string(),
  planReference: z.string().nullable(),
  fromPositionName: z.string(),
  outcome: z.enum(ROTATION_OUTCOMES),
  outcomeOn: z.string().nullable(),
  toPositionName: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decidedOn: z.string().nullable(),
  reason: z.string().nullable(),
  deferral: z.object({ kind: z.enum(DEFERRAL_KINDS), from: z.string(), to: z.string() }).nullable(),
  version: z.number(),
});
export type RotationRecordItem = z.infer<typeof rotationRecordItem>;

/** The year's plan made public in the agency (docs/LAW.md §10.7): when, how, where, by whom. */
export const rotationAnnouncementBody = z.strictObject({
  year,
  announcedOn: date("Ngày công khai kế hoạch"),
  form: choiceOf(ANNOUNCEMENT_FORMS, "hình thức công khai"),
  place: required(300, "Nơi công khai"),
  announcedBy: required(200, "Người, đơn vị công khai"),
  /** The recorded announcement's version when it is corrected; absent the first time. */
  version: version.optional(),
});

export const rotationAnnouncement = z.object({
  announcedOn: z.string(),
  form: z.enum(ANNOUNCEMENT_FORMS),
  place: z.string(),
  announcedBy: z.string(),
  version: z.number(),
});

export const rotationRecordList = z.object({
  year: z.number(),
  announcement: rotationAnnouncement.nullable(),
  counts: z.object({ planned: z.number(), done: z.number(), exempted: z.number(), deferred: z.number() }),
  items: z.array(rotationRecordItem),
});
