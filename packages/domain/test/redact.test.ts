/** Masking a denouncer's personal data in free text, hand-checked examples. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { REDACTION_MASK as M, maskContacts, redactorFor, redactPersonalData } from "../src/text/redact.ts";

const denouncer = {
  name: "Vương Thị Thanh Xuân",
  address: "Tổ 5, phường Cam Đường, tỉnh Lào Cai",
  numbers: ["010195067890"],
  phone: "0912345678",
  email: "xuan.vt@example.vn",
};

test("name, address, number, phone and e-mail are masked wherever and however they are written", () => {
  const text =
    "Tôi tên là VƯƠNG THỊ THANH XUÂN, CCCD số 010 195 067 890, trú tại tổ 5 - phường Cam Đường, tỉnh Lào Cai; " +
    "điện thoại 0912.345.678, thư điện tử xuan.vt@example.vn. Chị Thanh Xuân xin giữ bí mật.";
  assert.equal(
    redactPersonalData(text, [denouncer]),
    `Tôi tên là ${M}, CCCD số ${M}, trú tại ${M}; điện thoại ${M}, thư điện tử ${M}. Chị ${M} xin giữ bí mật.`,
  );
});

test("accent-free spelling is found; the denounced person and other words are left alone", () => {
  const text = "Toi la vuong thi thanh xuan, to cao ong Ha Van Cuong nhan tien cua ho kinh doanh.";
  assert.equal(
    redactPersonalData(text, [denouncer]),
    `Toi la ${M}, to cao ong Ha Van Cuong nhan tien cua ho kinh doanh.`,
  );
});

test("only whole words: a name inside a longer word is not masked; nothing to mask leaves the text as it is", () => {
  assert.equal(redactPersonalData("Ông Anh Tuấn và ông Anh", [{ name: "An" }]), "Ông Anh Tuấn và ông Anh");
  assert.equal(redactPersonalData("Nội dung không nêu tên.", [denouncer]), "Nội dung không nêu tên.");
  assert.equal(redactPersonalData("Văn bản", []), "Văn bản");
});

test("several denouncers are all masked", () => {
  const text = "Chúng tôi gồm Lò Văn Pao và Giàng Thị Mỷ cùng tố cáo.";
  assert.equal(
    redactPersonalData(text, [{ name: "Lò Văn Pao" }, { name: "Giàng Thị Mỷ" }]),
    `Chúng tôi gồm ${M} và ${M} cùng tố cáo.`,
  );
});

test("punctuation and spaces outside ASCII separate words; letters outside Latin are part of them", () => {
  const text = "Người viết: “Lò\u00a0Văn – Pao”, và Lò Văn Paoσ, Lò Văn Pao.";
  assert.equal(redactPersonalData(text, [{ name: "Lò Văn Pao" }]), `Người viết: “${M}”, và Lò Văn Paoσ, ${M}.`);
});

// ---------------------------------------------------------------------------------------------------
// Known phones, numbers and e-mails, in the shapes people write them
// ---------------------------------------------------------------------------------------------------

test("a known phone stored as 0912345678 is found in every national and international shape", () => {
  for (const stored of ["0912345678", "+84912345678", "0912 345 678", "84 912 345 678"]) {
    const text =
      "Gọi +84 912 345 678, (+84) 912.345.678, +84912345678, 84 912 345 678, 0912 345 678, " +
      "0912.345.678, 0912-345-678 hoặc 091 234 5678.";
    assert.equal(
      redactPersonalData(text, [{ phone: stored }]),
      `Gọi ${M}, ${M}, ${M}, ${M}, ${M}, ${M}, ${M} hoặc ${M}.`,
      stored,
    );
  }
});

test("a known landline is found with its area code apart, in parentheses or international", () => {
  const text = "Máy bàn 0214 3 840 123, (0214) 3840123, +84 214 3840 123.";
  assert.equal(redactPersonalData(text, [{ phone: "02143840123" }]), `Máy bàn ${M}, ${M}, ${M}.`);
});

test("a known identity number is found grouped by spaces, dots or dashes", () => {
  const text = "CCCD 001 203 004 567; bản sao ghi 001.203.004.567 và 001-203-004-567.";
  assert.equal(redactPersonalData(text, [{ numbers: ["001203004567"] }]), `CCCD ${M}; bản sao ghi ${M} và ${M}.`);
});

test("a known tax code with its branch is found with or without the branch", () => {
  const text = "Hộ kinh doanh có mã 0101234567-001 (trụ sở chính 0101234567).";
  assert.equal(
    redactPersonalData(text, [{ numbers: ["0101234567-001"] }]),
    `Hộ kinh doanh có mã ${M} (trụ sở chính ${M}).`,
  );
});

test("a known e-mail is found in any case, between any punctuation, its @ written apart or as (at)", () => {
  const text = "Thư gửi <Xuan.VT@Example.VN>, (xuan.vt@example.vn); xuan.vt @ example.vn; xuan.vt(at)example.vn.";
  assert.equal(redactPersonalData(text, [{ email: "xuan.vt@example.vn" }]), `Thư gửi <${M}>, (${M}); ${M}; ${M}.`);
});

test("further phones and e-mails given later are masked like the first", () => {
  const text = "Số mới 0388 123 456, thư xuan.work@example.com.";
  assert.equal(
    redactPersonalData(text, [{ phones: ["0388123456"], emails: ["xuan.work@example.com"] }]),
    `Số mới ${M}, thư ${M}.`,
  );
});

// ---------------------------------------------------------------------------------------------------
// Known addresses, written partly or with other designators
// ---------------------------------------------------------------------------------------------------

test("the first part of an address, a residential group, is masked alone and with what follows it", () => {
  const text = "Tôi ở tổ 5 Cam Đường; thư gửi về Tổ 5, P. Cam Đường, T. Lào Cai; tổ dân phố số 5 có 40 hộ.";
  assert.equal(redactPersonalData(text, [denouncer]), `Tôi ở ${M}; thư gửi về ${M}; ${M} có 40 hộ.`);
});

test("a ward or a province alone is not masked: the letter is about them", () => {
  const text = "UBND phường Cam Đường, tỉnh Lào Cai không giải quyết; Tổ công tác số 5 đã đến; 5 người làm chứng.";
  assert.equal(redactPersonalData(text, [denouncer]), text);
});

test("a house number and street are masked with or without their designators, a bare street is not", () => {
  const writer = { address: "Số 12 đường Hoàng Liên, phường Cốc Lếu, tỉnh Lào Cai" };
  const text =
    "Nhà tôi ở số nhà 12, đường Hoàng Liên; nhà số 12 Hoàng Liên, P. Cốc Lếu, TP Lào Cai. " +
    "Đường Hoàng Liên ngập; dãy Hoàng Liên Sơn; UBND phường Cốc Lếu, tỉnh Lào Cai.";
  assert.equal(
    redactPersonalData(text, [writer]),
    `Nhà tôi ở ${M}; ${M}. Đường Hoàng Liên ngập; dãy Hoàng Liên Sơn; UBND phường Cốc Lếu, tỉnh Lào Cai.`,
  );
});

test("a house number written as its own part goes with the street after it, not alone", () => {
  const writer = { address: "Số 12, ngõ 34, đường Hoàng Liên, phường Cốc Lếu" };
  const text = "Ở số 12 ngõ 34 đường Hoàng Liên; ngõ 34 Hoàng Liên; Quyết định số 12/QĐ-UBND; Đội số 12.";
  assert.equal(redactPersonalData(text, [writer]), `Ở ${M}; ${M}; Quyết định số 12/QĐ-UBND; Đội số 12.`);
});

test("an address stored with abbreviations is found written in full, and the reverse", () => {
  const writer = { address: "Tổ 5, P. Cam Đường, TP Lào Cai" };
  const text = "Về tổ 5, phường Cam Đường, thành phố Lào Cai; UBND phường Cam Đường.";
  assert.equal(redactPersonalData(text, [writer]), `Về ${M}; UBND phường Cam Đường.`);
});

test("a numbered ward after a residential group needs its designator: 'tổ 5 5' is no address", () => {
  const writer = { address: "Tổ 12, Phường 5, Quận 3, Thành phố Hồ Chí Minh" };
  const text = "Ở tổ 12 phường 5 quận 3; tổ 12 có 5 hộ; Phường 5 họp.";
  assert.equal(redactPersonalData(text, [writer]), `Ở ${M}; ${M} có 5 hộ; Phường 5 họp.`);
});

test("a hamlet without a number is masked as written, its commune alone is not", () => {
  const writer = { address: "Thôn Cóc, xã Hợp Thành, thành phố Lào Cai" };
  const text = "Gia đình ở thôn Cóc, Hợp Thành; cán bộ xã Hợp Thành nhận tiền.";
  assert.equal(redactPersonalData(text, [writer]), `Gia đình ở ${M}; cán bộ xã Hợp Thành nhận tiền.`);
});

// ---------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------

test("a name's middle words dropped are not masked: 'Vương Xuân' could be anyone", () => {
  assert.equal(redactPersonalData("Ông Vương Xuân là cán bộ.", [denouncer]), "Ông Vương Xuân là cán bộ.");
});

test("a surname like Trương or Bàn does not stop the last-two-words rule; an organisation's name does", () => {
  assert.equal(
    redactPersonalData("Anh Văn Sinh và anh Thị Mai", [{ name: "Bàn Văn Sinh" }, { name: "Trương Thị Mai" }]),
    `Anh ${M} và anh ${M}`,
  );
  const company = { name: "Công ty TNHH Hoàng Liên" };
  assert.equal(
    redactPersonalData("Công ty TNHH Hoàng Liên ở đường Hoàng Liên.", [company]),
    `${M} ở đường Hoàng Liên.`,
  );
});

// ---------------------------------------------------------------------------------------------------
// What is masked by its shape alone, whoever it belongs to (Điều 47 Luật Tố cáo 2018: "other personal
// data" of a denouncer, such as a phone given at the desk or an e-mail written in the letter)
// ---------------------------------------------------------------------------------------------------

/** Each text masked by shape alone, as maskContacts and as a redactor that knows no one. */
function both(text: string): string {
  const alone = maskContacts(text);
  assert.equal(redactPersonalData(text, []), alone, "the same masking with no known subject");
  return alone;
}

test("unknown mobile phones in every grouping and with +84, 84, (+84) or +84 (0) are masked", () => {
  const text =
    "Gọi +84 388 123 456, (+84) 977.654.321, +84561234567, 84 912 345 678, 0868 123 456, " +
    "0912.345.678, 0706-123-456, 091 234 5678, (+84) 0912 345 678, +84 (0) 912 345 678, +84(0)912.345.678.";
  assert.equal(both(text), `Gọi ${M}, ${M}, ${M}, ${M}, ${M}, ${M}, ${M}, ${M}, ${M}, ${M}, ${M}.`);
});

test("unknown landlines with their area code apart, in parentheses or international are masked", () => {
  const text = "Máy bàn 0214 3 840 123, (0214) 3840123, +84 214 3840 123, 024.3825.1234, (024) 3825 1234.";
  assert.equal(both(text), `Máy bàn ${M}, ${M}, ${M}, ${M}, ${M}.`);
});

test("a phone right after a label, in parentheses or before a comma is masked without its punctuation", () => {
  assert.equal(both("SĐT:0912345678; ĐT (0912 345 678), Tel.0912345678."), `SĐT:${M}; ĐT (${M}), Tel.${M}.`);
});

test("several phones side by side are masked each, whatever separates them", () => {
  const text =
    "Số 0912345678 0987654321; 0912 345 678 0987 654 321; 0912345678-0987654321; 0912345678/0987654321; " +
    "năm 2024 0912345678.";
  assert.equal(both(text), `Số ${M} ${M}; ${M} ${M}; ${M}-${M}; ${M}/${M}; năm 2024 ${M}.`);
});

test("unknown 12-digit citizen identity numbers (CCCD) are masked, grouped or not", () => {
  const text = "Số 001203004567, 079 195 012 345, 001.203.004.567, 001-203-004-567, 0012 0300 4567.";
  assert.equal(both(text), `Số ${M}, ${M}, ${M}, ${M}, ${M}.`);
});

test("unknown 9-digit identity card numbers (CMND) are masked, unless money", () => {
  assert.equal(both("Ông Lò Văn Pao, 063123456, và bà Mỷ, 125 678 901."), `Ông Lò Văn Pao, ${M}, và bà Mỷ, ${M}.`);
});

test("a number announced as an identity paper, tax code or identifier is masked however grouped", () => {
  const text =
    "CCCD số 001 203 004 567; CMND: 12345678; chứng minh nhân dân số 063.123.456 do Công an cấp; " +
    "căn cước công dân 0012 0300 4567; mã số thuế 5300123456; MST: 0101234567-001; " +
    "số định danh cá nhân 001203004567; hộ chiếu số C1234567.";
  assert.equal(
    both(text),
    `CCCD số ${M}; CMND: ${M}; chứng minh nhân dân số ${M} do Công an cấp; ` +
      `căn cước công dân ${M}; mã số thuế ${M}; MST: ${M}; ` +
      `số định danh cá nhân ${M}; hộ chiếu số ${M}.`,
  );
});

test("an announcing word does not reach a date or money after it, nor across a sentence's end", () => {
  const text =
    "CCCD cấp ngày 12.05.2021 tại Hà Nội. Không có CCCD. Ngày 12.05.2024 ông đến; " +
    "tài liệu chứng minh ông nhận 150.000.000 đồng; mã số thuế đã nộp 123.456.789 đồng.";
  assert.equal(both(text), text);
});

test("unknown e-mails are masked in any case, inside any punctuation, with the @ apart or as (at)", () => {
  const text =
    "Thư: <Le.Thi.Hoa@Gmail.COM>, (hoa_lt@sub.example.vn); hoa.lt @ example.vn; hoa.lt(at)example.vn; " +
    "hoa [at] example [dot] vn; 0912345678@gmail.com.";
  assert.equal(both(text), `Thư: <${M}>, (${M}); ${M}; ${M}; ${M}; ${M}.`);
});

test("an @ without a domain is not an e-mail", () => {
  const text = "Gặp @Hoa trên mạng; tỷ lệ 5 @ 10; email: chưa có.";
  assert.equal(both(text), text);
});

test("money amounts are not masked: with a unit, after words of money, or round thousands", () => {
  const text =
    "Nhận 150.000.000 đồng, 1.500.000.000đ, 2,5 tỷ, 150 triệu, 123.456.789 VNĐ, 250000000 đồng, " +
    "12.000.000.000 đồng, 1.000.000.000; số tiền 123.456.789; trị giá 234.567.891; khoản 150.000.000.";
  assert.equal(both(text), text);
});

test("dates and years are not masked", () => {
  const text = "Ngày 12/05/2024, ngày 05 tháng 12 năm 2026, 05.12.2024, 12-05-2024, các năm 2020 2021 2022.";
  assert.equal(both(text), text);
});

test("article, decision and petition numbers are not masked", () => {
  const text =
    "Theo Điều 9 khoản 1 điểm a; văn bản số 123/QĐ-UBND; Quyết định số 1234/QĐ-UBND ngày 12/05/2024; " +
    "đơn LC.SCT-2026-000123; hồ sơ 000.00.23.H33-240512-0001; Công văn 0123/UBND-NC; " +
    "Quyết định 123456789/QĐ-UBND; bản án 12/2024/HS-ST; biển số 24A-123.45.";
  assert.equal(both(text), text);
});

test("land parcels, areas and percentages are not masked", () => {
  const text = "Thửa đất số 123, tờ bản đồ số 45, diện tích 1.250 m2, 12,5%, 100 %, lô 5 khu 3.";
  assert.equal(both(text), text);
});

test("a 9-digit number from 4 to 9, or a 10- or 12-digit one not starting with 0, is not an identity", () => {
  // Real CMND numbers begin with a province code from 01 to 38, CCCD numbers with 001 to 096.
  const text = "Mã 456789012, 5300123456, 123456789012 và 2026000123.";
  assert.equal(both(text), text);
});

test("numbers of 9 to 13 digits starting with 0 (tax codes, bank accounts) are masked", () => {
  assert.equal(both("Tài khoản 0011001234567 tại ngân hàng; mã 0101234567."), `Tài khoản ${M} tại ngân hàng; mã ${M}.`);
});

test("the known and the unknown are masked together in the same text", () => {
  const text =
    "Tôi là Vương Thị Thanh Xuân, số mới 0388 123 456, thư riêng xuan.home@gmail.com; " +
    "ông Hà Văn Cường (0977 654 321) nhận 150.000.000 đồng ngày 12/05/2024.";
  assert.equal(
    redactPersonalData(text, [denouncer]),
    // The respondent's phone is masked too: a masker that knows only what it was told would leak
    // a denouncer's phone given at the desk; a phone is never needed to read the content.
    `Tôi là ${M}, số mới ${M}, thư riêng ${M}; ông Hà Văn Cường (${M}) nhận 150.000.000 đồng ngày 12/05/2024.`,
  );
});

test("a redactor built once masks each of a letter's texts, the known and the unknown", () => {
  const redact = redactorFor([denouncer]);
  assert.equal(redact("Chị Thanh Xuân, 0912 345 678"), `Chị ${M}, ${M}`);
  assert.equal(redact("Liên hệ 0388.123.456"), `Liên hệ ${M}`);
  assert.equal(redact(""), "");
  assert.equal(redact("Không có gì."), "Không có gì.");
});

test("a long letter is masked the same wherever its data sit", () => {
  const paragraph = "Ông Hà Văn Cường nhận 150.000.000 đồng ngày 12/05/2024 theo Điều 9 khoản 1. ";
  const text = `${paragraph.repeat(60)}Liên hệ chị Thanh Xuân 0912 345 678. ${paragraph.repeat(60)}`;
  assert.equal(
    redactPersonalData(text, [denouncer]),
    `${paragraph.repeat(60)}Liên hệ chị ${M} ${M}. ${paragraph.repeat(60)}`,
  );
});
