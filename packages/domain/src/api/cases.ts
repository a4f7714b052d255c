/**
 * API schemas of complaint and denunciation cases: opening a case from a petition, the steps of
 * resolution (one discriminated union on `action`, each with the row `version` for optimistic
 * concurrency), and list queries. They check the shape of the input; the rules that need the case
 * (states, dates against acceptance, extensions left, …) are in cases/case-machine.ts.
 */
import type { CaseActionInput } from "../cases/actions.ts";
import { AMOUNT_FIELDS, AMOUNT_MAX, CASE_KIND_LIST, CASE_OUTCOME_LIST, CASE_STATE_LIST } from "../cases/case.ts";
import {
  COMPLAINT_REJECTION_GROUND_LIST,
  COMPLEXITY_CRITERION_LIST,
  DENUNCIATION_REJECTION_GROUND_LIST,
  PROTECTION_MEASURE_LIST,
  PROTECTION_STATUS_LIST,
  PUBLICATION_METHOD_LIST,
} from "../cases/catalogues.ts";
import { cite } from "../law/acts.ts";
import { uuid } from "./common.ts";
import { csvOf } from "./reception.ts";
import { blankable, z } from "./zod-vi.ts";
import { labelledText as text, requiredText as required, labelledDate as date, flag, version } from "./fields.ts";

/** A date named in its messages: "Ngày thụ lý phải có dạng YYYY-MM-DD." */

/** Money in million VND or land in m²: a finite number, not negative. */
const quantity = (label: string, unit: string) =>
  z
    .number({ error: `${label} phải là một số (${unit}).` })
    .min(0, { error: `${label} không được âm.` })
    .max(AMOUNT_MAX, { error: `${label} quá lớn; kiểm tra lại đơn vị (${unit}).` });

const count = (label: string) =>
  z
    .number({ error: `${label} phải là một số nguyên.` })
    .int({ error: `${label} phải là một số nguyên.` })
    .min(0, { error: `${label} không được âm.` })
    .max(AMOUNT_MAX, { error: `${label} quá lớn.` });

const money = (key: "moneyToState" | "moneyToOthers") => quantity(AMOUNT_FIELDS[key].label, "triệu đồng").default(0);
const land = (key: "landToState" | "landToOthers") => quantity(AMOUNT_FIELDS[key].label, "m²").default(0);
const people = (
  key:
    | "restoredOrganisations"
    | "restoredIndividuals"
    | "disciplineRecommended"
    | "disciplineCadres"
    | "investigationCases"
    | "investigationPersons",
) => count(AMOUNT_FIELDS[key].label).default(0);

/** Figures of a decision or conclusion (docs/LAW.md §5.4, §6.5); omitted ones are 0. */
export const caseAmounts = z
  .strictObject({
    moneyToState: money("moneyToState"),
    moneyToOthers: money("moneyToOthers"),
    landToState: land("landToState"),
    landToOthers: land("landToOthers"),
    restoredOrganisations: people("restoredOrganisations"),
    restoredIndividuals: people("restoredIndividuals"),
    disciplineRecommended: people("disciplineRecommended"),
    disciplineCadres: people("disciplineCadres"),
    investigationCases: people("investigationCases"),
    investigationPersons: people("investigationPersons"),
  })
  .refine((a) => a.disciplineCadres <= a.disciplineRecommended, {
    error: "Số cán bộ, công chức bị kiến nghị xử lý không được lớn hơn tổng số người bị kiến nghị xử lý.",
    path: ["disciplineCadres"],
  });
export type CaseAmountsBody = z.infer<typeof caseAmounts>;

export const caseKind = z.enum(CASE_KIND_LIST, { error: "Loại vụ việc phải là khiếu nại hoặc tố cáo." });
export const caseState = z.enum(CASE_STATE_LIST, { error: "Trạng thái vụ việc không hợp lệ." });
const caseOutcome = z.enum(CASE_OUTCOME_LIST, { error: "Kết quả: chọn đúng, có đúng có sai, hoặc sai." });
const instance = z.union([z.literal(1), z.literal(2)], {
  error: "Lần giải quyết phải là 1 (lần đầu) hoặc 2 (lần hai).",
});

const documentNumber = text(100, "Số văn bản").nullish();
/** The step's paper was issued outside the system: its number (and signer) are typed, no draft is made. */
const issuedOutside = flag("Văn bản đã ban hành ngoài hệ thống").nullish();
const note = text(2000, "Ghi chú").nullish();

// ---- Opening a case ------------------------------------------------------------------------------

export const firstInstanceReference = z.strictObject({
  decisionNumber: required(100, "Số quyết định giải quyết lần đầu", "Nhập số quyết định giải quyết lần đầu."),
  decisionDate: date("Ngày quyết định giải quyết lần đầu"),
  decidedBy: required(300, "Người ra quyết định giải quyết lần đầu", "Ghi người ra quyết định giải quyết lần đầu."),
  outcome: caseOutcome.nullish(),
  caseId: uuid.nullish(),
});

/** The user-facing part of OpenCaseInput: the server takes the kind and receipt date from the petition. */
export const openCaseBody = z
  .strictObject({
    petitionId: uuid,
    /** Complaints: first or second instance. */
    instance: instance.nullish(),
    firstInstance: firstInstanceReference.nullish(),
    /** Repeated denunciation (tố cáo tiếp): the earlier case. */
    repeatedOf: uuid.nullish(),
    /** People assigned to resolve the case (the server checks them). */
    assignees: z.array(uuid).max(20, { error: "Tối đa 20 người được giao giải quyết." }).optional(),
    note,
  })
  .superRefine((b, ctx) => {
    if (b.instance === 2 && !b.firstInstance) {
      ctx.addIssue({
        code: "custom",
        path: ["firstInstance"],
        message: "Khiếu nại lần hai phải nêu quyết định giải quyết lần đầu (số, ngày, người ký).",
      });
    }
    if (b.instance === 1 && b.firstInstance) {
      ctx.addIssue({
        code: "custom",
        path: ["firstInstance"],
        message:
          "Khiếu nại lần đầu không có quyết định giải quyết lần đầu; bỏ thông tin này hoặc chọn khiếu nại lần hai.",
      });
    }
    if (b.repeatedOf && (b.instance || b.firstInstance)) {
      ctx.addIssue({
        code: "custom",
        path: ["repeatedOf"],
        message: "Chỉ tố cáo tiếp mới liên kết với vụ việc tố cáo trước đó; khiếu nại không ghi mục này.",
      });
    }
  });
export type OpenCaseBody = z.infer<typeof openCaseBody>;

// ---- Steps ---------------------------------------------------------------------------------------

const complaintGround = z.enum(COMPLAINT_REJECTION_GROUND_LIST, {
  error: `Trường hợp không thụ lý không có trong Điều 11 ${cite("LKN")}.`,
});
const rejectionGround = z.enum([...COMPLAINT_REJECTION_GROUND_LIST, ...DENUNCIATION_REJECTION_GROUND_LIST], {
  error: "Trường hợp không thụ lý không hợp lệ.",
});

/**
 * Every step may record why it goes ahead while earlier papers of the case are not issued yet:
 * the override is audited with the papers it passed (docs/LAW.md §13: a step whose legal act is a
 * paper needs that paper issued).
 */
const paperOverride = text(2000, "Lý do ghi nhận khi văn bản trước chưa ban hành").nullish();

const step = <A extends string, S extends z.ZodRawShape>(action: A, shape: S) =>
  z.strictObject({ action: z.literal(action), version, paperOverride, ...shape });

export const caseActionBody = z.discriminatedUnion(
  "action",
  [
    step("accept", {
      on: date("Ngày thụ lý"),
      documentNumber,
      issuedOutside,
      grounds: z.array(complaintGround).max(COMPLAINT_REJECTION_GROUND_LIST.length).default([]),
      learnedOn: date("Ngày nhận được hoặc biết được quyết định").nullish(),
      forceMajeure: text(2000, "Lý do trở ngại khách quan").nullish(),
      conditions: z
        .strictObject({
          withinCompetence: flag("Thuộc thẩm quyền giải quyết"),
          denouncerIdentified: flag("Xác định được người tố cáo"),
          basisToVerify: flag("Có cơ sở xác minh"),
        })
        .nullish(),
      note,
    }),
    step("reject", {
      on: date("Ngày thông báo không thụ lý"),
      grounds: z
        .array(rejectionGround)
        .min(1, { error: "Chọn ít nhất một trường hợp không thụ lý." })
        .max(COMPLAINT_REJECTION_GROUND_LIST.length),
      explanation: text(4000, "Giải thích").nullish(),
      documentNumber,
      issuedOutside,
    }),
    step("set_flags", {
      remote: flag("Vùng sâu, vùng xa"),
      remoteJustification: text(2000, "Căn cứ xác định vùng sâu, vùng xa").nullish(),
      complex: flag("Vụ việc phức tạp"),
      complexJustification: text(2000, "Lý do vụ việc phức tạp").nullish(),
    }),
    step("assign_verification", {
      on: date("Ngày giao xác minh"),
      assignee: z.strictObject({
        kind: z.enum(["person", "team"], { error: "Chọn người hoặc tổ xác minh." }),
        name: required(200, "Người được giao xác minh", "Ghi tên người được giao xác minh (tổ trưởng)."),
        members: z.array(text(200, "Thành viên tổ xác minh")).max(30).nullish(),
      }),
      plan: text(4000, "Kế hoạch xác minh").nullish(),
      documentNumber,
      issuedOutside,
    }),
    step("record_verification", {
      on: date("Ngày báo cáo kết quả xác minh"),
      summary: required(8000, "Kết quả xác minh", "Ghi tóm tắt kết quả xác minh."),
      differsFromDemand: flag("Kết quả xác minh khác yêu cầu của người khiếu nại").nullish(),
    }),
    step("hold_dialogue", {
      on: date("Ngày đối thoại"),
      participants: z
        .array(text(300, "Thành phần tham gia"))
        .min(1, { error: "Ghi thành phần tham gia đối thoại." })
        .max(100),
      agreedPoints: blankable(text(8000, "Nội dung đã thống nhất").default("")),
      disputedPoints: blankable(text(8000, "Nội dung còn ý kiến khác nhau").default("")),
      place: text(300, "Địa điểm đối thoại").nullish(),
    }),
    step("decide", {
      number: text(100, "Số quyết định").nullish(),
      date: date("Ngày ra quyết định giải quyết"),
      signer: text(200, "Người ký").nullish(),
      issuedOutside,
      outcome: caseOutcome,
      firstDecisionUpheld: flag("Giữ nguyên quyết định giải quyết lần đầu").nullish(),
      summary: text(8000, "Nội dung quyết định").nullish(),
      amounts: caseAmounts.nullish(),
    }),
    step("publish", {
      on: date("Ngày công khai"),
      method: z.enum(PUBLICATION_METHOD_LIST, { error: "Chọn hình thức công khai." }),
      days: z
        .number({ error: "Số ngày công khai phải là số nguyên dương." })
        .int({ error: "Số ngày công khai phải là số nguyên dương." })
        .positive({ error: "Số ngày công khai phải là số nguyên dương." })
        .max(3650)
        .nullish(),
      denouncerDataRemoved: flag("Đã loại bỏ thông tin người tố cáo").nullish(),
      note,
    }),
    step("record_enforcement", {
      on: date("Ngày ghi nhận thi hành"),
      responsible: required(
        300,
        "Người có trách nhiệm thi hành",
        "Ghi cơ quan, tổ chức, cá nhân có trách nhiệm thi hành.",
      ),
      dueOn: date("Hạn thi hành").nullish(),
      done: required(4000, "Kết quả thực hiện", "Ghi kết quả đã thực hiện."),
      moneyReturned: quantity("Số tiền đã trả lại", "triệu đồng").nullish(),
      landReturned: quantity("Diện tích đất đã trả lại", "m²").nullish(),
      completed: flag("Đã thi hành xong").nullish(),
    }),
    step("close", { on: date("Ngày kết thúc"), note }),
    step("suspend", {
      on: date("Ngày tạm đình chỉ"),
      reason: required(2000, "Lý do tạm đình chỉ", "Ghi lý do tạm đình chỉ."),
      documentNumber,
      issuedOutside,
    }),
    step("resume", { on: date("Ngày tiếp tục giải quyết"), documentNumber, issuedOutside }),
    step("withdraw", {
      on: date("Ngày rút đơn"),
      scope: z.enum(["all", "part"], { error: "Chọn rút toàn bộ hay một phần nội dung." }).nullish(),
      signsOfViolation: flag("Có dấu hiệu vi phạm pháp luật").nullish(),
      coerced: flag("Rút đơn do bị đe dọa, mua chuộc").nullish(),
      note,
    }),
    step("terminate", {
      on: date("Ngày đình chỉ"),
      reason: required(2000, "Căn cứ đình chỉ", "Ghi căn cứ đình chỉ việc giải quyết."),
      documentNumber,
      issuedOutside,
    }),
    step("extend_initial", {
      on: date("Ngày gia hạn xử lý ban đầu"),
      reason: required(2000, "Lý do gia hạn", "Ghi lý do gia hạn xử lý ban đầu."),
    }),
    step("transfer", {
      on: date("Ngày chuyển đơn"),
      targetBody: required(300, "Cơ quan nhận đơn chuyển", "Ghi cơ quan có thẩm quyền nhận đơn chuyển."),
      documentNumber,
      issuedOutside,
      notifyDenouncer: flag("Thông báo cho người tố cáo"),
    }),
    step("set_complexity", {
      criteria: z
        .array(z.enum(COMPLEXITY_CRITERION_LIST, { error: "Tiêu chí phức tạp không hợp lệ (a, b, c, d, đ, e, g)." }))
        .max(COMPLEXITY_CRITERION_LIST.length),
      note,
    }),
    step("extend", {
      decisionNumber: text(100, "Số quyết định gia hạn").nullish(),
      issuedOutside,
      decisionDate: date("Ngày quyết định gia hạn"),
      reason: required(2000, "Lý do gia hạn", "Ghi lý do gia hạn."),
    }),
    step("conclude", {
      number: text(100, "Số kết luận").nullish(),
      date: date("Ngày kết luận"),
      signer: text(200, "Người ký").nullish(),
      issuedOutside,
      outcome: caseOutcome,
      findings: required(20000, "Nội dung kết luận", "Ghi kết luận về từng nội dung tố cáo."),
      measures: text(8000, "Biện pháp xử lý").nullish(),
      amounts: caseAmounts.nullish(),
    }),
    step("handle_conclusion", {
      on: date("Ngày xử lý kết luận"),
      documentNumber,
      issuedOutside,
      discipline: text(4000, "Xử lý kỷ luật").nullish(),
      administrativeSanctions: text(4000, "Xử phạt vi phạm hành chính").nullish(),
      recovery: text(4000, "Thu hồi tiền, tài sản").nullish(),
      investigationTransfer: text(4000, "Chuyển cơ quan điều tra").nullish(),
      other: text(4000, "Biện pháp khác").nullish(),
    }),
    step("record_protection", {
      on: date("Ngày ghi nhận biện pháp bảo vệ"),
      measure: z.enum(PROTECTION_MEASURE_LIST, { error: "Chọn biện pháp bảo vệ." }),
      status: z.enum(PROTECTION_STATUS_LIST, { error: "Chọn tình trạng: đề nghị, đã áp dụng hoặc chấm dứt." }),
      protectingBody: text(300, "Cơ quan bảo vệ").nullish(),
      note,
    }),
  ],
  { error: "Thao tác không hợp lệ." },
);
export type CaseActionBody = z.infer<typeof caseActionBody>;

type WithoutVersion<T> = T extends unknown ? Omit<T, "version" | "paperOverride"> : never;
/** The body minus `version` is the domain's input: a compile error here means they drifted apart. */
const _bodyIsInput = (body: WithoutVersion<CaseActionBody>): CaseActionInput => body;

/** The domain input of a body (drops the row version). */
export function caseActionInput(body: CaseActionBody): CaseActionInput {
  const { version: _version, paperOverride: _override, ...input } = body;
  return _bodyIsInput(input as WithoutVersion<CaseActionBody>);
}

// ---- Lists ---------------------------------------------------------------------------------------

const bool = (label: string) => z.stringbool({ error: `${label}: giá trị đúng/sai không hợp lệ.` });

export const caseListQuery = z.object({
  page: z.coerce
    .number({ error: "Trang phải là số nguyên dương." })
    .int({ error: "Trang phải là số nguyên dương." })
    .min(1, { error: "Trang phải là số nguyên dương." })
    .max(100000)
    .default(1),
  pageSize: z.coerce
    .number({ error: "Số dòng mỗi trang phải là số nguyên từ 1 đến 100." })
    .int({ error: "Số dòng mỗi trang phải là số nguyên từ 1 đến 100." })
    .min(1, { error: "Số dòng mỗi trang phải là số nguyên từ 1 đến 100." })
    .max(100, { error: "Số dòng mỗi trang tối đa 100." })
    .default(20),
  kind: caseKind.optional(),
  state: csvOf(CASE_STATE_LIST, "Trạng thái").optional(),
  instance: z.coerce
    .number({ error: "Lần giải quyết phải là 1 hoặc 2." })
    .pipe(z.union([z.literal(1), z.literal(2)], { error: "Lần giải quyết phải là 1 hoặc 2." }))
    .optional(),
  overdue: bool("Quá hạn").optional(),
  dueWithinDays: z.coerce
    .number({ error: "Số ngày đến hạn phải là số nguyên từ 0 đến 366." })
    .int({ error: "Số ngày đến hạn phải là số nguyên từ 0 đến 366." })
    .min(0, { error: "Số ngày đến hạn phải là số nguyên từ 0 đến 366." })
    .max(366, { error: "Số ngày đến hạn phải là số nguyên từ 0 đến 366." })
    .optional(),
  assignedToMe: bool("Được giao cho tôi").optional(),
  /** The person holding the case (the lead assignee). */
  holderId: uuid.optional(),
  /** Cases with a drafted document waiting for signature (the server decides what that means). */
  awaitingSignature: bool("Chờ ký").optional(),
  q: text(200, "Từ khóa").optional(),
  sort: z
    .enum(["due_on", "accepted_on", "received_on"], {
      error: "Sắp xếp theo: due_on, accepted_on hoặc received_on.",
    })
    .default("due_on"),
  order: z.enum(["asc", "desc"], { error: "Thứ tự sắp xếp: asc hoặc desc." }).default("asc"),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;
