/**
 * A consolidated report's "same period last year" from last year's sent reports where they exist
 * (modules/reports/rollup.ts lastYearSources, docs/LAW.md §11.9), on both databases.
 *
 * The province (LC.UBND and the units reporting to it), 02/XLD, Q4/2025 = 15/09/2025–14/12/2025;
 * last year Q4/2024 = 15/09/2024–14/12/2024. Test units existing since 2020 (column 3 = received):
 * - T.SO.A (on the system): LA1, LA2 received → revision 1 sent (2), returned; LA3 → revision 2
 *   sent (3), accepted; LA4 recorded afterwards, dated in Q4/2024: the records say 4, the row 3.
 * - T.CC.B (a branch of LC.SCT, no account: not on the system) uploaded its filled Q4/2024 form:
 *   3 carried over + 7 received = 10 (col 1) = 6 handled (col 16) + 4 in progress (col 22). No
 *   record: the row is 7 received, 10 in total, 4 in progress.
 * - T.SO.C sent its report of "the unit and its units" (T.SO.C: LC1; T.SO.C.1: LC2) = 2; LC3 at
 *   T.SO.C.1 afterwards. Row T.SO.C 2, row T.SO.C.1 0 (its figures are in T.SO.C's report).
 * - LC.TT: not sent; its predecessor OLD.TTS.SCT.LC has L1, not sent: 1 from the records.
 * - LC.X.BACHA: its predecessor OLD.UBND.X.BACHA sent 1 (L2); L3 afterwards: the row 1.
 * - T.SO.E (from 01/07/2025) with two predecessors: T.OLD.E1 sent 1 (LE1; LE2 afterwards),
 *   T.OLD.E2 not sent, 2 records (LE3, LE4): the row 1 + 2 = 3, "mixed".
 * - The province's predecessor OLD.UBND.LC sent a report of its whole subtree (say 50): the
 *   consolidator's row uses its reports of itself alone, so it is not used; L1 and L2 stay in
 *   their successors' rows. In the cluster, LC.UBND's row is the province with its units: there
 *   the old province's report counts (see the cluster test).
 * Last year's total received: 3 + 7 + 2 + 0 + 1 + 1 + 3 = 17 (no transfer, no duplicate).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { computeReport } from "../src/modules/reports/compute.ts";
import { recordedLetter } from "./support/petitions.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

const Q4 = { from: "2025-09-15", to: "2025-12-14" };
const LY = { from: "2024-09-15", to: "2024-12-14" };
const COL = { total: 1, received: 3, handled: 16, open: 22 };

type LastYearUnit = {
  key: string;
  source: string;
  submissions: {
    id: string;
    agency: { code: string };
    revision: number;
    status: string;
    subtree: boolean;
    row: string;
  }[];
};

for (const db of testDatabases()) {
  describe(`same period last year from last year's sent reports (${db.kind})`, () => {
    let t: TestApp;
    let tinh: TestClient;
    let tonghop: TestClient;
    const agency = new Map<string, string>();
    const storageDir = mkdtempSync(path.join(os.tmpdir(), "minhbach-last-year-"));

    async function petition(key: string, code: string, receivedOn: string) {
      return recordedLetter(t.system.database.db, agency.get(code)!, key, {
        received_on: receivedOn,
        kind: "complaint",
        eligible: true,
        competence: "within",
        state: "ELIGIBLE",
        signer_count: 1,
      });
    }

    async function newAgency(
      code: string,
      name: string,
      kind: string,
      parent: string | null,
      from: string,
      to?: string,
    ) {
      const row = await t.system.database.db
        .insertInto("agency")
        .values({
          code,
          name,
          kind,
          parent_id: parent ? agency.get(parent)! : null,
          valid_from: from,
          valid_to: to ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      agency.set(code, row.id);
    }

    /** The unit's Q4/2024 report as it was computed and sent now (a later record does not change it). */
    async function send(
      code: string,
      revision: number,
      status: "submitted" | "returned" | "accepted",
      subtree = false,
      indicators?: Record<string, number>,
    ) {
      const kdb = t.system.database.db;
      const computed = await computeReport(kdb, null, {
        form: "02/XLD",
        agencyId: agency.get(code)!,
        ...LY,
        subtree,
        kind: "periodic",
      });
      const at = new Date("2024-12-20T02:00:00Z");
      const row = await kdb
        .insertInto("report_submission")
        .values({
          agency_id: agency.get(code)!,
          form: "02/XLD",
          period_from: LY.from,
          period_to: LY.to,
          subtree,
          kind: "periodic",
          revision,
          snapshot: JSON.stringify(indicators ? { ...computed, indicators } : computed),
          status,
          correction_reason: revision > 1 ? "Bổ sung đơn tiếp nhận cuối kỳ" : null,
          return_reason: status === "returned" ? "Thiếu đơn tiếp nhận cuối kỳ" : null,
          drafted_by: null,
          drafted_by_name: "Người lập",
          submitted_by: null,
          submitted_by_name: "Người ký",
          submitted_at: at,
          returned_by: null,
          returned_by_name: status === "returned" ? "Cấp trên" : null,
          returned_at: status === "returned" ? at : null,
          accepted_by: null,
          accepted_by_name: status === "accepted" ? "Cấp trên" : null,
          accepted_at: status === "accepted" ? at : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id: row.id, received: computed.indicators.petitions_received };
    }

    const province = () =>
      tinh.get(
        `/api/reports/compute?${new URLSearchParams({ form: "02/XLD", agencyId: agency.get("LC.UBND")!, ...Q4, scope: "subtree" }).toString()}`,
      );
    const unitOf = (r: { consolidation: { lastYear: { units: LastYearUnit[] } } }, key: string) =>
      r.consolidation.lastYear.units.find((u) => u.key === key)!;

    const sent: Record<string, string> = {};

    before(async () => {
      t = await startTestApp({ db, listen: false, config: { storageDir } });
      const kdb = t.system.database.db;
      for (const a of await kdb.selectFrom("agency").select(["id", "code"]).execute()) agency.set(a.code, a.id);
      await newAgency("T.SO.A", "Sở A (thử)", "department", "LC.UBND", "2020-01-01");
      await newAgency("T.CC.B", "Chi cục B (thử)", "department_unit", "LC.SCT", "2020-01-01");
      await newAgency("T.SO.C", "Sở C (thử)", "department", "LC.UBND", "2020-01-01");
      await newAgency("T.SO.C.1", "Phòng C1 (thử)", "department_unit", "T.SO.C", "2020-01-01");
      await newAgency("T.OLD.E1", "Đơn vị E1 (thử, đã hợp nhất)", "department", null, "2020-01-01", "2025-06-30");
      await newAgency("T.OLD.E2", "Đơn vị E2 (thử, đã hợp nhất)", "department", null, "2020-01-01", "2025-06-30");
      await newAgency("T.SO.E", "Sở E (thử)", "department", "LC.UBND", "2025-07-01");
      await kdb
        .insertInto("agency_lineage")
        .values(
          ["T.OLD.E1", "T.OLD.E2"].map((code) => ({
            successor_id: agency.get("T.SO.E")!,
            predecessor_id: agency.get(code)!,
            effective_date: "2025-07-01",
          })),
        )
        .execute();

      // T.SO.A: revision 1 (2 letters) returned, revision 2 (3 letters) accepted, then a 4th.
      await petition("LA1", "T.SO.A", "2024-10-01");
      await petition("LA2", "T.SO.A", "2024-10-15");
      assert.equal((await send("T.SO.A", 1, "returned")).received, 2);
      await petition("LA3", "T.SO.A", "2024-11-01");
      const a2 = await send("T.SO.A", 2, "accepted");
      assert.equal(a2.received, 3);
      sent.a = a2.id;
      await petition("LA4", "T.SO.A", "2024-11-20");

      // T.SO.C: its report of itself and its unit (2), then LC3 at the unit.
      await petition("LC1", "T.SO.C", "2024-10-05");
      await petition("LC2", "T.SO.C.1", "2024-10-06");
      const c = await send("T.SO.C", 1, "submitted", true);
      assert.equal(c.received, 2);
      sent.c = c.id;
      await petition("LC3", "T.SO.C.1", "2024-11-11");

      // Merged units: one not sent (under LC.TT), one sent then a later record (under LC.X.BACHA).
      await petition("L1", "OLD.TTS.SCT.LC", "2024-10-01");
      await petition("L2", "OLD.UBND.X.BACHA", "2024-11-01");
      const x = await send("OLD.UBND.X.BACHA", 1, "accepted");
      assert.equal(x.received, 1);
      sent.x = x.id;
      await petition("L3", "OLD.UBND.X.BACHA", "2024-11-02");

      // T.SO.E's predecessors: E1 sent 1 (then one more record), E2 never sent (2 records).
      await petition("LE1", "T.OLD.E1", "2024-10-02");
      sent.e1 = (await send("T.OLD.E1", 1, "submitted")).id;
      await petition("LE2", "T.OLD.E1", "2024-10-03");
      await petition("LE3", "T.OLD.E2", "2024-10-04");
      await petition("LE4", "T.OLD.E2", "2024-10-05");

      // The old province's report of its whole subtree, with a figure no count gives.
      await send("OLD.UBND.LC", 1, "accepted", true, { petitions_received: 50, petitions_total: 50 });

      tinh = await t.login("lanhdao.tinh");
      tonghop = await t.login("tonghop");
    });
    after(async () => {
      await t?.close();
      rmSync(storageDir, { recursive: true, force: true });
    });

    test("a unit's sent report of last year stands for its last-year row, not a recount after new records", async () => {
      const live = await tinh.get(
        `/api/reports/compute?${new URLSearchParams({ form: "02/XLD", agencyId: agency.get("T.SO.A")!, ...LY }).toString()}`,
      );
      assert.equal(live.status, 200, JSON.stringify(live.body));
      assert.equal(live.body.indicators.petitions_received, 4, "the records of Q4/2024 now say 4");
      const res = await province();
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const r = res.body;
      assert.equal(r.consolidation.lastYear.from, LY.from);
      assert.equal(r.consolidation.lastYear.to, LY.to);
      assert.equal(r.consolidation.lastYear.cells[`T.SO.A.${COL.received}`], 3, "the accepted revision 2, not 4");
      const a = unitOf(r, "T.SO.A");
      assert.equal(a.source, "snapshot");
      assert.deepEqual(
        a.submissions.map((s) => [s.id, s.agency.code, s.revision, s.status, s.subtree, s.row]),
        [[sent.a, "T.SO.A", 2, "accepted", false, "T.SO.A"]],
      );
      // The Excel's last-year sheet says it too.
      const xlsx = await t.app.inject({
        method: "GET",
        url: `/api/reports/form.xlsx?${new URLSearchParams({ form: "02/XLD", agencyId: agency.get("LC.UBND")!, ...Q4, scope: "subtree" }).toString()}`,
        headers: { cookie: `mb_session=${tinh.session}` },
      });
      assert.equal(xlsx.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const lines: string[] = [];
      workbook.getWorksheet("Cung ky nam truoc")!.eachRow((row) => row.eachCell((c) => lines.push(String(c.value))));
      assert.ok(lines.includes("Cùng kỳ năm trước của Sở A (thử): theo báo cáo đã gửi (lần 2, đã tiếp nhận)"));
      assert.ok(
        lines.includes(
          "Cùng kỳ năm trước của Phòng C1 (thử): đã tính trong báo cáo đã gửi của Sở C (thử) (lần 1, chờ cấp trên tiếp nhận, gồm các đơn vị báo cáo về), ở dòng Sở C (thử)",
        ),
        lines.join("\n"),
      );
      // This period is untouched: T.SO.A has no record of Q4/2025 and has not sent.
      assert.equal(r.cells[`T.SO.A.${COL.received}`], 0);
      assert.equal(r.consolidation.units.find((u: { key: string }) => u.key === "T.SO.A").source, "live");
    });

    test("a unit that uploaded last year's Excel form counts with its uploaded figures", async () => {
      // The Department (T.CC.B's superior) downloads the blank Q4/2024 form and uploads it filled.
      const blank = await t.app.inject({
        method: "GET",
        url: `/api/reports/blank.xlsx?${new URLSearchParams({ form: "02/XLD", agencyId: agency.get("T.CC.B")!, ...LY }).toString()}`,
        headers: { cookie: `mb_session=${tonghop.session}` },
      });
      assert.equal(blank.statusCode, 200, blank.body);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(blank.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets.find((s) => s.state === "visible")!;
      // The figures of report-upload.test.ts: 3 + 7 = 10 = 6 handled + 4 in progress; 7 = 5 + 2.
      const figures: Record<number, number> = {
        ...{ 1: 10, 2: 3, 3: 7, 4: 6, 5: 5, 6: 2, 7: 8, 8: 7, 9: 2 },
        ...{ 16: 6, 17: 1, 18: 2, 19: 3, 22: 4 },
      };
      for (const [no, value] of Object.entries(figures)) sheet.getCell(9, 2 + Number(no)).value = value;
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const uploaded = await tonghop.post("/api/reports/submissions/upload", {
        form: "02/XLD",
        agencyId: agency.get("T.CC.B")!,
        ...LY,
        fileName: "Bieu-02-XLD-ChicucB-Q4-2024.xlsx",
        contentBase64: bytes.toString("base64"),
      });
      assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
      assert.equal(uploaded.body.accepted, true, JSON.stringify(uploaded.body.errors));
      const sub = uploaded.body.submission;
      assert.equal(sub.origin, "upload");

      const r = (await province()).body;
      const ly = r.consolidation.lastYear.cells;
      assert.equal(ly[`T.CC.B.${COL.received}`], 7, "no record in the system: the uploaded 7, not 0");
      assert.equal(ly[`T.CC.B.${COL.total}`], 10);
      assert.equal(ly[`T.CC.B.${COL.handled}`], 6);
      assert.equal(ly[`T.CC.B.${COL.open}`], 4);
      const b = unitOf(r, "T.CC.B");
      assert.equal(b.source, "snapshot");
      assert.deepEqual(
        b.submissions.map((s) => [s.id, s.revision, s.status, s.row]),
        [[sub.id, 1, "submitted", "T.CC.B"]],
      );
      // Its superior's row (LC.SCT, from 01/07/2025) is not touched: the branch is its own row.
      assert.equal(ly[`LC.SCT.${COL.received}`], 0);
      assert.equal(unitOf(r, "LC.SCT").source, "live");
    });

    test("a report of the unit and its units stands for both rows, the unit's later records not counted again", async () => {
      const r = (await province()).body;
      const ly = r.consolidation.lastYear.cells;
      assert.equal(ly[`T.SO.C.${COL.received}`], 2, "the report of T.SO.C and T.SO.C.1 as sent");
      assert.equal(ly[`T.SO.C.1.${COL.received}`], 0, "LC2 is in T.SO.C's report; LC3 came after it");
      const c1 = unitOf(r, "T.SO.C.1");
      assert.equal(c1.source, "snapshot");
      assert.deepEqual(
        c1.submissions.map((s) => [s.id, s.agency.code, s.subtree, s.row]),
        [[sent.c, "T.SO.C", true, "T.SO.C"]],
      );
      assert.deepEqual(
        unitOf(r, "T.SO.C").submissions.map((s) => s.id),
        [sent.c],
      );
    });

    test("units not sent are counted from the records, merged units under their successor, sent or not", async () => {
      const r = (await province()).body;
      const ly = r.consolidation.lastYear.cells;
      // LC.TT: OLD.TTS.SCT.LC did not send: L1 from the records.
      assert.equal(ly[`LC.TT.${COL.received}`], 1);
      const tt = unitOf(r, "LC.TT");
      assert.equal(tt.source, "live");
      assert.deepEqual(tt.submissions, []);
      // LC.X.BACHA: OLD.UBND.X.BACHA sent 1 (L2); L3 recorded later is not added.
      assert.equal(ly[`LC.X.BACHA.${COL.received}`], 1);
      const xa = unitOf(r, "LC.X.BACHA");
      assert.equal(xa.source, "snapshot", "LC.X.BACHA did not exist last year: its predecessor's report is all");
      assert.deepEqual(
        xa.submissions.map((s) => [s.id, s.agency.code, s.row]),
        [[sent.x, "OLD.UBND.X.BACHA", "LC.X.BACHA"]],
      );
      // T.SO.E: E1's sent 1 (not its 2 records) + E2's 2 records.
      assert.equal(ly[`T.SO.E.${COL.received}`], 3);
      const e = unitOf(r, "T.SO.E");
      assert.equal(e.source, "mixed");
      assert.deepEqual(
        e.submissions.map((s) => [s.id, s.agency.code]),
        [[sent.e1, "T.OLD.E1"]],
      );
      const successors = r.consolidation.lastYear.successors.find((s: { key: string }) => s.key === "T.SO.E");
      assert.deepEqual([...successors.predecessors].sort(), [
        "Đơn vị E1 (thử, đã hợp nhất)",
        "Đơn vị E2 (thử, đã hợp nhất)",
      ]);
      // The province's own row: its predecessor's report of the whole old province (50) is not a row.
      assert.equal(ly[`LC.UBND.${COL.received}`], 0);
      assert.equal(unitOf(r, "LC.UBND").source, "live");
      // The total: 3 + 7 + 2 + 0 + 1 + 1 + 3 = 17, the rows added up (no duplicate last year).
      assert.equal(ly[`tong.${COL.received}`], 17);
      assert.equal(r.consolidation.lastYear.indicators.petitions_received, 17);
      let sum = 0;
      for (const u of r.consolidation.units as { key: string }[]) sum += ly[`${u.key}.${COL.received}`];
      assert.equal(sum, 17);
    });

    test("a cluster: the member's row takes every sent report of its agencies, its predecessor's whole-province one too", async () => {
      const group = await t.system.database.db
        .selectFrom("agency_group")
        .select("id")
        .where("code", "=", "CUM.MNPB")
        .executeTakeFirstOrThrow();
      const res = await tinh.get(
        `/api/reports/compute?${new URLSearchParams({ form: "02/XLD", agencyId: agency.get("LC.UBND")!, ...Q4, scope: "cluster", groupId: group.id }).toString()}`,
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const r = res.body;
      // LC.UBND's row is the member with its units: OLD.UBND.LC's report of the old province (50)
      // stands for it and its units then (L1 at OLD.TTS.SCT.LC, L2 and L3 at OLD.UBND.X.BACHA, whose
      // own report is inside it); T.SO.A 3, T.CC.B 7, T.SO.C 2, T.OLD.E1 1 as sent; T.OLD.E2's 2
      // records: 50 + 3 + 7 + 2 + 1 + 2 = 65. The other members have nothing last year.
      assert.equal(r.consolidation.lastYear.cells[`LC.UBND.${COL.received}`], 65);
      assert.equal(r.consolidation.lastYear.cells[`tong.${COL.received}`], 65);
      const row = unitOf(r, "LC.UBND");
      assert.equal(row.source, "mixed");
      assert.deepEqual(row.submissions.map((s) => s.agency.code).sort(), [
        "OLD.UBND.LC",
        "T.CC.B",
        "T.OLD.E1",
        "T.SO.A",
        "T.SO.C",
      ]);
      assert.ok(row.submissions.every((s) => s.row === "LC.UBND"));
      assert.equal(unitOf(r, "TQ.UBND").source, "live");
    });

    test("a consolidated report saved before last year's sources were recorded still reads", async () => {
      const kdb = t.system.database.db;
      const row = await kdb
        .selectFrom("report_submission")
        .select("snapshot")
        .where("id", "=", sent.c!)
        .executeTakeFirstOrThrow();
      const snapshot = (typeof row.snapshot === "string" ? JSON.parse(row.snapshot) : row.snapshot) as {
        consolidation: { lastYear: Record<string, unknown> };
      };
      delete snapshot.consolidation.lastYear.units;
      await kdb
        .updateTable("report_submission")
        .set({ snapshot: JSON.stringify(snapshot) })
        .where("id", "=", sent.c!)
        .execute();
      const res = await tinh.get(`/api/reports/submissions/${sent.c}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.snapshot.consolidation.lastYear.units, undefined);
      assert.equal(res.body.snapshot.indicators.petitions_received, 2);
    });

    test("a later revision not yet sent (a draft or a return) leaves last year to the records", async () => {
      // T.OLD.E1's report returned: its latest revision is no longer sent, E1 counts from the records (2).
      await t.system.database.db
        .updateTable("report_submission")
        .set({ status: "returned", return_reason: "Số liệu chưa khớp", returned_at: new Date() })
        .where("id", "=", sent.e1!)
        .execute();
      const r = (await province()).body;
      assert.equal(r.consolidation.lastYear.cells[`T.SO.E.${COL.received}`], 4, "E1's 2 + E2's 2 records");
      const e = unitOf(r, "T.SO.E");
      assert.equal(e.source, "live");
      assert.deepEqual(e.submissions, []);
      assert.equal(r.consolidation.lastYear.cells[`tong.${COL.received}`], 18);
    });

    test("a transfer inside a sent report of the unit and its units is taken off once, by that report", async () => {
      const kdb = t.system.database.db;
      // This period: QC1 at T.SO.C transferred to its unit T.SO.C.1 as QC2; both received in Q4/2025.
      const qc1 = await petition("QC1", "T.SO.C", "2025-10-01");
      const qc2 = await petition("QC2", "T.SO.C.1", "2025-10-03");
      await kdb.updateTable("petition").set({ transferred_from_id: qc1 }).where("id", "=", qc2).execute();
      const cell = (r: { cells: Record<string, number> }, row: string) => r.cells[`${row}.${COL.received}`] ?? 0;
      const before = (await province()).body;
      assert.equal(cell(before, "T.SO.C"), 1, "live: the unit's own row");
      assert.equal(cell(before, "T.SO.C.1"), 1, "live: its unit's row");

      // T.SO.C sends its report of itself and its unit: 2 letters, the transfer counted once = 1.
      await kdb
        .updateTable("app_user")
        .set({ agency_id: agency.get("T.SO.C")!, roles: ["reporting_officer", "leader"] })
        .where("username", "=", "tonghop")
        .execute();
      try {
        const writer = await t.login("tonghop");
        const saved = await writer.post("/api/reports/submissions", {
          form: "02/XLD",
          agencyId: agency.get("T.SO.C")!,
          ...Q4,
          subtree: true,
          kind: "periodic",
        });
        assert.equal(saved.status, 200, JSON.stringify(saved.body));
        assert.equal(saved.body.snapshot.indicators.petitions_received, 1);
        const submitted = await writer.post(`/api/reports/submissions/${saved.body.id}/submit`, {
          version: saved.body.version,
        });
        assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      } finally {
        await kdb
          .updateTable("app_user")
          .set({ agency_id: agency.get("LC.SCT")!, roles: ["reporting_officer"] })
          .where("username", "=", "tonghop")
          .execute();
      }

      // The province: the row is the sent 1; the pair is not taken off a second time.
      const after = (await province()).body;
      assert.equal(cell(after, "T.SO.C"), 1, "the unit's report stands for both");
      assert.equal(cell(after, "T.SO.C.1"), 0);
      assert.equal(cell(after, "tru_trung"), cell(before, "tru_trung") - 1);
      assert.equal(cell(after, "tong"), cell(before, "tong"), "the same letters, counted once either way");
      // The total drills down to as many letters as it says: QC2, not QC1; the row to QC2 alone.
      const drill = (row: string) =>
        tinh.get(
          `/api/reports/drilldown?${new URLSearchParams({ form: "02/XLD", agencyId: agency.get("LC.UBND")!, ...Q4, scope: "subtree", cell: `${row}.${COL.received}`, pageSize: "100" }).toString()}`,
        );
      const total = await drill("tong");
      assert.equal(total.status, 200, JSON.stringify(total.body));
      assert.equal(total.body.total, cell(after, "tong"));
      const ids = total.body.items.map((i: { id: string }) => i.id);
      assert.ok(ids.includes(qc2) && !ids.includes(qc1));
      const row = await drill("T.SO.C");
      assert.deepEqual(
        row.body.items.map((i: { id: string }) => i.id),
        [qc2],
      );
      assert.deepEqual(
        row.body.sources.map((x: { kind: string }) => x.kind),
        ["frozen"],
      );
    });
  });
}
