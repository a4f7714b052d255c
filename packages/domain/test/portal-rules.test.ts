import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import {
  checkFilingForm,
  competenceHint,
  suggestsAgency,
  formatReceiptCode,
  judgePow,
  leadingZeroBits,
  luhnCheckDigit,
  parsePowChallenge,
  parseReceiptCode,
  receiptCodeFrom,
} from "../src/portal/index.ts";

test("Luhn check digit: textbook cases", () => {
  // The ISO/IEC 7812 example: 7992739871 → 3.
  assert.equal(luhnCheckDigit("7992739871"), 3);
  // 15 ones: eight doubled to 2 (16) plus seven 1s (7) = 23 → 7.
  assert.equal(luhnCheckDigit("111111111111111"), 7);
  assert.equal(luhnCheckDigit("000000000000000"), 0);
  // Leading zeros do not change a Luhn sum: the same textbook number, padded to 15 digits.
  assert.equal(receiptCodeFrom("000007992739871"), "0000079927398713");
});

test("receipt codes: what is accepted and why a code is refused", () => {
  assert.deepEqual(parseReceiptCode(" 1111 1111 1111 1117 "), { ok: true, code: "1111111111111117" });
  assert.deepEqual(parseReceiptCode("1111-1111-1111-1117"), { ok: true, code: "1111111111111117" });
  const cases: [string, string, RegExp][] = [
    ["", "empty", /Nhập mã tra cứu/],
    ["1111 1111 1111 111", "length", /đúng 16 chữ số; mã vừa nhập có 15/],
    ["1111 1111 1111 11170", "length", /có 17/],
    ["1111 1111 1111 111O", "characters", /chỉ gồm chữ số/],
    ["1111111111111118", "checksum", /gõ nhầm một chữ số/],
    // Two neighbours swapped: 1117 → 1171 (digits 14 and 15 of 1111111111111171).
    ["1111111111111171", "checksum", /gõ nhầm/],
  ];
  for (const [input, reason, message] of cases) {
    const r = parseReceiptCode(input);
    assert.equal(r.ok, false, input);
    if (!r.ok) {
      assert.equal(r.reason, reason, input);
      assert.match(r.message, message);
    }
  }
  assert.equal(formatReceiptCode("1234567890123452"), "1234 5678 9012 3452");
});

test("proof of work: zero bits and the verdicts", () => {
  assert.equal(leadingZeroBits(new Uint8Array([0, 0, 0x80])), 16);
  assert.equal(leadingZeroBits(new Uint8Array([0, 0x0f])), 12);
  assert.equal(leadingZeroBits(new Uint8Array([0xff])), 0);
  assert.equal(leadingZeroBits(new Uint8Array([0, 0])), 16);
  const text = "v1.AAAAAAAAAAAAAAAAAAAAAA.8.2000.sssssssssssssssssssssss";
  const challenge = parsePowChallenge(text);
  assert.ok(challenge);
  assert.equal(challenge.bits, 8);
  assert.equal(challenge.expiresAt, 2000);
  assert.equal(challenge.signed, "v1.AAAAAAAAAAAAAAAAAAAAAA.8.2000");
  assert.equal(parsePowChallenge("v2.x.8.1.s"), null);
  assert.equal(parsePowChallenge("v1.AAAAAAAAAAAAAAAAAAAAAA.8.2000"), null);
  const base = { challenge, nonce: "5", signatureValid: true, now: 1000, minBits: 8 };
  assert.equal(judgePow({ ...base, hash: new Uint8Array([0, 0x7f]) }), "ok");
  assert.equal(judgePow({ ...base, hash: new Uint8Array([1, 0]) }), "wrong");
  assert.equal(judgePow({ ...base, now: 2001, hash: new Uint8Array([0, 0]) }), "expired");
  assert.equal(judgePow({ ...base, minBits: 9, hash: new Uint8Array([0, 0]) }), "too_easy");
  assert.equal(judgePow({ ...base, signatureValid: false, hash: new Uint8Array([0, 0]) }), "malformed");
  assert.equal(judgePow({ ...base, nonce: "x1", hash: new Uint8Array([0, 0]) }), "wrong");
  assert.equal(judgePow({ ...base, challenge: null, hash: null }), "malformed");
  // A real hash: sha256("abc") starts with 0xba (no zero bit).
  assert.equal(leadingZeroBits(createHash("sha256").update("abc").digest()), 0);
});

test("filing form: each problem names its field; a valid form becomes an intake body", () => {
  const bad = checkFilingForm({ kind: "complaint", filerType: "anonymous" }, "2026-12-07");
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    const byField = Object.fromEntries(bad.problems.map((p) => [p.field, p.message]));
    assert.match(byField.filerType!, /^Người gửi: chỉ đơn tố cáo/);
    assert.match(byField.anonymousAck!, /^Xác nhận đã đọc lưu ý/);
    assert.match(byField.agencyId!, /^Cơ quan nhận đơn: chọn/);
    assert.match(byField.content!, /^Nội dung đơn: nhập/);
    assert.match(byField.truthAck!, /^Cam đoan:/);
  }
  const anonymous = checkFilingForm(
    {
      kind: "denunciation",
      filerType: "anonymous",
      anonymousAck: "yes",
      truthAck: "yes",
      agencyId: "0b0e6a3c-5a5b-4c1e-9d7e-1f2a3b4c5d6e",
      content: "Tố cáo cán bộ X nhận tiền của cơ sở kinh doanh Y ngày 01/12/2026, có biên nhận kèm theo.",
      fullName: "Tên không được dùng",
    },
    "2026-12-07",
  );
  assert.equal(anonymous.ok, true);
  if (anonymous.ok) {
    assert.equal(anonymous.value.body.anonymous, true);
    assert.deepEqual(anonymous.value.body.petitioners, []);
    assert.equal(anonymous.value.body.channel, "online_portal");
    assert.equal(anonymous.value.body.receivedOn, "2026-12-07");
  }
  const org = checkFilingForm(
    {
      kind: "recommendation",
      filerType: "organisation",
      orgName: "Công ty TNHH Minh Phát",
      representativeName: "Đỗ Văn Hải",
      address: "Số 1 đường Hoàng Liên, Lào Cai",
      agencyId: "0b0e6a3c-5a5b-4c1e-9d7e-1f2a3b4c5d6e",
      content: "Kiến nghị rút ngắn thời gian cấp giấy phép bán lẻ xăng dầu.",
      truthAck: "yes",
      phone: "abc",
    },
    "2026-12-07",
  );
  assert.equal(org.ok, false);
  if (!org.ok)
    assert.deepEqual(
      org.problems.map((p) => p.field),
      ["phone"],
    );
});

test("help by field: the agencies offered first", () => {
  const agencies = [
    { kind: "department", name: "Sở Công Thương tỉnh Lào Cai" },
    { kind: "department", name: "Sở Nông nghiệp và Môi trường tỉnh Lào Cai" },
    { kind: "commune_committee", name: "UBND xã Bắc Hà" },
    { kind: "province_inspectorate", name: "Thanh tra tỉnh Lào Cai" },
  ];
  const offered = (field: string) =>
    agencies.filter((a) => suggestsAgency(competenceHint(field)!, a)).map((a) => a.name);
  assert.deepEqual(offered("CT.XANG_DAU"), ["Sở Công Thương tỉnh Lào Cai"]);
  assert.deepEqual(offered("HC.DAT_DAI"), ["Sở Nông nghiệp và Môi trường tỉnh Lào Cai", "UBND xã Bắc Hà"]);
  assert.deepEqual(offered("HC.THAM_NHUNG"), ["Thanh tra tỉnh Lào Cai"]);
  assert.deepEqual(offered("HC.KHAC"), []);
  assert.equal(competenceHint(null), null);
});
