/**
 * The inspection forms (01/TTr, 02/TTr, 03/TTr) and the anti-corruption forms (01/PCTN, 02/PCTN,
 * 03/PCTN) computed from the records, on both databases. A small world of the Department of
 * Industry and Trade (LC.SCT), written as stored records, whose every cell below was counted by
 * hand. Periods under Thông tư 02/2021/TT-TTCP: Q1/2023 = 15/12/2022 – 14/03/2023,
 * Q2/2023 = 15/03/2023 – 14/06/2023, year 2023 = 15/12/2022 – 14/12/2023.
 *
 * Inspections (decided → conclusion signed; subjects; violations in đồng):
 *   I0 planned    2021-05-01 → 2021-09-01  S4            (its recommendation R7 is an earlier year's)
 *   I1 planned    2023-01-10 → 2023-04-20  S1, S2        S1: 1.500.000.000 + 234.567 đ; sanction 25/04 40.000.000 đ
 *   I2 ad hoc     2023-04-01 → —           S3
 *   I3 re-insp.   2023-05-05 → 2023-06-10  S4            S4: 120,5 m²
 *   I4 planned    2022-11-01 → 2023-02-01  S1
 *   I5 check      2023-03-20 → 2023-05-15  S2, S3        S2: 10.000.000 đ; sanctions 20/05 org 25.000.000, 20/06 ind 3.500.000
 *   I6 planned    not decided (a draft)                  never counted
 * Recommendations (concluded with the conclusion):
 *   R1 I1 recover_money 800.000.000, recovered 10/05 300.000.000 and 01/07 100.000.000
 *   R2 I1 discipline 1 collective 2 individuals;   R3 I1 investigation 1 matter 2 persons, done 01/06
 *   R4 I1 policy;   R5 I3 recover_land 120,5 m²
 *   R6 I4 recover_money 50.000.000, recovered 01/03 20.000.000 and 15/04 30.000.000, done 15/04
 *   R7 I0 recover_money 200.000.000, recovered 01/06/2023 123.456.789
 *   R8 I5 recover_money 7.000.000;   R9 I4 other_economic 5.000.000, closed by decision 02/05
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type {
  AcCaseChannel,
  InspectionRecommendationTable,
  InspectionSanctionTable,
  InspectionTable,
} from "../src/db/schema.ts";
import { docxText } from "./support/zip.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

const Q1 = { from: "2022-12-15", to: "2023-03-14" };
const Q2 = { from: "2023-03-15", to: "2023-06-14" };
const YEAR = { from: "2022-12-15", to: "2023-12-14" };

/** 01/TTr of LC.SCT for Q2/2023. */
const TTR01_Q2: Record<number, number> = {
  1: 1, //  carried over: I1 (decided 10/01, signed 20/04); I4 signed 01/02
  2: 2, //  decided in the period: I2, I3
  3: 3,
  4: 0, //  planned among them: none
  5: 1, //  ad hoc: I2
  6: 1, //  re-inspection: I3
  7: 2, //  conclusion signed in the period: I1, I3
  8: 1, //  in progress at 14/06: I2
  9: 3, //  subjects of I1 (2) and I3 (1)
  10: 2, // with violations: S1 (I1), S4 (I3)
  11: 1500.234567, // 1.500.234.567 đ of I1, in millions, exact
  12: 120.5, // I3's land
  13: 800, // R1
  14: 120.5, // R5
  15: 0,
  16: 1, // R2
  17: 2, // R2
  18: 1, // R3
  19: 2, // R3's two persons
  20: 1, // R4
  21: 1, // I1's sanction of 25/04
  22: 40,
};

/** 02/TTr of LC.SCT for Q2/2023: I5 alone. */
const TTR02_Q2: Record<number, number> = {
  1: 0,
  2: 1,
  3: 1,
  4: 1,
  5: 0,
  6: 2,
  7: 1,
  8: 1, // 20/05 (the 20/06 one is in Q3)
  9: 1,
  10: 0,
  11: 25,
  12: 7, // R8
};

/** 03/TTr of LC.SCT for Q2/2023. */
const TTR03_Q2: Record<number, number> = {
  1: 3, //  carried over: R6 (done 15/04), R7, R9 (closed 02/05)
  2: 6, //  new: R1, R2, R3, R4, R5, R8
  3: 9,
  4: 2, //  done: R3 (01/06), R6 (15/04)
  5: 1, //  closed: R9
  6: 6, //  open at 14/06: R1, R2, R4, R5, R7, R8
  7: 1037, // to recover, outstanding at 15/03: R6 30 + R7 200 + R1 800 + R8 7
  8: 453.456789, // recovered 15/03–14/06: 300 (R1) + 30 (R6) + 123,456789 (R7)
  9: 123.456789, // of which under conclusions before 15/12/2022: R7
  10: 120.5, // R5
  11: 0,
  12: 2, // R2's individuals
  13: 0,
  14: 1, // R3
};

/** 01/PCTN of LC.SCT for Q2/2023 (records listed in the world below). */
const PCTN01_Q2: Record<number, number> = {
  1: 1, //  D1 (D2 is in July)
  2: 3, //  sessions: T1 2 + T2 1
  3: 230, // 80 + 150
  4: 2, //  G1, G2
  5: 3.5, // 1.500.000 + 2.000.000 đ
  6: 2, //  O1, O2 due 30/04 (O3 removed)
  7: 1, //  O1's declaration of 20/04
  8: 2, //  V1, V2 concluded
  9: 1, //  V2 dishonest
  10: 2, // K1, K2 detected (K3 in Q1)
  11: 3, // K1 2 persons, K2 1
  12: 1, // K2 self-inspection
  13: 1, // K1 inspection
  14: 0,
  15: 0,
  16: 0,
  17: 48237, // 2.000.000.000 + 46.237.000.000 đ
  18: 0,
  19: 500,
  20: 0,
  21: 2, // transferred in the period: K1 (20/05), K3 (01/04)
  22: 3, // K1 2 + K3 1
  23: 1, // K1
  24: 2, // L2, L3 found
  25: 2, // L1, L3 remedied
  26: 0, // no rotation plan in this world (anticorruption-rotation.test.ts counts one by hand)
  27: 0,
  28: 0,
  29: 0,
};

function query(params: Record<string, string | boolean>) {
  return new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

const cellsOf = (expected: Record<number, number>) =>
  Object.fromEntries(Object.entries(expected).map(([col, n]) => [`tong.${col}`, n]));

for (const db of testDatabases()) {
  describe(`inspection and anti-corruption report forms (${db.kind})`, () => {
    let t: TestApp;
    let tonghop: TestClient;
    let sct = "";
    const ids = new Map<string, string>();

    before(async () => {
      t = await startTestApp({ db, listen: false });
      const kdb = t.system.database.db;
      sct = (await kdb.selectFrom("agency").select("id").where("code", "=", "LC.SCT").executeTakeFirstOrThrow()).id;
      for (const s of ["S1", "S2", "S3", "S4"]) {
        const row = await kdb
          .insertInto("inspection_subject")
          .values({ kind: "enterprise", name: `Công ty ${s}`, registered_by_agency_id: sct })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.set(s, row.id);
      }
      // prettier-ignore
      const inspections: [string, string, string | null, string | null, string[]][] = [
        ["I0", "planned", "2021-05-01", "2021-09-01", ["S4"]],
        ["I1", "planned", "2023-01-10", "2023-04-20", ["S1", "S2"]],
        ["I2", "ad_hoc", "2023-04-01", null, ["S3"]],
        ["I3", "re_inspection", "2023-05-05", "2023-06-10", ["S4"]],
        ["I4", "planned", "2022-11-01", "2023-02-01", ["S1"]],
        ["I5", "specialised_check", "2023-03-20", "2023-05-15", ["S2", "S3"]],
        ["I6", "planned", null, null, ["S2"]],
      ];
      for (const [key, kind, decided, signed, targets] of inspections) {
        const row = await kdb
          .insertInto("inspection")
          .values({
            agency_id: sct,
            code: `TT-${key}`,
            year: Number((decided ?? "2023").slice(0, 4)),
            kind: kind as InspectionTable["kind"],
            title: `Cuộc ${key}`,
            content: "Thanh tra việc chấp hành pháp luật",
            body_level: "department",
            state: signed ? "SIGNED" : decided ? "ONSITE" : "PROPOSED",
            facts: "{}",
            decided_on: decided,
            signed_on: signed,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.set(key, row.id);
        for (const [position, s] of targets.entries())
          await kdb
            .insertInto("inspection_target")
            .values({ inspection_id: row.id, subject_id: ids.get(s)!, position })
            .execute();
      }
      const violation = (i: string, s: string, money: number, land: number) =>
        kdb
          .insertInto("inspection_violation")
          .values({
            inspection_id: ids.get(i)!,
            subject_id: ids.get(s)!,
            kind: "economic",
            description: "Sai phạm",
            money,
            land_m2: land,
          })
          .execute();
      await violation("I1", "S1", 1_500_000_000, 0);
      await violation("I1", "S1", 234_567, 0);
      await violation("I3", "S4", 0, 120.5);
      await violation("I5", "S2", 10_000_000, 0);
      const sanction = (i: string, s: string, on: string, target: string, fine: number) =>
        kdb
          .insertInto("inspection_sanction")
          .values({
            inspection_id: ids.get(i)!,
            subject_id: ids.get(s)!,
            number: `QĐ-${i}-${on}`,
            issued_on: on,
            target_kind: target as InspectionSanctionTable["target_kind"],
            target_name: `Đối tượng ${s}`,
            fine,
          })
          .execute();
      await sanction("I1", "S1", "2023-04-25", "organisation", 40_000_000);
      await sanction("I5", "S2", "2023-05-20", "organisation", 25_000_000);
      await sanction("I5", "S3", "2023-06-20", "individual", 3_500_000);
      const signedOn: Record<string, string> = {
        I0: "2021-09-01",
        I1: "2023-04-20",
        I3: "2023-06-10",
        I4: "2023-02-01",
        I5: "2023-05-15",
      };
      // prettier-ignore
      const recs: { key: string; i: string; type: string; amount?: number; land?: number; collectives?: number; individuals?: number; matters?: number; persons?: string[]; done?: string; closed?: string }[] = [
        { key: "R1", i: "I1", type: "recover_money", amount: 800_000_000 },
        { key: "R2", i: "I1", type: "discipline", collectives: 1, individuals: 2 },
        { key: "R3", i: "I1", type: "investigation", matters: 1, persons: ["Nguyễn Văn A", "Trần Văn B"], done: "2023-06-01" },
        { key: "R4", i: "I1", type: "policy" },
        { key: "R5", i: "I3", type: "recover_land", land: 120.5 },
        { key: "R6", i: "I4", type: "recover_money", amount: 50_000_000, done: "2023-04-15" },
        { key: "R7", i: "I0", type: "recover_money", amount: 200_000_000 },
        { key: "R8", i: "I5", type: "recover_money", amount: 7_000_000 },
        { key: "R9", i: "I4", type: "other_economic", amount: 5_000_000, closed: "2023-05-02" },
      ];
      for (const [position, r] of recs.entries()) {
        const row = await kdb
          .insertInto("inspection_recommendation")
          .values({
            inspection_id: ids.get(r.i)!,
            agency_id: sct,
            position,
            type: r.type as InspectionRecommendationTable["type"],
            content: `Kiến nghị ${r.key}`,
            amount: r.amount ?? 0,
            land_m2: r.land ?? 0,
            collectives: r.collectives ?? 0,
            individuals: r.individuals ?? 0,
            matters: r.matters ?? 0,
            persons: JSON.stringify(r.persons ?? []),
            responsible_unit: "Công ty",
            concluded_on: signedOn[r.i]!,
            done_on: r.done ?? null,
            closed_on: r.closed ?? null,
            closed_reason: r.closed ? "Miễn theo quyết định" : null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.set(r.key, row.id);
      }
      const recover = async (r: string, on: string, amount: number) => {
        await kdb
          .insertInto("inspection_recovery")
          .values({ recommendation_id: ids.get(r)!, agency_id: sct, recovered_on: on, amount })
          .execute();
        await sql`update inspection_recommendation set recovered = recovered + ${amount} where id = ${ids.get(r)!}`.execute(
          kdb,
        );
      };
      await recover("R1", "2023-05-10", 300_000_000);
      await recover("R1", "2023-07-01", 100_000_000);
      await recover("R6", "2023-03-01", 20_000_000);
      await recover("R6", "2023-04-15", 30_000_000);
      await recover("R7", "2023-06-01", 123_456_789);

      // Anti-corruption records.
      const official = async (code: string, name: string) =>
        (
          await kdb
            .insertInto("ac_official")
            .values({ agency_id: sct, unit_agency_id: sct, code, full_name: name })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      const o1 = await official("CB01", "Lê Thị Minh");
      const o2 = await official("CB02", "Phạm Văn Hùng");
      const o3 = await official("CB03", "Hoàng Văn Nam");
      const campaign = (
        await kdb
          .insertInto("ac_campaign")
          .values({ agency_id: sct, year: 2023 })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      const obligation = async (official: string, received: string | null, removed: boolean) =>
        (
          await kdb
            .insertInto("ac_obligation")
            .values({
              campaign_id: campaign,
              agency_id: sct,
              official_id: official,
              kind: "annual",
              reason: "Kê khai hằng năm",
              source: "computed",
              removed,
              removed_reason: removed ? "Nghỉ hưu" : null,
              due_on: "2023-04-30",
              received_on: received,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      const ob1 = await obligation(o1, "2023-04-20", false);
      await obligation(o2, null, false);
      await obligation(o3, null, true);
      await kdb
        .insertInto("ac_declaration")
        .values({
          obligation_id: ob1,
          agency_id: sct,
          official_id: o1,
          year: 2023,
          kind: "annual",
          declared_on: "2023-04-20",
          content_sealed: "NỘI-DUNG-BÍ-MẬT",
        })
        .execute();
      await kdb
        .insertInto("ac_verification")
        .values([
          {
            agency_id: sct,
            official_id: o1,
            year: 2023,
            ground: "lottery",
            conclusion: "honest",
            concluded_on: "2023-06-01",
          },
          {
            agency_id: sct,
            official_id: o2,
            year: 2023,
            ground: "denunciation",
            conclusion: "dishonest",
            concluded_on: "2023-05-01",
          },
        ])
        .execute();
      // prettier-ignore
      const cases: [string, string, string, number, number, string | null, number, number][] = [
        ["K1", "2023-04-10", "inspection", 2_000_000_000, 500_000_000, "2023-05-20", 1, 2],
        ["K2", "2023-05-05", "self_inspection", 46_237_000_000, 0, null, 0, 1],
        ["K3", "2023-02-01", "audit", 1_000_000, 0, "2023-04-01", 0, 1],
      ];
      for (const [key, detected, channel, damage, recovered, transferred, heads, persons] of cases) {
        const row = await kdb
          .insertInto("ac_corruption_case")
          .values({
            agency_id: sct,
            name: `Vụ ${key}`,
            concerned_name: "Phòng Quản lý thương mại",
            handling_body: "Sở Công Thương",
            detected_on: detected,
            channel: channel as AcCaseChannel,
            damage_money: damage,
            recovered_money: recovered,
            transferred_on: transferred,
            transferred_to: transferred ? "Cơ quan Cảnh sát điều tra Công an tỉnh" : null,
            heads_responsible: heads,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        for (let p = 0; p < persons; p++)
          await kdb
            .insertInto("ac_corruption_person")
            .values({ case_id: row.id, position: p, full_name: `Người ${key}-${p}`, handling: "pending" })
            .execute();
      }
      await kdb
        .insertInto("ac_loophole_document")
        .values([
          {
            agency_id: sct,
            title: "Quy chế L1",
            issuing_body: "Sở Công Thương",
            loophole: "Thiếu kiểm soát",
            found_on: "2023-01-10",
            remedied_on: "2023-04-01",
          },
          {
            agency_id: sct,
            title: "Quy chế L2",
            issuing_body: "Sở Công Thương",
            loophole: "Thiếu kiểm soát",
            found_on: "2023-04-20",
            remedied_on: null,
          },
          {
            agency_id: sct,
            title: "Quy chế L3",
            issuing_body: "Sở Công Thương",
            loophole: "Thiếu kiểm soát",
            found_on: "2023-05-01",
            remedied_on: "2023-06-01",
          },
        ])
        .execute();
      await kdb
        .insertInto("ac_prevention_document")
        .values([
          { agency_id: sct, kind: "rule", action: "issued", title: "Quy chế D1", issued_on: "2023-04-05" },
          { agency_id: sct, kind: "plan", action: "amended", title: "Kế hoạch D2", issued_on: "2023-07-01" },
        ])
        .execute();
      await kdb
        .insertInto("ac_training")
        .values([
          {
            agency_id: sct,
            kind: "training",
            title: "Tập huấn T1",
            held_on: "2023-05-10",
            sessions: 2,
            participants: 80,
          },
          {
            agency_id: sct,
            kind: "propaganda",
            title: "Tuyên truyền T2",
            held_on: "2023-06-01",
            sessions: 1,
            participants: 150,
          },
        ])
        .execute();
      await kdb
        .insertInto("ac_gift")
        .values([
          {
            agency_id: sct,
            full_name: "Lê Thị Minh",
            handed_on: "2023-04-12",
            description: "Phong bì",
            value: 1_500_000,
          },
          {
            agency_id: sct,
            full_name: "Phạm Văn Hùng",
            handed_on: "2023-06-14",
            description: "Giỏ quà",
            value: 2_000_000,
          },
        ])
        .execute();
      tonghop = await t.login("tonghop");
    });
    after(() => t?.close());

    const compute = (params: Record<string, string | boolean>) =>
      tonghop.get(`/api/reports/compute?${query({ agencyId: sct, ...params })}`);
    const drill = (params: Record<string, string | boolean>) =>
      tonghop.get(`/api/reports/drilldown?${query({ agencyId: sct, ...params })}`);

    test("01/TTr, 02/TTr, 03/TTr and 01/PCTN for Q2/2023: every cell as counted by hand", async () => {
      for (const [form, expected] of [
        ["01/TTr", TTR01_Q2],
        ["02/TTr", TTR02_Q2],
        ["03/TTr", TTR03_Q2],
        ["01/PCTN", PCTN01_Q2],
        ["02/PCTN", { 1: 2, 2: 3, 3: 48237, 4: 500, 5: 2 }],
        ["03/PCTN", { 1: 1, 2: 2, 3: 3, 4: 2, 5: 1 }],
      ] as const) {
        const res = await compute({ form, ...Q2 });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.deepEqual(res.body.cells, cellsOf(expected), form);
      }
    });

    test("stocks reconcile across Q1 and Q2", async () => {
      for (const form of ["01/TTr", "03/TTr", "03/PCTN"]) {
        const res = await compute({ form, ...Q2 });
        assert.equal(res.body.reconciliation.holds, true, form);
      }
      const q1 = await compute({ form: "03/TTr", ...Q1 });
      // Q1: R6 and R9 (I4, 01/02) new; R7 carried over; none ended by 14/03; 20.000.000 đ recovered on R6.
      assert.equal(q1.body.cells["tong.1"], 1);
      assert.equal(q1.body.cells["tong.2"], 2);
      assert.equal(q1.body.cells["tong.6"], 3);
      assert.equal(q1.body.cells["tong.8"], 20);
      assert.equal(q1.body.cells["tong.9"], 0);
    });

    test("the year: recovered under earlier years' conclusions is exactly R7's recovery", async () => {
      const res = await compute({ form: "03/TTr", ...YEAR });
      assert.equal(res.status, 200);
      // 300 + 100 (R1) + 20 + 30 (R6) + 123,456789 (R7)
      assert.equal(res.body.cells["tong.8"], 573.456789);
      assert.equal(res.body.cells["tong.9"], 123.456789);
      const list = await drill({ form: "03/TTr", ...YEAR, cell: "tong.9" });
      assert.deepEqual(
        list.body.items.map((i: { code: string; amount: number; date: string }) => [i.code, i.date, i.amount]),
        [["TT-I0", "2023-06-01", 123.456789]],
      );
    });

    test("every figure drills down to its records", async () => {
      const codes = async (form: string, cell: string) => {
        const res = await drill({ form, ...Q2, cell });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body.items.map((i: { code: string }) => i.code).sort();
      };
      assert.deepEqual(await codes("01/TTr", "tong.3"), ["TT-I1", "TT-I2", "TT-I3"]);
      assert.deepEqual(await codes("01/TTr", "tong.8"), ["TT-I2"]);
      const money = await drill({ form: "01/TTr", ...Q2, cell: "tong.11" });
      assert.deepEqual(
        money.body.items.map((i: { code: string; amount: number }) => [i.code, i.amount]),
        [["TT-I1", 1500.234567]],
      );
      assert.deepEqual(await codes("02/TTr", "tong.8"), ["QĐ-I5-2023-05-20"]);
      assert.deepEqual(await codes("03/TTr", "tong.6"), ["TT-I0", "TT-I1", "TT-I1", "TT-I1", "TT-I3", "TT-I5"]);
      const cases = await drill({ form: "02/PCTN", ...Q2, cell: "tong.1" });
      assert.deepEqual(cases.body.items.map((i: { title: string }) => i.title).sort(), [
        "Vụ K1 — Phòng Quản lý thương mại",
        "Vụ K2 — Phòng Quản lý thương mại",
      ]);
      const loopholes = await drill({ form: "03/PCTN", ...Q2, cell: "tong.5" });
      assert.deepEqual(
        loopholes.body.items.map((i: { title: string; state: string }) => [i.title, i.state]),
        [["Quy chế L2 — Sở Công Thương", "Chưa khắc phục"]],
      );
    });

    test("a drill-down read and a narrative download are audited", async () => {
      const kdb = t.system.database.db;
      const before = await kdb
        .selectFrom("audit_event")
        .select("id")
        .where("action", "=", "report.drilldown.viewed")
        .execute();
      const res = await drill({ form: "01/PCTN", ...Q2, cell: "tong.6" });
      assert.equal(res.status, 200);
      const rows = await kdb
        .selectFrom("audit_event")
        .select(["action", "entity_id", "summary"])
        .where("action", "=", "report.drilldown.viewed")
        .orderBy("id")
        .execute();
      assert.equal(rows.length, before.length + 1);
      const last = rows.at(-1)!;
      assert.equal(last.entity_id, sct);
      const summary = (typeof last.summary === "string" ? JSON.parse(last.summary) : last.summary) as Record<
        string,
        unknown
      >;
      assert.equal(summary.indicator, "pctn_declarations_obliged");
      assert.equal(summary.total, 2);
    });

    test("declarations are listed by name and status only", async () => {
      for (const cell of ["tong.6", "tong.7", "tong.9"]) {
        const res = await drill({ form: "01/PCTN", ...Q2, cell });
        assert.equal(res.status, 200);
        for (const item of res.body.items) {
          assert.equal(item.code, "");
          assert.equal(item.date, "");
          assert.doesNotMatch(JSON.stringify(item), /NỘI-DUNG|honest|lottery|annual/);
        }
      }
      const obliged = await drill({ form: "01/PCTN", ...Q2, cell: "tong.6" });
      assert.deepEqual(obliged.body.items.map((i: { title: string; state: string }) => [i.title, i.state]).sort(), [
        ["Lê Thị Minh", "Đã nộp bản kê khai"],
        ["Phạm Văn Hùng", "Chưa nộp bản kê khai"],
      ]);
      const dishonest = await drill({ form: "01/PCTN", ...Q2, cell: "tong.9" });
      assert.deepEqual(
        dishonest.body.items.map((i: { title: string; state: string }) => [i.title, i.state]),
        [["Phạm Văn Hùng", "Kết luận: không trung thực"]],
      );
    });

    test("the narrative draft (.docx) tells the figures in Vietnamese", async () => {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/reports/narrative.docx?${query({ agencyId: sct, ...Q2 })}`,
        headers: { cookie: `mb_session=${tonghop.session}` },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers["content-disposition"]), /Bao-cao-LC\.SCT-2023-03-15-2023-06-14\.docx/);
      const text = docxText(res.rawPayload);
      for (const expected of [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO",
        "quý II/2023",
        "(số liệu tính từ ngày 15/03/2023 đến ngày 14/06/2023)",
        "1. Công tác tiếp công dân",
        "Trong kỳ không có lượt tiếp công dân.",
        "4. Công tác thanh tra, kiểm tra",
        "Triển khai 03 cuộc thanh tra hành chính (kỳ trước chuyển sang 01 cuộc, triển khai mới 02 cuộc: theo kế hoạch 0 cuộc, đột xuất 01 cuộc, thanh tra lại 01 cuộc)",
        "vi phạm về kinh tế 1.500,235 triệu đồng và 120,5 m² đất",
        "kiến nghị thu hồi về ngân sách nhà nước 800 triệu đồng",
        "chuyển cơ quan điều tra 01 vụ/02 người",
        "số tiền phải thu hồi 1.037 triệu đồng, đã thu hồi trong kỳ 453,457 triệu đồng (trong đó theo kết luận của các năm trước 123,457 triệu đồng)",
        "5. Công tác phòng, chống tham nhũng",
        "Phát hiện 02 vụ/03 người có hành vi tham nhũng",
        "thiệt hại 48.237 triệu đồng",
        "01/02 người phải kê khai đã kê khai",
        "Phát hiện 02 văn bản có sơ hở",
      ])
        assert.ok(text.includes(expected), `${expected}\n--- in ---\n${text}`);
      const other = await t.login("xulydon.snnmt");
      const refused = await other.get(`/api/reports/narrative.docx?${query({ agencyId: sct, ...Q2 })}`);
      assert.equal(refused.status, 403);
      const badPeriod = await tonghop.get(
        `/api/reports/narrative.docx?${query({ agencyId: sct, from: "2023-04-01", to: "2023-06-30" })}`,
      );
      assert.equal(badPeriod.status, 400);
      assert.equal(badPeriod.body.field, "from");
      const downloads = await t.system.database.db
        .selectFrom("audit_event")
        .select("id")
        .where("action", "=", "report.narrative.downloaded")
        .execute();
      assert.equal(downloads.length, 1);
    });

    test("the inspection forms are not forms of TT 06/2025 (its set is not identified); ad hoc they compute", async () => {
      const q = { form: "01/TTr", from: "2025-12-15", to: "2026-03-14" };
      const res = await compute(q);
      assert.equal(res.status, 400);
      assert.equal(res.body.field, "form");
      const adhoc = await compute({ ...q, kind: "adhoc" });
      assert.equal(adhoc.status, 200);
    });
  });
}
