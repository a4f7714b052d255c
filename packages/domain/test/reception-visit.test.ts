/** Reception visits: the state machine and its guards, the register (Mẫu số 03), the API schemas. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createVisitBody, handleVisitBody, updateVisitBody, visitListQuery } from "../src/api/reception.ts";
import { firstIssue } from "../src/api/zod-vi.ts";
import {
  allowedVisitActions,
  MASKED_DENOUNCER,
  REFUSAL_REASONS,
  REGISTER_COLUMNS,
  registerCells,
  toRegisterRow,
  visitTransition,
  type ReceptionVisit,
  type VisitHandling,
} from "../src/reception/index.ts";

function visit(overrides: Partial<ReceptionVisit> = {}): ReceptionVisit {
  return {
    kind: "regular",
    receivedOn: "2026-03-02",
    receiverName: "Phạm Thu Hà",
    visitors: [
      {
        fullName: "Nguyễn Văn An",
        address: "thôn 3, xã Bắc Hà, tỉnh Lào Cai",
        identity: { kind: "cccd", number: "010085012345" },
      },
    ],
    peopleCount: 1,
    representatives: [],
    contentSummary: "Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND",
    contentKind: "complaint",
    fieldCode: "HC.DAT_DAI",
    competence: "within",
    status: "OPEN",
    ...overrides,
  };
}

function handle(v: ReceptionVisit, handling: VisitHandling) {
  return visitTransition(v, { action: "handle", handling });
}

const codes = (r: { problems: { code: string; severity: string }[] }) =>
  r.problems.filter((p) => p.severity === "error").map((p) => p.code);

describe("OPEN → HANDLED", () => {
  test("accepted within competence", () => {
    const r = handle(visit(), { route: "accepted" });
    assert.deepEqual(r, { ok: true, to: "HANDLED", problems: [] });
  });

  test("accepted needs competence", () => {
    const r = handle(visit({ competence: "not_within" }), { route: "accepted" });
    assert.deepEqual(codes(r), ["ACCEPT_NEEDS_COMPETENCE"]);
    assert.equal(r.problems[0]?.field, "competence");
  });

  test("guided: target body required, document number a warning", () => {
    const v = visit({ competence: "not_within" });
    assert.deepEqual(codes(handle(v, { route: "returned_guided" })), ["TARGET_BODY_REQUIRED"]);
    const ok = handle(v, { route: "returned_guided", targetBody: "UBND tỉnh Lào Cai" });
    assert.equal(ok.ok, true);
    assert.deepEqual(
      ok.problems.map((p) => [p.code, p.severity]),
      [["DOCUMENT_NUMBER_MISSING", "warning"]],
    );
    assert.deepEqual(codes(handle(visit(), { route: "transferred", targetBody: "Sở Công Thương" })), [
      "WITHIN_COMPETENCE",
    ]);
  });

  test("refusal reason 3 needs the earlier resolved matter and the head's refusal notice", () => {
    const v = visit({ contentSummary: "" });
    const bare = handle(v, { route: "refused", refusal: { reason: 3 } });
    assert.deepEqual(codes(bare), ["REFUSAL_EARLIER_MATTER_REQUIRED", "REFUSAL_NOTICE_REQUIRED"]);
    assert.deepEqual(
      bare.problems.map((p) => p.field),
      ["handling.refusal.earlierMatterId", "handling.refusal.refusalNotice"],
    );
    assert.equal(bare.problems[0]?.basis, REFUSAL_REASONS[3].basis);
    const linked = handle(v, {
      route: "refused",
      refusal: {
        reason: 3,
        earlierMatterId: "VV-2024-118",
        refusalNotice: { number: "15/TB-UBND", date: "2025-11-20" },
      },
    });
    assert.deepEqual(linked, { ok: true, to: "HANDLED", problems: [] });
  });

  test("refusal reasons 1, 2 need nothing more; 4 needs the provision relied on; none is an error", () => {
    // A refused person need not have shown papers or stated the matter.
    const v = visit({ contentSummary: "", visitors: [{ fullName: "Không rõ", address: "" }] });
    assert.equal(handle(v, { route: "refused", refusal: { reason: 1 } }).ok, true);
    assert.equal(handle(v, { route: "refused", refusal: { reason: 2 } }).ok, true);
    assert.deepEqual(codes(handle(v, { route: "refused", refusal: { reason: 4 } })), ["REFUSAL_LEGAL_BASIS_REQUIRED"]);
    assert.deepEqual(codes(handle(v, { route: "refused" })), ["REFUSAL_REASON_REQUIRED"]);
  });

  test("identity papers: required, and checked, for an individual visit", () => {
    const none = handle(visit({ visitors: [{ fullName: "Lê Văn Bình", address: "xã Bắc Hà" }] }), {
      route: "accepted",
    });
    assert.deepEqual(codes(none), ["IDENTITY_REQUIRED"]);
    assert.equal(none.problems[0]?.field, "visitors.0.identity");
    const wrong = handle(
      visit({
        visitors: [
          { fullName: "Lê Văn Bình", address: "xã Bắc Hà", identity: { kind: "cccd", number: "099085012345" } },
        ],
      }),
      { route: "accepted" },
    );
    assert.deepEqual(codes(wrong), ["IDENTITY_CCCD_PLACE_CODE"]);
    assert.equal(wrong.problems[0]?.field, "visitors.0.identity.number");
  });

  test("authorised person without the authorisation paper", () => {
    const v = visit();
    const r = handle({ ...v, visitors: [{ ...v.visitors[0]!, capacity: "authorised" }] }, { route: "accepted" });
    assert.deepEqual(codes(r), ["AUTHORISATION_PAPER_REQUIRED"]);
    assert.equal(r.problems[0]?.field, "visitors.0.authorisationPaper");
  });

  test("periodic reception names the presiding head", () => {
    assert.deepEqual(codes(handle(visit({ kind: "periodic" }), { route: "accepted" })), ["PRESIDING_HEAD_REQUIRED"]);
    assert.equal(
      handle(visit({ kind: "periodic", presidingHead: "Chủ tịch UBND xã" }), { route: "accepted" }).ok,
      true,
    );
  });

  test("a group of 7 with a representative who is not a member", () => {
    const members = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"].map(
      (fullName) => ({
        fullName,
        address: "xã Bắc Hà",
      }),
    );
    const v = visit({
      visitors: [{ ...members[0]!, identity: { kind: "cccd", number: "010085012345" } }, ...members.slice(1)],
      peopleCount: 7,
      representatives: [{ fullName: "Nguyễn Văn An" }, { fullName: "Đỗ Văn Giang" }],
      writtenAppointment: true,
    });
    const r = handle(v, { route: "accepted" });
    assert.deepEqual(codes(r), ["REPRESENTATIVE_NOT_MEMBER"]);
    assert.equal(r.problems[0]?.field, "representatives.1");
  });

  test("a handled visit is not handled again", () => {
    const r = handle(visit({ status: "HANDLED", handling: { route: "accepted" } }), { route: "accepted" });
    assert.deepEqual(codes(r), ["WRONG_STATE"]);
  });
});

describe("HANDLED → FOLLOWED_UP", () => {
  test("follow-up needs text and a handled, not refused, visit", () => {
    const handled = visit({ status: "HANDLED", handling: { route: "accepted" } });
    assert.deepEqual(allowedVisitActions(handled), ["follow_up"]);
    assert.deepEqual(
      visitTransition(handled, { action: "follow_up", followUp: { followUp: "Đã có quyết định giải quyết" } }),
      {
        ok: true,
        to: "FOLLOWED_UP",
        problems: [],
      },
    );
    assert.deepEqual(codes(visitTransition(handled, { action: "follow_up", followUp: { followUp: " " } })), [
      "FOLLOW_UP_REQUIRED",
    ]);
    const refused = visit({ status: "HANDLED", handling: { route: "refused", refusal: { reason: 2 } } });
    assert.deepEqual(allowedVisitActions(refused), []);
    assert.deepEqual(codes(visitTransition(refused, { action: "follow_up", followUp: { followUp: "x" } })), [
      "REFUSED_NO_FOLLOW_UP",
    ]);
    assert.deepEqual(codes(visitTransition(visit(), { action: "follow_up", followUp: { followUp: "x" } })), [
      "WRONG_STATE",
    ]);
    assert.deepEqual(allowedVisitActions(visit()), ["handle"]);
  });
});

describe("register (Sổ tiếp công dân, Mẫu số 03)", () => {
  test("12 columns with their headers", () => {
    assert.deepEqual(
      REGISTER_COLUMNS.map((c) => c.header),
      [
        "STT",
        "Ngày tiếp",
        "Họ và tên - Địa chỉ",
        "Số CCCD/Hộ chiếu",
        "Nội dung vụ việc",
        "Phân loại đơn/Số người",
        "Cơ quan đã giải quyết",
        "Thụ lý để giải quyết",
        "Trả lại đơn và hướng dẫn",
        "Chuyển đơn đến cơ quan, tổ chức, đơn vị có thẩm quyền",
        "Theo dõi kết quả",
        "Ghi chú",
      ],
    );
    assert.deepEqual(
      REGISTER_COLUMNS.filter((c) => c.group).map((c) => c.number),
      [8, 9, 10],
    );
  });

  test("an individual complaint accepted", () => {
    const row = toRegisterRow(
      visit({
        status: "HANDLED",
        handling: { route: "accepted" },
        previousResolver: "UBND xã Bắc Hà",
        followUp: "Đang xác minh",
      }),
      17,
    );
    assert.deepEqual(registerCells(row), [
      17,
      "02/03/2026",
      "Nguyễn Văn An - thôn 3, xã Bắc Hà, tỉnh Lào Cai",
      "010085012345",
      "Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND",
      "Khiếu nại/1",
      "UBND xã Bắc Hà",
      "x",
      "",
      "",
      "Đang xác minh",
      "",
    ]);
  });

  test("a group of 8 guided, named by its representatives, with other papers", () => {
    const row = toRegisterRow(
      visit({
        visitors: [
          {
            fullName: "Trần Văn Bình",
            address: "xã Mường Khương",
            identity: { kind: "passport_vn", number: "C1234567" },
          },
          {
            fullName: "Lê Thị Cúc",
            address: "xã Mường Khương",
            identity: { kind: "other", number: "Giấy phép lái xe 123" },
          },
          { fullName: "Phạm Văn Dũng", address: "xã Mường Khương" },
        ],
        peopleCount: 8,
        representatives: [{ fullName: "Trần Văn Bình" }, { fullName: "Lê Thị Cúc" }],
        contentKind: "feedback",
        contentSummary: "Phản ánh hóa đơn tiền điện",
        competence: "not_within",
        status: "HANDLED",
        handling: { route: "returned_guided", targetBody: "Công ty Điện lực Lào Cai", documentNumber: "05/PHD" },
      }),
      2,
    );
    assert.equal(
      row.nameAddress,
      "Trần Văn Bình - xã Mường Khương; Lê Thị Cúc - xã Mường Khương (đại diện) và 6 người khác",
    );
    assert.equal(row.identity, "C1234567; Giấy tờ tùy thân khác: Giấy phép lái xe 123");
    assert.equal(row.classification, "Phản ánh/8");
    assert.equal(row.accepted, "");
    assert.equal(row.returnedGuided, "Hướng dẫn đến Công ty Điện lực Lào Cai; văn bản số 05/PHD");
    assert.equal(row.notes, "Đoàn đông người (8 người)");
  });

  test("transferred, and a refusal in the notes", () => {
    const transferred = toRegisterRow(
      visit({
        competence: "not_within",
        status: "HANDLED",
        handling: { route: "transferred", targetBody: "Sở Xây dựng", documentNumber: "77/PC" },
      }),
      3,
    );
    assert.equal(transferred.transferred, "Sở Xây dựng; văn bản số 77/PC");
    const refused = toRegisterRow(
      visit({
        status: "HANDLED",
        handling: {
          route: "refused",
          refusal: { reason: 3, earlierMatterId: "VV-1", refusalNotice: { number: "15/TB-UBND", date: "2025-11-20" } },
        },
      }),
      4,
    );
    assert.equal(
      refused.notes,
      "Từ chối tiếp công dân (khoản 3 Điều 9 Luật Tiếp công dân); Thông báo từ chối số 15/TB-UBND ngày 20/11/2025",
    );
  });

  test("a denouncer's name and papers are masked unless the caller may see them", () => {
    const v = visit({ contentKind: "denunciation", status: "HANDLED", handling: { route: "accepted" } });
    const masked = toRegisterRow(v, 1);
    assert.equal(masked.nameAddress, MASKED_DENOUNCER);
    assert.equal(masked.identity, "");
    const shown = toRegisterRow(v, 1, { maskDenouncerIdentity: false });
    assert.equal(shown.identity, "010085012345");
  });
});

describe("API schemas", () => {
  const body = {
    kind: "regular",
    receivedOn: "2026-03-02",
    receiverName: "Phạm Thu Hà",
    visitors: [{ fullName: "Nguyễn Văn An", address: "xã Bắc Hà", identity: { kind: "cccd", number: "010085012345" } }],
    peopleCount: 1,
    contentSummary: "Khiếu nại quyết định thu hồi đất",
    contentKind: "complaint",
    fieldCode: "HC.DAT_DAI",
    competence: "within",
  };

  test("a valid visit, with defaults", () => {
    const parsed = createVisitBody.parse(body);
    assert.deepEqual(parsed.representatives, []);
    assert.equal(parsed.visitors[0]?.capacity, "self");
  });

  test("the identity check gives the same message as the domain, on the same field", () => {
    const r = createVisitBody.safeParse({
      ...body,
      visitors: [{ ...body.visitors[0], identity: { kind: "cccd", number: "001085012345", birthYear: 1986 } }],
    });
    assert.equal(r.success, false);
    assert.deepEqual(firstIssue(r.error!), {
      field: "visitors.0.identity.number",
      message:
        "visitors.0.identity.number: Số căn cước ứng với năm sinh 1985 (chữ số thứ tư và hai chữ số tiếp theo) nhưng năm sinh đã khai là 1986.",
    });
  });

  test("group and refusal rules through the schema", () => {
    const group = createVisitBody.safeParse({
      ...body,
      peopleCount: 6,
      representatives: [{ fullName: "Nguyễn Văn An" }, { fullName: "Người Lạ" }],
      writtenAppointment: true,
    });
    assert.equal(firstIssue(group.error!).field, "representatives.1");
    const refusal = handleVisitBody.safeParse({ version: 1, handling: { route: "refused", refusal: { reason: 3 } } });
    assert.deepEqual(
      refusal.error!.issues.map((i) => i.path.join(".")),
      ["handling.refusal.earlierMatterId", "handling.refusal.refusalNotice"],
    );
    assert.equal(
      handleVisitBody.safeParse({ version: 1, handling: { route: "refused", refusal: { reason: 5 } } }).success,
      false,
    );
  });

  test("update: partial, group checked when its fields come together", () => {
    assert.equal(updateVisitBody.safeParse({ version: 2, notes: "Bổ sung" }).success, true);
    const bad = updateVisitBody.safeParse({
      version: 2,
      peopleCount: 12,
      visitors: body.visitors,
      representatives: [],
    });
    assert.equal(firstIssue(bad.error!).field, "representatives");
    assert.equal(updateVisitBody.safeParse({ version: 2, unknown: 1 }).success, false);
  });

  test("list query: comma lists, true/false, date order", () => {
    const q = visitListQuery.parse({ status: "OPEN,HANDLED", crowd: "false", from: "2026-01-01", to: "2026-03-31" });
    assert.deepEqual(q.status, ["OPEN", "HANDLED"]);
    assert.equal(q.crowd, false);
    assert.equal(q.sort, "receivedOn");
    assert.equal(visitListQuery.safeParse({ route: "accepted,lost" }).success, false);
    assert.equal(firstIssue(visitListQuery.safeParse({ from: "2026-04-01", to: "2026-03-01" }).error!).field, "to");
  });
});
