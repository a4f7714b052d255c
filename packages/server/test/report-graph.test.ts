/**
 * The reporting graph, emulation clusters, roll-up without double counting and the
 * same-period-last-year column (modules/reports/graph.ts, rollup.ts), on both databases.
 *
 * Hand count, 02/XLD, Q4/2025 = 15/09/2025–14/12/2025 (columns: 1 total, 3 received, 4 matters
 * received, 7 eligible, 14 within competence, 15 not within, 16 handled, 19 transferred, 21 filed,
 * 22 in progress at the end):
 * - LC.SCT: A1 received 01/10, complaint, eligible, not within its competence, transferred on
 *   05/10 to the provincial Inspectorate; A2 received 10/10, recommendation, eligible, within,
 *   answered 01/11. Own row: received 2, handled 2, transferred 1, eligible 2.
 * - LC.TT: B1 received 08/10, the petition A1 transferred (transferred_from_id = A1), complaint,
 *   eligible, within, in progress; B2 received 05/11, denunciation, not eligible, filed 10/11.
 *   Own row: received 2, handled 1, filed 1, eligible 1, in progress 1.
 * - Province (LC.UBND and the units reporting to it): plain sum received 4; A1 and B1 are the same
 *   letter, both received in the period → counted once: received 3 (adjustment 1), matters 3,
 *   eligible 2 (A1 and B1 both eligible: adjustment 1), handled 3 (A1 handled by its transfer, B1
 *   not yet handled: no duplicate), transferred 1 (a transfer stays an act of the sender).
 * - The reporting graph: test commune T.X.HOA, tree parent the district T.H.HOA (ended 30/06/2025),
 *   reports to LC.UBND from 01/07/2025 by a line: on 30/06/2025 its superior is the district, on
 *   01/07/2025 the province.
 * - Last year (15/09/2024–14/12/2024): one petition at OLD.TTS.SCT.LC (merged into LC.TT) and one
 *   at OLD.UBND.X.BACHA (merged into LC.X.BACHA): each counts under its successor: total 2.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { computeReport } from "../src/modules/reports/compute.ts";
import { superiorOf } from "../src/modules/reports/graph.ts";
import { sweepReportJobs } from "../src/modules/reports/jobs.ts";
import { recordedLetter } from "./support/petitions.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

const Q4 = { from: "2025-09-15", to: "2025-12-14" };
const Q2 = { from: "2025-03-15", to: "2025-06-14" };
const COL = { total: 1, received: 3, matters: 4, eligible: 7, handled: 16, transferred: 19, filed: 21, open: 22 };

for (const db of testDatabases()) {
  describe(`reporting graph and roll-up (${db.kind})`, () => {
    let t: TestApp;
    let admin: TestClient;
    let tinh: TestClient;
    let tonghop: TestClient;
    const agency = new Map<string, string>();
    const petitionId = new Map<string, string>();

    async function petition(
      key: string,
      code: string,
      fields: {
        receivedOn: string;
        kind: string;
        eligible: boolean | null;
        competence: string | null;
        outcome: string | null;
        outcomeOn: string | null;
        state: string;
        from?: string;
      },
    ) {
      const id = await recordedLetter(t.system.database.db, agency.get(code)!, key, {
        received_on: fields.receivedOn,
        kind: fields.kind,
        eligible: fields.eligible,
        competence: fields.competence,
        outcome: fields.outcome,
        outcome_on: fields.outcomeOn,
        state: fields.state,
        signer_count: 1,
        transferred_from_id: fields.from ? petitionId.get(fields.from)! : null,
      });
      petitionId.set(key, id);
    }

    const query = (params: Record<string, string>) => new URLSearchParams({ form: "02/XLD", ...params }).toString();
    const province = (extra: Record<string, string> = {}) =>
      tinh.get(
        `/api/reports/compute?${query({ agencyId: agency.get("LC.UBND")!, ...Q4, scope: "subtree", ...extra })}`,
      );

    before(async () => {
      t = await startTestApp({ db, listen: false });
      const kdb = t.system.database.db;
      for (const a of await kdb.selectFrom("agency").select(["id", "code"]).execute()) agency.set(a.code, a.id);
      // A district ended by the reform and a commune whose tree parent is still that district.
      const district = await kdb
        .insertInto("agency")
        .values({
          code: "T.H.HOA",
          name: "UBND huyện Hòa (thử)",
          kind: "district_committee",
          parent_id: agency.get("LC.UBND")!,
          valid_from: "2020-01-01",
          valid_to: "2025-06-30",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const commune = await kdb
        .insertInto("agency")
        .values({
          code: "T.X.HOA",
          name: "UBND xã Hòa (thử)",
          kind: "commune_committee",
          parent_id: district.id,
          valid_from: "2020-01-01",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      agency.set("T.H.HOA", district.id);
      agency.set("T.X.HOA", commune.id);

      const base = { eligible: true, competence: "within", outcome: null, outcomeOn: null, state: "ELIGIBLE" };
      await petition("A1", "LC.SCT", {
        ...base,
        receivedOn: "2025-10-01",
        kind: "complaint",
        competence: "not_within",
        outcome: "transfer",
        outcomeOn: "2025-10-05",
        state: "TRANSFERRED",
      });
      await petition("A2", "LC.SCT", {
        ...base,
        receivedOn: "2025-10-10",
        kind: "recommendation",
        outcome: "resolve_reply",
        outcomeOn: "2025-11-01",
        state: "RESOLVED_REPLY",
      });
      await petition("B1", "LC.TT", { ...base, receivedOn: "2025-10-08", kind: "complaint", from: "A1" });
      await petition("B2", "LC.TT", {
        ...base,
        receivedOn: "2025-11-05",
        kind: "denunciation",
        eligible: false,
        competence: null,
        outcome: "archive",
        outcomeOn: "2025-11-10",
        state: "FILED",
      });
      // Last year, at two units merged on 01/07/2025.
      await petition("L1", "OLD.TTS.SCT.LC", { ...base, receivedOn: "2024-10-01", kind: "complaint" });
      await petition("L2", "OLD.UBND.X.BACHA", { ...base, receivedOn: "2024-11-01", kind: "complaint" });

      admin = await t.login("admin");
      tinh = await t.login("lanhdao.tinh");
      tonghop = await t.login("tonghop");
    });
    after(() => t?.close());

    test("a line: the commune reports to its district until 30/06/2025 and to the province from 01/07/2025", async () => {
      const kdb = t.system.database.db;
      const commune = agency.get("T.X.HOA")!;
      // No line yet: the tree parent on both days.
      assert.equal(await superiorOf(kdb, commune, "2025-07-01"), agency.get("T.H.HOA"));
      const added = await admin.post("/api/reports/lines", {
        agencyId: commune,
        reportsToId: agency.get("LC.UBND")!,
        validFrom: "2025-07-01",
        basis: "Nghị quyết 1656/NQ-UBTVQH15 sắp xếp đơn vị hành chính cấp xã",
      });
      assert.equal(added.status, 200, JSON.stringify(added.body));
      assert.equal(added.body.reportsTo.code, "LC.UBND");
      assert.equal(await superiorOf(kdb, commune, "2025-06-30"), agency.get("T.H.HOA"));
      assert.equal(await superiorOf(kdb, commune, "2025-07-01"), agency.get("LC.UBND"));
      const audit = await kdb
        .selectFrom("audit_event")
        .select(["summary"])
        .where("action", "=", "report.line.added")
        .where("entity_id", "=", added.body.id)
        .executeTakeFirst();
      assert.ok(audit, "the line is audited");

      const listed = await admin.get("/api/reports/lines");
      assert.equal(listed.status, 200);
      assert.ok(listed.body.items.some((l: { id: string }) => l.id === added.body.id));

      // Timeliness follows the graph on the period's end date: Q4/2025 the province expects the
      // commune (tree parent: the district); Q2/2025 the district does, the province does not.
      const q4 = await tinh.get(`/api/reports/submissions/timeliness?${query(Q4)}`);
      assert.equal(q4.status, 200);
      const q4codes = q4.body.items.map((i: { agency: { code: string } }) => i.agency.code);
      assert.ok(q4codes.includes("T.X.HOA"));
      assert.ok(!q4codes.includes("T.H.HOA"), "the district has ended by 14/12/2025");
      const q2 = await tinh.get(`/api/reports/submissions/timeliness?${query(Q2)}`);
      const q2codes = q2.body.items.map((i: { agency: { code: string } }) => i.agency.code);
      assert.ok(!q2codes.includes("T.X.HOA"));
      assert.ok(q2codes.includes("T.H.HOA"));

      // Submissions: the commune's Q4/2025 report goes to the province, its Q2/2025 one to the district.
      const ids: Record<string, string> = {};
      for (const [name, period] of [
        ["q4", Q4],
        ["q2", Q2],
      ] as const) {
        const row = await kdb
          .insertInto("report_submission")
          .values({
            agency_id: commune,
            form: "02/XLD",
            period_from: period.from,
            period_to: period.to,
            subtree: false,
            kind: "periodic",
            revision: 1,
            snapshot: JSON.stringify(
              await computeReport(kdb, null, {
                form: "02/XLD",
                agencyId: commune,
                ...period,
                subtree: false,
                kind: "periodic",
              }),
            ),
            status: "submitted",
            correction_reason: null,
            return_reason: null,
            drafted_by: null,
            drafted_by_name: "Người lập",
            submitted_by: null,
            submitted_by_name: "Người ký",
            submitted_at: new Date("2025-12-15T02:00:00Z"),
            returned_by: null,
            returned_by_name: null,
            accepted_by: null,
            accepted_by_name: null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids[name] = row.id;
      }
      const list = await tinh.get("/api/reports/submissions?pageSize=200");
      const seen = list.body.items.map((i: { id: string }) => i.id);
      assert.ok(seen.includes(ids.q4));
      assert.ok(!seen.includes(ids.q2), "in Q2/2025 the commune reported to its district");
      const q2get = await tinh.get(`/api/reports/submissions/${ids.q2}`);
      assert.equal(q2get.status, 403);
      const accepted = await tinh.post(`/api/reports/submissions/${ids.q4}/accept`, { version: 1 });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      assert.equal(accepted.body.status, "accepted");
    });

    test("bad lines: overlap, unknown agency, no basis, end before start, no permission", async () => {
      const commune = agency.get("T.X.HOA")!;
      const overlap = await admin.post("/api/reports/lines", {
        agencyId: commune,
        reportsToId: agency.get("LC.TT")!,
        validFrom: "2025-08-01",
        basis: "Thử chồng lấn",
      });
      assert.equal(overlap.status, 409);
      assert.equal(overlap.body.code, "REPORTING_LINE_OVERLAP");
      assert.equal(overlap.body.field, "validFrom");
      assert.match(overlap.body.message, /đã có quan hệ báo cáo/);
      const unknown = await admin.post("/api/reports/lines", {
        agencyId: commune,
        reportsToId: "00000000-0000-4000-8000-000000000000",
        validFrom: "2030-01-01",
        basis: "Thử",
      });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.code, "AGENCY_NOT_FOUND");
      assert.equal(unknown.body.field, "reportsToId");
      const noBasis = await admin.post("/api/reports/lines", {
        agencyId: commune,
        reportsToId: agency.get("LC.TT")!,
        validFrom: "2030-01-01",
        basis: "  ",
      });
      assert.equal(noBasis.status, 400);
      assert.equal(noBasis.body.field, "basis");
      const backwards = await admin.post("/api/reports/lines", {
        agencyId: commune,
        reportsToId: agency.get("LC.TT")!,
        validFrom: "2030-01-01",
        validTo: "2029-12-31",
        basis: "Thử",
      });
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.field, "validTo");
      const self = await admin.post("/api/reports/lines", {
        agencyId: commune,
        reportsToId: commune,
        validFrom: "2030-01-01",
        basis: "Thử",
      });
      assert.equal(self.status, 400);
      assert.equal(self.body.code, "REPORTING_LINE_SELF");
      const forbidden = await tonghop.post("/api/reports/lines", {
        agencyId: agency.get("LC.SCT.VP")!,
        reportsToId: agency.get("LC.TT")!,
        validFrom: "2030-01-01",
        basis: "Thử",
      });
      assert.equal(forbidden.status, 403);
      // Outside the administrator's scope (another province).
      const outside = await admin.post("/api/reports/lines", {
        agencyId: agency.get("TQ.UBND")!,
        reportsToId: agency.get("LC.UBND")!,
        validFrom: "2030-01-01",
        basis: "Thử",
      });
      assert.equal(outside.status, 403);
      assert.equal(outside.body.field, "agencyId");
      // The database refuses an overlap even past the service (the trigger).
      await assert.rejects(
        t.system.database.db
          .insertInto("reporting_line")
          .values({
            agency_id: commune,
            reports_to_id: agency.get("LC.TT")!,
            valid_from: "2026-01-01",
            valid_to: null,
            basis: "Thử trực tiếp",
            created_by: null,
            closed_by: null,
            close_basis: null,
          })
          .execute(),
      );
      // Closing the line, then a new one from the next day is accepted.
      const lines = (await admin.get("/api/reports/lines")).body.items as {
        id: string;
        agency: { id: string };
        version: number;
      }[];
      const line = lines.find((l) => l.agency.id === commune)!;
      const closed = await admin.post(`/api/reports/lines/${line.id}/close`, {
        validTo: "2029-12-31",
        basis: "Thử kết thúc",
        version: line.version,
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      assert.equal(closed.body.validTo, "2029-12-31");
      const again = await admin.post(`/api/reports/lines/${line.id}/close`, {
        validTo: "2029-12-31",
        basis: "Thử kết thúc",
        version: closed.body.version,
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, "REPORTING_LINE_CLOSED");
      const next = await admin.post("/api/reports/lines", {
        agencyId: commune,
        reportsToId: agency.get("LC.TT")!,
        validFrom: "2030-01-01",
        basis: "Thử quan hệ mới",
      });
      assert.equal(next.status, 200, JSON.stringify(next.body));
    });

    test("the province counts a petition transferred between two of its units once; each unit keeps it", async () => {
      const sct = await tinh.get(`/api/reports/compute?${query({ agencyId: agency.get("LC.SCT")!, ...Q4 })}`);
      assert.equal(sct.status, 200);
      assert.equal(sct.body.indicators.petitions_received, 2);
      assert.equal(sct.body.indicators.petitions_transferred, 1);
      const tt = await tinh.get(`/api/reports/compute?${query({ agencyId: agency.get("LC.TT")!, ...Q4 })}`);
      assert.equal(tt.body.indicators.petitions_received, 2);

      const res = await province();
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const r = res.body;
      const cell = (row: string, col: number) => r.cells[`${row}.${col}`];
      // Per-unit rows keep each unit's own figures.
      assert.equal(cell("LC.SCT", COL.received), 2);
      assert.equal(cell("LC.TT", COL.received), 2);
      assert.equal(cell("LC.SCT", COL.handled), 2);
      assert.equal(cell("LC.TT", COL.handled), 1);
      // The plain sum, the adjustment and the total.
      assert.equal(cell("cong_don_vi", COL.received), 4);
      assert.equal(cell("tru_trung", COL.received), 1);
      assert.equal(cell("tong", COL.received), 3);
      assert.equal(cell("tong", COL.matters), 3);
      assert.equal(cell("tong", COL.total), 3);
      assert.equal(cell("tru_trung", COL.eligible), 1);
      assert.equal(cell("tong", COL.eligible), 2);
      assert.equal(cell("tong", COL.handled), 3);
      assert.equal(cell("tru_trung", COL.handled), 0);
      assert.equal(cell("tong", COL.transferred), 1);
      assert.equal(cell("tong", COL.open), 1);
      assert.equal(r.indicators.petitions_received, 3);
      assert.equal(r.consolidation.adjustment.petitions_received, 1);
      assert.equal(r.consolidation.plainSum.petitions_received, 4);
      assert.match(r.consolidation.adjustmentNote, /chỉ tính một lần/);
      // Every column: total = plain sum − adjustment.
      for (const c of r.columns as { no: number }[])
        assert.equal(cell("tong", c.no), cell("cong_don_vi", c.no) - cell("tru_trung", c.no), `column ${c.no}`);
      // No unit has sent: each row is live and marked.
      const sctRow = r.consolidation.units.find((u: { key: string }) => u.key === "LC.SCT");
      assert.equal(sctRow.source, "live");
      assert.match(sctRow.note, /chưa gửi báo cáo — số liệu tính từ hồ sơ/);
      // The commune reporting by a line is in the province's rows.
      assert.ok(r.rows.some((row: { key: string }) => row.key === "T.X.HOA"));

      // Drill-down: the total lists the 3 petitions counted (not A1), the unit row its own 2.
      const drill = (cellKey: string) =>
        tinh.get(
          `/api/reports/drilldown?${query({ agencyId: agency.get("LC.UBND")!, ...Q4, scope: "subtree", cell: cellKey })}`,
        );
      const total = await drill(`tong.${COL.received}`);
      assert.equal(total.status, 200, JSON.stringify(total.body));
      assert.equal(total.body.total, 3);
      assert.ok(!total.body.items.some((i: { id: string }) => i.id === petitionId.get("A1")));
      const unit = await drill(`LC.SCT.${COL.received}`);
      assert.equal(unit.body.total, 2);
      assert.ok(unit.body.items.some((i: { id: string }) => i.id === petitionId.get("A1")));
    });

    test("the Excel of the province: unit rows, the adjustment line, the note and last year's sheet", async () => {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/reports/form.xlsx?${query({ agencyId: agency.get("LC.UBND")!, ...Q4, scope: "subtree" })}`,
        headers: { cookie: `mb_session=${tinh.session}` },
      });
      assert.equal(res.statusCode, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      let adjustment = 0;
      sheet.eachRow((row, n) => {
        if (String(row.getCell(2).value ?? "").startsWith("Trừ: đơn chuyển")) adjustment = n;
      });
      assert.ok(adjustment > 9, "the adjustment line");
      assert.equal(sheet.getRow(adjustment).getCell(2 + COL.received).value, 1);
      assert.equal(sheet.getRow(9).getCell(2 + COL.received).value, 3, "the total row");
      const all: string[] = [];
      sheet.eachRow((r) => r.eachCell((cell) => all.push(String(cell.value))));
      assert.ok(all.some((x) => x.includes("chỉ tính một lần")));
      assert.ok(all.some((x) => x.includes("Sở Công Thương tỉnh Lào Cai: Tính từ hồ sơ")));
      const ly = workbook.getWorksheet("Cung ky nam truoc")!;
      assert.ok(ly, "last year's sheet");
      const received = ly.getRow(4 + COL.received);
      assert.equal(received.getCell(3).value, 3);
      assert.equal(received.getCell(4).value, 2);
    });

    test("last year's figures of merged units count under their successor", async () => {
      const r = (await province()).body;
      assert.equal(r.consolidation.lastYear.from, "2024-09-15");
      assert.equal(r.consolidation.lastYear.to, "2024-12-14");
      assert.equal(r.consolidation.lastYear.cells[`LC.TT.${COL.received}`], 1);
      assert.equal(r.consolidation.lastYear.cells[`LC.X.BACHA.${COL.received}`], 1);
      assert.equal(r.consolidation.lastYear.cells[`LC.SCT.${COL.received}`], 0);
      assert.equal(r.consolidation.lastYear.indicators.petitions_received, 2);
      const tt = r.consolidation.lastYear.successors.find((s: { key: string }) => s.key === "LC.TT");
      assert.deepEqual(tt.predecessors, ["Thanh tra Sở Công Thương tỉnh Lào Cai"]);
    });

    test("a unit's submitted snapshot is used instead of a recount after new records arrive", async () => {
      const saved = await tonghop.post("/api/reports/submissions", {
        form: "02/XLD",
        agencyId: agency.get("LC.SCT")!,
        ...Q4,
        subtree: false,
        kind: "periodic",
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const lanhdao = await t.login("lanhdao");
      const sent = await lanhdao.post(`/api/reports/submissions/${saved.body.id}/submit`, {
        version: saved.body.version,
      });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      // A petition the Department records afterwards, dated inside the period.
      await petition("A3", "LC.SCT", {
        eligible: true,
        competence: "within",
        outcome: null,
        outcomeOn: null,
        state: "ELIGIBLE",
        receivedOn: "2025-11-20",
        kind: "complaint",
      });
      const live = await tinh.get(`/api/reports/compute?${query({ agencyId: agency.get("LC.SCT")!, ...Q4 })}`);
      assert.equal(live.body.indicators.petitions_received, 3, "the unit's own live report sees A3");
      const r = (await province()).body;
      const row = r.consolidation.units.find((u: { key: string }) => u.key === "LC.SCT");
      assert.equal(row.source, "snapshot");
      assert.equal(row.submission.id, saved.body.id);
      assert.match(row.note, /theo báo cáo đã gửi/);
      assert.equal(r.cells[`LC.SCT.${COL.received}`], 2, "the snapshot's figure, not 3");
      assert.equal(r.cells[`tong.${COL.received}`], 3, "2 (snapshot) + 2 (LC.TT live) − 1 duplicate");
      const tt = r.consolidation.units.find((u: { key: string }) => u.key === "LC.TT");
      assert.equal(tt.source, "live");

      // The frozen figure drills down to the records counted at the save: A1 and A2, not A3.
      const drill = (cellKey: string) =>
        tinh.get(
          `/api/reports/drilldown?${query({ agencyId: agency.get("LC.UBND")!, ...Q4, scope: "subtree", cell: cellKey })}`,
        );
      const unit = await drill(`LC.SCT.${COL.received}`);
      assert.equal(unit.status, 200, JSON.stringify(unit.body));
      assert.equal(unit.body.total, 2);
      assert.deepEqual(
        unit.body.items.map((i: { id: string }) => i.id).sort(),
        [petitionId.get("A1"), petitionId.get("A2")].sort(),
      );
      assert.deepEqual(
        unit.body.sources.map((s: { agencyCode: string; kind: string; revision: number }) => [
          s.agencyCode,
          s.kind,
          s.revision,
        ]),
        [["LC.SCT", "frozen", 1]],
      );
      // The total: the snapshot's A2 (A1 counted once, at LC.TT as B1) and LC.TT's B1, B2 now.
      const total = await drill(`tong.${COL.received}`);
      assert.equal(total.body.total, 3);
      assert.deepEqual(
        total.body.items.map((i: { id: string }) => i.id).sort(),
        [petitionId.get("A2"), petitionId.get("B1"), petitionId.get("B2")].sort(),
      );
      // A live row says nothing of sent reports.
      assert.deepEqual((await drill(`LC.TT.${COL.received}`)).body.sources, []);
      // The records kept with the report: one row per record, with the figures that counted it.
      const kept = await t.system.database.db
        .selectFrom("report_submission_record")
        .select(["indicators", "row_key", "record_id"])
        .where("submission_id", "=", saved.body.id)
        .where(sql<boolean>`'petitions_received' = any (indicators)`)
        .execute();
      const a2 = kept.find((k) => k.record_id === petitionId.get("A2"))!;
      // A2: a recommendation received, eligible, within competence, handled by a reply.
      for (const code of ["petitions_received", "petitions_eligible", "petitions_handled"])
        assert.ok(a2.indicators.includes(code), code);
      assert.ok(!a2.indicators.includes("petitions_transferred"));
      assert.deepEqual(
        kept.map((k) => [k.row_key, k.record_id]).sort(),
        [
          ["tong", petitionId.get("A1")],
          ["tong", petitionId.get("A2")],
        ].sort(),
      );

      // The province saves its own consolidated report: the Department's row keeps the records of
      // the Department's sent report (A1, A2: not A3), the Inspectorate's row its records now.
      await t.system.database.db
        .updateTable("app_user")
        .set({ roles: ["leader", "reporting_officer"] })
        .where("username", "=", "lanhdao.tinh")
        .execute();
      const writer = await t.login("lanhdao.tinh");
      const own = await writer.post("/api/reports/submissions", {
        form: "02/XLD",
        agencyId: agency.get("LC.UBND")!,
        ...Q4,
        subtree: true,
        kind: "periodic",
      });
      assert.equal(own.status, 200, JSON.stringify(own.body));
      const rows = await t.system.database.db
        .selectFrom("report_submission_record")
        .select(["row_key", "record_id"])
        .where("submission_id", "=", own.body.id)
        .where(sql<boolean>`'petitions_received' = any (indicators)`)
        .execute();
      assert.deepEqual(
        rows.map((k) => [k.row_key, k.record_id]).sort(),
        [
          ["LC.SCT", petitionId.get("A1")],
          ["LC.SCT", petitionId.get("A2")],
          ["LC.TT", petitionId.get("B1")],
          ["LC.TT", petitionId.get("B2")],
        ].sort(),
      );

      // The sent reports as they were sent: a frozen figure of each drills down to its records.
      const sentDrill = (id: string, cellKey: string, client = tinh) =>
        client.get(`/api/reports/submissions/${id}/drilldown?${query({ cell: cellKey })}`);
      const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id).sort();
      const unitSent = await sentDrill(saved.body.id, `tong.${COL.received}`);
      assert.equal(unitSent.status, 200, JSON.stringify(unitSent.body));
      assert.deepEqual(ids(unitSent), [petitionId.get("A1"), petitionId.get("A2")].sort());
      assert.equal(unitSent.body.sources[0].kind, "frozen");
      // The province's own: A1 went to LC.TT as B1, both in its report: the total lists B1 only.
      assert.equal(own.body.snapshot.cells[`tong.${COL.received}`], 3);
      assert.deepEqual(
        ids(await sentDrill(own.body.id, `tong.${COL.received}`)),
        [petitionId.get("A2"), petitionId.get("B1"), petitionId.get("B2")].sort(),
      );
      assert.deepEqual(
        ids(await sentDrill(own.body.id, `LC.SCT.${COL.received}`)),
        [petitionId.get("A1"), petitionId.get("A2")].sort(),
      );
      const badCell = await sentDrill(own.body.id, `cong_don_vi.${COL.received}`);
      assert.equal(badCell.status, 400);
      assert.equal(badCell.body.field, "cell");
      const stranger = await sentDrill(saved.body.id, `tong.${COL.received}`, await t.login("admin.snnmt"));
      assert.equal(stranger.status, 403);
      // Its official Excel form with the frozen figures.
      const xlsx = await t.app.inject({
        method: "GET",
        url: `/api/reports/submissions/${saved.body.id}/form.xlsx`,
        headers: { cookie: `mb_session=${tinh.session}` },
      });
      assert.equal(xlsx.statusCode, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      assert.equal(book.worksheets[0]!.getRow(9).getCell(2 + COL.received).value, 2, "the sent 2, not today's 3");

      // A report saved before the records were kept lists its unit's records now, and says so.
      await t.system.database.db
        .updateTable("report_submission")
        .set({ records_frozen: false })
        .where("id", "=", saved.body.id)
        .execute();
      const today = await drill(`LC.SCT.${COL.received}`);
      assert.equal(today.body.total, 3, "A1, A2 and A3");
      assert.deepEqual(
        today.body.sources.map((s: { kind: string }) => s.kind),
        ["today"],
      );
      const todaySent = await sentDrill(saved.body.id, `tong.${COL.received}`);
      assert.equal(todaySent.body.total, 3);
      assert.deepEqual(
        todaySent.body.sources.map((s: { kind: string }) => s.kind),
        ["today"],
      );
    });

    test("a cluster total, and who may read it", async () => {
      const kdb = t.system.database.db;
      await petition("Q1", "TQ.UBND", {
        eligible: true,
        competence: "within",
        outcome: null,
        outcomeOn: null,
        state: "ELIGIBLE",
        receivedOn: "2025-10-20",
        kind: "complaint",
      });
      const group = await kdb
        .selectFrom("agency_group")
        .select("id")
        .where("code", "=", "CUM.MNPB")
        .executeTakeFirstOrThrow();
      const cluster = (client: TestClient, agencyCode = "LC.UBND") =>
        client.get(
          `/api/reports/compute?${query({ agencyId: agency.get(agencyCode)!, ...Q4, scope: "cluster", groupId: group.id })}`,
        );
      // The demo names LC.UBND the cluster's lead; the province's leader sees LC.UBND but not the
      // other five provinces, so without the lead the cluster is out of scope.
      await kdb.updateTable("agency_group").set({ lead_agency_id: null }).where("id", "=", group.id).execute();
      const refused = await cluster(tinh);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, "OUT_OF_SCOPE");
      assert.equal(refused.body.field, "groupId");
      await kdb
        .updateTable("agency_group")
        .set({ lead_agency_id: agency.get("LC.UBND")! })
        .where("id", "=", group.id)
        .execute();
      const res = await cluster(tinh);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      // LC.UBND has not sent: its row is what its own consolidated report counts — LC.SCT's sent
      // report (A1, A2 = 2; not A3, recorded after it was sent) and the live records of the other
      // units (LC.TT: B1, B2 = 2), each unit once: 4; TQ.UBND: 1. Total 5 − 1 (A1 and B1, both in
      // the cluster) = 4, the province's own total (3) plus TQ.UBND's (1).
      assert.equal(res.body.consolidation.group.code, "CUM.MNPB");
      assert.equal(res.body.consolidation.units.length, 6);
      assert.equal(res.body.cells[`LC.UBND.${COL.received}`], 4);
      assert.equal(res.body.cells[`TQ.UBND.${COL.received}`], 1);
      assert.equal(res.body.cells[`tru_trung.${COL.received}`], 1);
      assert.equal(res.body.cells[`tong.${COL.received}`], 4);
      const member = res.body.consolidation.units.find((u: { key: string }) => u.key === "LC.UBND");
      assert.equal(member.source, "live");
      assert.match(member.note, /chưa gửi báo cáo/);
      assert.match(member.note, /Sở Công Thương tỉnh Lào Cai \(lần 1/);
      assert.equal((await province()).body.cells[`tong.${COL.received}`], 3);

      // A cluster listing a unit and one of its own units: the unit's row covers it, once, whichever
      // code sorts first (LC.SCT sorts before LC.UBND and sent its report).
      const pair = await kdb
        .insertInto("agency_group")
        .values({ code: "CUM.THU", name: "Cụm thử", kind: "emulation_cluster", lead_agency_id: agency.get("LC.UBND")! })
        .returning("id")
        .executeTakeFirstOrThrow();
      await kdb
        .insertInto("agency_group_member")
        .values(
          ["LC.SCT", "LC.UBND"].map((code) => ({
            group_id: pair.id,
            agency_id: agency.get(code)!,
            valid_from: "2020-01-01",
          })),
        )
        .execute();
      const both = await tinh.get(
        `/api/reports/compute?${query({ agencyId: agency.get("LC.UBND")!, ...Q4, scope: "cluster", groupId: pair.id })}`,
      );
      assert.equal(both.status, 200, JSON.stringify(both.body));
      assert.deepEqual(
        both.body.consolidation.units.map((u: { key: string }) => u.key),
        ["LC.UBND"],
      );
      assert.equal(both.body.cells[`tong.${COL.received}`], 3, "the province's own total, LC.SCT not twice");
      // A Department's officer is not the lead and does not see every member.
      const other = await cluster(tonghop, "LC.SCT");
      assert.equal(other.status, 403);
      // No cluster chosen.
      const missing = await tinh.get(
        `/api/reports/compute?${query({ agencyId: agency.get("LC.UBND")!, ...Q4, scope: "cluster" })}`,
      );
      assert.equal(missing.status, 400);
      assert.equal(missing.body.field, "groupId");
      const clusters = await tinh.get("/api/reports/clusters?at=2025-12-14");
      assert.equal(clusters.status, 200);
      assert.ok(clusters.body.items.some((c: { code: string }) => c.code === "CUM.MNPB"));
    });

    /** Polls a job until it is no longer running (the server computes it in the background). */
    async function finished(client: TestClient, id: string) {
      for (let i = 0; i < 400; i++) {
        const res = await client.get(`/api/reports/jobs/${id}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        if (res.body.status !== "running") return res.body;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error("the job did not finish");
    }
    const withoutTime = (r: Record<string, unknown>) => ({ ...r, computedAt: "" });

    test("a province's and a cluster's report as a job: progress to the total, the direct call's report", async () => {
      const kdb = t.system.database.db;
      const body = { form: "02/XLD", agencyId: agency.get("LC.UBND")!, ...Q4, scope: "subtree" };
      const started = await tinh.post("/api/reports/jobs", body);
      assert.equal(started.status, 200, JSON.stringify(started.body));
      // 02/XLD counts petitions only: one step for them, then the totals.
      const steps = 2;
      assert.equal(started.body.total, steps, "one step per kind of record, then the totals");
      assert.deepEqual(started.body.request, { ...body, kind: "periodic", groupId: null });
      const job = await finished(tinh, started.body.id);
      assert.equal(job.status, "done", JSON.stringify(job.error));
      assert.equal(job.done, steps);
      assert.equal(job.total, steps);
      assert.ok(job.finishedAt);
      // The same report as the direct call (LC.SCT's sent snapshot, the live rows, the adjustment, last year).
      const direct = (await province()).body;
      assert.deepEqual(withoutTime(job.report), withoutTime(direct));
      assert.equal(job.report.cells[`tong.${COL.received}`], 3);
      const audit = await kdb
        .selectFrom("audit_event")
        .select("summary")
        .where("action", "=", "report.job.started")
        .where("entity_id", "=", agency.get("LC.UBND")!)
        .execute();
      assert.equal(audit.length, 1, "the start is audited");

      // The steps, in order: the petitions counted, then the totals at done = total.
      const told: { done: number; total: number; label: string }[] = [];
      const stepwise = await computeReport(
        kdb,
        null,
        { form: "02/XLD", agencyId: agency.get("LC.UBND")!, ...Q4, subtree: true, kind: "periodic", scope: "subtree" },
        new Date(direct.computedAt),
        { step: async (done, total, label) => void told.push({ done, total, label }) },
      );
      assert.deepEqual(
        told.map((s) => s.done),
        [1, 2],
      );
      assert.ok(told.every((s) => s.total === steps));
      assert.equal(told[0]!.label, "Đã đếm đơn thư");
      assert.match(told.at(-1)!.label, /Cộng tổng, trừ đơn trùng/);
      assert.deepEqual(withoutTime(stepwise as never), withoutTime(direct));

      // A cluster: the same as the direct call too.
      const group = await kdb
        .selectFrom("agency_group")
        .select("id")
        .where("code", "=", "CUM.MNPB")
        .executeTakeFirstOrThrow();
      const clusterBody = { ...body, scope: "cluster", groupId: group.id };
      const clusterJob = await tinh.post("/api/reports/jobs", clusterBody);
      assert.equal(clusterJob.status, 200, JSON.stringify(clusterJob.body));
      assert.equal(clusterJob.body.total, steps);
      const clusterDone = await finished(tinh, clusterJob.body.id);
      assert.equal(clusterDone.status, "done");
      const clusterDirect = await tinh.get(
        `/api/reports/compute?${query({ agencyId: agency.get("LC.UBND")!, ...Q4, scope: "cluster", groupId: group.id })}`,
      );
      assert.deepEqual(withoutTime(clusterDone.report), withoutTime(clusterDirect.body));

      // Someone who may not read the province's report does not see the job, nor its progress.
      for (const id of [started.body.id, clusterJob.body.id]) {
        const other = await tonghop.get(`/api/reports/jobs/${id}`);
        assert.equal(other.status, 403);
        assert.equal(other.body.code, "OUT_OF_SCOPE");
        assert.equal(other.body.field, "id");
        assert.ok(!("report" in other.body));
      }
      const unknown = await tinh.get("/api/reports/jobs/00000000-0000-4000-8000-000000000000");
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.code, "REPORT_JOB_NOT_FOUND");
      assert.match(unknown.body.message, /Không tìm thấy việc tính báo cáo/);
    });

    test("a bad job is refused at the start, with the field named, and nothing is written", async () => {
      const kdb = t.system.database.db;
      const count = async () =>
        Number(
          (
            await kdb
              .selectFrom("report_job")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const body = { form: "02/XLD", agencyId: agency.get("LC.UBND")!, ...Q4, scope: "subtree" };
      const cases: [Record<string, unknown>, number, string, RegExp][] = [
        [{ ...body, form: "99/XXX" }, 400, "form", /biểu mẫu/i],
        [{ ...body, from: "2025-09-16" }, 400, "from", /Kỳ báo cáo không đúng/],
        [{ ...body, scope: "unit" }, 400, "scope", /phạm vi/i],
        [{ ...body, scope: "cluster" }, 400, "groupId", /cụm thi đua/],
        [{ ...body, agencyId: agency.get("TQ.UBND")! }, 403, "agencyId", /./],
      ];
      for (const [input, status, field, message] of cases) {
        const res = await tinh.post("/api/reports/jobs", input);
        assert.equal(res.status, status, JSON.stringify(res.body));
        assert.equal(res.body.field, field, JSON.stringify(res.body));
        assert.match(res.body.message, message);
      }
      // A user outside the province's scope cannot start its job either.
      const outside = await tonghop.post("/api/reports/jobs", body);
      assert.equal(outside.status, 403);
      assert.equal(await count(), before, "no job row for a refused request");
    });

    test("job housekeeping: 3 running per user, jobs a stopped server left are interrupted, old ones removed", async () => {
      const kdb = t.system.database.db;
      const user = await kdb
        .selectFrom("app_user")
        .select("id")
        .where("username", "=", "lanhdao.tinh")
        .executeTakeFirstOrThrow();
      const body = { form: "02/XLD", agencyId: agency.get("LC.UBND")!, ...Q4, scope: "subtree" };
      const ago = (ms: number) => new Date(Date.now() - ms);
      const DAY = 24 * 60 * 60 * 1000;
      const job = (status: "running" | "done" | "failed", updated: Date, finished: Date | null = null) => ({
        created_by: user.id,
        agency_id: agency.get("LC.UBND")!,
        scope: "subtree" as const,
        form: "02/XLD",
        period_from: Q4.from,
        period_to: Q4.to,
        kind: "periodic" as const,
        status,
        step: null,
        result: null,
        error: null,
        created_at: updated,
        updated_at: updated,
        finished_at: finished,
      });
      const insert = async (row: ReturnType<typeof job>) =>
        (await kdb.insertInto("report_job").values(row).returning("id").executeTakeFirstOrThrow()).id;
      const statusOf = async (id: string) =>
        (await kdb.selectFrom("report_job").select(["status", "error"]).where("id", "=", id).executeTakeFirst()) ??
        null;

      // Three jobs of the user under way (touched a moment ago): a fourth is refused, nothing written.
      const live = [await insert(job("running", ago(1000))), await insert(job("running", ago(2000)))];
      const stale = await insert(job("running", ago(10 * 1000)));
      const jobs = async () =>
        Number(
          (
            await kdb
              .selectFrom("report_job")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await jobs();
      const refused = await tinh.post("/api/reports/jobs", body);
      assert.equal(refused.status, 429, JSON.stringify(refused.body));
      assert.equal(refused.body.code, "REPORT_JOB_LIMIT");
      assert.match(refused.body.message, /đang có 3 việc tính báo cáo tổng hợp chưa xong/);
      assert.equal(await jobs(), before);
      // Another user is not held by them.
      const other = await tonghop.post("/api/reports/jobs", { ...body, agencyId: agency.get("LC.SCT")! });
      assert.equal(other.status, 200, JSON.stringify(other.body));
      await finished(tonghop, other.body.id);

      // The third was left by a server that stopped (not heard from for 3 heartbeats): interrupted.
      await kdb
        .updateTable("report_job")
        .set({ updated_at: ago(61 * 1000) })
        .where("id", "=", stale)
        .execute();
      const old = await insert(job("done", ago(8 * DAY), ago(8 * DAY)));
      const oldFailed = await insert(job("failed", ago(8 * DAY), ago(8 * DAY)));
      const recent = await insert(job("done", ago(6 * DAY), ago(6 * DAY)));
      const shown = await tinh.get(`/api/reports/jobs/${stale}`);
      assert.equal(shown.body.status, "failed");
      assert.equal(shown.body.error.code, "REPORT_JOB_INTERRUPTED");
      const started = await tinh.post("/api/reports/jobs", body);
      assert.equal(started.status, 200, JSON.stringify(started.body));
      assert.equal((await finished(tinh, started.body.id)).status, "done");
      const swept = await statusOf(stale);
      assert.equal(swept?.status, "failed");
      assert.equal((swept?.error as { code: string }).code, "REPORT_JOB_INTERRUPTED");
      for (const id of live) assert.equal((await statusOf(id))?.status, "running");
      // Finished more than 7 days ago: removed; 6 days ago: kept.
      assert.equal(await statusOf(old), null);
      assert.equal(await statusOf(oldFailed), null);
      assert.equal((await statusOf(recent))?.status, "done");
      const gone = await tinh.get(`/api/reports/jobs/${old}`);
      assert.equal(gone.status, 404);

      // The sweep at the server's start: what a stopped process left running is interrupted.
      await kdb
        .updateTable("report_job")
        .set({ updated_at: ago(5 * 60 * 1000) })
        .where("id", "in", live)
        .execute();
      assert.deepEqual(await sweepReportJobs(kdb), { interrupted: 2, removed: 0 });
      for (const id of live) assert.equal((await statusOf(id))?.status, "failed");
    });
  });
}
