/**
 * The catalogue of legal texts and the periods taken from the law (docs/LAW.md). The expected
 * strings are the ones documents and rules printed before the catalogue existed, copied by hand:
 * deriving them must not change a word of a generated document.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_RULES } from "../src/deadlines/rules.ts";
import {
  ACTS,
  act,
  cite,
  citeInYear,
  formalCitation,
  inForce,
  lawOfDate,
  legalGround,
  numbered,
  type ActId,
} from "../src/law/acts.ts";
import {
  CASE_DUE_SOON_DAYS,
  DEFAULT_DUE_SOON_DAYS,
  DISTRICT_LEVEL_ENDS,
  districtLevelAllowed,
  PETITION_RETENTION_YEARS,
  retentionAnniversary,
  URGE_REPORT_WORKING_DAYS,
} from "../src/law/periods.ts";
import { DEFAULT_DUE_SOON_DAYS as FROM_LEGAL_CLOCK } from "../src/legal-clock.ts";

describe("the catalogue of legal texts", () => {
  test("each text once: ids match their keys, numbers are unique, dates are ordered", () => {
    const numbers = new Set<string>();
    for (const [id, a] of Object.entries(ACTS)) {
      assert.equal(a.id, id);
      assert.ok(!numbers.has(a.number), `${a.number} listed twice`);
      numbers.add(a.number);
      assert.match(a.signed, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(a.signed <= a.inForceFrom, `${id}: in force before it was signed`);
      if (a.inForceTo !== null) assert.ok(a.inForceFrom <= a.inForceTo, `${id}: ends before it starts`);
    }
  });

  test("a replacing text names the numbers it replaced; a replaced text in the catalogue has ended", () => {
    for (const a of Object.values(ACTS)) {
      for (const number of a.replaces) {
        const old = Object.values(ACTS).find((o) => o.number === number);
        if (old) assert.ok(old.inForceTo !== null && old.inForceTo < a.inForceFrom, `${a.id} replaces ${old.id}`);
      }
    }
    assert.deepEqual(act("TT05").replaces, ["07/2014/TT-TTCP"]);
    assert.deepEqual(act("ND124").replaces, ["75/2012/NĐ-CP"]);
  });

  test("the fields of one law and one circular", () => {
    assert.deepEqual(
      { ...act("LKN") },
      {
        id: "LKN",
        type: "Luật",
        number: "02/2011/QH13",
        issuer: "Quốc hội",
        title: "Khiếu nại",
        name: "Luật Khiếu nại",
        short: "Luật Khiếu nại 2011",
        signed: "2011-11-11",
        inForceFrom: "2012-07-01",
        inForceTo: null,
        replaces: [],
      },
    );
    assert.equal(
      act("TT05").name,
      "Thông tư quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh",
    );
    assert.equal(act("TT05").short, "Thông tư 05/2021/TT-TTCP");
  });

  test("in force: from its first day, up to and including its last", () => {
    assert.equal(inForce("LKN", "2012-06-30"), false);
    assert.equal(inForce("LKN", "2012-07-01"), true);
    assert.equal(inForce("LKN", "2026-12-06"), true);
    assert.equal(inForce("BLLD_2012", "2020-12-31"), true);
    assert.equal(inForce("BLLD_2012", "2021-01-01"), false);
    assert.equal(inForce("BLLD", "2021-01-01"), true);
  });
});

describe("the words printed, as they were before the catalogue", () => {
  test("short citations of rules and checks", () => {
    const expected: Partial<Record<ActId, string>> = {
      LKN: "Luật Khiếu nại 2011",
      LTC: "Luật Tố cáo 2018",
      LTCD: "Luật Tiếp công dân 2013",
      LTTR: "Luật Thanh tra 2025",
      LPCTN: "Luật Phòng, chống tham nhũng 2018",
      BLDS: "Bộ luật Dân sự 2015",
      BLLD: "Bộ luật Lao động 2019",
      BLLD_2012: "Bộ luật Lao động 2012",
      BLLD_1994: "Bộ luật Lao động 1994",
      ND124: "Nghị định 124/2020/NĐ-CP",
      ND31: "Nghị định 31/2019/NĐ-CP",
      ND130: "Nghị định 130/2020/NĐ-CP",
      TT04: "Thông tư 04/2021/TT-TTCP",
      TT05: "Thông tư 05/2021/TT-TTCP",
    };
    for (const [id, text] of Object.entries(expected)) assert.equal(cite(id as ActId), text);
  });

  test("documents: a law with its year, the 'Căn cứ' lines, the full citations", () => {
    assert.equal(citeInYear("LKN"), "Luật Khiếu nại năm 2011");
    assert.equal(citeInYear("LTC"), "Luật Tố cáo năm 2018");
    assert.equal(citeInYear("LTCD"), "Luật Tiếp công dân năm 2013");
    assert.equal(legalGround("LKN"), "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011");
    assert.equal(legalGround("LTC"), "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018");
    assert.equal(
      formalCitation("ND124"),
      "Nghị định số 124/2020/NĐ-CP ngày 19/10/2020 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại",
    );
    assert.equal(
      formalCitation("ND31"),
      "Nghị định số 31/2019/NĐ-CP ngày 10/4/2019 của Chính phủ quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo",
    );
    assert.equal(
      formalCitation("TT05"),
      "Thông tư số 05/2021/TT-TTCP ngày 01/10/2021 của Thanh tra Chính phủ quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh",
    );
    assert.equal(
      formalCitation("TT04"),
      "Thông tư số 04/2021/TT-TTCP ngày 01/10/2021 của Thanh tra Chính phủ quy định quy trình tiếp công dân",
    );
    assert.equal(formalCitation("ND30"), "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư");
    assert.equal(legalGround("ND124"), `Căn cứ ${formalCitation("ND124")}`);
    // The legal basis listed in a complaint case's documents writes the dates in words.
    assert.equal(lawOfDate("LKN"), "Luật Khiếu nại ngày 11 tháng 11 năm 2011");
    assert.equal(
      formalCitation("ND124", { inWords: true }),
      "Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại",
    );
    assert.equal(numbered("TT04"), "Thông tư số 04/2021/TT-TTCP");
  });

  test("dates as NĐ 30/2020 writes them: a 0 before days below 10 and before months 1 and 2", () => {
    // Bộ luật Lao động 1994 was passed on 23/06/1994: month 6 without a 0; 2012 on 18/06.
    assert.equal(legalGround("BLLD_1994"), "Căn cứ Bộ luật Lao động ngày 23 tháng 6 năm 1994");
    assert.equal(legalGround("LTCD"), "Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013");
    // 05/3/2020 and 01/10/2021 above; 29/9/2025 here.
    assert.equal(formalCitation("TT06_2025").includes("ngày 29/9/2025"), true);
  });

  test("the deadline rules take their start dates from the catalogue", () => {
    const first = (id: string) => DEFAULT_RULES.find((r) => r.id === id)!;
    assert.equal(first("complaint.accept").validFrom, "2012-07-01");
    assert.equal(first("denunciation.resolve").validFrom, "2019-01-01");
    assert.equal(first("inspection.conclusion.assign").validFrom, "2025-07-01");
    assert.equal(first("petition.followup.reply").validFrom, "2021-11-15");
    assert.equal(first("petition.retention").basis, "Điều 28 khoản 2 Thông tư 05/2021/TT-TTCP");
  });
});

describe("periods taken from the law", () => {
  test("'due soon': 3 days in lists, 7 calendar days on the cases' dashboard, one definition each", () => {
    assert.equal(DEFAULT_DUE_SOON_DAYS, 3);
    assert.equal(FROM_LEGAL_CLOCK, DEFAULT_DUE_SOON_DAYS);
    assert.equal(CASE_DUE_SOON_DAYS, 7);
  });

  test("retention: 1 year, the same day a year later, 29 February → 28 February", () => {
    assert.equal(PETITION_RETENTION_YEARS, 1);
    assert.equal(DEFAULT_RULES.find((r) => r.id === "petition.retention")!.length, 1);
    assert.equal(retentionAnniversary("2025-03-14"), "2026-03-14");
    assert.equal(retentionAnniversary("2024-02-29"), "2025-02-28");
    assert.equal(retentionAnniversary("2025-12-31"), "2026-12-31");
    // No roll-over here: 01/01/2026 is a holiday, the anniversary is still that day.
    assert.equal(retentionAnniversary("2025-01-01"), "2026-01-01");
  });

  test("district level: none from 01/07/2025", () => {
    assert.equal(DISTRICT_LEVEL_ENDS, "2025-07-01");
    assert.equal(districtLevelAllowed("2025-06-30"), true);
    assert.equal(districtLevelAllowed("2025-07-01"), false);
    assert.equal(districtLevelAllowed("2026-01-01"), false);
  });

  test("urging: the urged body reports within 10 working days", () => {
    assert.equal(URGE_REPORT_WORKING_DAYS, 10);
  });
});
