import assert from "node:assert/strict";
import { test } from "node:test";
import {
  maskVisitTexts,
  maySeeVisitIdentity,
  REDACTION_MASK,
  visitIdentityProtected,
  visitRedactionSubjects,
  withoutMasks,
} from "../src/index.ts";
import { createVisitBody } from "../src/api/reception.ts";

test("only a denunciation protects the people of a visit", () => {
  assert.equal(visitIdentityProtected("denunciation"), true);
  for (const kind of ["complaint", "recommendation", "feedback", "multi_content", null, undefined]) {
    assert.equal(visitIdentityProtected(kind), false, String(kind));
  }
});

test("a denouncer is seen by the receiving officer and the case's assignees, nobody else", () => {
  const facts = { contentKind: "denunciation", isReceiver: false, assignedToCase: false };
  assert.equal(maySeeVisitIdentity(facts), false, "a leader, a reader, a handler");
  assert.equal(maySeeVisitIdentity({ ...facts, isReceiver: true }), true);
  assert.equal(maySeeVisitIdentity({ ...facts, assignedToCase: true }), true);
  assert.equal(maySeeVisitIdentity({ ...facts, contentKind: "complaint" }), true, "a complainant is not protected");
});

test("the texts of a visit are masked for every visitor and representative, contacts by their shape too", () => {
  const visitors = [
    {
      fullName: "Hoàng Thị Nguyệt",
      address: "Số 12 đường Hoàng Liên, phường Cốc Lếu, tỉnh Lào Cai",
      identity: { kind: "cccd" as const, number: "010175004321" },
      phone: "0912 345 678",
      email: "nguyet.hoang@example.vn",
    },
    { fullName: "Lò Văn Pá", address: "" },
  ];
  const representatives = [{ fullName: "Lò Văn Pá", idNumber: "063123456" }];
  assert.equal(visitRedactionSubjects(visitors, representatives).length, 3);
  const masked = maskVisitTexts(
    {
      contentSummary:
        "Bà Hoàng Thị Nguyệt (CCCD 010 175 004 321), ở Số 12 đường Hoàng Liên, phường Cốc Lếu, tỉnh Lào Cai, " +
        "điện thoại +84 912 345 678, cùng ông Lò Văn Pá tố cáo ông Lý Văn Cường nhận tiền.",
      notes: "Liên hệ nguyet.hoang@example.vn hoặc số khác 0987.654.321, thư khac@example.com.",
      followUp: null,
      documentsReceived: [{ name: "Đơn tố cáo của bà Hoàng Thị Nguyệt", pages: 2 }],
    },
    visitors,
    representatives,
  );
  const all = JSON.stringify(masked);
  for (const secret of [/Nguyệt/, /004 ?321/, /Hoàng Liên/, /345 ?678/, /nguyet\.hoang/, /Lò Văn Pá/, /654/, /khac@/]) {
    assert.doesNotMatch(all, secret);
  }
  assert.match(masked.contentSummary, /Lý Văn Cường nhận tiền/, "the matter stays readable");
  assert.equal(masked.followUp, null);
  assert.equal(masked.documentsReceived[0]!.pages, 2);
  assert.ok(masked.contentSummary.includes(REDACTION_MASK));
  assert.ok(!withoutMasks(masked.contentSummary).includes(REDACTION_MASK));
});

test("a visitor's phone and e-mail are optional and checked like a petitioner's", () => {
  const body = (visitor: Record<string, unknown>) => ({
    kind: "regular",
    receivedOn: "2026-03-10",
    receiverName: "Trần Thị Hoa",
    visitors: [
      {
        fullName: "Nguyễn Văn Bình",
        address: "Lào Cai",
        identity: { kind: "cmnd", number: "063123456" },
        ...visitor,
      },
    ],
    peopleCount: 1,
  });
  assert.equal(createVisitBody.safeParse(body({})).success, true);
  const ok = createVisitBody.safeParse(body({ phone: "+84 912 345 678", email: "binh@example.vn" }));
  assert.equal(ok.success, true);
  const phone = createVisitBody.safeParse(body({ phone: "gọi sau" }));
  assert.equal(phone.success, false);
  assert.equal(phone.error?.issues[0]?.path.join("."), "visitors.0.phone");
  const email = createVisitBody.safeParse(body({ email: "binh@" }));
  assert.equal(email.error?.issues[0]?.path.join("."), "visitors.0.email");
});
