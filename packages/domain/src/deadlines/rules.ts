/**
 * Statutory time limits as data. Each rule is written once, with its legal basis; one engine
 * (engine.ts) applies them all. Source: docs/LAW.md §5.2, §6.3, §7, §8.3–8.5, §10.1, §13.2.
 *
 * Conventions
 * - `length` is in `unit`: "ngày" in a text means calendar days, "ngày làm việc" working days
 *   (docs/LAW.md §7.2).
 * - `variants` gives the length of a special case (complex case, remote area, ...); the
 *   Vietnamese wording of each variant is in VARIANT_LABELS.
 * - `extensions.length` is added per extension, in the rule's unit, to the period counted from
 *   the start (i.e. from the original due date before any roll-forward).
 * - `validFrom`/`validTo` are the first and last day (inclusive) a version is in force; a case uses
 *   the version in force on its start date (docs/LAW.md §13.1(1)). `validTo: null` = still in force.
 *   The law amending the Citizen Reception, Complaints and Denunciations laws takes effect on
 *   01/07/2026 [P], but its text was not obtained: no second versions are invented here; when it is
 *   read, add a version with `validFrom: "2026-07-01"` and close the old one on "2026-06-30".
 * - `probable: true` marks rules found only in secondary sources ([P] in docs/LAW.md §0.1); their
 *   length can be overridden by configuration (configureRules) and the explanation warns about it.
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import { ACTS, cite } from "../law/acts.ts";
import { PETITION_RETENTION_YEARS } from "../law/periods.ts";

export type DeadlineUnit = "calendar_day" | "working_day" | "month" | "year" | "fixed_date";

export const DEADLINE_UNITS: readonly DeadlineUnit[] = ["calendar_day", "working_day", "month", "year", "fixed_date"];

export interface ExtensionPolicy {
  /** Added per extension, in the rule's unit. */
  length: number;
  /** Most extensions any case may receive. */
  max: number;
  /** Most extensions per variant; the key `default` applies when no variant is given. */
  maxBy?: Readonly<Record<string, number>>;
  basis: string;
}

export interface DeadlineRule {
  id: string;
  version: number;
  /** Article and instrument, in Vietnamese: "Điều 28 Luật Khiếu nại 2011". */
  basis: string;
  title: string;
  unit: DeadlineUnit;
  /** Ignored for `fixed_date` rules (0 by convention). */
  length: number;
  /** The event the period runs from, in Vietnamese. */
  startEvent: string;
  variants?: Readonly<Record<string, number>>;
  extensions?: ExtensionPolicy;
  /** Whether a suspension (tạm đình chỉ) of the case stops this clock. */
  suspensionStopsClock: boolean;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** Found only in a secondary source ([P]); confirm before relying on it. */
  probable?: boolean;
  /** For `fixed_date` rules: the day of the start date's year. */
  fixed?: { month: number; day: number };
  /** Uncertainties and reading notes. */
  note?: string;
  /** Set by configureRules when an agency's configuration changed the statutory values. */
  configured?: boolean;
}

export type RuleSet = readonly DeadlineRule[];

/** Vietnamese wording of variants, for explanations and forms. */
export const VARIANT_LABELS: Readonly<Record<string, string>> = {
  complex: "vụ việc phức tạp",
  remote: "vùng sâu, vùng xa, đi lại khó khăn",
  "complex-remote": "vụ việc phức tạp ở vùng sâu, vùng xa, đi lại khó khăn",
  "especially-complex": "vụ việc đặc biệt phức tạp",
  extended: "gia hạn xử lý ban đầu (xác minh ở nhiều địa điểm hoặc phải ủy quyền xác minh)",
  ttcp: "kết luận thanh tra của Thanh tra Chính phủ",
  intermediate: "Sở, ban, ngành hoặc cấp huyện gửi lên cấp tỉnh",
  province: "cấp tỉnh hoặc bộ, ngành gửi lên Thanh tra Chính phủ",
};

export function variantLabel(variant: string): string {
  return VARIANT_LABELS[variant] ?? variant;
}

const KN = cite("LKN");
const TC = cite("LTC");
const TT = cite("LTTR");
const TT05 = cite("TT05");
const KN_FROM = ACTS.LKN.inForceFrom;
const TC_FROM = ACTS.LTC.inForceFrom;
const TT_FROM = ACTS.LTTR.inForceFrom;
const PCTN_FROM = ACTS.LPCTN.inForceFrom;

export const DEFAULT_RULES: RuleSet = [
  // ---- Complaints (khiếu nại) — docs/LAW.md §5.2 ---------------------------------------------
  {
    id: "complaint.limitation",
    version: 1,
    basis: `Điều 9 ${KN}`,
    title: "Thời hiệu khiếu nại",
    unit: "calendar_day",
    length: 90,
    startEvent: "ngày nhận được hoặc biết được quyết định hành chính, hành vi hành chính",
    // Time lost to force majeure (ốm đau, thiên tai, ...) is not counted: enter it as a suspension.
    suspensionStopsClock: true,
    validFrom: KN_FROM,
    validTo: null,
    note: "Thời gian có trở ngại khách quan không tính vào thời hiệu: nhập như khoảng tạm dừng (câu chữ của Điều 9 chưa đối chiếu văn bản gốc).",
  },
  {
    id: "complaint.limitation.disciplinary",
    version: 1,
    basis: `Điều 49 ${KN}`,
    title: "Thời hiệu khiếu nại quyết định kỷ luật cán bộ, công chức",
    unit: "calendar_day",
    length: 15,
    startEvent: "ngày nhận được quyết định kỷ luật",
    suspensionStopsClock: true,
    validFrom: KN_FROM,
    validTo: null,
    probable: true,
  },
  {
    id: "complaint.accept",
    version: 1,
    basis: `Điều 27 ${KN}`,
    title: "Thời hạn thụ lý khiếu nại lần đầu",
    unit: "calendar_day",
    length: 10,
    startEvent: "ngày nhận được khiếu nại thuộc thẩm quyền",
    suspensionStopsClock: false,
    validFrom: KN_FROM,
    validTo: null,
  },
  {
    id: "complaint.resolve.first",
    version: 1,
    basis: `Điều 28 ${KN}`,
    title: "Thời hạn giải quyết khiếu nại lần đầu",
    unit: "calendar_day",
    length: 30,
    startEvent: "ngày thụ lý",
    variants: { complex: 45, remote: 45, "complex-remote": 60 },
    suspensionStopsClock: true,
    validFrom: KN_FROM,
    validTo: null,
    note: "Việc thời gian tạm đình chỉ không tính vào thời hạn là cách hiểu chưa đối chiếu văn bản gốc.",
  },
  {
    id: "complaint.reappeal.window",
    version: 1,
    basis: `Điều 33 ${KN}`,
    title: "Thời hạn khiếu nại lần hai hoặc khởi kiện vụ án hành chính",
    unit: "calendar_day",
    length: 30,
    startEvent:
      "ngày hết thời hạn giải quyết lần đầu mà khiếu nại không được giải quyết, hoặc ngày nhận được quyết định giải quyết lần đầu",
    variants: { remote: 45 },
    suspensionStopsClock: false,
    validFrom: KN_FROM,
    validTo: null,
  },
  {
    id: "complaint.accept.second",
    version: 1,
    basis: `Điều 36 ${KN}`,
    title: "Thời hạn thụ lý khiếu nại lần hai",
    unit: "calendar_day",
    length: 10,
    startEvent: "ngày nhận được khiếu nại lần hai",
    suspensionStopsClock: false,
    validFrom: KN_FROM,
    validTo: null,
    probable: true,
  },
  {
    id: "complaint.resolve.second",
    version: 1,
    basis: `Điều 37 ${KN}`,
    title: "Thời hạn giải quyết khiếu nại lần hai",
    unit: "calendar_day",
    length: 45,
    startEvent: "ngày thụ lý",
    variants: { complex: 60, remote: 60, "complex-remote": 70 },
    suspensionStopsClock: true,
    validFrom: KN_FROM,
    validTo: null,
    note: "Việc thời gian tạm đình chỉ không tính vào thời hạn là cách hiểu chưa đối chiếu văn bản gốc.",
  },

  // ---- Denunciations (tố cáo) — docs/LAW.md §6.3 ---------------------------------------------
  {
    id: "denunciation.initial",
    version: 1,
    basis: `Điều 24 khoản 1 ${TC}`,
    title: "Thời hạn xử lý ban đầu thông tin tố cáo",
    unit: "working_day",
    length: 7,
    startEvent: "ngày nhận được tố cáo",
    // Up to 10 working days when checking at several places or through delegation.
    variants: { extended: 10 },
    suspensionStopsClock: false,
    validFrom: TC_FROM,
    validTo: null,
  },
  {
    id: "denunciation.transfer",
    version: 1,
    basis: `Điều 24 khoản 2 ${TC}`,
    title: "Thời hạn chuyển tố cáo không thuộc thẩm quyền",
    unit: "working_day",
    length: 5,
    startEvent: "ngày nhận được tố cáo",
    suspensionStopsClock: false,
    validFrom: TC_FROM,
    validTo: null,
  },
  {
    id: "denunciation.accept.notice",
    version: 1,
    basis: `Điều 29 ${TC}`,
    title: "Thời hạn thông báo việc thụ lý tố cáo cho người tố cáo",
    unit: "working_day",
    length: 5,
    startEvent: "ngày ra quyết định thụ lý tố cáo",
    suspensionStopsClock: false,
    validFrom: TC_FROM,
    validTo: null,
    probable: true,
  },
  {
    id: "denunciation.forwarded.reply",
    version: 1,
    basis: `Điều 26 khoản 2 ${TC}`,
    title: "Thời hạn thông báo kết quả xử lý tố cáo do cơ quan báo chí, cơ quan khác chuyển đến",
    unit: "calendar_day",
    length: 20,
    startEvent: "ngày nhận được tố cáo do cơ quan, tổ chức chuyển đến",
    suspensionStopsClock: false,
    validFrom: TC_FROM,
    validTo: null,
    note: "Đã xác minh qua nguồn thứ cấp; cần đối chiếu văn bản gốc.",
  },
  {
    id: "denunciation.resolve",
    version: 1,
    basis: `Điều 30 khoản 1 ${TC}`,
    title: "Thời hạn giải quyết tố cáo",
    unit: "calendar_day",
    length: 30,
    startEvent: "ngày thụ lý tố cáo",
    // Complexity (Nghị định 31/2019/NĐ-CP Điều 3) only changes how many extensions are allowed.
    variants: { complex: 30, "especially-complex": 30 },
    extensions: {
      length: 30,
      max: 2,
      maxBy: { default: 0, complex: 1, "especially-complex": 2 },
      basis: `Điều 30 khoản 2, khoản 3 ${TC}`,
    },
    suspensionStopsClock: true,
    validFrom: TC_FROM,
    validTo: null,
    note: "Việc thời gian tạm đình chỉ không tính vào thời hạn là cách hiểu chưa đối chiếu văn bản gốc.",
  },
  {
    id: "denunciation.escalation",
    version: 1,
    basis: `Điều 38 ${TC}`,
    title: "Thời hạn người đứng đầu cơ quan cấp trên yêu cầu báo cáo về tố cáo quá hạn giải quyết",
    unit: "working_day",
    length: 5,
    startEvent: "ngày người đứng đầu cơ quan cấp trên nhận được phản ánh về việc tố cáo quá hạn",
    suspensionStopsClock: false,
    validFrom: TC_FROM,
    validTo: null,
    note: "Đã xác minh qua nguồn thứ cấp; cần đối chiếu văn bản gốc.",
  },
  {
    id: "denunciation.escalation.report",
    version: 1,
    basis: `Điều 38 ${TC}`,
    title: "Thời hạn người giải quyết tố cáo báo cáo cơ quan cấp trên về tố cáo quá hạn",
    unit: "working_day",
    length: 5,
    startEvent: "ngày nhận được yêu cầu báo cáo",
    suspensionStopsClock: false,
    validFrom: TC_FROM,
    validTo: null,
    note: "Đã xác minh qua nguồn thứ cấp; cần đối chiếu văn bản gốc.",
  },

  // ---- Petitions (xử lý đơn) — docs/LAW.md §4.4 ----------------------------------------------
  {
    id: "petition.handle",
    version: 1,
    basis: TT05,
    title: "Thời hạn xử lý đơn",
    unit: "working_day",
    length: 10,
    startEvent: "ngày nhận được đơn",
    suspensionStopsClock: false,
    // A day after TT 05/2021 came into force (ACTS.TT05): kept, a rule's validity is part of its version.
    validFrom: "2021-11-16",
    validTo: null,
    probable: true,
    note: "10 ngày làm việc chỉ thấy ở nguồn thứ cấp; văn bản cũ ghi 10 ngày. Cấu hình được qua configureRules. Ngày hiệu lực của Thông tư 05/2021 cần đối chiếu Công báo.",
  },
  {
    id: "petition.retention",
    version: 1,
    basis: `Điều 28 khoản 2 ${TT05}`,
    title: "Thời hạn lưu đơn",
    unit: "year",
    length: PETITION_RETENTION_YEARS,
    startEvent: "ngày lưu đơn",
    suspensionStopsClock: false,
    // A day after TT 05/2021 came into force (ACTS.TT05): kept, a rule's validity is part of its version.
    validFrom: "2021-11-16",
    validTo: null,
    note: "Ngày hiệu lực của Thông tư 05/2021 cần đối chiếu Công báo.",
  },

  // ---- Inspections (thanh tra) — docs/LAW.md §8.4–8.5 ----------------------------------------
  {
    id: "inspection.conclusion.assign",
    version: 1,
    basis: `Điều 34 khoản 1 ${TT}`,
    title: "Thời hạn giao xây dựng dự thảo kết luận thanh tra",
    unit: "working_day",
    length: 5,
    startEvent: "ngày nhận được báo cáo kết quả thanh tra",
    suspensionStopsClock: false,
    validFrom: TT_FROM,
    validTo: null,
  },
  {
    id: "inspection.conclusion.sign",
    version: 1,
    basis: `Điều 36 khoản 1 ${TT}`,
    title: "Thời hạn ký kết luận thanh tra",
    unit: "calendar_day",
    length: 15,
    startEvent: "ngày nhận được dự thảo kết luận thanh tra",
    variants: { ttcp: 30 },
    suspensionStopsClock: false,
    validFrom: TT_FROM,
    validTo: null,
  },
  {
    id: "inspection.sensitive.reply",
    version: 1,
    basis: `Điều 36 khoản 1 ${TT}`,
    title: "Thời hạn người đứng đầu cơ quan quản lý nhà nước trả lời báo cáo về kết luận thanh tra nhạy cảm",
    unit: "calendar_day",
    length: 30,
    startEvent: "ngày nhận được báo cáo của người ra quyết định thanh tra",
    suspensionStopsClock: false,
    validFrom: TT_FROM,
    validTo: null,
  },
  {
    id: "inspection.directive",
    version: 1,
    basis: `Điều 53 ${TT}`,
    title: "Thời hạn ban hành văn bản chỉ đạo thực hiện kết luận thanh tra",
    unit: "calendar_day",
    length: 15,
    startEvent: "ngày nhận được kết luận thanh tra",
    // Conclusions of the Government Inspectorate: the Prime Minister directs within 30 days.
    variants: { ttcp: 30 },
    suspensionStopsClock: false,
    validFrom: TT_FROM,
    validTo: null,
  },

  // ---- Inspections: durations per level and publication (issue 17) — docs/LAW.md §8.3–8.4 ----
  // [U] The day counts per level of inspection body were not read: the lengths below are the
  // defaults of the configuration (app_setting "inspection.durations", domain
  // inspections/durations.ts), applied with configureRules per inspection body level.
  {
    id: "inspection.onsite",
    version: 1,
    basis: `${cite("ND216")} (thời hạn thanh tra theo cấp cơ quan thanh tra, ${TT})`,
    title: "Thời hạn thanh tra trực tiếp",
    unit: "calendar_day",
    length: 45,
    startEvent: "ngày công bố quyết định thanh tra",
    extensions: { length: 30, max: 1, basis: `${cite("ND216")} (gia hạn thời hạn thanh tra)` },
    suspensionStopsClock: true,
    validFrom: TT_FROM,
    validTo: null,
    probable: true,
    note: "Số ngày theo từng cấp cơ quan thanh tra chưa đối chiếu văn bản gốc: cơ quan tự cấu hình.",
  },
  {
    id: "inspection.conclusion.draft",
    version: 1,
    basis: `Điều 34 khoản 5 ${TT}`,
    title: "Thời hạn xây dựng dự thảo kết luận thanh tra",
    unit: "calendar_day",
    length: 20,
    startEvent: "ngày được giao xây dựng dự thảo kết luận thanh tra",
    suspensionStopsClock: false,
    validFrom: TT_FROM,
    validTo: null,
    probable: true,
    note: "Số ngày theo từng cấp (Điều 34 khoản 5) chưa đối chiếu văn bản gốc: cơ quan tự cấu hình.",
  },
  {
    id: "inspection.publication",
    version: 1,
    basis: `Điều 37 ${TT}; ${cite("ND216")} (quy định cũ: Nghị định 43/2023/NĐ-CP, ít nhất 15 ngày liên tục)`,
    title: "Thời gian công khai kết luận thanh tra trên cổng thông tin (ít nhất 15 ngày liên tục)",
    unit: "calendar_day",
    length: 15,
    startEvent: "ngày bắt đầu đăng tải kết luận thanh tra",
    suspensionStopsClock: false,
    validFrom: TT_FROM,
    validTo: null,
    probable: true,
    note: "Số ngày công khai theo Luật Thanh tra 2025 chưa đối chiếu; giữ mức của quy định cũ.",
  },

  // ---- Asset and income declaration (kê khai tài sản) — docs/LAW.md §10.1 --------------------
  {
    id: "asset.declaration.annual",
    version: 1,
    basis: `Điều 36 ${cite("LPCTN")}`,
    title: "Hạn hoàn thành kê khai tài sản, thu nhập hằng năm",
    unit: "fixed_date",
    length: 0,
    startEvent: "năm kê khai",
    fixed: { month: 12, day: 31 },
    suspensionStopsClock: false,
    validFrom: PCTN_FROM,
    validTo: null,
  },
  {
    id: "asset.declaration.supplementary",
    version: 1,
    basis: `Điều 36 ${cite("LPCTN")}`,
    title: "Hạn hoàn thành kê khai tài sản, thu nhập bổ sung",
    unit: "fixed_date",
    length: 0,
    startEvent: "năm có biến động tài sản, thu nhập từ 300 triệu đồng trở lên",
    fixed: { month: 12, day: 31 },
    suspensionStopsClock: false,
    validFrom: PCTN_FROM,
    validTo: null,
  },
  {
    id: "asset.verification.plan",
    version: 1,
    basis: `${cite("ND130")} (Điều 15)`,
    title: "Hạn ban hành kế hoạch xác minh tài sản, thu nhập hằng năm",
    unit: "fixed_date",
    length: 0,
    startEvent: "năm kế hoạch",
    fixed: { month: 1, day: 31 },
    suspensionStopsClock: false,
    validFrom: ACTS.ND130.inForceFrom,
    validTo: null,
    note: 'Văn bản ghi "trước ngày 31 tháng 01": hệ thống hiển thị 31/01 làm mốc; nếu hiểu chặt là chậm nhất 30/01 thì cần sửa. Số điều và ngày hiệu lực của Nghị định 130/2020 cần đối chiếu.',
  },
  {
    id: "asset.verification.selection",
    version: 1,
    basis: `${cite("ND130")} (Điều 15)`,
    title: "Thời hạn lựa chọn ngẫu nhiên người được xác minh",
    unit: "calendar_day",
    length: 10,
    startEvent: "ngày ban hành kế hoạch xác minh",
    suspensionStopsClock: false,
    validFrom: ACTS.ND130.inForceFrom,
    validTo: null,
    note: "Số điều và ngày hiệu lực của Nghị định 130/2020 cần đối chiếu.",
  },
  // [U] How long to wait for the answer of the body a recommendation, feedback or complaint was
  // sent or guided to before urging (Chương IV Thông tư 05/2021/TT-TTCP): no statutory period
  // was found; 30 calendar days by default, configurable with configureRules like any rule.
  {
    id: "petition.followup.reply",
    version: 1,
    basis: `${TT05}, Chương IV (theo dõi, đôn đốc) — thời hạn do cơ quan quy định`,
    title: "Thời hạn chờ phản hồi trước khi đôn đốc",
    unit: "calendar_day",
    length: 30,
    startEvent: "ngày gửi phiếu chuyển đơn hoặc phiếu hướng dẫn",
    suspensionStopsClock: false,
    validFrom: ACTS.TT05.inForceFrom,
    validTo: null,
    probable: true,
    note: "Không tìm thấy thời hạn luật định; cơ quan tự cấu hình.", // [U] docs/LAW.md §0.1
  },
  // ---- Anti-corruption: first-time declaration (docs/LAW.md §10.1) -----------------------------
  {
    id: "asset.declaration.first_time",
    version: 1,
    basis: `Điều 36 ${cite("LPCTN")} (khoản 1, điểm b)`,
    title: "Hạn kê khai tài sản, thu nhập lần đầu khi được tuyển dụng, bổ nhiệm vào vị trí phải kê khai",
    unit: "calendar_day",
    length: 10,
    startEvent: "ngày được tuyển dụng, tiếp nhận, bổ nhiệm, giao giữ vị trí công tác",
    suspensionStopsClock: false,
    validFrom: PCTN_FROM,
    validTo: null,
    probable: true,
    note: "10 ngày kể từ ngày được tiếp nhận, tuyển dụng, bố trí vào vị trí công tác: nhớ lại từ văn bản, cần đối chiếu; cơ quan có thể cấu hình.",
  },
  // ---- Periodic reports: sending up the hierarchy, per level (docs/LAW.md §11.1, §11.3) ----------
  // The start is the period's last day (its data cut-off). The same assumed values for the three
  // regimes (TT 02/2021, TT 01/2024, TT 06/2025); when a circular's own value is read, close this
  // version on the day before that regime and add a version from its effective date.
  {
    id: "report.submit",
    version: 1,
    basis:
      "Thông tư 02/2021/TT-TTCP, Thông tư 01/2024/TT-TTCP, Thông tư 06/2025/TT-TTCP; Điều 8 khoản 5 Nghị định 09/2019/NĐ-CP (thời hạn gửi ít nhất 1 ngày làm việc sau ngày chốt số liệu, quy định theo từng cấp)",
    title: "Thời hạn gửi báo cáo định kỳ lên cơ quan cấp trên",
    unit: "working_day",
    length: 2,
    startEvent: "ngày chốt số liệu của kỳ báo cáo (ngày cuối kỳ)",
    variants: { intermediate: 4, province: 7 },
    suspensionStopsClock: false,
    validFrom: "2021-05-10",
    validTo: null,
    probable: true,
    note: "Số ngày theo từng cấp là giả định, chưa đọc được trong thông tư (docs/LAW.md §11.3): đơn vị cơ sở 2 ngày làm việc, Sở/cấp huyện 4, cấp tỉnh và bộ 7 ngày làm việc sau ngày chốt số liệu; cơ quan cấu hình lại.",
  },
];

export interface RuleOverride {
  length?: number;
  variants?: Record<string, number>;
  extensions?: Partial<ExtensionPolicy>;
}

/**
 * A rule set with an agency's configured values (e.g. `petition.handle`, whose 10 working days
 * are only probable). Applies to every version of the named rules; unknown ids throw.
 */
export function configureRules(base: RuleSet, overrides: Readonly<Record<string, RuleOverride>>): RuleSet {
  const ids = new Set(base.map((r) => r.id));
  for (const id of Object.keys(overrides)) {
    if (!ids.has(id)) throw new Error(`configureRules: không có quy tắc "${id}"`);
  }
  return base.map((rule) => {
    const o = overrides[rule.id];
    if (!o) return rule;
    const next: DeadlineRule = { ...rule, configured: true };
    if (o.length !== undefined) next.length = o.length;
    if (o.variants !== undefined) next.variants = { ...rule.variants, ...o.variants };
    if (o.extensions !== undefined && rule.extensions) next.extensions = { ...rule.extensions, ...o.extensions };
    return next;
  });
}

/** What officers call a rule ("Thời hạn thụ lý khiếu nại lần đầu"): its title, never its id. */
export function ruleTitle(id: string, rules: RuleSet = DEFAULT_RULES): string {
  return rules.find((r) => r.id === id)?.title ?? id;
}
