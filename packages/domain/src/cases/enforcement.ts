/**
 * Enforcement of a complaint decision or of a denunciation handling decision (tổ chức thi hành
 * quyết định giải quyết khiếu nại, quyết định xử lý tố cáo; docs/LAW.md §5.6): what the decision
 * orders, the steps of its enforcement in order (started, partly done, done) with what was actually
 * recovered, returned, disciplined and transferred, and the checks on each step. Money in whole đồng,
 * land in m² (two decimals). Form 05/KQTH counts these records (reports/indicators.ts).
 */
import type { ErrorCode } from "../errors.ts";
import { formatArea, formatDong } from "../text/money.ts";
import { formatDateVn } from "../time.ts";
import type { CaseFacts } from "./case.ts";

export const ENFORCEMENT_STATES = ["not_started", "in_progress", "done"] as const;
export type EnforcementState = (typeof ENFORCEMENT_STATES)[number];
export const ENFORCEMENT_STATE_LABELS: Readonly<Record<EnforcementState, string>> = {
  not_started: "Chưa tổ chức thi hành",
  in_progress: "Đang thi hành",
  done: "Đã thi hành xong",
};

export const ENFORCEMENT_STEP_KINDS = ["started", "partial", "done"] as const;
export type EnforcementStepKind = (typeof ENFORCEMENT_STEP_KINDS)[number];
export const ENFORCEMENT_STEP_LABELS: Readonly<Record<EnforcementStepKind, string>> = {
  started: "Bắt đầu tổ chức thi hành",
  partial: "Thi hành được một phần",
  done: "Thi hành xong",
};

/**
 * What a decision orders and what a step achieved, item by item: the same keys on both sides, so
 * "done so far ≤ ordered" is checked item by item.
 */
export interface EnforcementItems {
  /** Money to recover to the State (đồng). */
  moneyToState: number;
  /** Money to return to organisations and individuals (đồng). */
  moneyToOthers: number;
  /** Land to recover to the State (m²). */
  landToState: number;
  /** Land to return to organisations and individuals (m²). */
  landToOthers: number;
  /** Persons to discipline (xử lý kỷ luật, xử lý hành chính). */
  discipline: number;
  /** Matters and persons transferred to the investigation body. */
  investigationMatters: number;
  investigationPersons: number;
  /** Organisations and individuals whose rights and interests are restored. */
  rightsRestored: number;
}

export type EnforcementItem = keyof EnforcementItems;

type Unit = "dong" | "m2" | "count";
export const ENFORCEMENT_ITEMS: Readonly<Record<EnforcementItem, { due: string; done: string; unit: Unit }>> = {
  moneyToState: { due: "Tiền phải thu hồi cho Nhà nước", done: "Tiền đã thu hồi cho Nhà nước", unit: "dong" },
  moneyToOthers: {
    due: "Tiền phải trả lại cho tổ chức, cá nhân",
    done: "Tiền đã trả lại cho tổ chức, cá nhân",
    unit: "dong",
  },
  landToState: { due: "Đất phải thu hồi cho Nhà nước", done: "Đất đã thu hồi cho Nhà nước", unit: "m2" },
  landToOthers: {
    due: "Đất phải trả lại cho tổ chức, cá nhân",
    done: "Đất đã trả lại cho tổ chức, cá nhân",
    unit: "m2",
  },
  discipline: { due: "Số người phải xử lý kỷ luật", done: "Số người đã xử lý kỷ luật", unit: "count" },
  investigationMatters: {
    due: "Số vụ phải chuyển cơ quan điều tra",
    done: "Số vụ đã chuyển cơ quan điều tra",
    unit: "count",
  },
  investigationPersons: {
    due: "Số người phải chuyển cơ quan điều tra",
    done: "Số người đã chuyển cơ quan điều tra",
    unit: "count",
  },
  rightsRestored: {
    due: "Số tổ chức, cá nhân phải được khôi phục quyền, lợi ích",
    done: "Số tổ chức, cá nhân đã được khôi phục quyền, lợi ích",
    unit: "count",
  },
};

export const ENFORCEMENT_ITEM_LIST = Object.keys(ENFORCEMENT_ITEMS) as [EnforcementItem, ...EnforcementItem[]];

export const NO_ENFORCEMENT_ITEMS: EnforcementItems = {
  moneyToState: 0,
  moneyToOthers: 0,
  landToState: 0,
  landToOthers: 0,
  discipline: 0,
  investigationMatters: 0,
  investigationPersons: 0,
  rightsRestored: 0,
};

export interface EnforcementStep extends EnforcementItems {
  kind: EnforcementStepKind;
  on: string;
  evidence: string | null;
}

export interface EnforcementProblem {
  code: ErrorCode;
  field: string;
  message: string;
}

/** Land is kept to the cm²: compare in hundredths so 0,1 + 0,2 is 0,3. */
const cents = (m2: number) => Math.round(m2 * 100);

function amountText(item: EnforcementItem, value: number): string {
  const unit = ENFORCEMENT_ITEMS[item].unit;
  if (unit === "dong") return formatDong(value);
  if (unit === "m2") return formatArea(value);
  return String(value);
}

/** What the steps achieved so far, item by item. */
export function enforcementDone(steps: readonly EnforcementItems[]): EnforcementItems {
  const out = { ...NO_ENFORCEMENT_ITEMS };
  for (const s of steps) for (const k of ENFORCEMENT_ITEM_LIST) out[k] += s[k];
  out.landToState = cents(out.landToState) / 100;
  out.landToOthers = cents(out.landToOthers) / 100;
  return out;
}

/** What is still to be done, item by item (never negative). */
export function enforcementOutstanding(due: EnforcementItems, steps: readonly EnforcementItems[]): EnforcementItems {
  const done = enforcementDone(steps);
  const out = { ...NO_ENFORCEMENT_ITEMS };
  for (const k of ENFORCEMENT_ITEM_LIST) {
    const unit = ENFORCEMENT_ITEMS[k].unit;
    out[k] = unit === "m2" ? Math.max(0, cents(due[k]) - cents(done[k])) / 100 : Math.max(0, due[k] - done[k]);
  }
  return out;
}

/**
 * The decision a case's enforcement follows, once issued: a complaint's decision (Điều 31, 40 Luật
 * Khiếu nại 2011), or the resolver's handling of a denunciation's conclusion (Điều 36 Luật Tố cáo
 * 2018). Null when the case has neither yet.
 */
export function enforcedDecision(facts: CaseFacts): { on: string; number: string | null } | null {
  if (facts.kind === "complaint")
    return facts.decision ? { on: facts.decision.date, number: facts.decision.number } : null;
  return facts.conclusionHandling
    ? { on: facts.conclusionHandling.on, number: facts.conclusionHandling.documentNumber }
    : null;
}

/** The state a record is in after its steps. */
export function enforcementState(steps: readonly { kind: EnforcementStepKind }[]): EnforcementState {
  if (steps.length === 0) return "not_started";
  return steps.some((s) => s.kind === "done") ? "done" : "in_progress";
}

/**
 * The record of what a decision orders (created or corrected): its due date not before the
 * decision, and each amount not below what was already done.
 */
export function checkEnforcementPlan(
  plan: EnforcementItems & { dueOn: string | null },
  decidedOn: string,
  steps: readonly EnforcementItems[],
): EnforcementProblem | null {
  if (plan.dueOn !== null && plan.dueOn < decidedOn)
    return {
      code: "ENFORCEMENT_DATE_INVALID",
      field: "dueOn",
      message: `Hạn thi hành không được trước ngày ban hành quyết định (${formatDateVn(decidedOn)}).`,
    };
  const done = enforcementDone(steps);
  for (const k of ENFORCEMENT_ITEM_LIST) {
    const unit = ENFORCEMENT_ITEMS[k].unit;
    const below = unit === "m2" ? cents(plan[k]) < cents(done[k]) : plan[k] < done[k];
    if (below)
      return {
        code: "ENFORCEMENT_OVER_DUE",
        field: k,
        message: `${ENFORCEMENT_ITEMS[k].due} (${amountText(k, plan[k])}) không được nhỏ hơn số đã thực hiện (${amountText(k, done[k])}).`,
      };
  }
  return null;
}

/**
 * A new step, checked against the record and the steps before it (docs/LAW.md §5.6):
 * - order: the first step starts the enforcement, then any number of partial steps, then done;
 *   nothing after done, no second start;
 * - date: not in the future (Vietnam time), not before the decision, not before the previous step;
 * - amounts: what all steps achieved stays within what the decision orders, item by item;
 * - a "done" step that leaves something undone says why (evidence).
 */
export function checkEnforcementStep(
  record: { decidedOn: string; due: EnforcementItems },
  previous: readonly EnforcementStep[],
  step: EnforcementStep,
  today: string,
): EnforcementProblem | null {
  const last = previous.at(-1);
  if (last?.kind === "done")
    return {
      code: "ENFORCEMENT_STEP_ORDER",
      field: "kind",
      message: "Việc thi hành đã ghi nhận xong: không ghi thêm bước thi hành.",
    };
  if (!last && step.kind !== "started")
    return {
      code: "ENFORCEMENT_STEP_ORDER",
      field: "kind",
      message: "Bước đầu tiên phải là bắt đầu tổ chức thi hành.",
    };
  if (last && step.kind === "started")
    return {
      code: "ENFORCEMENT_STEP_ORDER",
      field: "kind",
      message: "Việc thi hành đã bắt đầu: ghi bước thi hành được một phần hoặc thi hành xong.",
    };
  if (step.on > today)
    return { code: "ENFORCEMENT_DATE_INVALID", field: "onDate", message: "Ngày thi hành không được sau ngày hôm nay." };
  if (step.on < record.decidedOn)
    return {
      code: "ENFORCEMENT_DATE_INVALID",
      field: "onDate",
      message: `Ngày thi hành không được trước ngày ban hành quyết định (${formatDateVn(record.decidedOn)}).`,
    };
  if (last && step.on < last.on)
    return {
      code: "ENFORCEMENT_DATE_INVALID",
      field: "onDate",
      message: `Ngày thi hành không được trước bước thi hành liền trước (${formatDateVn(last.on)}).`,
    };
  const done = enforcementDone([...previous, step]);
  for (const k of ENFORCEMENT_ITEM_LIST) {
    const unit = ENFORCEMENT_ITEMS[k].unit;
    const over = unit === "m2" ? cents(done[k]) > cents(record.due[k]) : done[k] > record.due[k];
    if (over)
      return {
        code: "ENFORCEMENT_OVER_DUE",
        field: k,
        message: `${ENFORCEMENT_ITEMS[k].done} cộng dồn (${amountText(k, done[k])}) vượt số quyết định yêu cầu (${amountText(k, record.due[k])}).`,
      };
  }
  if (step.kind === "done" && !step.evidence) {
    const left = enforcementOutstanding(record.due, [...previous, step]);
    if (ENFORCEMENT_ITEM_LIST.some((k) => left[k] > 0))
      return {
        code: "ENFORCEMENT_DONE_UNEXPLAINED",
        field: "evidence",
        message: "Còn nội dung chưa thực hiện hết: ghi căn cứ, lý do kết thúc việc thi hành.",
      };
  }
  return null;
}
