/**
 * Late units against per-level deadlines (modules/reports/timeliness.ts), on both databases. The
 * province (LC.UBND, leader `lanhdao.tinh`) looks at its direct units for 02/XLD.
 *
 * Hand count, rule `report.submit` (2 working days after the cut-off for a base unit, 4 for a
 * Department, 7 for the provincial level — values not verified, data of the rule):
 * - Q4/2025 = 15/09/2025–14/12/2025; 14/12 is a Sunday. Commune: Mon 15, Tue 16 → 16/12/2025.
 *   Department (LC.SCT, LC.SNNMT): 15, 16, 17, 18 → 18/12/2025. Thanh tra tỉnh (LC.TT, provincial
 *   level): 15–19 (5), Mon 22 (6), Tue 23 (7) → 23/12/2025.
 * - February 2026 (month period of TT 06/2025) = 15/01/2026–14/02/2026; 14/02 is a Saturday, 15/02
 *   Sunday, 16–20/02 Tết holidays, 21–22/02 weekend. Commune: Mon 23 (1), Tue 24 (2) → 24/02/2026.
 *   Department: 25, 26 → 26/02/2026. Provincial: 27/02 (5), Mon 02/03 (6), Tue 03/03 → 03/03/2026.
 * - LC.SCT submits Q4/2025 at 23:30 on 18/12/2025 Vietnam time (16:30 UTC): on time. LC.SNNMT
 *   submits at 00:30 on 19/12/2025 Vietnam time (17:30 UTC on the 18th): late by 1 day. On
 *   22/12/2025, the communes (due 16/12) are 6 days late and not sent; LC.TT (due 23/12) is not yet due.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { submissionTimeliness } from "../src/modules/reports/timeliness.ts";
import type { AuthContext } from "../src/platform/access.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

const Q4 = { from: "2025-09-15", to: "2025-12-14" };
const FEB = { from: "2026-01-15", to: "2026-02-14" };

for (const db of testDatabases()) {
  describe(`report timeliness (${db.kind})`, () => {
    let t: TestApp;
    let tonghop: TestClient;
    let tinh: TestClient;
    const agency = new Map<string, string>();

    before(async () => {
      t = await startTestApp({ db, listen: false });
      for (const a of await t.system.database.db.selectFrom("agency").select(["id", "code"]).execute())
        agency.set(a.code, a.id);
      tonghop = await t.login("tonghop");
      tinh = await t.login("lanhdao.tinh");
    });
    after(() => t?.close());

    // The service reads only the user's agency; the route's permission check is tested over HTTP below.
    const province = () => ({ agencyId: agency.get("LC.UBND")! }) as AuthContext;

    async function submitted(code: string, at: string) {
      const kdb = t.system.database.db;
      await kdb
        .insertInto("report_submission")
        .values({
          agency_id: agency.get(code)!,
          form: "02/XLD",
          period_from: Q4.from,
          period_to: Q4.to,
          subtree: false,
          kind: "periodic",
          revision: 1,
          snapshot: JSON.stringify({}),
          status: "submitted",
          correction_reason: null,
          return_reason: null,
          drafted_by: null,
          drafted_by_name: "Người lập",
          drafted_at: new Date(at),
          submitted_by: null,
          submitted_by_name: "Người ký",
          submitted_at: new Date(at),
          returned_by: null,
          returned_by_name: null,
          accepted_by: null,
          accepted_by_name: null,
        })
        .execute();
    }

    test("each unit's due date by level, on time, late by days, overdue and not yet due (Q4/2025)", async () => {
      // LC.SCT through the API (saved then submitted), its submission time set to 23:30 on 18/12 VN.
      const saved = await tonghop.post("/api/reports/submissions", {
        form: "02/XLD",
        agencyId: agency.get("LC.SCT")!,
        ...Q4,
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const sent = await tonghop.post(`/api/reports/submissions/${saved.body.id}/submit`, {
        version: saved.body.version,
      });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      await t.system.database.db
        .updateTable("report_submission")
        .set({ submitted_at: new Date("2025-12-18T16:30:00Z") })
        .where("id", "=", saved.body.id)
        .execute();
      await submitted("LC.SNNMT", "2025-12-18T17:30:00Z");

      const view = await submissionTimeliness(
        t.system.database.db,
        province(),
        { form: "02/XLD", ...Q4 },
        new Date("2025-12-22T03:00:00Z"),
      );
      assert.equal(view.period.label, "Quý IV/2025");
      assert.equal(view.today, "2025-12-22");
      assert.equal(view.rule.probable, true);
      const by = new Map(view.items.map((i) => [i.agency.code, i]));
      assert.deepEqual([...by.keys()].sort(), [
        "LC.P.LAOCAI",
        "LC.P.SAPA",
        "LC.P.YENBAI",
        "LC.SCT",
        "LC.SNNMT",
        "LC.TT",
        "LC.X.BACHA",
        "LC.X.MUONGKHUONG",
      ]);
      const sct = by.get("LC.SCT")!;
      assert.deepEqual(
        { due: sct.due, status: sct.status, daysLate: sct.daysLate, on: sct.submittedOn, level: sct.level },
        { due: "2025-12-18", status: "on_time", daysLate: 0, on: "2025-12-18", level: "intermediate" },
      );
      assert.equal(sct.submission?.status, "submitted");
      const snn = by.get("LC.SNNMT")!;
      assert.deepEqual(
        { due: snn.due, status: snn.status, daysLate: snn.daysLate, on: snn.submittedOn },
        { due: "2025-12-18", status: "late", daysLate: 1, on: "2025-12-19" },
      );
      const commune = by.get("LC.X.BACHA")!;
      assert.deepEqual(
        { due: commune.due, status: commune.status, daysLate: commune.daysLate, level: commune.level },
        { due: "2025-12-16", status: "overdue", daysLate: 6, level: "unit" },
      );
      assert.equal(commune.submission, null);
      const tt = by.get("LC.TT")!;
      assert.deepEqual(
        { due: tt.due, status: tt.status, daysLate: tt.daysLate, level: tt.level },
        { due: "2025-12-23", status: "not_due", daysLate: null, level: "province" },
      );
      assert.deepEqual(view.counts, { on_time: 1, late: 1, overdue: 5, not_due: 1 });
      assert.equal(tt.statusLabel, "Chưa gửi, chưa đến hạn");
    });

    test("a returned report counts as not sent until it is sent again", async () => {
      const list = await tinh.get(`/api/reports/submissions?form=02/XLD&agencyId=${agency.get("LC.SCT")}`);
      const row = list.body.items.find((i: { from: string }) => i.from === Q4.from);
      const returned = await tinh.post(`/api/reports/submissions/${row.id}/return`, {
        version: row.version,
        reason: "Thiếu số liệu tháng 12",
      });
      assert.equal(returned.status, 200, JSON.stringify(returned.body));
      const view = await submissionTimeliness(
        t.system.database.db,
        province(),
        { form: "02/XLD", ...Q4 },
        new Date("2025-12-22T03:00:00Z"),
      );
      const sct = view.items.find((i) => i.agency.code === "LC.SCT")!;
      assert.deepEqual(
        { status: sct.status, daysLate: sct.daysLate, on: sct.submittedOn, sub: sct.submission?.status },
        { status: "overdue", daysLate: 4, on: null, sub: "returned" },
      );
    });

    test("due dates skip the Tết holidays of 2026 (month period February 2026)", async () => {
      const view = await submissionTimeliness(
        t.system.database.db,
        province(),
        { form: "02/XLD", ...FEB },
        new Date("2026-02-24T10:00:00Z"),
      );
      const due = Object.fromEntries(view.items.map((i) => [i.agency.code, [i.due, i.status]]));
      assert.deepEqual(due["LC.X.BACHA"], ["2026-02-24", "not_due"]);
      assert.deepEqual(due["LC.SCT"], ["2026-02-26", "not_due"]);
      assert.deepEqual(due["LC.TT"], ["2026-03-03", "not_due"]);
    });

    test("the route: the superior's view over HTTP; a period not of the regime and an unknown form are refused", async () => {
      const ok = await tinh.get(`/api/reports/submissions/timeliness?form=02/XLD&from=${Q4.from}&to=${Q4.to}`);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      // Long after the period: every unit not sent is overdue.
      const commune = ok.body.items.find((i: { agency: { code: string } }) => i.agency.code === "LC.X.BACHA");
      assert.equal(commune.status, "overdue");
      assert.equal(commune.due, "2025-12-16");

      const badPeriod = await tinh.get(`/api/reports/submissions/timeliness?form=02/XLD&from=2025-10-01&to=2025-12-31`);
      assert.equal(badPeriod.status, 400);
      assert.equal(badPeriod.body.code, "REPORT_PERIOD_INVALID");
      assert.equal(badPeriod.body.field, "from");

      const badForm = await tinh.get(`/api/reports/submissions/timeliness?form=99/XYZ&from=${Q4.from}&to=${Q4.to}`);
      assert.equal(badForm.status, 400);
      assert.equal(badForm.body.field, "form");
      assert.match(badForm.body.message, /biểu mẫu/i);

      // The Department sees its own units (its two offices), not the province's.
      const dept = await tonghop.get(`/api/reports/submissions/timeliness?form=02/XLD&from=${Q4.from}&to=${Q4.to}`);
      assert.equal(dept.status, 200, JSON.stringify(dept.body));
      assert.deepEqual(
        dept.body.items.map((i: { agency: { code: string } }) => i.agency.code),
        ["LC.SCT.QLTT", "LC.SCT.VP"],
      );
      assert.ok(dept.body.items.every((i: { due: string }) => i.due === "2025-12-16"));
    });
  });
}
