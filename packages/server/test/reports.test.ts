/**
 * Periodic reports computed from the records (modules/reports), on both databases. A small world
 * of petitions at the Department of Industry and Trade (LC.SCT) and its market-control unit
 * (LC.SCT.QLTT) in 2023, whose every 02/XLD figure below was counted by hand from the table in
 * `WORLD` (the petitions are received through the service, then given the classification, outcome
 * and dates listed, as stored records). Periods under Thông tư 02/2021/TT-TTCP:
 *   Q1/2023 = 15/12/2022 – 14/03/2023, Q2/2023 = 15/03/2023 – 14/06/2023.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { receiveMany } from "../src/modules/petitions/intake.ts";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

interface Petition {
  key: string;
  agency: "LC.SCT" | "LC.SCT.QLTT";
  receivedOn: string;
  kind: string;
  eligible: boolean | null;
  competence: string | null;
  outcome: string | null;
  outcomeOn: string | null;
  state: string;
  signers: number;
  /** Same matter (vụ việc) as this petition. */
  sameMatterAs?: string;
}

// prettier-ignore
const WORLD: Petition[] = [
  { key: "P1", agency: "LC.SCT", receivedOn: "2023-02-01", kind: "complaint", eligible: true, competence: "within", outcome: "propose_acceptance", outcomeOn: "2023-04-10", state: "PROPOSED_FOR_ACCEPTANCE", signers: 1 },
  { key: "P2", agency: "LC.SCT", receivedOn: "2023-03-01", kind: "denunciation", eligible: true, competence: "not_within", outcome: "transfer", outcomeOn: "2023-03-10", state: "TRANSFERRED", signers: 1 },
  { key: "P3", agency: "LC.SCT", receivedOn: "2023-03-20", kind: "recommendation", eligible: true, competence: "within", outcome: "resolve_reply", outcomeOn: "2023-05-05", state: "RESOLVED_REPLY", signers: 3 },
  { key: "P4", agency: "LC.SCT", receivedOn: "2023-04-02", kind: "complaint", eligible: false, competence: null, outcome: "archive", outcomeOn: "2023-04-20", state: "FILED", signers: 1 },
  { key: "P5", agency: "LC.SCT", receivedOn: "2023-04-15", kind: "complaint", eligible: true, competence: "within", outcome: null, outcomeOn: null, state: "ELIGIBLE", signers: 1 },
  { key: "P6", agency: "LC.SCT", receivedOn: "2023-05-01", kind: "complaint", eligible: null, competence: null, outcome: null, outcomeOn: null, state: "CLASSIFIED", signers: 2, sameMatterAs: "P5" },
  { key: "P7", agency: "LC.SCT", receivedOn: "2023-06-10", kind: "multi_content", eligible: true, competence: "not_within", outcome: "guide_multi", outcomeOn: "2023-06-20", state: "GUIDED_MULTI", signers: 1 },
  { key: "P8", agency: "LC.SCT", receivedOn: "2023-07-01", kind: "complaint", eligible: null, competence: null, outcome: null, outcomeOn: null, state: "REGISTERED", signers: 1 },
  { key: "P9", agency: "LC.SCT.QLTT", receivedOn: "2023-05-10", kind: "feedback", eligible: true, competence: "within", outcome: "resolve_reply", outcomeOn: "2023-06-01", state: "RESOLVED_REPLY", signers: 1 },
  { key: "P10", agency: "LC.SCT", receivedOn: "2022-11-01", kind: "denunciation", eligible: true, competence: "within", outcome: "propose_acceptance", outcomeOn: "2022-12-01", state: "PROPOSED_FOR_ACCEPTANCE", signers: 1 },
];

interface Case {
  key: string;
  kind: "complaint" | "denunciation";
  instance: 1 | 2 | null;
  repeated: boolean;
  acceptedOn: string;
  endedBy: "decided" | "concluded" | "withdrawn" | null;
  endedOn: string | null;
  outcome: "right" | "partly_right" | "wrong" | null;
  onTime: boolean | null;
  firstUpheld: boolean | null;
  moneyToState: number;
  moneyToOthers: number;
  landToOthers: number;
}

// Cases of LC.SCT as their report figures are stored (case_figures), each on a petition of its own.
// prettier-ignore
const CASES: Case[] = [
  { key: "C1", kind: "complaint", instance: 1, repeated: false, acceptedOn: "2023-02-20", endedBy: "decided", endedOn: "2023-04-25", outcome: "right", onTime: true, firstUpheld: null, moneyToState: 12.5, moneyToOthers: 0, landToOthers: 0 },
  { key: "C2", kind: "complaint", instance: 1, repeated: false, acceptedOn: "2023-04-01", endedBy: "decided", endedOn: "2023-06-01", outcome: "partly_right", onTime: false, firstUpheld: null, moneyToState: 0, moneyToOthers: 3.25, landToOthers: 150 },
  { key: "C3", kind: "complaint", instance: 2, repeated: false, acceptedOn: "2023-05-10", endedBy: "decided", endedOn: "2023-06-10", outcome: "wrong", onTime: true, firstUpheld: true, moneyToState: 0, moneyToOthers: 0, landToOthers: 0 },
  { key: "C4", kind: "complaint", instance: 1, repeated: false, acceptedOn: "2023-05-20", endedBy: "withdrawn", endedOn: "2023-06-05", outcome: null, onTime: null, firstUpheld: null, moneyToState: 0, moneyToOthers: 0, landToOthers: 0 },
  { key: "C5", kind: "complaint", instance: 1, repeated: false, acceptedOn: "2023-06-01", endedBy: null, endedOn: null, outcome: null, onTime: null, firstUpheld: null, moneyToState: 0, moneyToOthers: 0, landToOthers: 0 },
  { key: "C6", kind: "complaint", instance: 1, repeated: false, acceptedOn: "2023-03-01", endedBy: null, endedOn: null, outcome: null, onTime: null, firstUpheld: null, moneyToState: 0, moneyToOthers: 0, landToOthers: 0 },
  { key: "C7", kind: "denunciation", instance: null, repeated: false, acceptedOn: "2023-04-05", endedBy: "concluded", endedOn: "2023-05-30", outcome: "partly_right", onTime: true, firstUpheld: null, moneyToState: 100, moneyToOthers: 0, landToOthers: 0 },
  { key: "C8", kind: "denunciation", instance: null, repeated: true, acceptedOn: "2023-05-02", endedBy: null, endedOn: null, outcome: null, onTime: null, firstUpheld: null, moneyToState: 0, moneyToOthers: 0, landToOthers: 0 },
];

/** 03/GQKN of LC.SCT for Q2/2023, counted from CASES by hand. */
const GQKN_Q2: Record<number, number> = {
  1: 2, //  carried over: accepted before 15/03 and not ended by then: C1 (decided 25/04), C6
  2: 4, //  accepted 15/03–14/06: C2, C3, C4, C5
  3: 6, //  total
  4: 3, //  decided in the period: C1, C2, C3
  5: 1, //  right: C1
  6: 1, //  partly right: C2
  7: 1, //  wrong: C3
  8: 1, //  withdrawn: C4
  9: 0, //  terminated: none
  10: 2, // on time: C1, C3
  11: 1, // late: C2
  12: 12.5, // money to the State (million VND): C1
  13: 0, // land to the State
  14: 3.25, // money returned to others: C2
  15: 150, // land returned to others (m²): C2
  16: 2, // in progress at 14/06: C5, C6 (6 − 3 decided − 1 withdrawn)
  17: 1, // second instance upholding the first decision: C3
  18: 0,
};

/** 04/GQTC of LC.SCT for Q2/2023: C7 accepted and concluded, C8 (a repeated denunciation) accepted, open. */
const GQTC_Q2: Record<number, number> = {
  1: 0,
  2: 2,
  3: 2,
  4: 1,
  5: 0,
  6: 1,
  7: 0,
  8: 0,
  9: 0,
  10: 1,
  11: 0,
  12: 100,
  13: 0,
  14: 0,
  15: 0,
  16: 1,
  17: 1,
};

interface Visit {
  receivedOn: string;
  kind: "regular" | "periodic" | "ad_hoc";
  people: number;
  crowd: boolean;
  contentKind: string;
  route: string | null;
}

// prettier-ignore
const VISITS: Visit[] = [
  { receivedOn: "2023-03-14", kind: "regular", people: 1, crowd: false, contentKind: "complaint", route: "accepted" }, // Q1
  { receivedOn: "2023-03-20", kind: "regular", people: 1, crowd: false, contentKind: "complaint", route: "accepted" },
  { receivedOn: "2023-04-11", kind: "periodic", people: 12, crowd: true, contentKind: "complaint", route: "returned_guided" },
  { receivedOn: "2023-05-02", kind: "regular", people: 2, crowd: false, contentKind: "feedback", route: "transferred" },
  { receivedOn: "2023-05-25", kind: "regular", people: 3, crowd: false, contentKind: "denunciation", route: null },
  { receivedOn: "2023-06-14", kind: "ad_hoc", people: 1, crowd: false, contentKind: "recommendation", route: "refused" },
  { receivedOn: "2023-06-15", kind: "regular", people: 1, crowd: false, contentKind: "complaint", route: "accepted" }, // Q3
];

/** 01/TCD of LC.SCT for Q2/2023: the five visits dated 20/03 to 14/06. */
const TCD_Q2: Record<number, number> = {
  1: 5, //  visits
  2: 19, // people: 1 + 12 + 2 + 3 + 1
  3: 3, //  regular: 20/03, 02/05, 25/05
  4: 2, //  by the head: periodic 11/04, ad hoc 14/06
  5: 1, //  crowd visits: 11/04
  6: 12, // people in the crowd
  7: 2, //  complaint: 20/03, 11/04
  8: 1, //  denunciation: 25/05
  9: 2, //  recommendation, feedback: 02/05, 14/06
  10: 1, // accepted: 20/03
  11: 1, // returned and guided: 11/04
  12: 1, // transferred: 02/05
  13: 1, // refused: 14/06
};

const Q1 = { from: "2022-12-15", to: "2023-03-14" };
const Q2 = { from: "2023-03-15", to: "2023-06-14" };

/** 02/XLD of LC.SCT alone for Q2/2023, column by column, counted from WORLD by hand. */
const XLD_Q2_SCT: Record<number, number> = {
  1: 6, //  total = carried over (P1) + received (P3, P4, P5, P6, P7)
  2: 1, //  carried over: received before 15/03 and not handled by then: P1 (handled 10/04); P2 handled 10/03, P10 in 2022
  3: 5, //  received 15/03–14/06: P3, P4, P5, P6, P7 (P8 is 01/07, P9 another agency)
  4: 4, //  their matters: P3, P4, {P5, P6} (one matter), P7
  5: 3, //  one signer among the received: P4, P5, P7
  6: 2, //  several signers: P3 (3), P6 (2)
  7: 4, //  eligible among the 6: P1, P3, P5, P7 (P4 not eligible, P6 not assessed)
  8: 4, //  their matters: all different
  9: 1, //  not eligible: P4
  10: 2, // eligible complaints: P1, P5
  11: 0, // eligible denunciations: none in play (P2 handled in Q1, P10 in 2022)
  12: 1, // recommendations/feedback: P3
  13: 1, // several contents: P7
  14: 3, // within competence: P1, P3, P5
  15: 1, // not within: P7
  16: 3, // handled 15/03–14/06: P1 (10/04), P4 (20/04), P3 (05/05); P7 on 20/06 is after
  17: 1, // proposed for acceptance: P1
  18: 0, // guided: P7 was guided on 20/06, in Q3
  19: 0, // transferred: none in Q2
  20: 1, // answered: P3
  21: 1, // filed: P4
  22: 3, // in progress at 14/06: P5, P6, P7 (6 − 3 handled)
};

/** The same with the subtree: LC.SCT.QLTT adds P9 (received 10/05, eligible feedback within, answered 01/06). */
const XLD_Q2_SUBTREE_TOTAL: Record<number, number> = {
  ...XLD_Q2_SCT,
  1: 7,
  3: 6,
  4: 5,
  5: 4,
  7: 5,
  8: 5,
  12: 2,
  14: 4,
  16: 4,
  20: 2,
};

function query(params: Record<string, string | boolean>) {
  return new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

for (const db of testDatabases()) {
  describe(`periodic reports (${db.kind})`, () => {
    let t: TestApp;
    let tonghop: TestClient;
    const agency = new Map<string, string>();
    const petitionCode = new Map<string, string>();

    before(async () => {
      t = await startTestApp({ db, listen: false });
      const kdb = t.system.database.db;
      for (const a of await kdb.selectFrom("agency").select(["id", "code"]).execute()) agency.set(a.code, a.id);
      for (const p of WORLD) {
        const [created] = await receiveMany(kdb, SYSTEM_ACTOR, agency.get(p.agency)!, [
          {
            channel: "post" as const,
            receivedOn: "2026-03-02",
            petitioners: [{ kind: "person" as const, fullName: `Người viết ${p.key}`, address: "xã Bắc Hà" }],
            anonymous: false,
            impersonated: false,
            respondents: [{ name: "Cửa hàng xăng dầu Số 2" }],
            content: `Nội dung đơn ${p.key} về cửa hàng xăng dầu bán thiếu lít.`,
            language: "vi" as const,
            attachments: [],
          },
        ]);
        petitionCode.set(p.key, created!.code);
        await kdb
          .updateTable("petition")
          .set({
            received_on: p.receivedOn,
            kind: p.kind,
            eligible: p.eligible,
            competence: p.competence,
            outcome: p.outcome,
            outcome_on: p.outcomeOn,
            state: p.state,
            signer_count: p.signers,
          })
          .where("id", "=", created!.id)
          .execute();
      }
      // Cases: each on a petition of its own, received after the periods (2026), so 02/XLD above is unchanged.
      const sct = agency.get("LC.SCT")!;
      for (const c of CASES) {
        const [petition] = await receiveMany(kdb, SYSTEM_ACTOR, sct, [
          {
            channel: "post" as const,
            receivedOn: "2026-03-02",
            petitioners: [{ kind: "person" as const, fullName: `Người viết ${c.key}`, address: "xã Bắc Hà" }],
            anonymous: false,
            impersonated: false,
            respondents: [{ name: "Sở Công Thương" }],
            content: `Đơn của vụ việc ${c.key}.`,
            language: "vi" as const,
            attachments: [],
          },
        ]);
        const row = await kdb
          .insertInto("resolution_case")
          .values({
            agency_id: sct,
            petition_id: petition!.id,
            code: `VV-${c.key}`,
            kind: c.kind,
            instance: c.instance,
            state: c.endedBy ? "CLOSED" : "RESOLVING",
            facts: "{}",
            received_on: c.acceptedOn,
            accepted_on: c.acceptedOn,
            title: `Vụ việc ${c.key}`,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await kdb
          .insertInto("case_figures")
          .values({
            case_id: row.id,
            agency_id: sct,
            kind: c.kind,
            instance: c.instance,
            repeated: c.repeated,
            received_on: c.acceptedOn,
            accepted_on: c.acceptedOn,
            ended_by: c.endedBy,
            ended_on: c.endedOn,
            outcome: c.outcome,
            first_decision_upheld: c.firstUpheld,
            on_time: c.onTime,
            // On time: due after the decision; late: due before it.
            resolution_due_on: c.onTime === null ? null : c.onTime ? "2023-06-30" : "2023-05-01",
            money_to_state: c.moneyToState,
            money_to_others: c.moneyToOthers,
            land_to_others: c.landToOthers,
          })
          .execute();
      }
      for (const [i, v] of VISITS.entries()) {
        await kdb
          .insertInto("reception_visit")
          .values({
            agency_id: sct,
            register_year: 2023,
            seq_no: i + 1,
            received_on: v.receivedOn,
            kind: v.kind,
            receiver_name: "Trần Thị Hoa",
            presiding_head: v.kind === "regular" ? null : "Nguyễn Văn Thành",
            people_count: v.people,
            is_crowd: v.crowd,
            visitors: "[]",
            content_kind: v.contentKind,
            handling_route: v.route,
            state: v.route ? "HANDLED" : "OPEN",
            search_text: "",
            search_content: "",
          })
          .execute();
      }
      for (const p of WORLD.filter((w) => w.sameMatterAs)) {
        await sql`update petition set matter_id = (select matter_id from petition where code = ${petitionCode.get(p.sameMatterAs!)!})
          where code = ${petitionCode.get(p.key)!}`.execute(kdb);
      }
      tonghop = await t.login("tonghop");
    });
    after(() => t?.close());

    const compute = (client: TestClient, params: Record<string, string | boolean>) =>
      client.get(`/api/reports/compute?${query(params)}`);

    test("02/XLD of LC.SCT for Q2/2023: every cell as counted by hand", async () => {
      const res = await compute(tonghop, { form: "02/XLD", agencyId: agency.get("LC.SCT")!, ...Q2 });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const expected = Object.fromEntries(Object.entries(XLD_Q2_SCT).map(([col, n]) => [`tong.${col}`, n]));
      assert.deepEqual(res.body.cells, expected);
      assert.equal(res.body.indicators.petitions_received, 5);
      assert.equal(res.body.indicators.matters_received, 4);
      assert.equal(res.body.period.label, "Quý II/2023");
      assert.equal(res.body.period.regime, "TT02/2021");
    });

    test("with the subtree: a total row and one row per unit", async () => {
      const res = await compute(tonghop, { form: "02/XLD", agencyId: agency.get("LC.SCT")!, ...Q2, subtree: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      for (const [col, n] of Object.entries(XLD_Q2_SUBTREE_TOTAL))
        assert.equal(res.body.cells[`tong.${col}`], n, `tong.${col}`);
      for (const [col, n] of Object.entries(XLD_Q2_SCT))
        assert.equal(res.body.cells[`LC.SCT.${col}`], n, `LC.SCT.${col}`);
      // LC.SCT.QLTT: P9 alone — received, eligible feedback within competence, answered in the period.
      const qltt = { 1: 1, 3: 1, 4: 1, 5: 1, 7: 1, 8: 1, 12: 1, 14: 1, 16: 1, 20: 1 } as Record<number, number>;
      for (let col = 1; col <= 22; col++) {
        assert.equal(res.body.cells[`LC.SCT.QLTT.${col}`], qltt[col] ?? 0, `LC.SCT.QLTT.${col}`);
        assert.equal(res.body.cells[`LC.SCT.VP.${col}`], 0, `LC.SCT.VP.${col}`);
      }
      assert.deepEqual(
        res.body.rows.map((r: { key: string }) => r.key),
        ["tong", "LC.SCT", "LC.SCT.QLTT", "LC.SCT.VP"],
      );
    });

    test("two consecutive quarters reconcile: carried over in Q2 = in progress at the end of Q1", async () => {
      const q1 = await compute(tonghop, { form: "02/XLD", agencyId: agency.get("LC.SCT")!, ...Q1 });
      assert.equal(q1.status, 200);
      // Q1: received P1, P2; P2 handled 10/03; P1 still open on 14/03.
      assert.equal(q1.body.indicators.petitions_carried_over, 0);
      assert.equal(q1.body.indicators.petitions_received, 2);
      assert.equal(q1.body.indicators.petitions_handled, 1);
      assert.equal(q1.body.indicators.petitions_transferred, 1);
      assert.equal(q1.body.indicators.petitions_in_progress_end, 1);
      const q2 = await compute(tonghop, { form: "02/XLD", agencyId: agency.get("LC.SCT")!, ...Q2 });
      assert.equal(q2.body.indicators.petitions_carried_over, q1.body.indicators.petitions_in_progress_end);
      const check = q2.body.reconciliation.checks.find(
        (c: { carriedOver: string }) => c.carriedOver === "petitions_carried_over",
      );
      assert.deepEqual(
        { carried: check.carried, previousEnd: check.previousEnd, holds: check.holds },
        { carried: 1, previousEnd: 1, holds: true },
      );
      assert.equal(q2.body.reconciliation.previousFrom, "2022-12-15");
      assert.equal(q2.body.reconciliation.previousTo, "2023-03-14");
    });

    const cellsOf = (expected: Record<number, number>) =>
      Object.fromEntries(Object.entries(expected).map(([col, n]) => [`tong.${col}`, n]));

    test("03/GQKN, 04/GQTC and 01/TCD of LC.SCT for Q2/2023: every cell as counted by hand", async () => {
      for (const [form, expected] of [
        ["03/GQKN", GQKN_Q2],
        ["04/GQTC", GQTC_Q2],
        ["01/TCD", TCD_Q2],
      ] as const) {
        const res = await compute(tonghop, { form, agencyId: agency.get("LC.SCT")!, ...Q2 });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.deepEqual(res.body.cells, cellsOf(expected), form);
      }
    });

    test("complaints reconcile across Q1 and Q2; the money figure drills down to its case", async () => {
      const q1 = await compute(tonghop, { form: "03/GQKN", agencyId: agency.get("LC.SCT")!, ...Q1 });
      // Q1: C1 (20/02) and C6 (01/03) accepted, neither ended by 14/03.
      assert.equal(q1.body.cells["tong.2"], 2);
      assert.equal(q1.body.cells["tong.16"], 2);
      const q2 = await compute(tonghop, { form: "03/GQKN", agencyId: agency.get("LC.SCT")!, ...Q2 });
      assert.equal(q2.body.cells["tong.1"], q1.body.cells["tong.16"]);
      assert.equal(q2.body.reconciliation.holds, true);
      const money = await tonghop.get(
        `/api/reports/drilldown?${query({ form: "03/GQKN", agencyId: agency.get("LC.SCT")!, ...Q2, cell: "tong.12" })}`,
      );
      assert.equal(money.status, 200);
      assert.deepEqual(
        money.body.items.map((i: { code: string; amount: number }) => [i.code, i.amount]),
        [["VV-C1", 12.5]],
      );
      const open = await tonghop.get(
        `/api/reports/drilldown?${query({ form: "03/GQKN", agencyId: agency.get("LC.SCT")!, ...Q2, cell: "tong.16" })}`,
      );
      assert.deepEqual(open.body.items.map((i: { code: string }) => i.code).sort(), ["VV-C5", "VV-C6"]);
    });

    test("drill-down lists exactly the records a figure counts", async () => {
      const base = { form: "02/XLD", agencyId: agency.get("LC.SCT")!, ...Q2 };
      const codes = async (cell: string, extra: Record<string, string | boolean> = {}) => {
        const res = await tonghop.get(`/api/reports/drilldown?${query({ ...base, ...extra, cell })}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return { total: res.body.total, codes: res.body.items.map((i: { code: string }) => i.code).sort() };
      };
      const of = (...keys: string[]) => keys.map((k) => petitionCode.get(k)!).sort();
      assert.deepEqual(await codes("tong.22"), { total: 3, codes: of("P5", "P6", "P7") });
      assert.deepEqual(await codes("tong.2"), { total: 1, codes: of("P1") });
      // 4 matters: the list shows their 5 petitions (P5 and P6 are one matter).
      assert.deepEqual(await codes("tong.4"), { total: 5, codes: of("P3", "P4", "P5", "P6", "P7") });
      assert.deepEqual(await codes("LC.SCT.QLTT.20", { subtree: true }), { total: 1, codes: of("P9") });
      // Paginated: two per page.
      const page2 = await tonghop.get(
        `/api/reports/drilldown?${query({ ...base, cell: "tong.3", pageSize: "2", page: "3" })}`,
      );
      assert.equal(page2.body.total, 5);
      assert.equal(page2.body.items.length, 1);
      const byIndicator = await tonghop.get(
        `/api/reports/drilldown?${query({ ...base, indicator: "petitions_filed" })}`,
      );
      assert.deepEqual(
        byIndicator.body.items.map((i: { code: string }) => i.code),
        of("P4"),
      );
      const badCell = await tonghop.get(`/api/reports/drilldown?${query({ ...base, cell: "tong.99" })}`);
      assert.equal(badCell.status, 400);
      assert.equal(badCell.body.field, "cell");
    });

    test("the .xlsx is laid out like the appendix, with the computed figures", async () => {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/reports/form.xlsx?${query({ form: "02/XLD", agencyId: agency.get("LC.SCT")!, ...Q2 })}`,
        headers: { cookie: `mb_session=${tonghop.session}` },
      });
      assert.equal(res.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      assert.equal(sheet.getCell(2, 1).value, "TỔNG HỢP KẾT QUẢ TIẾP NHẬN, XỬ LÝ ĐƠN");
      assert.equal(sheet.getCell(1, 13).value ?? sheet.getCell(1, 12).value, "Biểu số 02/XLD");
      assert.equal(sheet.getCell(6, 3).value, "Tiếp nhận"); // group over columns 1–6
      assert.ok(sheet.getCell(6, 8).isMerged, "column 6 sits under the merged group");
      assert.equal(sheet.getCell(7, 5).value, "Tiếp nhận trong kỳ");
      assert.equal(sheet.getCell(8, 3).value, "1");
      assert.equal(sheet.getCell(8, 24).value, "22");
      assert.equal(sheet.getCell(9, 2).value, "Tổng cộng");
      const row = Array.from({ length: 22 }, (_, i) => sheet.getCell(9, 3 + i).value);
      assert.deepEqual(
        row,
        Array.from({ length: 22 }, (_, i) => XLD_Q2_SCT[i + 1]),
      );
    });

    test("bad input is refused with a Vietnamese message naming the field", async () => {
      const calendarQuarter = await compute(tonghop, {
        form: "02/XLD",
        agencyId: agency.get("LC.SCT")!,
        from: "2023-04-01",
        to: "2023-06-30",
      });
      assert.equal(calendarQuarter.status, 400);
      assert.equal(calendarQuarter.body.code, "REPORT_PERIOD_INVALID");
      assert.equal(calendarQuarter.body.field, "from");
      assert.match(calendarQuarter.body.message, /Kỳ báo cáo/);
      // An ad hoc report takes any period.
      const adhoc = await compute(tonghop, {
        form: "02/XLD",
        agencyId: agency.get("LC.SCT")!,
        from: "2023-04-01",
        to: "2023-06-30",
        kind: "adhoc",
      });
      assert.equal(adhoc.status, 200);
      assert.equal(adhoc.body.period, null);
      // Received 01/04–30/06: P4, P5, P6, P7.
      assert.equal(adhoc.body.indicators.petitions_received, 4);
      const form = await compute(tonghop, { form: "09/XYZ", agencyId: agency.get("LC.SCT")!, ...Q2 });
      assert.equal(form.status, 400);
      assert.equal(form.body.field, "form");
      assert.match(form.body.message, /Biểu mẫu/);
    });

    test("a user of another agency, or without the report permission, is refused", async () => {
      const kdb = t.system.database.db;
      await kdb
        .updateTable("app_user")
        .set({ roles: ["reporting_officer"] })
        .where("username", "=", "xulydon.snnmt")
        .execute();
      const other = await t.login("xulydon.snnmt");
      const res = await compute(other, { form: "02/XLD", agencyId: agency.get("LC.SCT")!, ...Q2 });
      assert.equal(res.status, 403);
      assert.equal(res.body.code, "OUT_OF_SCOPE");
      assert.equal(res.body.field, "agencyId");
      const drill = await other.get(
        `/api/reports/drilldown?${query({ form: "02/XLD", agencyId: agency.get("LC.SCT")!, ...Q2, cell: "tong.3" })}`,
      );
      assert.equal(drill.status, 403);
      const handler = await t.login("xulydon");
      assert.equal((await compute(handler, { form: "02/XLD", agencyId: agency.get("LC.SCT")!, ...Q2 })).status, 403);
      // The province's leader reaches the department (its subtree).
      const province = await t.login("lanhdao.tinh");
      const ok = await compute(province, { form: "02/XLD", agencyId: agency.get("LC.SCT")!, ...Q2 });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.cells["tong.3"], 5);
    });
  });
}
