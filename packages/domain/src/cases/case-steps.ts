/**
 * The steps of complaint and denunciation resolution: the checks of each input against the case, and
 * the facts after the step. The state guards come first, in case-machine.ts.
 */
import type { IsoDate } from "../calendar/iso-date.ts";
import type { DeadlineInput } from "../deadlines/rule-set.ts";
import { hasErrors } from "../problem.ts";
import { CASE_ACTIONS, type CaseAction, type CaseActionInput } from "./actions.ts";
import {
  COMPLAINT_REJECTION_GROUNDS,
  COMPLEXITY_CRITERIA,
  COMPLEXITY_CRITERION_LIST,
  COMPLEXITY_LEVELS,
  complexityOf,
  DENUNCIATION_ACCEPTANCE_CONDITION_LIST,
  DENUNCIATION_ACCEPTANCE_CONDITIONS,
  DENUNCIATION_PUBLICATION_MIN_DAYS,
  DENUNCIATION_REJECTION_GROUNDS,
  PROTECTION_MEASURES,
  PROTECTION_STATUSES,
  PUBLICATION_METHODS,
  type ComplaintRejectionGround,
  type ComplexityCriterion,
  type DenunciationRejectionGround,
} from "./catalogues.ts";
import { caseAcceptanceDeadline, caseResolutionDeadline, caseTransferDeadline } from "./case-deadlines.ts";
import { CASE_OUTCOME_LIST, type CaseFacts, type CaseFormCode } from "./case.ts";
import {
  blank,
  clean,
  fmt,
  lcFirst,
  LKN,
  LTC,
  ND31,
  type Bound,
  type CaseProblemCode,
  type Checks,
  type In,
} from "./checks.ts";

// ---- Steps ----------------------------------------------------------------------------------------

export interface Step {
  next: CaseFacts;
  /** Day the step took effect, for the history. */
  on: IsoDate;
  form: CaseFormCode | null;
  note?: string | null;
}

function formOf(facts: CaseFacts, action: CaseAction): CaseFormCode | null {
  return CASE_ACTIONS[action].forms[facts.kind] ?? null;
}

const RECEIPT = (f: CaseFacts): Bound => ({ date: f.receivedOn, label: "ngày nhận đơn" });
const ACCEPTANCE = (f: CaseFacts): Bound => ({ date: f.acceptedOn, label: "ngày thụ lý" });

function acceptComplaint(f: CaseFacts, input: In<"accept">, c: Checks): Step | null {
  c.date("on", input.on, "Ngày thụ lý", [RECEIPT(f)]);
  const grounds = input.grounds ?? [];
  grounds.forEach((g, i) => {
    if (!Object.hasOwn(COMPLAINT_REJECTION_GROUNDS, g)) {
      c.error("GROUND_UNKNOWN", `grounds.${i}`, `Trường hợp không thụ lý không có trong Điều 11 ${LKN}.`);
      return;
    }
    const ground = COMPLAINT_REJECTION_GROUNDS[g];
    c.error(
      "GROUND_TICKED",
      `grounds.${i}`,
      `Khiếu nại thuộc trường hợp không thụ lý: ${lcFirst(ground.label)}. Không thụ lý và thông báo cho người khiếu nại.`,
      ground.basis,
    );
  });

  const second = f.instance === 2;
  const learnedLabel = second
    ? "Ngày nhận được quyết định giải quyết lần đầu"
    : "Ngày nhận được hoặc biết được quyết định, hành vi hành chính";
  const bounds: Bound[] =
    second && f.firstInstance
      ? [{ date: f.firstInstance.decisionDate, label: "ngày quyết định giải quyết lần đầu" }]
      : [];
  const learnedOk = c.date("learnedOn", input.learnedOn, learnedLabel, bounds);
  const forceMajeure = clean(input.forceMajeure);
  if (learnedOk && input.learnedOn) {
    const learnedOn = input.learnedOn;
    if (learnedOn > f.receivedOn) {
      c.error(
        "DATE_AFTER_RECEIPT",
        "learnedOn",
        `${learnedLabel} (${fmt(learnedOn)}) không được sau ngày nhận đơn (${fmt(f.receivedOn)}).`,
      );
    } else {
      // Điều 9 (first instance: 90 days) and Điều 33 (second: 30 days, 45 in remote areas).
      const limitation: DeadlineInput = second
        ? { rule: "complaint.reappeal.window", from: learnedOn }
        : { rule: "complaint.limitation", from: learnedOn };
      if (second && f.flags.remote) limitation.variant = "remote";
      const due = c.due(limitation);
      if (due && f.receivedOn > due) {
        const what = second ? "Đã hết thời hạn khiếu nại lần hai" : "Đã hết thời hiệu khiếu nại";
        const basis = second ? `Điều 33 ${LKN}` : `Điều 9, khoản 6 Điều 11 ${LKN}`;
        const span = `tính từ ngày ${fmt(learnedOn)}, hết ngày ${fmt(due)}; đơn nhận ngày ${fmt(f.receivedOn)}`;
        if (forceMajeure) {
          c.warn(
            "LIMITATION_EXCUSED",
            "forceMajeure",
            `${what} (${span}); thụ lý vì có trở ngại khách quan: ${forceMajeure}.`,
            basis,
          );
        } else {
          c.error(
            "LIMITATION_EXPIRED",
            "learnedOn",
            `${what} (${span}). Nếu người khiếu nại có trở ngại khách quan (ốm đau, thiên tai, địch họa, đi công tác xa…), ghi lý do; nếu không, thông báo không thụ lý.`,
            basis,
          );
        }
      }
    }
  }
  if (!hasErrors(c.problems))
    lateWarning(
      c,
      caseAcceptanceDeadline(f),
      input.on,
      "ACCEPTANCE_LATE",
      "Thụ lý quá thời hạn 10 ngày kể từ ngày nhận đơn",
      second ? `Điều 36 ${LKN}` : `Điều 27 ${LKN}`,
    );
  return {
    next: {
      ...f,
      state: "ACCEPTED",
      acceptedOn: input.on,
      acceptance: {
        on: input.on,
        documentNumber: clean(input.documentNumber),
        learnedOn: input.learnedOn ?? null,
        forceMajeure,
      },
    },
    on: input.on,
    form: formOf(f, "accept"),
    note: clean(input.note),
  };
}

function acceptDenunciation(f: CaseFacts, input: In<"accept">, c: Checks): Step | null {
  c.date("on", input.on, "Ngày thụ lý", [RECEIPT(f)]);
  const conditions = input.conditions;
  if (!conditions) {
    c.error(
      "CONDITIONS_REQUIRED",
      "conditions",
      "Xác định các điều kiện thụ lý tố cáo: thuộc thẩm quyền, xác định được người tố cáo, có cơ sở xác minh.",
      `Điều 29 ${LTC}`,
    );
  } else {
    for (const key of DENUNCIATION_ACCEPTANCE_CONDITION_LIST) {
      if (conditions[key] !== true) {
        const cond = DENUNCIATION_ACCEPTANCE_CONDITIONS[key];
        const next =
          key === "withinCompetence" ? "chuyển đơn đến cơ quan có thẩm quyền" : "thông báo không thụ lý tố cáo";
        c.error(
          "CONDITION_NOT_MET",
          `conditions.${key}`,
          `Chưa đủ điều kiện thụ lý: ${lcFirst(cond.label)}. Nếu không đủ, ${next}.`,
          cond.basis,
        );
      }
    }
  }
  if (!hasErrors(c.problems)) {
    lateWarning(
      c,
      caseAcceptanceDeadline(f),
      input.on,
      "INITIAL_PROCESSING_LATE",
      `Thụ lý sau thời hạn xử lý ban đầu ${f.initialExtension ? "10" : "7"} ngày làm việc kể từ ngày nhận tố cáo`,
      `Khoản 1 Điều 24 ${LTC}`,
    );
  }
  return {
    next: {
      ...f,
      state: "ACCEPTED",
      acceptedOn: input.on,
      acceptance: { on: input.on, documentNumber: clean(input.documentNumber), learnedOn: null, forceMajeure: null },
    },
    on: input.on,
    form: formOf(f, "accept"),
    note: clean(input.note),
  };
}

function lateWarning(
  c: Checks,
  deadline: DeadlineInput | null,
  on: IsoDate,
  code: CaseProblemCode,
  what: string,
  basis: string,
): void {
  const due = c.due(deadline);
  if (due && on > due) c.warn(code, "on", `${what} (hạn ${fmt(due)}); ghi rõ lý do chậm.`, basis);
}

function reject(f: CaseFacts, input: In<"reject">, c: Checks): Step | null {
  c.date("on", input.on, "Ngày thông báo không thụ lý", [RECEIPT(f)]);
  const catalogue: Readonly<Record<string, unknown>> =
    f.kind === "complaint" ? COMPLAINT_REJECTION_GROUNDS : DENUNCIATION_REJECTION_GROUNDS;
  const law = f.kind === "complaint" ? `Điều 11 ${LKN}` : `Điều 27, Điều 29 ${LTC}`;
  const grounds = [...new Set(input.grounds ?? [])];
  if (grounds.length === 0) {
    c.error(
      "GROUND_REQUIRED",
      "grounds",
      `Chọn ít nhất một trường hợp không thụ lý (${law}) để nêu trong thông báo.`,
      law,
    );
  }
  grounds.forEach((g, i) => {
    if (!Object.hasOwn(catalogue, g)) {
      c.error("GROUND_UNKNOWN", `grounds.${i}`, `Trường hợp không thụ lý không có trong ${law}.`);
    }
  });
  return {
    next: {
      ...f,
      state: "NOT_ACCEPTED",
      rejection: {
        on: input.on,
        grounds: grounds as (ComplaintRejectionGround | DenunciationRejectionGround)[],
        explanation: clean(input.explanation),
        documentNumber: clean(input.documentNumber),
      },
    },
    on: input.on,
    form: formOf(f, "reject"),
    note: grounds.join(", "),
  };
}

function setFlags(f: CaseFacts, input: In<"set_flags">, c: Checks): Step | null {
  const basis = f.instance === 2 ? `Điều 37 ${LKN}` : `Điều 28 ${LKN}`;
  if (typeof input.remote !== "boolean" || typeof input.complex !== "boolean") {
    c.error("VALUE_INVALID", "remote", "Cho biết vụ việc có ở vùng sâu, vùng xa và có phức tạp hay không.");
    return null;
  }
  if (input.remote && blank(input.remoteJustification)) {
    c.error(
      "JUSTIFICATION_REQUIRED",
      "remoteJustification",
      "Nêu căn cứ xác định vùng sâu, vùng xa, đi lại khó khăn (nơi cư trú của người khiếu nại, nơi xảy ra vụ việc).",
      basis,
    );
  }
  if (input.complex && blank(input.complexJustification)) {
    c.error("JUSTIFICATION_REQUIRED", "complexJustification", "Nêu lý do xác định vụ việc phức tạp.", basis);
  }
  const flags = {
    remote: input.remote,
    remoteJustification: input.remote ? clean(input.remoteJustification) : null,
    complex: input.complex,
    complexJustification: input.complex ? clean(input.complexJustification) : null,
  };
  const parts = [flags.complex ? "phức tạp" : null, flags.remote ? "vùng sâu, vùng xa" : null].filter(Boolean);
  return {
    next: { ...f, flags },
    on: c.ctx.today,
    form: null,
    note: parts.length ? `Vụ việc ${parts.join(", ")}` : "Vụ việc thông thường",
  };
}

function assignVerification(f: CaseFacts, input: In<"assign_verification">, c: Checks): Step | null {
  c.date("on", input.on, "Ngày giao xác minh", [ACCEPTANCE(f)]);
  const a = input.assignee;
  if (!a || (a.kind !== "person" && a.kind !== "team")) {
    c.error("VALUE_INVALID", "assignee.kind", "Chọn người hoặc tổ xác minh.");
    return null;
  }
  const name = c.text(
    "assignee.name",
    a.name,
    a.kind === "team" ? "Ghi tên tổ trưởng tổ xác minh." : "Ghi tên người được giao xác minh.",
  );
  const members = (a.members ?? []).map((m) => m.trim()).filter((m) => m !== "");
  return {
    next: {
      ...f,
      state: "VERIFYING",
      verification: {
        assignedOn: input.on,
        assignee: { kind: a.kind, name, members },
        plan: clean(input.plan),
        documentNumber: clean(input.documentNumber),
        reportedOn: null,
        summary: null,
        differsFromDemand: null,
      },
    },
    on: input.on,
    form: formOf(f, "assign_verification"),
    note: name,
  };
}

function recordVerification(f: CaseFacts, input: In<"record_verification">, c: Checks): Step | null {
  const v = f.verification;
  if (!v) {
    c.error("CASE_WRONG_STATE", "state", "Chưa giao xác minh.");
    return null;
  }
  c.date("on", input.on, "Ngày báo cáo kết quả xác minh", [{ date: v.assignedOn, label: "ngày giao xác minh" }]);
  const summary = c.text("summary", input.summary, "Ghi tóm tắt kết quả xác minh.");
  let differs: boolean | null = null;
  if (f.kind === "complaint") {
    if (typeof input.differsFromDemand !== "boolean") {
      c.error(
        "DIFFERS_FROM_DEMAND_REQUIRED",
        "differsFromDemand",
        "Cho biết kết quả xác minh có còn khác với yêu cầu của người khiếu nại không.",
        `Khoản 1 Điều 30 ${LKN}`,
      );
    } else {
      differs = input.differsFromDemand;
    }
  }
  return {
    next: {
      ...f,
      state: "VERIFIED",
      verification: { ...v, reportedOn: input.on, summary, differsFromDemand: differs },
    },
    on: input.on,
    form: null,
  };
}

function holdDialogue(f: CaseFacts, input: In<"hold_dialogue">, c: Checks): Step | null {
  c.date("on", input.on, "Ngày đối thoại", [
    ACCEPTANCE(f),
    { date: f.verification?.reportedOn, label: "ngày báo cáo kết quả xác minh" },
  ]);
  const participants = (input.participants ?? []).map((p) => p.trim()).filter((p) => p !== "");
  if (participants.length === 0) {
    c.error(
      "PARTICIPANTS_REQUIRED",
      "participants",
      "Ghi thành phần tham gia đối thoại (người giải quyết, người khiếu nại, người bị khiếu nại, người có liên quan).",
    );
  }
  const agreed = clean(input.agreedPoints) ?? "";
  const disputed = clean(input.disputedPoints) ?? "";
  if (agreed === "" && disputed === "") {
    c.error(
      "TEXT_REQUIRED",
      "agreedPoints",
      "Ghi những nội dung đã thống nhất và những nội dung còn ý kiến khác nhau.",
    );
  }
  return {
    next: {
      ...f,
      state: "DIALOGUE_HELD",
      dialogues: [
        ...f.dialogues,
        { on: input.on, participants, agreedPoints: agreed, disputedPoints: disputed, place: clean(input.place) },
      ],
    },
    on: input.on,
    form: formOf(f, "hold_dialogue"),
  };
}

function outcomeOf(c: Checks, value: unknown): boolean {
  if (typeof value !== "string" || !(CASE_OUTCOME_LIST as readonly string[]).includes(value)) {
    c.error("OUTCOME_REQUIRED", "outcome", "Chọn kết quả: đúng, có đúng có sai, hoặc sai.");
    return false;
  }
  return true;
}

function decide(f: CaseFacts, input: In<"decide">, c: Checks): Step | null {
  const outside = input.issuedOutside === true;
  const number = outside
    ? c.text("number", input.number, "Nhập số quyết định giải quyết khiếu nại đã ban hành.")
    : null;
  const signer = outside ? c.text("signer", input.signer, "Ghi người ký quyết định giải quyết khiếu nại.") : null;
  const lastDialogue = f.dialogues.at(-1)?.on;
  c.date("date", input.date, "Ngày ra quyết định giải quyết", [
    ACCEPTANCE(f),
    { date: f.verification?.reportedOn, label: "ngày báo cáo kết quả xác minh" },
    { date: lastDialogue, label: "ngày đối thoại" },
  ]);
  outcomeOf(c, input.outcome);
  let upheld: boolean | null = null;
  if (f.instance === 2) {
    if (typeof input.firstDecisionUpheld !== "boolean") {
      c.error(
        "UPHELD_REQUIRED",
        "firstDecisionUpheld",
        "Khiếu nại lần hai: cho biết quyết định giải quyết lần đầu được giữ nguyên hay bị hủy bỏ, sửa đổi.",
        `Điều 40 ${LKN}`,
      );
    } else {
      upheld = input.firstDecisionUpheld;
    }
  } else if (input.firstDecisionUpheld !== undefined && input.firstDecisionUpheld !== null) {
    c.error(
      "UPHELD_NOT_ALLOWED",
      "firstDecisionUpheld",
      "Chỉ khiếu nại lần hai mới có quyết định giải quyết lần đầu để giữ nguyên hoặc hủy bỏ.",
    );
  }
  const amounts = c.amounts(input.amounts, "amounts");
  if (!hasErrors(c.problems)) {
    lateWarning(
      c,
      caseResolutionDeadline(f),
      input.date,
      "RESOLUTION_LATE",
      "Quyết định ban hành quá thời hạn giải quyết khiếu nại",
      f.instance === 2 ? `Điều 37 ${LKN}` : `Điều 28 ${LKN}`,
    );
  }
  return {
    next: {
      ...f,
      state: "DECIDED",
      outcome: input.outcome,
      decision: {
        number,
        date: input.date,
        signer,
        outcome: input.outcome,
        firstDecisionUpheld: upheld,
        summary: clean(input.summary),
        amounts,
      },
    },
    on: input.date,
    form: formOf(f, "decide"),
    note: number,
  };
}

function conclude(f: CaseFacts, input: In<"conclude">, c: Checks): Step | null {
  const outside = input.issuedOutside === true;
  const number = outside ? c.text("number", input.number, "Nhập số kết luận nội dung tố cáo đã ban hành.") : null;
  const signer = outside ? c.text("signer", input.signer, "Ghi người ký kết luận nội dung tố cáo.") : null;
  const findings = c.text("findings", input.findings, "Ghi kết quả xác minh, kết luận về từng nội dung tố cáo.");
  c.date("date", input.date, "Ngày kết luận", [
    ACCEPTANCE(f),
    { date: f.verification?.reportedOn, label: "ngày báo cáo kết quả xác minh" },
  ]);
  outcomeOf(c, input.outcome);
  const amounts = c.amounts(input.amounts, "amounts");
  if (!hasErrors(c.problems)) {
    lateWarning(
      c,
      caseResolutionDeadline(f),
      input.date,
      "RESOLUTION_LATE",
      "Kết luận ban hành quá thời hạn giải quyết tố cáo",
      `Điều 30 ${LTC}`,
    );
  }
  return {
    next: {
      ...f,
      state: "CONCLUDED",
      outcome: input.outcome,
      conclusion: {
        number,
        date: input.date,
        signer,
        outcome: input.outcome,
        findings,
        measures: clean(input.measures),
        amounts,
      },
    },
    on: input.date,
    form: formOf(f, "conclude"),
    note: number,
  };
}

function handleConclusion(f: CaseFacts, input: In<"handle_conclusion">, c: Checks): Step | null {
  c.date("on", input.on, "Ngày xử lý kết luận", [{ date: f.conclusion?.date, label: "ngày kết luận" }]);
  const handling = {
    on: input.on,
    documentNumber: clean(input.documentNumber),
    discipline: clean(input.discipline),
    administrativeSanctions: clean(input.administrativeSanctions),
    recovery: clean(input.recovery),
    investigationTransfer: clean(input.investigationTransfer),
    other: clean(input.other),
  };
  if (
    !handling.discipline &&
    !handling.administrativeSanctions &&
    !handling.recovery &&
    !handling.investigationTransfer &&
    !handling.other
  ) {
    c.error(
      "HANDLING_REQUIRED",
      "discipline",
      "Ghi ít nhất một biện pháp xử lý: kỷ luật, xử phạt vi phạm hành chính, thu hồi tiền, tài sản, chuyển cơ quan điều tra, hoặc biện pháp khác (kể cả khôi phục quyền lợi của người bị tố cáo khi tố cáo sai).",
      `Điều 36 ${LTC}`,
    );
  }
  return { next: { ...f, state: "CONCLUSION_HANDLED", conclusionHandling: handling }, on: input.on, form: null };
}

function publish(f: CaseFacts, input: In<"publish">, c: Checks): Step | null {
  const issued = f.kind === "complaint" ? f.decision?.date : f.conclusion?.date;
  c.date("on", input.on, "Ngày công khai", [
    { date: issued, label: f.kind === "complaint" ? "ngày ra quyết định" : "ngày kết luận" },
  ]);
  if (!Object.hasOwn(PUBLICATION_METHODS, input.method)) {
    c.error("PUBLICATION_METHOD_UNKNOWN", "method", "Chọn hình thức công khai.");
    return null;
  }
  const method = PUBLICATION_METHODS[input.method];
  const days = input.days ?? null;
  if (days !== null && (!Number.isInteger(days) || days < 1)) {
    c.error("VALUE_INVALID", "days", "Số ngày công khai phải là số nguyên dương.");
  } else if (
    f.kind === "denunciation" &&
    method.lasting &&
    (days === null || days < DENUNCIATION_PUBLICATION_MIN_DAYS)
  ) {
    c.error(
      "PUBLICATION_TOO_SHORT",
      "days",
      `Kết luận nội dung tố cáo phải được ${lcFirst(method.label)} ít nhất ${DENUNCIATION_PUBLICATION_MIN_DAYS} ngày liên tục.`,
      `${ND31}`, // [P] docs/LAW.md §0.1
    );
  }
  let removed: boolean | null = null;
  if (f.kind === "denunciation") {
    if (input.denouncerDataRemoved !== true) {
      c.error(
        "DENOUNCER_DATA_NOT_REMOVED",
        "denouncerDataRemoved",
        "Nội dung công khai không được có thông tin về người tố cáo (họ tên, địa chỉ, bút tích, thông tin cá nhân khác): xác nhận đã loại bỏ.",
        `Khoản 1 Điều 9, Điều 40 ${LTC}`,
      );
    }
    removed = true;
  }
  return {
    next: {
      ...f,
      publications: [
        ...f.publications,
        { on: input.on, method: input.method, days, denouncerDataRemoved: removed, note: clean(input.note) },
      ],
    },
    on: input.on,
    form: null,
    note: method.label,
  };
}

function recordEnforcement(f: CaseFacts, input: In<"record_enforcement">, c: Checks): Step | null {
  const decided = { date: f.decision?.date, label: "ngày ra quyết định" };
  c.date("on", input.on, "Ngày ghi nhận thi hành", [decided]);
  if (input.dueOn !== undefined && input.dueOn !== null) c.date("dueOn", input.dueOn, "Hạn thi hành", [decided], true);
  const responsible = c.text(
    "responsible",
    input.responsible,
    "Ghi cơ quan, tổ chức, cá nhân có trách nhiệm thi hành.",
  );
  const done = c.text("done", input.done, "Ghi kết quả đã thực hiện.");
  const moneyReturned = c.quantity("moneyReturned", input.moneyReturned, "Số tiền đã trả lại (triệu đồng)");
  const landReturned = c.quantity("landReturned", input.landReturned, "Diện tích đất đã trả lại (m²)");
  const d = f.decision?.amounts;
  if (d && !hasErrors(c.problems)) {
    const money = f.enforcement.reduce((s, e) => s + e.moneyReturned, moneyReturned);
    const land = f.enforcement.reduce((s, e) => s + e.landReturned, landReturned);
    if (money > d.moneyToState + d.moneyToOthers || land > d.landToState + d.landToOthers) {
      c.warn(
        "ENFORCEMENT_EXCEEDS_DECISION",
        money > d.moneyToState + d.moneyToOthers ? "moneyReturned" : "landReturned",
        "Tổng số tiền hoặc diện tích đất đã trả lại vượt số ghi trong quyết định giải quyết; kiểm tra lại.",
      );
    }
  }
  return {
    next: {
      ...f,
      enforcement: [
        ...f.enforcement,
        {
          on: input.on,
          responsible,
          dueOn: input.dueOn ?? null,
          done,
          moneyReturned,
          landReturned,
          completed: input.completed === true,
        },
      ],
    },
    on: input.on,
    form: null,
    note: responsible,
  };
}

function close(f: CaseFacts, input: In<"close">, c: Checks): Step | null {
  const last =
    f.kind === "complaint"
      ? { date: f.decision?.date, label: "ngày ra quyết định" }
      : { date: f.conclusionHandling?.on, label: "ngày xử lý kết luận" };
  c.date("on", input.on, "Ngày kết thúc", [last]);
  const d = f.decision?.amounts;
  if (f.kind === "complaint" && d && d.moneyToState + d.moneyToOthers + d.landToState + d.landToOthers > 0) {
    if (!f.enforcement.some((e) => e.completed)) {
      c.warn(
        "ENFORCEMENT_NOT_RECORDED",
        "enforcement",
        "Quyết định có nội dung thu hồi, trả lại tiền, đất nhưng chưa ghi nhận việc thi hành xong.",
        `Điều 43–46 ${LKN}`, // [P] docs/LAW.md §0.1
      );
    }
  }
  return { next: { ...f, state: "CLOSED", closedOn: input.on }, on: input.on, form: null, note: clean(input.note) };
}

function suspend(f: CaseFacts, input: In<"suspend">, c: Checks): Step | null {
  const lastResumed = f.suspensions.at(-1)?.resumedOn;
  c.date("on", input.on, "Ngày tạm đình chỉ", [
    ACCEPTANCE(f),
    { date: lastResumed, label: "ngày tiếp tục giải quyết lần trước" },
  ]);
  const reason = c.text(
    "reason",
    input.reason,
    f.kind === "denunciation"
      ? "Ghi căn cứ tạm đình chỉ: đợi kết quả giải quyết của cơ quan khác hoặc vụ việc khác có liên quan, hoặc đợi kết quả giám định bổ sung, giám định lại."
      : "Ghi lý do tạm đình chỉ việc giải quyết khiếu nại.",
  );
  return {
    next: {
      ...f,
      state: "SUSPENDED",
      stateBeforeSuspension: f.state,
      suspensions: [
        ...f.suspensions,
        { from: input.on, resumedOn: null, reason, documentNumber: clean(input.documentNumber) },
      ],
    },
    on: input.on,
    form: formOf(f, "suspend"),
    note: reason,
  };
}

function resume(f: CaseFacts, input: In<"resume">, c: Checks): Step | null {
  const open = f.suspensions.at(-1);
  if (!open || open.resumedOn !== null) {
    c.error("CASE_WRONG_STATE", "state", "Không có quyết định tạm đình chỉ đang có hiệu lực.");
    return null;
  }
  c.date("on", input.on, "Ngày tiếp tục giải quyết", [{ date: open.from, label: "ngày tạm đình chỉ" }]);
  const suspensions = [...f.suspensions.slice(0, -1), { ...open, resumedOn: input.on }];
  return {
    next: { ...f, state: f.stateBeforeSuspension ?? "ACCEPTED", stateBeforeSuspension: null, suspensions },
    on: input.on,
    form: null,
    note: clean(input.documentNumber),
  };
}

function withdraw(f: CaseFacts, input: In<"withdraw">, c: Checks): Step | null {
  c.date("on", input.on, "Ngày rút đơn", [RECEIPT(f)]);
  const note = clean(input.note);
  if (f.kind === "complaint") {
    // Điều 10 Luật Khiếu nại 2011: the resolver stops and notifies in writing.
    return {
      next: {
        ...f,
        state: "WITHDRAWN",
        withdrawal: { on: input.on, scope: "all", signsOfViolation: false, coerced: false, continued: false, note },
      },
      on: input.on,
      form: f.acceptedOn ? formOf(f, "withdraw") : null,
      note,
    };
  }
  const scope = input.scope ?? "all";
  if (scope !== "all" && scope !== "part") {
    c.error("VALUE_INVALID", "scope", "Chọn rút toàn bộ hay một phần nội dung tố cáo.");
    return null;
  }
  const signs = input.signsOfViolation === true;
  const coerced = input.coerced === true;
  // Điều 33 Luật Tố cáo 2018: a partial withdrawal leaves the rest to resolve; a whole one ends the
  // case unless the act shows signs of violation or the withdrawal was forced (khoản 3).
  const continued = scope === "part" || signs || coerced;
  if (continued && scope === "all") {
    c.warn(
      "WITHDRAWAL_CONTINUED",
      "signsOfViolation",
      "Người tố cáo rút tố cáo nhưng hành vi bị tố cáo có dấu hiệu vi phạm pháp luật hoặc việc rút tố cáo do bị đe dọa, mua chuộc: tiếp tục giải quyết.",
      `Khoản 3 Điều 33 ${LTC}`,
    );
  }
  const withdrawal = { on: input.on, scope, signsOfViolation: signs, coerced, continued, note };
  if (continued) return { next: { ...f, withdrawal }, on: input.on, form: null, note };
  return {
    next: { ...f, state: "WITHDRAWN", withdrawal },
    on: input.on,
    form: f.acceptedOn ? formOf(f, "withdraw") : null,
    note,
  };
}

function terminate(f: CaseFacts, input: In<"terminate">, c: Checks): Step | null {
  c.date("on", input.on, "Ngày đình chỉ", [ACCEPTANCE(f)]);
  const reason = c.text("reason", input.reason, "Ghi căn cứ đình chỉ việc giải quyết.");
  return {
    next: {
      ...f,
      state: "TERMINATED",
      termination: { on: input.on, reason, documentNumber: clean(input.documentNumber) },
    },
    on: input.on,
    form: formOf(f, "terminate"),
    note: reason,
  };
}

function extendInitial(f: CaseFacts, input: In<"extend_initial">, c: Checks): Step | null {
  c.date("on", input.on, "Ngày gia hạn xử lý ban đầu", [RECEIPT(f)]);
  const reason = c.text(
    "reason",
    input.reason,
    "Ghi lý do gia hạn: phải kiểm tra, xác minh tại nhiều địa điểm hoặc phải ủy quyền cho cơ quan khác kiểm tra, xác minh.",
  );
  if (!hasErrors(c.problems)) {
    lateWarning(
      c,
      caseAcceptanceDeadline(f),
      input.on,
      "INITIAL_EXTENSION_LATE",
      "Gia hạn sau khi đã hết thời hạn xử lý ban đầu 7 ngày làm việc",
      `Khoản 1 Điều 24 ${LTC}`,
    );
  }
  return { next: { ...f, initialExtension: { on: input.on, reason } }, on: input.on, form: null, note: reason };
}

function transfer(f: CaseFacts, input: In<"transfer">, c: Checks): Step | null {
  const basis = `Khoản 2 Điều 24 ${LTC}`;
  c.date("on", input.on, "Ngày chuyển đơn", [RECEIPT(f)]);
  const targetBody = c.text(
    "targetBody",
    input.targetBody,
    "Ghi cơ quan, tổ chức, cá nhân có thẩm quyền nhận đơn chuyển.",
  );
  if (input.notifyDenouncer !== true) {
    c.error(
      "NOTIFY_DENOUNCER_REQUIRED",
      "notifyDenouncer",
      "Chuyển đơn tố cáo phải thông báo cho người tố cáo.",
      basis,
    );
  }
  let late = false;
  if (!hasErrors(c.problems)) {
    const due = c.due(caseTransferDeadline(f));
    if (due && input.on > due) {
      late = true;
      c.warn(
        "TRANSFER_LATE",
        "on",
        `Quá thời hạn chuyển đơn tố cáo 5 ngày làm việc kể từ ngày nhận (hạn ${fmt(due)}); vẫn phải chuyển đơn và ghi rõ lý do chậm.`,
        basis,
      );
    }
  }
  return {
    next: {
      ...f,
      state: "TRANSFERRED",
      transfer: { on: input.on, targetBody, documentNumber: clean(input.documentNumber), notifyDenouncer: true, late },
    },
    on: input.on,
    form: null,
    note: targetBody,
  };
}

function setComplexity(f: CaseFacts, input: In<"set_complexity">, c: Checks): Step | null {
  const given = input.criteria ?? [];
  given.forEach((k, i) => {
    if (!Object.hasOwn(COMPLEXITY_CRITERIA, k)) {
      c.error("CRITERION_UNKNOWN", `criteria.${i}`, `Tiêu chí không có trong khoản 1 Điều 3 ${ND31}.`);
    }
  });
  const criteria: ComplexityCriterion[] = COMPLEXITY_CRITERION_LIST.filter((k) => given.includes(k));
  const level = COMPLEXITY_LEVELS[complexityOf(criteria)];
  if (level.extensionsAllowed < f.extensions.length) {
    c.error(
      "COMPLEXITY_BELOW_EXTENSIONS",
      "criteria",
      `Đã gia hạn ${f.extensions.length} lần: mức độ "${level.label}" chỉ cho phép gia hạn ${level.extensionsAllowed} lần.`,
      level.basis,
    );
  }
  return {
    next: { ...f, complexityCriteria: criteria, complexityNote: clean(input.note) },
    on: c.ctx.today,
    form: null,
    note: level.label,
  };
}

function extend(f: CaseFacts, input: In<"extend">, c: Checks): Step | null {
  const basis = `Điều 30 ${LTC}`;
  const decisionNumber =
    input.issuedOutside === true
      ? c.text("decisionNumber", input.decisionNumber, "Nhập số quyết định gia hạn giải quyết tố cáo đã ban hành.")
      : null;
  const reason = c.text("reason", input.reason, "Ghi lý do gia hạn.");
  const last = f.extensions.at(-1)?.decisionDate;
  c.date("decisionDate", input.decisionDate, "Ngày quyết định gia hạn", [
    ACCEPTANCE(f),
    { date: last, label: "ngày quyết định gia hạn lần trước" },
  ]);
  if (!hasErrors(c.problems)) {
    const due = c.due(caseResolutionDeadline(f));
    if (due && input.decisionDate > due) {
      c.warn(
        "EXTENSION_AFTER_DUE",
        "decisionDate",
        `Quyết định gia hạn ban hành sau khi thời hạn giải quyết đã hết (${fmt(due)}).`,
        basis,
      );
    }
  }
  return {
    next: { ...f, extensions: [...f.extensions, { decisionNumber, decisionDate: input.decisionDate, reason }] },
    on: input.decisionDate,
    form: formOf(f, "extend"),
    note: decisionNumber,
  };
}

function recordProtection(f: CaseFacts, input: In<"record_protection">, c: Checks): Step | null {
  c.date("on", input.on, "Ngày ghi nhận biện pháp bảo vệ", [RECEIPT(f)]);
  if (!Object.hasOwn(PROTECTION_MEASURES, input.measure)) {
    c.error("VALUE_INVALID", "measure", "Chọn biện pháp bảo vệ.");
  }
  if (!Object.hasOwn(PROTECTION_STATUSES, input.status)) {
    c.error("VALUE_INVALID", "status", "Chọn tình trạng: đề nghị, đã áp dụng hoặc chấm dứt.");
  }
  return {
    next: {
      ...f,
      protection: [
        ...f.protection,
        {
          on: input.on,
          measure: input.measure,
          status: input.status,
          protectingBody: clean(input.protectingBody),
          note: clean(input.note),
        },
      ],
    },
    on: input.on,
    form: null,
  };
}

export function applyStep(f: CaseFacts, input: CaseActionInput, c: Checks): Step | null {
  switch (input.action) {
    case "accept":
      return f.kind === "complaint" ? acceptComplaint(f, input, c) : acceptDenunciation(f, input, c);
    case "reject":
      return reject(f, input, c);
    case "set_flags":
      return setFlags(f, input, c);
    case "assign_verification":
      return assignVerification(f, input, c);
    case "record_verification":
      return recordVerification(f, input, c);
    case "hold_dialogue":
      return holdDialogue(f, input, c);
    case "decide":
      return decide(f, input, c);
    case "publish":
      return publish(f, input, c);
    case "record_enforcement":
      return recordEnforcement(f, input, c);
    case "close":
      return close(f, input, c);
    case "suspend":
      return suspend(f, input, c);
    case "resume":
      return resume(f, input, c);
    case "withdraw":
      return withdraw(f, input, c);
    case "terminate":
      return terminate(f, input, c);
    case "extend_initial":
      return extendInitial(f, input, c);
    case "transfer":
      return transfer(f, input, c);
    case "set_complexity":
      return setComplexity(f, input, c);
    case "extend":
      return extend(f, input, c);
    case "conclude":
      return conclude(f, input, c);
    case "handle_conclusion":
      return handleConclusion(f, input, c);
    case "record_protection":
      return recordProtection(f, input, c);
  }
}
