/** Masking a denouncer's personal data in free text, hand-checked examples. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { REDACTION_MASK as M, redactPersonalData } from "../src/text/redact.ts";

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
