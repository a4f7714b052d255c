/**
 * The rule of an inspection's procedure (docs/LAW.md §8.3–8.5): which step may follow which, the
 * dates each step carries, the due dates the steps run (from the deadline engine: statutory rules
 * and the per-level durations of the configuration), and the first problem of a step taken out
 * of order, in Vietnamese, naming the step that is missing. Pure: the server reads and writes.
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import type { DeadlineInput } from "../deadlines/rule-set.ts";
import { DomainError } from "../errors.ts";
import { formatDong } from "../text/money.ts";
import type { LevelDurations } from "./durations.ts";
import {
  INSPECTION_STATES,
  INSPECTION_STEPS,
  type ExtensionGround,
  type InspectionAction,
  type InspectionState,
} from "./inspection-steps.ts";

export interface InspectionFacts {
  state: InspectionState;
  decidedOn: IsoDate | null;
  decisionNumber: string | null;
  planApprovedOn: IsoDate | null;
  announcedOn: IsoDate | null;
  extensions: { on: IsoDate; ground: ExtensionGround; note: string | null; number?: string }[];
  suspensions: { from: IsoDate; to: IsoDate | null; reason: string }[];
  onsiteEndedOn: IsoDate | null;
  reportedOn: IsoDate | null;
  draftAssignedOn: IsoDate | null;
  draftReceivedOn: IsoDate | null;
  reservations: { name: string; text: string }[];
  appraisedOn: IsoDate | null;
  appraisalNote: string | null;
  signedOn: IsoDate | null;
  conclusionNumber: string | null;
  publishedOn: IsoDate | null;
  publicationForm: string | null;
  directiveOn: IsoDate | null;
  directiveNumber: string | null;
  /**
   * A step whose paper a leader signs in the system (decision, extension, conclusion): drafted,
   * waiting for the signature; the step is taken when the paper is issued. Absent on records
   * written before this existed.
   */
  awaiting?: AwaitingPaper | null;
  /** Who signed the decision and the conclusion ("Nguyễn Văn A, Chánh Thanh tra"). */
  decisionSigner?: string | null;
  conclusionSigner?: string | null;
  /** The number of the publication notice, from the register when it is issued. */
  publicationNumber?: string | null;
  /**
   * Administrative sanction decisions (TTr-XP) drafted for the competent person to sign: they
   * count (an `inspection_sanction` row) only once issued, with the register's number and date.
   */
  pendingSanctions?: PendingSanction[];
}

/** A sanction drafted and not yet issued: what its row will hold when the paper is issued. */
export interface PendingSanction {
  documentId: string;
  subjectId: string;
  targetKind: "organisation" | "individual";
  targetName: string;
  fine: number;
  additionalMeasures: string | null;
}

/** The steps completed by a leader signing their drafted paper, and the paper's form. */
export const SIGNED_STEP_FORMS = { decide: "TTr-QD", extend: "TTr-GH", sign: "TTr-KL", direct: "TTr-CD" } as const;
export type SignedStep = keyof typeof SIGNED_STEP_FORMS;

export const AWAITING_LABELS: Record<SignedStep, string> = {
  decide: "Chờ lãnh đạo ký quyết định thanh tra",
  extend: "Chờ lãnh đạo ký quyết định gia hạn",
  sign: "Chờ lãnh đạo ký kết luận thanh tra",
  direct: "Chờ lãnh đạo ký văn bản chỉ đạo thực hiện kết luận",
};

/** The step a paper of this form completes when issued, if any. */
export function signedStepOf(formCode: string): SignedStep | null {
  const hit = (Object.entries(SIGNED_STEP_FORMS) as [SignedStep, string][]).find(([, f]) => f === formCode);
  return hit ? hit[0] : null;
}

export interface AwaitingPaper {
  action: SignedStep;
  documentId: string;
  /** The day the paper was drafted (the step, when issued, may not be dated before the last step). */
  draftedOn: IsoDate;
  /** The extension's ground, kept until the extension is signed. */
  ground?: ExtensionGround;
  note?: string | null;
  /**
   * The decision's draft wrote the team and the clear sign of violation; the sign recorded before
   * it, put back if the draft is cancelled (with the team it named).
   */
  violationSignBefore?: string | null;
}

export function proposedFacts(): InspectionFacts {
  return {
    state: "PROPOSED",
    decidedOn: null,
    decisionNumber: null,
    planApprovedOn: null,
    announcedOn: null,
    extensions: [],
    suspensions: [],
    onsiteEndedOn: null,
    reportedOn: null,
    draftAssignedOn: null,
    draftReceivedOn: null,
    reservations: [],
    appraisedOn: null,
    appraisalNote: null,
    signedOn: null,
    conclusionNumber: null,
    publishedOn: null,
    publicationForm: null,
    directiveOn: null,
    directiveNumber: null,
  };
}

export type InspectionStepInput =
  | { action: "decide"; date: IsoDate; number: string }
  | { action: "approve_plan"; date: IsoDate }
  | { action: "announce"; date: IsoDate }
  | { action: "extend"; date: IsoDate; ground: ExtensionGround; note?: string | null; number?: string | null }
  | { action: "suspend"; date: IsoDate; reason: string }
  | { action: "resume"; date: IsoDate }
  | { action: "end_onsite"; date: IsoDate }
  | { action: "report"; date: IsoDate }
  | { action: "assign_draft"; date: IsoDate }
  | { action: "submit_draft"; date: IsoDate; reservations?: { name: string; text: string }[] }
  | { action: "appraise"; date: IsoDate; note?: string | null }
  | { action: "sign"; date: IsoDate; number: string }
  | { action: "publish"; date: IsoDate; form?: string | null }
  | { action: "direct"; date: IsoDate; number: string };

/** The main steps in the law's order, each with the fact it sets. */
const MAIN: readonly { action: InspectionAction; fact: keyof InspectionFacts; what: string }[] = [
  { action: "decide", fact: "decidedOn", what: "quyết định thanh tra" },
  { action: "approve_plan", fact: "planApprovedOn", what: "kế hoạch tiến hành thanh tra được phê duyệt" },
  { action: "announce", fact: "announcedOn", what: "công bố quyết định thanh tra" },
  { action: "end_onsite", fact: "onsiteEndedOn", what: "kết thúc thanh tra trực tiếp" },
  { action: "report", fact: "reportedOn", what: "báo cáo kết quả thanh tra" },
  { action: "assign_draft", fact: "draftAssignedOn", what: "văn bản giao xây dựng dự thảo kết luận" },
  { action: "submit_draft", fact: "draftReceivedOn", what: "dự thảo kết luận thanh tra" },
  { action: "appraise", fact: "appraisedOn", what: "ý kiến thẩm định dự thảo kết luận" },
  { action: "sign", fact: "signedOn", what: "kết luận thanh tra được ký" },
];

export interface MachineContext {
  today: IsoDate;
  durations: LevelDurations;
}

function outOfOrder(message: string): never {
  throw new DomainError("INSPECTION_STEP_OUT_OF_ORDER", message, "action");
}

function badDate(message: string): never {
  throw new DomainError("INSPECTION_DATE_INVALID", message, "date");
}

function label(action: InspectionAction): string {
  return INSPECTION_STEPS[action].label;
}

/** The steps that may be taken now (the page offers them; the rule checks them again). */
export function allowedInspectionActions(facts: InspectionFacts, durations: LevelDurations): InspectionAction[] {
  const out: InspectionAction[] = [];
  if (facts.awaiting) return out;
  for (const action of Object.keys(INSPECTION_STEPS) as InspectionAction[]) {
    try {
      precondition(facts, action, durations);
      out.push(action);
    } catch {
      // not now
    }
  }
  return out;
}

/** The last date any step was taken on (a later step may not be dated before it). */
function lastDate(f: InspectionFacts): IsoDate | null {
  const dates = [
    f.decidedOn,
    f.planApprovedOn,
    f.announcedOn,
    ...f.extensions.map((e) => e.on),
    ...f.suspensions.flatMap((s) => [s.from, s.to]),
    f.onsiteEndedOn,
    f.reportedOn,
    f.draftAssignedOn,
    f.draftReceivedOn,
    f.appraisedOn,
    f.signedOn,
    f.publishedOn,
    f.directiveOn,
  ].filter((d): d is string => !!d);
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
}

/**
 * Throws the first reason the step cannot be taken now. While a paper waits for a leader's
 * signature nothing else moves: the record is held where it was until the paper is issued or
 * its draft cancelled.
 */
function precondition(f: InspectionFacts, action: InspectionAction, d: LevelDurations): void {
  const what = label(action);
  if (f.awaiting) outOfOrder(`${AWAITING_LABELS[f.awaiting.action]} (dự thảo đang trình): chưa thể «${what}».`);
  const missing = (upTo: number, skipAppraisal: boolean) => {
    for (const step of MAIN.slice(0, upTo)) {
      if (step.action === "appraise" && skipAppraisal) continue;
      if (f[step.fact] === null) outOfOrder(`Chưa có ${step.what}: chưa thể «${what}».`);
    }
  };
  const index = MAIN.findIndex((m) => m.action === action);
  if (index >= 0) {
    const own = MAIN[index]!;
    if (f[own.fact] !== null) outOfOrder(`Bước «${what}» đã được thực hiện.`);
    // Appraisal is mandatory at central and provincial level (docs/LAW.md §8.4), optional elsewhere.
    missing(index, !d.appraisalRequired);
    if (action === "end_onsite" && f.state === "SUSPENDED")
      outOfOrder(`Cuộc thanh tra đang tạm dừng: chưa thể «${what}».`);
    return;
  }
  switch (action) {
    case "extend":
    case "suspend":
      missing(3, true);
      if (f.onsiteEndedOn) outOfOrder(`Đã kết thúc thanh tra trực tiếp: không thể «${what}».`);
      if (f.state === "SUSPENDED") outOfOrder(`Cuộc thanh tra đang tạm dừng: chưa thể «${what}».`);
      if (action === "extend" && f.extensions.length >= d.maxExtensions)
        throw new DomainError(
          "INSPECTION_EXTENSION_LIMIT",
          `Cuộc thanh tra đã được gia hạn ${f.extensions.length} lần, tối đa ${d.maxExtensions} lần theo cấu hình.`,
          "action",
        );
      return;
    case "resume":
      if (f.state !== "SUSPENDED") outOfOrder(`Cuộc thanh tra không tạm dừng: không cần «${what}».`);
      return;
    case "publish":
    case "direct":
      if (f.signedOn === null) outOfOrder(`Chưa có kết luận thanh tra được ký: chưa thể «${what}».`);
      if (action === "publish" && f.publishedOn) outOfOrder(`Bước «${what}» đã được thực hiện.`);
      if (action === "direct" && f.directiveOn) outOfOrder(`Bước «${what}» đã được thực hiện.`);
      return;
  }
}

function stateAfter(f: InspectionFacts): InspectionState {
  if (f.directiveOn) return "IMPLEMENTING";
  if (f.publishedOn) return "PUBLISHED";
  if (f.signedOn) return "SIGNED";
  if (f.appraisedOn) return "APPRAISED";
  if (f.draftReceivedOn) return "DRAFTED";
  if (f.draftAssignedOn) return "DRAFTING";
  if (f.reportedOn) return "REPORTED";
  if (f.onsiteEndedOn) return "ONSITE_ENDED";
  if (f.suspensions.some((s) => s.to === null)) return "SUSPENDED";
  if (f.announcedOn) return "ONSITE";
  if (f.planApprovedOn) return "PLANNED";
  if (f.decidedOn) return "DECIDED";
  return "PROPOSED";
}

/**
 * Throws the first reason the step may not be started now (its order, a paper awaiting
 * signature), before any date is known: a step drafted for a leader to sign is checked so when
 * drafted, and checked again in full (inspectionTransition) when the paper is issued.
 */
export function checkInspectionStep(facts: InspectionFacts, action: InspectionAction, durations: LevelDurations): void {
  precondition(facts, action, durations);
  if (action === "sign") assertNoSanctionWaiting(facts);
}

/**
 * The conclusion states the sanctions imposed, with their numbers (docs/LAW.md §8.7): while a
 * sanction decision drafted in the system still waits for its signature, the conclusion is not
 * drafted nor signed (it would leave the sanction out). The officer has it signed, or cancels its
 * draft, first. The step stays offered, so the refusal says why.
 */
function assertNoSanctionWaiting(f: InspectionFacts): void {
  const waiting = f.pendingSanctions ?? [];
  if (!waiting.length) return;
  const names = waiting.map((p) => `${p.targetName} (${formatDong(p.fine)})`).join("; ");
  outOfOrder(
    `Quyết định xử phạt vi phạm hành chính đối với ${names} đang chờ ký: ký ban hành hoặc hủy dự thảo quyết định xử phạt trước khi ký kết luận thanh tra.`,
  );
}

/** The facts holding a drafted paper for signature (the state itself does not move). */
export function awaitingPaper(facts: InspectionFacts, paper: AwaitingPaper): InspectionFacts {
  return { ...structuredClone(facts), awaiting: paper };
}

/** The facts after a step, or the first reason it is refused (DomainError with the field). */
export function inspectionTransition(
  facts: InspectionFacts,
  input: InspectionStepInput,
  ctx: MachineContext,
): InspectionFacts {
  precondition(facts, input.action, ctx.durations);
  if (input.action === "sign") assertNoSanctionWaiting(facts);
  if (input.date > ctx.today) badDate(`Ngày «${label(input.action)}» không được sau ngày hôm nay.`);
  const last = lastDate(facts);
  if (last && input.date < last)
    badDate(
      `Ngày «${label(input.action)}» không được trước ngày của bước trước (${last.split("-").reverse().join("/")}).`,
    );
  const f: InspectionFacts = structuredClone(facts);
  switch (input.action) {
    case "decide":
      f.decidedOn = input.date;
      f.decisionNumber = input.number;
      break;
    case "approve_plan":
      f.planApprovedOn = input.date;
      break;
    case "announce":
      f.announcedOn = input.date;
      break;
    case "extend":
      f.extensions.push({
        on: input.date,
        ground: input.ground,
        note: input.note ?? null,
        ...(input.number ? { number: input.number } : {}),
      });
      break;
    case "suspend":
      f.suspensions.push({ from: input.date, to: null, reason: input.reason });
      break;
    case "resume": {
      const open = f.suspensions.find((s) => s.to === null)!;
      open.to = input.date;
      break;
    }
    case "end_onsite":
      f.onsiteEndedOn = input.date;
      break;
    case "report":
      f.reportedOn = input.date;
      break;
    case "assign_draft":
      f.draftAssignedOn = input.date;
      break;
    case "submit_draft":
      f.draftReceivedOn = input.date;
      f.reservations = input.reservations ?? [];
      break;
    case "appraise":
      f.appraisedOn = input.date;
      f.appraisalNote = input.note ?? null;
      break;
    case "sign":
      f.signedOn = input.date;
      f.conclusionNumber = input.number;
      break;
    case "publish":
      f.publishedOn = input.date;
      f.publicationForm = input.form ?? null;
      break;
    case "direct":
      f.directiveOn = input.date;
      f.directiveNumber = input.number;
      break;
  }
  f.state = stateAfter(f);
  return f;
}

export interface InspectionDue {
  /** The step the due date is for. */
  step: InspectionAction;
  label: string;
  input: DeadlineInput;
  /** Still to be met (its step not yet taken). */
  open: boolean;
  /** The limit is a per-level duration of the configuration, not a statutory figure. */
  configured: boolean;
  /** The date the step was taken, when it was. */
  metOn: IsoDate | null;
}

/**
 * The due dates the steps taken so far run: on-site work from the announcement (configured per
 * level, extensions, suspensions), the assignment (5 working days from the result report),
 * drafting (configured), signing (15 days from the draft), publication (15 consecutive days) and
 * the implementation directive (15 days from the conclusion).
 */
export function inspectionDues(f: InspectionFacts, options: { ttcp?: boolean } = {}): InspectionDue[] {
  const out: InspectionDue[] = [];
  const variant = options.ttcp ? { variant: "ttcp" } : {};
  if (f.announcedOn)
    out.push({
      step: "end_onsite",
      label: "Kết thúc thanh tra trực tiếp",
      input: {
        rule: "inspection.onsite",
        from: f.announcedOn,
        extensions: f.extensions.length,
        suspensions: f.suspensions.map((s) => ({ from: s.from, to: s.to ?? s.from })),
      },
      open: f.onsiteEndedOn === null,
      configured: true,
      metOn: f.onsiteEndedOn,
    });
  if (f.reportedOn)
    out.push({
      step: "assign_draft",
      label: "Giao xây dựng dự thảo kết luận",
      input: { rule: "inspection.conclusion.assign", from: f.reportedOn },
      open: f.draftAssignedOn === null,
      configured: false,
      metOn: f.draftAssignedOn,
    });
  if (f.draftAssignedOn)
    out.push({
      step: "submit_draft",
      label: "Trình dự thảo kết luận",
      input: { rule: "inspection.conclusion.draft", from: f.draftAssignedOn },
      open: f.draftReceivedOn === null,
      configured: true,
      metOn: f.draftReceivedOn,
    });
  if (f.draftReceivedOn)
    out.push({
      step: "sign",
      label: "Ký kết luận thanh tra",
      input: { rule: "inspection.conclusion.sign", from: f.draftReceivedOn, ...variant },
      open: f.signedOn === null,
      configured: false,
      metOn: f.signedOn,
    });
  if (f.publishedOn)
    out.push({
      step: "publish",
      label: "Công khai kết luận đến ít nhất ngày",
      input: { rule: "inspection.publication", from: f.publishedOn },
      open: false,
      configured: false,
      metOn: f.publishedOn,
    });
  if (f.signedOn)
    out.push({
      step: "direct",
      label: "Văn bản chỉ đạo thực hiện kết luận",
      input: { rule: "inspection.directive", from: f.signedOn, ...variant },
      open: f.directiveOn === null,
      configured: false,
      metOn: f.directiveOn,
    });
  return out;
}

export function inspectionStateLabel(state: string): string {
  return (INSPECTION_STATES as Record<string, string>)[state] ?? state;
}

/** Findings and recommendations are the conclusion's content: editable until it is signed. */
export function findingsEditable(f: InspectionFacts): boolean {
  // The conclusion drafted for signature holds them as it was drafted.
  return f.decidedOn !== null && f.signedOn === null && f.awaiting?.action !== "sign";
}
