/** Intake of petitions: tax codes, channels, fields, forms, and the API schemas. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { applyOutcomeBody, classifyPetitionBody, createPetitionBody, petitionListQuery } from "../src/api/petitions.ts";
import { firstIssue } from "../src/api/zod-vi.ts";
import {
  CHANNELS,
  fieldByCode,
  isForwardedChannel,
  PETITION_FIELD_CODES,
  PETITION_FIELDS,
  PETITION_FORMS,
  taxCodeCheckDigit,
  validateTaxCode,
} from "../src/petitions/index.ts";

describe("tax codes (mã số thuế)", () => {
  test("real codes pass: 0100109106, 0300588569, 0100112437", () => {
    for (const code of ["0100109106", "0300588569", "0100112437"]) assert.ok(validateTaxCode(code).ok, code);
  });

  test("check digit worked by hand: 0100109106", () => {
    // 0·31 + 1·29 + 0·23 + 0·19 + 1·17 + 0·13 + 9·7 + 1·5 + 0·3 = 114; 114 mod 11 = 4; 10 − 4 = 6.
    assert.equal(taxCodeCheckDigit("010010910"), 6);
  });

  test("a wrong check digit", () => {
    const r = validateTaxCode("0100109107");
    assert.equal(r.ok, false);
    assert.equal(r.ok ? "" : r.code, "TAX_CODE_CHECK_DIGIT");
  });

  test("13-digit codes of dependent units, with or without the dash", () => {
    assert.deepEqual(validateTaxCode("0100109106-001"), {
      ok: true,
      taxCode: "0100109106-001",
      base: "0100109106",
      branch: "001",
    });
    assert.deepEqual(validateTaxCode("0100109106001"), validateTaxCode("0100109106-001"));
    const zero = validateTaxCode("0100109106-000");
    assert.equal(zero.ok ? "" : zero.code, "TAX_CODE_BRANCH");
    const bad = validateTaxCode("010010910");
    assert.equal(bad.ok ? "" : bad.code, "TAX_CODE_FORMAT");
  });

  test("property: the computed check digit always validates, any other digit never", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 0, max: 9 }), (first9, digit) => {
        const expected = taxCodeCheckDigit(first9);
        fc.pre(expected !== undefined);
        assert.equal(validateTaxCode(`${first9}${digit}`).ok, digit === expected);
      }),
    );
  });
});

describe("catalogues", () => {
  test("fields: stable unique codes, Industry and Trade and general groups", () => {
    assert.equal(new Set(PETITION_FIELD_CODES).size, PETITION_FIELDS.length);
    for (const code of [
      "CT.DIEN_LUC",
      "CT.XANG_DAU",
      "CT.HOA_CHAT",
      "CT.AN_TOAN_THUC_PHAM",
      "CT.TAI_NGUYEN_NUOC_KHOANG_SAN",
      "CT.THUONG_MAI",
      "CT.QUAN_LY_THI_TRUONG",
      "CT.VAT_LIEU_NO_CONG_NGHIEP",
      "CT.CUM_CONG_NGHIEP",
      "HC.DAT_DAI",
      "HC.XAY_DUNG",
      "HC.TAI_CHINH",
      "HC.TO_CHUC_CAN_BO",
      "HC.CHINH_SACH_XA_HOI",
      "HC.TU_PHAP",
      "HC.KHAC",
    ]) {
      assert.ok(fieldByCode(code), code);
    }
    assert.equal(fieldByCode("CT.XANG_DAU")?.name, "Xăng dầu");
  });

  test("forms TT05-01 … TT05-07", () => {
    assert.deepEqual(Object.keys(PETITION_FORMS), [
      "TT05-01",
      "TT05-02",
      "TT05-03",
      "TT05-04",
      "TT05-05",
      "TT05-06",
      "TT05-07",
    ]);
    assert.equal(PETITION_FORMS["TT05-05"].basis, "Mẫu số 05 Phụ lục Thông tư 05/2021/TT-TTCP");
  });

  test("forwarded channels", () => {
    assert.deepEqual(
      Object.keys(CHANNELS).filter((c) => isForwardedChannel(c as never)),
      ["transferred", "elected_body", "press"],
    );
  });
});

describe("API: create a petition", () => {
  const body = {
    channel: "post",
    receivedOn: "2026-03-02",
    writtenOn: "2026-02-25",
    petitioners: [
      {
        kind: "person",
        fullName: "Nguyễn Văn An",
        address: "thôn 3, xã Bắc Hà, tỉnh Lào Cai",
        identity: { kind: "cccd", number: "010085012345" },
      },
    ],
    respondents: [{ name: "Cửa hàng xăng dầu Minh Phát" }],
    content: "Tố cáo cửa hàng bán xăng thiếu.",
  };

  test("a letter by post, with defaults", () => {
    const p = createPetitionBody.parse(body);
    assert.equal(p.anonymous, false);
    assert.equal(p.language, "vi");
    assert.deepEqual(p.attachments, []);
  });

  test("several signers, an organisation with a tax code", () => {
    const ok = createPetitionBody.safeParse({
      ...body,
      petitioners: [
        ...body.petitioners,
        { kind: "person", fullName: "Lê Thị Hoa", address: "xã Bắc Hà" },
        {
          kind: "organisation",
          name: "Công ty cổ phần Sữa Việt Nam",
          address: "TP Hồ Chí Minh",
          taxCode: "0300588569",
          representativeName: "Trần Văn Bình",
        },
      ],
    });
    assert.equal(ok.success, true);
    const wrongTax = createPetitionBody.safeParse({
      ...body,
      petitioners: [
        {
          kind: "organisation",
          name: "Công ty X",
          address: "Hà Nội",
          taxCode: "0300588560",
          representativeName: "Trần Văn Bình",
        },
      ],
    });
    assert.equal(firstIssue(wrongTax.error!).field, "petitioners.0.taxCode");
  });

  test("forwarded petitions carry the forwarding body, number and date", () => {
    const missing = createPetitionBody.safeParse({ ...body, channel: "transferred" });
    assert.deepEqual(firstIssue(missing.error!), {
      field: "forwardedBy",
      message: "forwardedBy: Đơn do cơ quan khác chuyển đến: ghi tên cơ quan, số và ngày văn bản chuyển đơn.",
    });
    const late = createPetitionBody.safeParse({
      ...body,
      channel: "elected_body",
      forwardedBy: {
        agencyName: "Văn phòng Đoàn ĐBQH và HĐND tỉnh Lào Cai",
        documentNumber: "88/VPĐĐBQH",
        documentDate: "2026-03-05",
      },
    });
    assert.equal(firstIssue(late.error!).field, "forwardedBy.documentDate");
    const stray = createPetitionBody.safeParse({
      ...body,
      forwardedBy: { agencyName: "X", documentNumber: "1", documentDate: "2026-03-01" },
    });
    assert.equal(firstIssue(stray.error!).field, "forwardedBy");
  });

  test("anonymous letters have no signers; others need one", () => {
    assert.equal(createPetitionBody.safeParse({ ...body, anonymous: true, petitioners: [] }).success, true);
    assert.equal(firstIssue(createPetitionBody.safeParse({ ...body, anonymous: true }).error!).field, "petitioners");
    assert.equal(firstIssue(createPetitionBody.safeParse({ ...body, petitioners: [] }).error!).field, "petitioners");
    assert.equal(
      firstIssue(createPetitionBody.safeParse({ ...body, anonymous: true, impersonated: true, petitioners: [] }).error!)
        .field,
      "impersonated",
    );
  });

  test("identity numbers of signers are checked like at the desk", () => {
    const r = createPetitionBody.safeParse({
      ...body,
      petitioners: [{ ...body.petitioners[0], identity: { kind: "cccd", number: "001485012345" } }],
    });
    assert.equal(firstIssue(r.error!).field, "petitioners.0.identity.number");
  });
});

describe("API: classify, apply an outcome, list", () => {
  test("classification uses the domain check", () => {
    const ok = classifyPetitionBody.safeParse({
      version: 3,
      kind: "denunciation",
      competence: "not_within",
      fieldCode: "CT.XANG_DAU",
      eligibilityAnswers: { language: true, anonymous_concrete_evidence: null },
    });
    assert.equal(ok.success, true);
    const multi = classifyPetitionBody.safeParse({
      version: 3,
      kind: "multi_content",
      competence: "within",
      fieldCode: "HC.DAT_DAI",
    });
    assert.deepEqual(
      multi.error!.issues.map((i) => i.path.join(".")),
      ["contentKinds", "severalBodies"],
    );
    const field = classifyPetitionBody.safeParse({
      version: 3,
      kind: "complaint",
      competence: "within",
      fieldCode: "XX",
    });
    assert.equal(firstIssue(field.error!).field, "fieldCode");
    assert.equal(
      classifyPetitionBody.safeParse({
        version: 3,
        kind: "complaint",
        competence: "within",
        fieldCode: "HC.DAT_DAI",
        eligibilityAnswers: { nope: true },
      }).success,
      false,
    );
  });

  test("outcome bodies: one shape per outcome, required fields named", () => {
    assert.equal(
      applyOutcomeBody.safeParse({
        version: 1,
        outcome: "transfer",
        on: "2026-03-05",
        targetBody: "Thanh tra tỉnh",
        notifyWriter: true,
      }).success,
      true,
    );
    const guide = applyOutcomeBody.safeParse({ version: 1, outcome: "guide", on: "2026-03-05", targetBody: " " });
    assert.deepEqual(firstIssue(guide.error!), {
      field: "targetBody",
      message: "targetBody: Ghi cơ quan có thẩm quyền mà người khiếu nại được hướng dẫn đến.",
    });
    const dup = applyOutcomeBody.safeParse({ version: 1, outcome: "archive", on: "2026-03-05", reason: "duplicate" });
    assert.equal(firstIssue(dup.error!).field, "duplicateOf");
    assert.equal(applyOutcomeBody.safeParse({ version: 1, outcome: "destroy", on: "2026-03-05" }).success, false);
    assert.equal(
      applyOutcomeBody.safeParse({
        version: 1,
        outcome: "transfer",
        on: "2026-03-05",
        targetBody: "X",
        notifyWriter: true,
        extra: 1,
      }).success,
      false,
    );
  });

  test("list query", () => {
    const q = petitionListQuery.parse({
      status: "ELIGIBLE,AWAITING_FEEDBACK",
      kind: "denunciation",
      overdue: "true",
      q: "Minh Phát",
      page: "2",
    });
    assert.deepEqual(q.status, ["ELIGIBLE", "AWAITING_FEEDBACK"]);
    assert.deepEqual(q.kind, ["denunciation"]);
    assert.equal(q.overdue, true);
    assert.equal(q.page, 2);
    assert.equal(q.sort, "receivedOn");
    assert.equal(petitionListQuery.safeParse({ channel: "pigeon" }).success, false);
    assert.equal(petitionListQuery.safeParse({ dueSoon: "maybe" }).success, false);
  });
});
