/**
 * Forms 05/KQTH (enforcement of decisions) and 06/QLKNTC (state management, manual cells), on both
 * databases. A small world of enforcement records at the Department of Industry and Trade (LC.SCT)
 * and its market-control unit (LC.SCT.QLTT), whose every 05/KQTH cell below was counted by hand
 * from the table in ENFORCEMENTS. Periods under Thông tư 02/2021/TT-TTCP:
 *   Q1/2023 = 15/12/2022 – 14/03/2023, Q2/2023 = 15/03/2023 – 14/06/2023.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { caseWithDecision, NOTHING } from "./support/enforcement-world.ts";

type Items = Partial<typeof NOTHING>;
interface Enforcement {
  key: string;
  agency: "LC.SCT" | "LC.SCT.QLTT";
  kind: "complaint" | "denunciation";
  decidedOn: string;
  due: Items;
  steps: ({ kind: "started" | "partial" | "done"; onDate: string; evidence?: string } & Items)[];
}

// prettier-ignore
const ENFORCEMENTS: Enforcement[] = [
  { key: "E1", agency: "LC.SCT", kind: "complaint", decidedOn: "2023-01-10",
    due: { moneyToState: 10_500_000, landToOthers: 120.5, discipline: 2 },
    steps: [
      { kind: "started", onDate: "2023-01-20", moneyToState: 3_000_000 },
      { kind: "partial", onDate: "2023-04-01", moneyToState: 2_500_000, landToOthers: 100.25, discipline: 1 },
    ] },
  { key: "E2", agency: "LC.SCT", kind: "denunciation", decidedOn: "2023-02-01",
    due: { moneyToState: 1_234_567, investigationMatters: 1, investigationPersons: 2 },
    steps: [
      { kind: "started", onDate: "2023-02-10" },
      { kind: "done", onDate: "2023-05-05", moneyToState: 1_234_567, investigationMatters: 1, investigationPersons: 2 },
    ] },
  { key: "E3", agency: "LC.SCT", kind: "complaint", decidedOn: "2023-04-10",
    due: { moneyToOthers: 7_000_001, rightsRestored: 3 },
    steps: [
      { kind: "started", onDate: "2023-04-12" },
      { kind: "done", onDate: "2023-06-14", moneyToOthers: 7_000_001, rightsRestored: 3 },
    ] },
  { key: "E4", agency: "LC.SCT", kind: "complaint", decidedOn: "2023-06-15", due: { moneyToState: 999_000_000 }, steps: [] },
  { key: "E5", agency: "LC.SCT.QLTT", kind: "complaint", decidedOn: "2023-05-01",
    due: { landToState: 50 },
    steps: [{ kind: "started", onDate: "2023-05-02", landToState: 20 }] },
];

const Q1 = { from: "2022-12-15", to: "2023-03-14" };
const Q2 = { from: "2023-03-15", to: "2023-06-14" };
const H1 = { from: "2022-12-15", to: "2023-06-14" };

/** 05/KQTH of LC.SCT for Q1/2023, counted by hand. */
const KQTH_Q1: Record<number, number> = {
  1: 0, //  carried over: nothing decided before 15/12/2022
  2: 2, //  new: E1 (10/01), E2 (01/02)
  3: 2, //  total
  4: 1, //  of which complaint decisions: E1
  5: 1, //  of which denunciation handling decisions: E2
  6: 0, //  done: none
  7: 2, //  not done at 14/03: E1, E2
  8: 11.734567, // money to recover to the State, left at 15/12: 10.500.000 + 1.234.567 đồng
  9: 3, //  recovered in Q1: E1 started with 3.000.000 đồng
  10: 0,
  11: 0,
  12: 0,
  13: 0,
  14: 120.5, // land to return: E1
  15: 0,
  16: 2, // persons to discipline: E1
  17: 0,
  18: 0,
  19: 0,
  20: 0,
};

/** 05/KQTH of LC.SCT for Q2/2023, counted by hand. */
const KQTH_Q2: Record<number, number> = {
  1: 2, //  carried over: E1, E2 (= not done at the end of Q1)
  2: 1, //  new: E3 (10/04); E4 is decided 15/06, in Q3
  3: 3, //  total
  4: 2, //  complaint decisions: E1, E3
  5: 1, //  denunciation handling decisions: E2
  6: 2, //  done: E2 (05/05), E3 (14/06, the last day)
  7: 1, //  not done at 14/06: E1
  8: 8.734567, // left to recover at 15/03: E1 10.500.000 − 3.000.000, E2 1.234.567
  9: 3.734567, // recovered in Q2: E1 2.500.000, E2 1.234.567
  10: 7.000001, // to return to others: E3 7.000.001 đồng
  11: 7.000001, // returned: E3
  12: 0,
  13: 0,
  14: 120.5, // land to return, left at 15/03: E1
  15: 100.25, // land returned in Q2: E1
  16: 2, // persons to discipline, left at 15/03: E1
  17: 1, // disciplined in Q2: E1
  18: 1, // matters transferred to investigation: E2
  19: 2, // persons transferred: E2
  20: 3, // organisations and individuals whose rights were restored: E3
};

const KQTH_TITLE = "TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH GIẢI QUYẾT KHIẾU NẠI, QUYẾT ĐỊNH XỬ LÝ TỐ CÁO";

function query(params: Record<string, string | boolean>) {
  return new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

for (const db of testDatabases()) {
  describe(`forms 05/KQTH and 06/QLKNTC (${db.kind})`, () => {
    let t: TestApp;
    let tonghop: TestClient;
    const agency = new Map<string, string>();
    const caseIds = new Map<string, string>();

    before(async () => {
      t = await startTestApp({ db, listen: false });
      const kdb = t.system.database.db;
      for (const a of await kdb.selectFrom("agency").select(["id", "code"]).execute()) agency.set(a.code, a.id);
      // The follow-up officer of the province works on both units (a subtree scope is not the role's:
      // the officer records LC.SCT's, the unit's own officer LC.SCT.QLTT's).
      await kdb
        .updateTable("app_user")
        .set({ roles: ["enforcement_officer"] })
        .where("username", "=", "xem")
        .execute();
      await kdb
        .updateTable("app_user")
        .set({ roles: ["enforcement_officer"], agency_id: agency.get("LC.SCT.QLTT")! })
        .where("username", "=", "pctn")
        .execute();
      const officers = { "LC.SCT": await t.login("xem"), "LC.SCT.QLTT": await t.login("pctn") };
      for (const e of ENFORCEMENTS) {
        const id = await caseWithDecision(kdb, agency.get(e.agency)!, e.key, e.kind, e.decidedOn);
        caseIds.set(e.key, id);
        const officer = officers[e.agency];
        const created = await officer.post(`/api/cases/${id}/enforcement`, {
          responsible: "Chủ tịch UBND xã Bắc Hà",
          ...NOTHING,
          ...e.due,
        });
        assert.equal(created.status, 200, JSON.stringify(created.body));
        let version = created.body.record.version;
        for (const s of e.steps) {
          const res = await officer.post(`/api/cases/${id}/enforcement/steps`, { version, ...NOTHING, ...s });
          assert.equal(res.status, 200, `${e.key} ${s.kind}: ${JSON.stringify(res.body)}`);
          version = res.body.record.version;
        }
      }
      tonghop = await t.login("tonghop");
    });
    after(() => t?.close());

    const compute = (params: Record<string, string | boolean>, client = tonghop) =>
      client.get(`/api/reports/compute?${query(params)}`);

    test("05/KQTH of LC.SCT for Q1 and Q2/2023: every cell as counted by hand", async () => {
      for (const [period, expected] of [
        [Q1, KQTH_Q1],
        [Q2, KQTH_Q2],
      ] as const) {
        const res = await compute({ form: "05/KQTH", agencyId: agency.get("LC.SCT")!, ...period });
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.deepEqual(
          res.body.cells,
          Object.fromEntries(Object.entries(expected).map(([col, n]) => [`tong.${col}`, n])),
          period.from,
        );
      }
    });

    test("two consecutive quarters reconcile: carried over in Q2 = not done at the end of Q1", async () => {
      const q2 = await compute({ form: "05/KQTH", agencyId: agency.get("LC.SCT")!, ...Q2 });
      const check = q2.body.reconciliation.checks.find(
        (c: { carriedOver: string }) => c.carriedOver === "enf_carried_over",
      );
      assert.deepEqual(
        { carried: check.carried, previousEnd: check.previousEnd, holds: check.holds },
        { carried: 2, previousEnd: 2, holds: true },
      );
      // What was left to recover at the start of Q2 = left at the start of Q1 − recovered in Q1
      // (E3, new in Q2, adds nothing to the money to the State).
      assert.equal(q2.body.indicators.enf_money_state_due, Number((KQTH_Q1[8]! - KQTH_Q1[9]!).toFixed(6)));
      // The 6-month period (cumulative from 15/12) counts both quarters' events once.
      const h1 = await compute({ form: "05/KQTH", agencyId: agency.get("LC.SCT")!, ...H1 });
      assert.equal(h1.status, 200, JSON.stringify(h1.body));
      assert.equal(h1.body.indicators.enf_new, 3);
      assert.equal(h1.body.indicators.enf_money_state_done, 6.734567);
      assert.equal(h1.body.indicators.enf_done, 2);
    });

    test("with the subtree: LC.SCT.QLTT's record adds to the total and has its own row", async () => {
      const res = await compute({ form: "05/KQTH", agencyId: agency.get("LC.SCT")!, ...Q2, subtree: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const unit: Record<number, number> = { 2: 1, 3: 1, 4: 1, 7: 1, 12: 50, 13: 20 };
      for (let col = 1; col <= 20; col++) {
        assert.equal(res.body.cells[`LC.SCT.${col}`], KQTH_Q2[col], `LC.SCT.${col}`);
        assert.equal(res.body.cells[`LC.SCT.QLTT.${col}`], unit[col] ?? 0, `LC.SCT.QLTT.${col}`);
        assert.equal(
          res.body.cells[`tong.${col}`],
          Number((KQTH_Q2[col]! + (unit[col] ?? 0)).toFixed(6)),
          `tong.${col}`,
        );
      }
    });

    test("every figure drills down to the records it counts", async () => {
      const drill = (cell: string) =>
        tonghop.get(
          `/api/reports/drilldown?${query({ form: "05/KQTH", agencyId: agency.get("LC.SCT")!, ...Q2, cell })}`,
        );
      const done = await drill("tong.6");
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.deepEqual(
        done.body.items.map((i: { code: string }) => i.code),
        ["VV-E2", "VV-E3"],
      );
      const recovered = await drill("tong.9");
      assert.deepEqual(
        recovered.body.items.map((i: { code: string; amount: number; date: string }) => [i.code, i.date, i.amount]),
        [
          ["VV-E1", "2023-04-01", 2.5],
          ["VV-E2", "2023-05-05", 1.234567],
        ],
      );
      const carried = await drill("tong.1");
      assert.deepEqual(
        carried.body.items.map((i: { code: string }) => i.code),
        ["VV-E1", "VV-E2"],
      );
      assert.equal(carried.body.total, KQTH_Q2[1]);
    });

    test("the Excel form carries the figures, money in millions", async () => {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/reports/form.xlsx?${query({ form: "05/KQTH", agencyId: agency.get("LC.SCT")!, ...Q2 })}`,
        headers: { cookie: `mb_session=${tonghop.session}` },
      });
      assert.equal(res.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      assert.equal(sheet.getCell(2, 1).value, KQTH_TITLE);
      // The total row: the 20 columns from the third, as counted by hand.
      const row = Array.from({ length: 20 }, (_, i) => sheet.getCell(9, 3 + i).value);
      assert.deepEqual(
        row,
        Array.from({ length: 20 }, (_, i) => KQTH_Q2[i + 1]),
      );
    });

    const CELLS = { form: "06/QLKNTC", ...Q2 };

    test("06/QLKNTC: manual cells entered, shown marked 'nhập tay', summed over the subtree", async () => {
      const sct = agency.get("LC.SCT")!;
      const qltt = agency.get("LC.SCT.QLTT")!;
      const saved = await tonghop.put("/api/reports/manual-cells", {
        ...CELLS,
        agencyId: sct,
        cells: [
          { cell: "qlkntc_responsibility_inspections", value: 2 },
          { cell: "qlkntc_propaganda_people", value: "1.250", note: "Hội nghị tuyên truyền tại 5 xã" },
        ],
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const shown = saved.body.cells.find((c: { cell: string }) => c.cell === "qlkntc_propaganda_people");
      assert.equal(shown.value, 1250);
      assert.equal(shown.updatedBy, "Vũ Thị Lan");
      assert.equal(saved.body.canWrite, true);
      const unit = await tonghop.put("/api/reports/manual-cells", {
        ...CELLS,
        agencyId: qltt,
        cells: [{ cell: "qlkntc_responsibility_inspections", value: 1 }],
      });
      assert.equal(unit.status, 200, JSON.stringify(unit.body));
      // Another period's entry is not counted in Q2.
      await tonghop.put("/api/reports/manual-cells", {
        form: "06/QLKNTC",
        ...Q1,
        agencyId: sct,
        cells: [{ cell: "qlkntc_responsibility_inspections", value: 40 }],
      });

      const res = await compute({ form: "06/QLKNTC", agencyId: sct, ...Q2, subtree: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.columns[0].label, "Số cuộc (nhập tay)");
      assert.equal(res.body.cells["tong.1"], 3);
      assert.equal(res.body.cells["LC.SCT.1"], 2);
      assert.equal(res.body.cells["LC.SCT.QLTT.1"], 1);
      assert.equal(res.body.cells["tong.7"], 1250);
      assert.equal(res.body.cells["tong.2"], 0);
      const h1 = await compute({ form: "06/QLKNTC", agencyId: sct, ...H1 });
      assert.equal(h1.body.cells["tong.1"], 0, "a 6-month report counts the cells entered for the 6 months only");

      const drill = await tonghop.get(
        `/api/reports/drilldown?${query({ form: "06/QLKNTC", agencyId: sct, ...Q2, subtree: true, cell: "tong.1" })}`,
      );
      assert.equal(drill.status, 200, JSON.stringify(drill.body));
      assert.deepEqual(
        drill.body.items.map((i: { agencyCode: string; amount: number }) => [i.agencyCode, i.amount]).sort(),
        [
          ["LC.SCT", 2],
          ["LC.SCT.QLTT", 1],
        ],
      );
    });

    test("a value that is not a number is refused, naming the cell, and nothing is saved", async () => {
      const sct = agency.get("LC.SCT")!;
      for (const [value, pattern] of [
        ["abc", /Thanh tra trách nhiệm: số đơn vị được thanh tra.*không phải là một số/],
        ["2,5", /phải là số nguyên/],
        [-1, /không được âm/],
      ] as const) {
        const res = await tonghop.put("/api/reports/manual-cells", {
          ...CELLS,
          agencyId: sct,
          cells: [
            { cell: "qlkntc_documents_issued", value: 4 },
            { cell: "qlkntc_responsibility_units", value },
          ],
        });
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.equal(res.body.code, "REPORT_MANUAL_CELL_INVALID");
        assert.equal(res.body.field, "cells.1.value");
        assert.match(res.body.message, pattern);
      }
      const unknown = await tonghop.put("/api/reports/manual-cells", {
        ...CELLS,
        agencyId: sct,
        cells: [{ cell: "petitions_received", value: 4 }],
      });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.field, "cells.0.cell");
      const period = await tonghop.put("/api/reports/manual-cells", {
        ...CELLS,
        from: "2023-04-01",
        to: "2023-06-30",
        agencyId: sct,
        cells: [{ cell: "qlkntc_documents_issued", value: 4 }],
      });
      assert.equal(period.status, 400);
      assert.equal(period.body.code, "REPORT_PERIOD_INVALID");
      // An ad hoc report (đột xuất) takes any days, as the form itself does.
      const adhoc = await tonghop.get(
        `/api/reports/manual-cells?${query({ ...CELLS, from: "2023-04-01", to: "2023-06-30", kind: "adhoc", agencyId: sct })}`,
      );
      assert.equal(adhoc.status, 200, JSON.stringify(adhoc.body));
      assert.equal(adhoc.body.period, null);
      const now = await tonghop.get(`/api/reports/manual-cells?${query({ ...CELLS, agencyId: sct })}`);
      assert.equal(now.status, 200);
      assert.equal(now.body.cells.find((c: { cell: string }) => c.cell === "qlkntc_documents_issued").value, null);
      // A viewer reads the cells but may not write them; another Department sees none of them.
      const viewer = await t.login("lanhdao");
      const read = await viewer.get(`/api/reports/manual-cells?${query({ ...CELLS, agencyId: sct })}`);
      assert.equal(read.status, 200);
      assert.equal(read.body.canWrite, false);
      const write = await viewer.put("/api/reports/manual-cells", {
        ...CELLS,
        agencyId: sct,
        cells: [{ cell: "qlkntc_documents_issued", value: 4 }],
      });
      assert.equal(write.status, 403);
      const outsider = await t.login("xulydon.snnmt");
      const outside = await outsider.get(`/api/reports/manual-cells?${query({ ...CELLS, agencyId: sct })}`);
      assert.equal(outside.status, 403);
    });

    test("a submitted 06/QLKNTC keeps its manual cells frozen; the audit trail has each change", async () => {
      const sct = agency.get("LC.SCT")!;
      const created = await tonghop.post("/api/reports/submissions", { ...CELLS, agencyId: sct });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      assert.equal(created.body.snapshot.cells["tong.1"], 2);
      await tonghop.put("/api/reports/manual-cells", {
        ...CELLS,
        agencyId: sct,
        cells: [{ cell: "qlkntc_responsibility_inspections", value: 9 }],
      });
      const later = await tonghop.get(`/api/reports/submissions/${created.body.id}`);
      assert.equal(later.body.snapshot.cells["tong.1"], 2);
      const live = await compute({ form: "06/QLKNTC", agencyId: sct, ...Q2 });
      assert.equal(live.body.cells["tong.1"], 9);
      // The sent figure drills down to the entry as it was counted then: 2, not today's 9.
      const sent = await tonghop.get(`/api/reports/submissions/${created.body.id}/drilldown?cell=tong.1`);
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.deepEqual(
        sent.body.items.map((i: { amount: number }) => i.amount),
        [2],
      );
      assert.equal(sent.body.sources[0].kind, "frozen");
      const audit = await t.system.database.db
        .selectFrom("audit_event")
        .select(["summary"])
        .where("action", "=", "report.manual_cells.saved")
        .orderBy("id")
        .execute();
      const last = audit.at(-1)!.summary as { cells: Record<string, { before: number; after: number }> };
      assert.deepEqual(last.cells.qlkntc_responsibility_inspections, { before: 2, after: 9 });
    });
  });
}
