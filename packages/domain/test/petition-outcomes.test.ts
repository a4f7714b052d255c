/**
 * Outcomes of petition handling and their guards (docs/LAW.md §4.4–4.6, §13.4). Due dates are worked
 * out by hand on the 2026 calendar in the comments.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildCalendar, SEED_NOTICES } from "../src/calendar/index.ts";
import {
  allowedArchiveReasons,
  allowedOutcomes,
  awaitingAnswers,
  checkDestruction,
  checkDestructionDraft,
  checkOutcome,
  formFor,
  OUTCOMES,
  PETITION_FORMS,
  petitionDeadlines,
  petitionTransition,
  retentionUntil,
  type PetitionClassification,
  type PetitionFacts,
  type PetitionOutcome,
} from "../src/petitions/index.ts";

const calendar = buildCalendar(SEED_NOTICES);

function petition(
  classification: Partial<PetitionClassification> & Pick<PetitionClassification, "kind">,
  overrides: Partial<PetitionFacts> = {},
): PetitionFacts {
  return {
    status: "ELIGIBLE",
    channel: "post",
    receivedOn: "2026-03-02",
    anonymous: false,
    impersonated: false,
    classification: { competence: "within", fieldCode: "HC.DAT_DAI", ...classification },
    ...overrides,
  };
}

const allowed = (p: PetitionFacts) => allowedOutcomes(p).allowed.map((o) => o.outcome);
const blockedCodes = (p: PetitionFacts, outcome: PetitionOutcome, input: object = { on: "2026-03-05" }) =>
  checkOutcome(p, outcome, input as never)
    .filter((x) => x.severity === "error")
    .map((x) => x.code);
const warnings = (p: PetitionFacts, outcome: PetitionOutcome, input: object) =>
  checkOutcome(p, outcome, input as never, { calendar })
    .filter((x) => x.severity === "warning")
    .map((x) => x.code);

describe("what each petition allows", () => {
  test("complaint within competence meeting the acceptance conditions: propose acceptance (Mẫu 01)", () => {
    const p = petition({ kind: "complaint", complaintAcceptable: true });
    assert.deepEqual(allowed(p), ["propose_acceptance", "archive"]);
    const option = allowedOutcomes(p).allowed[0];
    assert.equal(option?.form, "TT05-01");
    assert.equal(PETITION_FORMS["TT05-01"].name, "Phiếu đề xuất thụ lý đơn");
    const refused = allowedOutcomes(p).notAllowed.find((o) => o.outcome === "notify_not_accepted");
    assert.deepEqual(refused?.reasons, [
      "Chỉ thông báo không thụ lý khi khiếu nại thuộc một trường hợp không thụ lý của Điều 11 Luật Khiếu nại.",
    ]);
  });

  test("complaint within competence failing the conditions: notice of non-acceptance (Mẫu 02), with reasons", () => {
    const p = petition({ kind: "complaint", complaintAcceptable: false });
    assert.deepEqual(allowed(p), ["notify_not_accepted", "archive"]);
    assert.deepEqual(blockedCodes(p, "notify_not_accepted"), ["REASONS_REQUIRED"]);
    assert.deepEqual(
      blockedCodes(p, "notify_not_accepted", { on: "2026-03-05", reasons: "Hết thời hiệu khiếu nại" }),
      [],
    );
    assert.deepEqual(blockedCodes(p, "propose_acceptance"), ["COMPLAINT_NOT_ACCEPTABLE"]);
  });

  test("complaint acceptability not decided yet blocks the proposal", () => {
    assert.deepEqual(blockedCodes(petition({ kind: "complaint" }), "propose_acceptance"), [
      "COMPLAINT_ACCEPTABILITY_UNKNOWN",
    ]);
  });

  test("complaint outside competence sent by the citizen: guide (Mẫu 03)", () => {
    const p = petition({ kind: "complaint", competence: "not_within" });
    assert.deepEqual(allowed(p), ["guide", "archive"]);
    assert.deepEqual(blockedCodes(p, "guide"), ["TARGETBODY_REQUIRED"]);
    assert.deepEqual(blockedCodes(p, "guide", { on: "2026-03-05", targetBody: "UBND tỉnh Lào Cai" }), []);
    assert.equal(formFor("guide", "complaint"), "TT05-03");
  });

  test("denunciation outside competence: transfer (Mẫu 05); recommendation: transfer (Mẫu 06)", () => {
    assert.deepEqual(allowed(petition({ kind: "denunciation", competence: "not_within" })), ["transfer", "archive"]);
    assert.equal(formFor("transfer", "denunciation"), "TT05-05");
    assert.deepEqual(allowed(petition({ kind: "recommendation", competence: "not_within" })), ["transfer", "archive"]);
    assert.equal(formFor("transfer", "recommendation"), "TT05-06");
  });

  test("feedback within competence: resolve and reply", () => {
    assert.deepEqual(allowed(petition({ kind: "feedback" })), ["resolve_reply", "archive"]);
    assert.deepEqual(blockedCodes(petition({ kind: "feedback" }), "resolve_reply"), ["REPLYSUMMARY_REQUIRED"]);
  });

  test("denunciation within competence: propose acceptance", () => {
    assert.deepEqual(allowed(petition({ kind: "denunciation" })), ["propose_acceptance", "archive"]);
  });

  test("outcomes are only for eligible petitions", () => {
    const p = petition({ kind: "denunciation" }, { status: "REGISTERED" });
    assert.deepEqual(allowed(p), []);
    assert.match(blockedCodes(p, "propose_acceptance").join(), /WRONG_STATE/);
    assert.deepEqual(
      blockedCodes(petition({ kind: "denunciation" }, { classification: null }), "transfer", {
        on: "2026-03-05",
        targetBody: "Thanh tra tỉnh",
        notifyWriter: true,
      }),
      ["NOT_CLASSIFIED"],
    );
  });
});

describe("guide only once for the same content", () => {
  const p = petition(
    { kind: "complaint", competence: "not_within" },
    { sameContentHistory: [{ petitionId: "Đ-2026-0101", outcome: "guide", on: "2026-01-15" }] },
  );

  test("a second guidance is refused, the petition is filed as a duplicate", () => {
    assert.deepEqual(blockedCodes(p, "guide", { on: "2026-03-05", targetBody: "UBND tỉnh" }), ["ALREADY_GUIDED"]);
    const reasons = allowedOutcomes(p).notAllowed.find((o) => o.outcome === "guide")?.reasons;
    assert.deepEqual(reasons, [
      "Nội dung này đã được hướng dẫn ngày 15/01/2026 (đơn Đ-2026-0101); việc hướng dẫn chỉ thực hiện một lần — lưu đơn trùng.",
    ]);
    assert.deepEqual(allowed(p), ["archive"]);
    assert.deepEqual(
      blockedCodes(p, "archive", { on: "2026-03-05", reason: "duplicate", duplicateOf: "Đ-2026-0101" }),
      [],
    );
  });

  test("an earlier transfer does not count as guidance", () => {
    const q = { ...p, sameContentHistory: [{ petitionId: "X", outcome: "transfer" as const, on: "2026-01-15" }] };
    assert.deepEqual(blockedCodes(q, "guide", { on: "2026-03-05", targetBody: "UBND tỉnh" }), []);
  });
});

describe("transfer of a denunciation: only once, within 5 working days", () => {
  const p = petition({ kind: "denunciation", competence: "not_within" });
  const input = { on: "2026-03-05", targetBody: "Thanh tra tỉnh Lào Cai", notifyWriter: true };

  test("a second transfer of the same content is refused", () => {
    const twice = {
      ...p,
      sameContentHistory: [{ petitionId: "Đ-77", outcome: "transfer" as const, on: "2026-02-10" }],
    };
    assert.deepEqual(blockedCodes(twice, "transfer", input), ["ALREADY_TRANSFERRED"]);
    assert.deepEqual(allowed(twice), ["archive"]);
  });

  test("for a recommendation, an earlier transfer is only a warning", () => {
    const rec = petition(
      { kind: "recommendation", competence: "not_within" },
      { sameContentHistory: [{ petitionId: "Đ-77", outcome: "transfer", on: "2026-02-10" }] },
    );
    assert.deepEqual(blockedCodes(rec, "transfer", input), []);
    assert.deepEqual(warnings(rec, "transfer", input), ["TRANSFERRED_BEFORE"]);
  });

  test("received Mon 02/03/2026: due Mon 09/03 (03, 04, 05, 06, 09); on the 10th it is late", () => {
    assert.deepEqual(warnings(p, "transfer", { ...input, on: "2026-03-09" }), []);
    const late = checkOutcome(p, "transfer", { ...input, on: "2026-03-10" }, { calendar });
    assert.deepEqual(
      late.map((x) => [x.code, x.severity, x.field]),
      [["TRANSFER_LATE", "warning", "on"]],
    );
    assert.match(late[0]?.message ?? "", /hạn 09\/03\/2026/);
  });

  test("received Wed 22/04/2026: 23, 24, (27 nghỉ bù Giỗ Tổ), 28, 29, (30/4, 1/5), 04/05 → due Mon 04/05", () => {
    const april = { ...p, receivedOn: "2026-04-22" };
    assert.deepEqual(warnings(april, "transfer", { ...input, on: "2026-05-04" }), []);
    assert.deepEqual(warnings(april, "transfer", { ...input, on: "2026-05-05" }), ["TRANSFER_LATE"]);
  });

  test("the denouncer must be told; not an anonymous one", () => {
    assert.deepEqual(blockedCodes(p, "transfer", { ...input, notifyWriter: false }), ["NOTIFY_DENOUNCER_REQUIRED"]);
    const anon = { ...p, anonymous: true, eligibility: { anonymousDenunciationException: true } as never };
    assert.deepEqual(blockedCodes(anon, "transfer", { ...input, notifyWriter: false }), []);
  });

  test("the date of the transfer cannot precede receipt", () => {
    assert.deepEqual(blockedCodes(p, "transfer", { ...input, on: "2026-02-27" }), ["ON_BEFORE_RECEIPT"]);
  });
});

describe("return to the forwarding body (Mẫu 04)", () => {
  test("a complaint forwarded by another body, outside competence, is returned, not guided", () => {
    const p = petition(
      { kind: "complaint", competence: "not_within" },
      {
        channel: "transferred",
        forwardedBy: {
          agencyName: "Ban Tiếp công dân Trung ương",
          documentNumber: "12/BTCD",
          documentDate: "2026-02-20",
        },
      },
    );
    assert.deepEqual(allowed(p), ["return_to_sender_body", "archive"]);
    assert.deepEqual(blockedCodes(p, "guide", { on: "2026-03-05", targetBody: "X" }), ["FORWARDED_USE_RETURN"]);
  });

  test("a petition the citizen sent is never returned", () => {
    const p = petition({ kind: "complaint", competence: "not_within" }, { channel: "post" });
    assert.deepEqual(blockedCodes(p, "return_to_sender_body"), ["NOT_FORWARDED"]);
    const refused = allowedOutcomes(p).notAllowed.find((o) => o.outcome === "return_to_sender_body");
    assert.match(refused?.reasons[0] ?? "", /Chỉ trả lại đơn do cơ quan, tổ chức, đơn vị khác chuyển đến/);
  });

  test("voters' petitions forwarded by an elected body can be returned too", () => {
    const p = petition({ kind: "recommendation", competence: "not_within" }, { channel: "elected_body" });
    assert.deepEqual(allowed(p), ["return_to_sender_body", "transfer", "archive"]);
  });
});

describe("anonymous denunciations (Điều 25 Luật Tố cáo 2018)", () => {
  test("with evidence, within competence: propose a check, not an acceptance", () => {
    const p = petition(
      { kind: "denunciation" },
      { anonymous: true, eligibility: { anonymousDenunciationException: true } as never },
    );
    assert.deepEqual(allowed(p), ["propose_check", "archive"]);
    assert.deepEqual(blockedCodes(p, "propose_acceptance"), ["HIDDEN_WRITER"]);
    assert.equal(formFor("propose_check", "denunciation"), null);
    assert.deepEqual(allowedArchiveReasons(p), ["duplicate", "already_resolved"]);
  });

  test("with evidence, outside competence: transfer", () => {
    const p = petition(
      { kind: "denunciation", competence: "not_within" },
      { anonymous: true, eligibility: { anonymousDenunciationException: true } as never },
    );
    assert.deepEqual(allowed(p), ["transfer", "archive"]);
  });

  test("without evidence: not eligible, filed", () => {
    const p = petition(
      { kind: "denunciation" },
      { status: "NOT_ELIGIBLE", anonymous: true, eligibility: { anonymousDenunciationException: false } as never },
    );
    assert.deepEqual(allowed(p), ["archive"]);
    assert.deepEqual(allowedArchiveReasons(p), [
      "not_eligible",
      "anonymous_without_evidence",
      "duplicate",
      "already_resolved",
    ]);
    assert.deepEqual(blockedCodes(p, "archive", { on: "2026-03-05", reason: "anonymous_without_evidence" }), []);
    assert.deepEqual(blockedCodes(p, "propose_check"), ["WRONG_STATE"]);
  });
});

describe("archive (lưu đơn): each reason", () => {
  const on = "2026-03-05";

  test("not eligible: only for a petition found not eligible", () => {
    const notEligible = petition({ kind: "complaint" }, { status: "NOT_ELIGIBLE" });
    assert.deepEqual(blockedCodes(notEligible, "archive", { on, reason: "not_eligible" }), []);
    assert.deepEqual(
      blockedCodes(petition({ kind: "complaint", complaintAcceptable: true }), "archive", {
        on,
        reason: "not_eligible",
      }),
      ["ARCHIVE_REASON_MISMATCH"],
    );
  });

  test("duplicate: names the petition already handled", () => {
    const p = petition({ kind: "feedback" });
    assert.deepEqual(blockedCodes(p, "archive", { on, reason: "duplicate" }), ["DUPLICATEOF_REQUIRED"]);
    assert.deepEqual(blockedCodes(p, "archive", { on, reason: "duplicate", duplicateOf: "Đ-2026-0042" }), []);
  });

  test("anonymous without evidence: not for an identified writer, nor with evidence", () => {
    assert.deepEqual(
      blockedCodes(petition({ kind: "denunciation" }), "archive", { on, reason: "anonymous_without_evidence" }),
      ["ARCHIVE_REASON_MISMATCH"],
    );
    const withEvidence = petition(
      { kind: "denunciation" },
      { anonymous: true, eligibility: { anonymousDenunciationException: true } as never },
    );
    const problems = checkOutcome(withEvidence, "archive", { on, reason: "anonymous_without_evidence" });
    assert.match(problems[0]?.message ?? "", /có chứng cứ cụ thể và cơ sở xác minh/);
  });

  test("already resolved: needs the decision, not with new evidence, not for feedback", () => {
    const resolved = petition({ kind: "complaint", alreadyResolved: true });
    assert.deepEqual(blockedCodes(resolved, "archive", { on, reason: "already_resolved" }), ["RESOLVEDBY_REQUIRED"]);
    assert.deepEqual(
      blockedCodes(resolved, "archive", {
        on,
        reason: "already_resolved",
        resolvedBy: "QĐ số 45/QĐ-UBND ngày 12/08/2025",
      }),
      [],
    );
    assert.deepEqual(blockedCodes(resolved, "propose_acceptance"), [
      "ALREADY_RESOLVED",
      "COMPLAINT_ACCEPTABILITY_UNKNOWN",
    ]);
    const fresh = petition({ kind: "denunciation", alreadyResolved: true, newEvidence: true });
    assert.deepEqual(blockedCodes(fresh, "archive", { on, reason: "already_resolved", resolvedBy: "KL 3/KL-TTr" }), [
      "ARCHIVE_REASON_MISMATCH",
    ]);
    assert.deepEqual(blockedCodes(fresh, "propose_acceptance"), []);
    assert.deepEqual(
      blockedCodes(petition({ kind: "feedback" }), "archive", { on, reason: "already_resolved", resolvedBy: "x" }),
      ["ARCHIVE_REASON_MISMATCH"],
    );
  });

  test("a missing reason", () => {
    assert.deepEqual(blockedCodes(petition({ kind: "feedback" }), "archive", { on }), ["ARCHIVE_REASON_REQUIRED"]);
  });
});

describe("retention (1 year) and destruction by decision", () => {
  const filed = petition(
    { kind: "complaint" },
    { status: "FILED", filedOn: "2025-03-10", archiveReason: "not_eligible" },
  );
  const decision = { decisionNumber: "01/QĐ-TTr", decidedBy: "Chánh Thanh tra" };

  test("filed Mon 10/03/2025: kept until Tue 10/03/2026", () => {
    assert.equal(retentionUntil("2025-03-10", calendar), "2026-03-10");
  });

  test("destruction only after the retention year, by the head's decision", () => {
    assert.deepEqual(
      checkDestruction(filed, { ...decision, decisionDate: "2026-03-10" }, { calendar }).map((p) => p.code),
      ["RETENTION_NOT_OVER"],
    );
    assert.deepEqual(checkDestruction(filed, { ...decision, decisionDate: "2026-03-11" }, { calendar }), []);
    assert.deepEqual(
      checkDestruction(filed, { decisionNumber: "", decidedBy: "", decisionDate: "2026-04-01" }, { calendar }).map(
        (p) => p.code,
      ),
      ["DECISION_NUMBER_REQUIRED", "DECIDED_BY_REQUIRED"],
    );
    const r = petitionTransition(filed, { action: "destroy", ...decision, decisionDate: "2026-03-11" }, { calendar });
    assert.deepEqual([r.ok, r.to], [true, "DESTROYED"]);
  });

  test("the decision may be drafted from the day after the retention year, for a filed petition only", () => {
    assert.deepEqual(
      checkDestructionDraft(filed, "2026-03-10", { calendar }).map((p) => p.code),
      ["RETENTION_NOT_OVER"],
    );
    assert.deepEqual(checkDestructionDraft(filed, "2026-03-11", { calendar }), []);
    const open = petition({ kind: "complaint" }, { status: "AWAITING_FEEDBACK" });
    assert.deepEqual(
      checkDestructionDraft(open, "2027-01-01", { calendar }).map((p) => p.code),
      ["WRONG_STATE"],
    );
    const undated = petition({ kind: "complaint" }, { status: "FILED", filedOn: null });
    assert.deepEqual(
      checkDestructionDraft(undated, "2027-01-01", { calendar }).map((p) => p.code),
      ["FILED_ON_MISSING"],
    );
  });
});

describe("multi-content petitions (Mẫu 07)", () => {
  test("several bodies: guide the writer to split; nothing else", () => {
    const p = petition({ kind: "multi_content", contentKinds: ["complaint", "denunciation"], severalBodies: true });
    assert.deepEqual(allowed(p), ["guide_multi", "archive"]);
    assert.deepEqual(blockedCodes(p, "guide_multi", { on: "2026-03-05", targetBodies: [] }), ["TARGETBODIES_REQUIRED"]);
    assert.deepEqual(blockedCodes(p, "transfer"), ["MULTI_CONTENT", "TARGETBODY_REQUIRED"]);
    assert.equal(formFor("guide_multi", "multi_content"), "TT05-07");
  });

  test("one body: reclassify by content instead", () => {
    const p = petition({ kind: "multi_content", severalBodies: false });
    assert.deepEqual(blockedCodes(p, "guide_multi", { on: "2026-03-05", targetBodies: ["UBND xã"] }), [
      "NOT_SEVERAL_BODIES",
    ]);
  });

  test("guided once counts for multi-content guidance too", () => {
    const p = petition(
      { kind: "multi_content", severalBodies: true },
      { sameContentHistory: [{ petitionId: "A", outcome: "guide_multi", on: "2026-01-05" }] },
    );
    assert.deepEqual(blockedCodes(p, "guide_multi", { on: "2026-03-05", targetBodies: ["UBND xã"] }), [
      "ALREADY_GUIDED",
    ]);
  });
});

describe("the rest of the state machine", () => {
  test("register, classify, assess", () => {
    const received = petition({ kind: "complaint" }, { status: "RECEIVED", classification: null });
    assert.deepEqual(petitionTransition(received, { action: "register" }), {
      ok: true,
      to: "REGISTERED",
      problems: [],
    });
    const registered = { ...received, status: "REGISTERED" as const };
    const bad = petitionTransition(registered, {
      action: "classify",
      classification: { kind: "complaint", competence: "within", fieldCode: "CT.KHONG_CO" },
    });
    assert.deepEqual(
      bad.problems.map((p) => [p.code, p.field]),
      [["FIELD_UNKNOWN", "fieldCode"]],
    );
    const classified = petitionTransition(registered, {
      action: "classify",
      classification: { kind: "denunciation", competence: "within", fieldCode: "CT.XANG_DAU" },
    });
    assert.equal(classified.to, "CLASSIFIED");

    const anon = petition({ kind: "denunciation" }, { status: "CLASSIFIED", anonymous: true });
    const open = petitionTransition(anon, {
      action: "assess",
      answers: { language: true, denunciation_subject: true },
    });
    assert.equal(open.ok, false);
    assert.deepEqual(
      open.problems.map((p) => p.field),
      [
        "answers.denunciation_act",
        "answers.anonymous_wrongdoer_identified",
        "answers.anonymous_concrete_evidence",
        "answers.anonymous_verifiable",
      ],
    );
    const noEvidence = petitionTransition(anon, {
      action: "assess",
      answers: {
        language: true,
        denunciation_subject: true,
        denunciation_act: true,
        anonymous_concrete_evidence: false,
      },
    });
    assert.deepEqual(
      [noEvidence.ok, noEvidence.to, noEvidence.eligibility?.archiveReason],
      [true, "NOT_ELIGIBLE", "anonymous_without_evidence"],
    );
  });

  test("an outcome through the table; after the outcome, the follow-up steps", () => {
    const p = petition({ kind: "denunciation", competence: "not_within" });
    const r = petitionTransition(
      p,
      {
        action: "outcome",
        input: { outcome: "transfer", on: "2026-03-04", targetBody: "Thanh tra tỉnh", notifyWriter: true },
      },
      { calendar },
    );
    assert.deepEqual([r.ok, r.to], [true, "TRANSFERRED"]);
    assert.equal(OUTCOMES.transfer.to, "TRANSFERRED");

    const transferred = {
      ...p,
      status: "TRANSFERRED" as const,
      outcome: { outcome: "transfer" as const, on: "2026-03-04" },
    };
    assert.deepEqual(
      petitionTransition(transferred, { action: "dispatch", documentNumber: "", sentOn: "2026-03-03" }).problems.map(
        (x) => x.code,
      ),
      ["DOCUMENT_NUMBER_REQUIRED", "SENT_BEFORE_DECISION"],
    );
    assert.equal(
      petitionTransition(transferred, { action: "dispatch", documentNumber: "45/PC-TTr", sentOn: "2026-03-05" }).to,
      "AWAITING_FEEDBACK",
    );
    const waiting = { ...transferred, status: "AWAITING_FEEDBACK" as const, dispatchedOn: "2026-03-05" };
    assert.equal(petitionTransition(waiting, { action: "urge", on: "2026-03-30" }).to, "AWAITING_FEEDBACK");
    assert.deepEqual(
      petitionTransition(waiting, { action: "urge", on: "2026-03-01" }).problems.map((x) => x.code),
      ["URGE_BEFORE_SINCE"],
    );
    assert.equal(
      petitionTransition(waiting, {
        action: "record_feedback",
        receivedOn: "2026-04-02",
        result: "Đã thụ lý giải quyết",
      }).to,
      "CLOSED_TRANSFERRED",
    );
    assert.deepEqual(
      petitionTransition(waiting, { action: "accept", decisionNumber: "1", decisionDate: "2026-04-01" }).problems.map(
        (x) => x.code,
      ),
      ["WRONG_STATE"],
    );
  });
});

describe("deadlines and urging", () => {
  test("time limits running on a denunciation outside competence, before its outcome", () => {
    const p = petition({ kind: "denunciation", competence: "not_within" }, { status: "ELIGIBLE", channel: "press" });
    assert.deepEqual(
      petitionDeadlines(p).map((d) => d.rule),
      ["petition.handle", "denunciation.initial", "denunciation.transfer", "denunciation.forwarded.reply"],
    );
    assert.deepEqual(
      petitionDeadlines(petition({ kind: "complaint" })).map((d) => d.rule),
      ["petition.handle", "complaint.accept"],
    );
  });

  test("awaiting answers: a transferred denunciation overdue, a guided complaint not yet", () => {
    const denunciation = petition(
      { kind: "denunciation", competence: "not_within" },
      {
        id: "A",
        status: "AWAITING_FEEDBACK",
        outcome: { outcome: "transfer", on: "2026-03-02" },
        dispatchedOn: "2026-03-02",
        urgedOn: ["2026-03-20"],
      },
    );
    const guided = petition(
      { kind: "complaint", competence: "not_within" },
      { id: "B", status: "GUIDED", outcome: { outcome: "guide", on: "2026-03-04" } },
    );
    const closed = petition({ kind: "feedback" }, { id: "C", status: "RESOLVED_REPLY" });
    const list = awaitingAnswers([guided, closed, denunciation], "2026-03-25", { calendar });
    // Denunciation: 20 days from 02/03 = Sun 22/03 → Mon 23/03. Guidance: 30 days from 04/03 = Fri 03/04.
    assert.deepEqual(
      list.map((a) => [a.petitionId, a.since, a.daysWaiting, a.urgeCount, a.lastUrgedOn, a.replyDue, a.overdue]),
      [
        ["A", "2026-03-02", 23, 1, "2026-03-20", "2026-03-23", true],
        ["B", "2026-03-04", 21, 0, null, "2026-04-03", false],
      ],
    );
  });
});
