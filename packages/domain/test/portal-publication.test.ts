/** The publication window and the redaction check of published results, against hand-checked cases. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  checkPublicationStart,
  checkPublicationWindow,
  isVisibleOn,
  personalDataLeft,
  proposePublicText,
  PUBLIC_MASK,
  publicationKindOf,
  publicationMinEnd,
} from "../src/portal/publication.ts";

describe("publication window", () => {
  test("15 consecutive days, the day of publication counted: 01/03 → 15/03; across a month's end", () => {
    assert.equal(publicationMinEnd("2026-03-01"), "2026-03-15");
    assert.equal(publicationMinEnd("2026-02-20"), "2026-03-06"); // 9 days of February + 6 of March
  });

  test("a shorter window is refused naming the field and the first allowed day; a longer one holds", () => {
    const p = checkPublicationWindow("2026-03-01", "2026-03-14");
    assert.equal(p?.field, "visibleUntil");
    assert.match(p!.message, /ít nhất 15 ngày liên tục.*15\/03\/2026/);
    assert.equal(checkPublicationWindow("2026-03-01", "2026-03-15"), null);
    assert.equal(checkPublicationWindow("2026-03-01", "2026-04-30"), null);
    assert.match(checkPublicationWindow("2026-03-01", "2027-03-02")!.message, /không quá 366 ngày/);
    assert.match(checkPublicationWindow("2026-03-01", "2026-02-30")!.message, /không hợp lệ/);
  });

  test("a planned start: today or later, at most 90 days ahead; the window counted from it", () => {
    assert.equal(checkPublicationStart("2026-03-01", "2026-03-01"), null);
    assert.equal(checkPublicationStart("2026-05-30", "2026-03-01"), null); // 30 + 30 + 30 days
    const past = checkPublicationStart("2026-02-28", "2026-03-01");
    assert.equal(past?.field, "publishedOn");
    assert.match(past!.message, /không được trước hôm nay \(01\/03\/2026\)/);
    assert.match(checkPublicationStart("2026-05-31", "2026-03-01")!.message, /không quá 90 ngày/);
    assert.match(checkPublicationStart("2026-02-30", "2026-03-01")!.message, /không hợp lệ/);
    // Planned for 10/03: the least window runs through 24/03, not 15/03.
    assert.match(checkPublicationWindow("2026-03-10", "2026-03-20")!.message, /24\/03\/2026/);
    assert.equal(checkPublicationWindow("2026-03-10", "2026-03-24"), null);
  });

  test("shown from the day of publication through the last day, never once withdrawn", () => {
    const p = { publishedOn: "2026-03-01", visibleUntil: "2026-03-15", withdrawn: false };
    assert.equal(isVisibleOn(p, "2026-02-28"), false);
    assert.equal(isVisibleOn(p, "2026-03-01"), true);
    assert.equal(isVisibleOn(p, "2026-03-15"), true);
    assert.equal(isVisibleOn(p, "2026-03-16"), false);
    assert.equal(isVisibleOn({ ...p, withdrawn: true }, "2026-03-05"), false);
  });

  test("only decisions on complaints and conclusions are published", () => {
    assert.equal(publicationKindOf("KN-QD"), "complaint_decision");
    assert.equal(publicationKindOf("TC-KL"), "denunciation_conclusion");
    assert.equal(publicationKindOf("TTr-KL"), "inspection_conclusion");
    assert.equal(publicationKindOf("TC-TL"), null);
  });
});

describe("redaction of a published text", () => {
  const denouncer = {
    name: "Trần Thị Hoa",
    address: "Tổ 5, phường Cam Đường, tỉnh Lào Cai",
    numbers: ["010203004567"],
    phone: "0912345678",
  };
  const text =
    "Bà Trần Thị Hoa, trú tại tổ 5 Cam Đường, CCCD 010203004567, điện thoại 0912.345.678, tố cáo ông Lê Văn Nam " +
    "nhận 150.000.000 đồng của hộ dân phường Cam Đường.";

  test("the proposal masks the denouncer everywhere and leaves the denounced, money and the ward", () => {
    const out = proposePublicText(text, [denouncer]);
    assert.equal(
      out,
      `Bà ${PUBLIC_MASK}, trú tại ${PUBLIC_MASK}, CCCD ${PUBLIC_MASK}, điện thoại ${PUBLIC_MASK}, tố cáo ông Lê Văn Nam ` +
        "nhận 150.000.000 đồng của hộ dân phường Cam Đường.",
    );
    assert.deepEqual(personalDataLeft(out, [denouncer]), []);
  });

  test("what an officer typed back is found, however written", () => {
    const edited = `${proposePublicText(text, [denouncer])} Người tố cáo là TRAN THI HOA (sđt 0912 345 678).`;
    assert.deepEqual(personalDataLeft(edited, [denouncer]), ["TRAN THI HOA", "0912 345 678"]);
  });

  test("a phone nobody was told of is personal data by its shape", () => {
    assert.deepEqual(personalDataLeft("Liên hệ 0987654321 để biết thêm.", []), ["0987654321"]);
  });
});
