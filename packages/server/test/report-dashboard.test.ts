/**
 * The reports dashboard (GET /api/reports/dashboard, issue 19), on both databases: a small world of
 * the Department of Industry and Trade (LC.SCT) and its market-control unit (LC.SCT.QLTT) in the
 * data years 2024 and 2023, every figure below counted by hand. Under Thông tư 01/2024/TT-TTCP the
 * trend runs over quarters (no monthly reports):
 *   Q1/2024 = 15/12/2023 – 14/03/2024, Q2 = 15/03 – 14/06, Q3 = 15/06 – 14/09, Q4 = 15/09 – 14/12/2024;
 *   the year 2024 = 15/12/2023 – 14/12/2024; last year the same days of 2023.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { receiveMany } from "../src/modules/petitions/intake.ts";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import type { InspectionRecommendationTable, InspectionTable } from "../src/db/schema.ts";

interface Petition {
  key: string;
  agency: "LC.SCT" | "LC.SCT.QLTT";
  receivedOn: string;
  outcomeOn: string | null;
  field: string | null;
  state: string;
  dueOn: string | null;
}

// prettier-ignore
const WORLD: Petition[] = [
  { key: "A1", agency: "LC.SCT", receivedOn: "2024-01-10", outcomeOn: "2024-02-01", field: "HC.DAT_DAI", state: "RESOLVED_REPLY", dueOn: null },
  { key: "A2", agency: "LC.SCT", receivedOn: "2024-04-01", outcomeOn: "2024-06-20", field: "HC.DAT_DAI", state: "RESOLVED_REPLY", dueOn: null },
  // Open and past its due date: overdue now.
  { key: "A3", agency: "LC.SCT", receivedOn: "2024-05-05", outcomeOn: null, field: "CT.DIEN_LUC", state: "REGISTERED", dueOn: "2024-06-01" },
  { key: "A4", agency: "LC.SCT.QLTT", receivedOn: "2024-07-01", outcomeOn: "2024-07-10", field: "CT.DIEN_LUC", state: "RESOLVED_REPLY", dueOn: null },
  // 20/12/2024 belongs to the data year 2025: not counted in 2024.
  { key: "A5", agency: "LC.SCT.QLTT", receivedOn: "2024-12-20", outcomeOn: null, field: "HC.DAT_DAI", state: "REGISTERED", dueOn: null },
  // 20/12/2023 belongs to Q1/2024; no field.
  { key: "A6", agency: "LC.SCT", receivedOn: "2023-12-20", outcomeOn: null, field: null, state: "CLASSIFIED", dueOn: null },
  { key: "B1", agency: "LC.SCT", receivedOn: "2023-05-01", outcomeOn: "2023-05-20", field: "HC.DAT_DAI", state: "RESOLVED_REPLY", dueOn: null },
  { key: "B2", agency: "LC.SCT.QLTT", receivedOn: "2023-10-01", outcomeOn: null, field: "CT.DIEN_LUC", state: "FILED", dueOn: "2023-10-20" },
  { key: "B3", agency: "LC.SCT", receivedOn: "2023-12-10", outcomeOn: null, field: "HC.DAT_DAI", state: "FILED", dueOn: null },
];

/** Per quarter of 2024 (Q1..Q4) and of 2023, counted from WORLD and the records below. */
const TREND = {
  petitions_received: { y: [2, 2, 1, 0], ly: [0, 1, 0, 2] }, // Q1: A1, A6; Q2: A2, A3; Q3: A4 | Q2/23: B1; Q4/23: B2, B3
  petitions_handled: { y: [1, 0, 2, 0], ly: [0, 1, 0, 0] }, //   Q1: A1; Q3: A2 (20/06), A4 | Q2/23: B1
  visits: { y: [1, 1, 0, 0], ly: [0, 1, 0, 0] }, //                01/03/2024, 20/03/2024 | 20/03/2023
  complaints_resolved: { y: [0, 1, 0, 0], ly: [0, 0, 1, 0] }, //   C1 decided 01/05/2024 (C3 withdrawn) | C4 01/09/2023
  denunciations_resolved: { y: [0, 0, 1, 0], ly: [0, 0, 0, 0] }, // C2 concluded 01/08/2024
};

/** Money in triệu đồng per quarter: recommended (inspections, checks) and recovered. */
const RECOVERIES = {
  insp_rec_recover_money: { y: [0, 800, 0, 0], ly: [0, 46237, 0, 0] }, // R1 800.000.000 đ | R0 46.237.000.000 đ
  check_rec_recover_money: { y: [0, 0, 7.5, 0], ly: [0, 0, 0, 0] }, //   R2 7.500.000 đ concluded 01/08/2024
  fu_money_recovered: { y: [0, 300, 123.456789, 2.5], ly: [0, 1000, 0, 0] }, // 10/05, 01/07, 20/09/2024 | 01/06/2023
};

function query(params: Record<string, string | number | boolean>) {
  return new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

for (const db of testDatabases()) {
  describe(`reports dashboard (${db.kind})`, () => {
    let t: TestApp;
    let tonghop: TestClient;
    const agency = new Map<string, string>();
    const code = new Map<string, string>();

    before(async () => {
      t = await startTestApp({ db, listen: false });
      const kdb = t.system.database.db;
      for (const a of await kdb.selectFrom("agency").select(["id", "code"]).execute()) agency.set(a.code, a.id);
      const sct = agency.get("LC.SCT")!;
      const receive = async (agencyId: string, key: string) => {
        const [created] = await receiveMany(kdb, SYSTEM_ACTOR, agencyId, [
          {
            channel: "post" as const,
            receivedOn: "2026-03-02",
            petitioners: [{ kind: "person" as const, fullName: `Người viết ${key}`, address: "xã Bắc Hà" }],
            anonymous: false,
            impersonated: false,
            respondents: [{ name: "Công ty Điện lực" }],
            content: `Nội dung đơn ${key} về tiền điện tăng bất thường.`,
            language: "vi" as const,
            attachments: [],
          },
        ]);
        code.set(key, created!.code);
        return created!.id;
      };
      for (const p of WORLD) {
        const id = await receive(agency.get(p.agency)!, p.key);
        await kdb
          .updateTable("petition")
          .set({
            received_on: p.receivedOn,
            outcome_on: p.outcomeOn,
            field_code: p.field,
            state: p.state,
            due_on: p.dueOn,
          })
          .where("id", "=", id)
          .execute();
      }
      // Cases (their figures as stored), each on a petition of its own that is closed (accepted) in 2026.
      // prettier-ignore
      const cases: { key: string; kind: "complaint" | "denunciation"; endedBy: "decided" | "concluded" | "withdrawn" | null; endedOn: string | null; state: string; dueOn: string | null }[] = [
        { key: "C1", kind: "complaint", endedBy: "decided", endedOn: "2024-05-01", state: "CLOSED", dueOn: "2024-01-01" },
        { key: "C2", kind: "denunciation", endedBy: "concluded", endedOn: "2024-08-01", state: "CLOSED", dueOn: null },
        { key: "C3", kind: "complaint", endedBy: "withdrawn", endedOn: "2024-05-02", state: "WITHDRAWN", dueOn: null },
        { key: "C4", kind: "complaint", endedBy: "decided", endedOn: "2023-09-01", state: "CLOSED", dueOn: null },
        // Open, past its due date: overdue now.
        { key: "C5", kind: "complaint", endedBy: null, endedOn: null, state: "RESOLVING", dueOn: "2024-01-01" },
      ];
      for (const c of cases) {
        const petitionId = await receive(sct, c.key);
        await kdb
          .updateTable("petition")
          .set({ state: "ACCEPTED", due_on: null })
          .where("id", "=", petitionId)
          .execute();
        const row = await kdb
          .insertInto("resolution_case")
          .values({
            agency_id: sct,
            petition_id: petitionId,
            code: `VV-${c.key}`,
            kind: c.kind,
            instance: c.kind === "complaint" ? 1 : null,
            state: c.state,
            facts: "{}",
            received_on: "2024-01-02",
            accepted_on: "2024-01-02",
            due_on: c.dueOn,
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
            instance: c.kind === "complaint" ? 1 : null,
            repeated: false,
            received_on: "2024-01-02",
            accepted_on: "2024-01-02",
            ended_by: c.endedBy,
            ended_on: c.endedOn,
          })
          .execute();
      }
      for (const [i, on] of ["2024-03-01", "2024-03-20", "2023-03-20"].entries()) {
        await kdb
          .insertInto("reception_visit")
          .values({
            agency_id: sct,
            register_year: Number(on.slice(0, 4)),
            seq_no: i + 1,
            received_on: on,
            kind: "regular",
            receiver_name: "Trần Thị Hoa",
            presiding_head: null,
            people_count: 1,
            is_crowd: false,
            visitors: "[]",
            content_kind: "complaint",
            handling_route: "accepted",
            state: "HANDLED",
            search_text: "",
            search_content: "",
          })
          .execute();
      }
      // Inspections: a planned one (2024), a specialised check (2024), a planned one of 2023.
      const ids = new Map<string, string>();
      // prettier-ignore
      const inspections: [string, InspectionTable["kind"], string][] = [
        ["I1", "planned", "2024-04-20"],
        ["I2", "specialised_check", "2024-08-01"],
        ["I0", "planned", "2023-05-01"],
      ];
      for (const [key, kind, signed] of inspections) {
        const row = await kdb
          .insertInto("inspection")
          .values({
            agency_id: sct,
            code: `TT-${key}`,
            year: Number(signed.slice(0, 4)),
            kind,
            title: `Cuộc ${key}`,
            content: "Thanh tra việc chấp hành pháp luật",
            body_level: "department",
            state: "SIGNED",
            facts: "{}",
            decided_on: `${signed.slice(0, 4)}-02-01`,
            signed_on: signed,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.set(key, row.id);
      }
      // prettier-ignore
      const recs: [string, string, number, string][] = [
        ["R1", "I1", 800_000_000, "2024-04-20"],
        ["R2", "I2", 7_500_000, "2024-08-01"],
        ["R0", "I0", 46_237_000_000, "2023-05-01"],
      ];
      for (const [position, [key, inspection, amount, on]] of recs.entries()) {
        const row = await kdb
          .insertInto("inspection_recommendation")
          .values({
            inspection_id: ids.get(inspection)!,
            agency_id: sct,
            position,
            type: "recover_money" as InspectionRecommendationTable["type"],
            content: `Kiến nghị ${key}`,
            amount,
            land_m2: 0,
            collectives: 0,
            individuals: 0,
            matters: 0,
            persons: "[]",
            responsible_unit: "Công ty",
            concluded_on: on,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.set(key, row.id);
      }
      // prettier-ignore
      const recoveries: [string, string, number][] = [
        ["R1", "2024-05-10", 300_000_000],
        ["R1", "2024-07-01", 123_456_789],
        ["R2", "2024-09-20", 2_500_000],
        ["R0", "2023-06-01", 1_000_000_000],
      ];
      for (const [rec, on, amount] of recoveries)
        await kdb
          .insertInto("inspection_recovery")
          .values({ recommendation_id: ids.get(rec)!, agency_id: sct, recovered_on: on, amount })
          .execute();
      tonghop = await t.login("tonghop");
    });
    after(() => t?.close());

    const dashboard = (client: TestClient, params: Record<string, string | number | boolean>) =>
      client.get(`/api/reports/dashboard?${query(params)}`);
    const chartOf = (body: { charts: { id: string }[] }, id: string) =>
      body.charts.find((c) => c.id === id) as unknown as {
        points: {
          key: string;
          label: string;
          from: string;
          to: string;
          lastYear: { from: string; to: string };
          dimension: string | null;
          value: string | null;
          values: Record<string, number>;
          lastYearValues: Record<string, number>;
        }[];
      };

    test("the trend per quarter, this year and last year, with the quarters' days", async () => {
      const res = await dashboard(tonghop, { agencyId: agency.get("LC.SCT")!, year: 2024, subtree: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.periodKind, "quarter");
      assert.equal(res.body.from, "2023-12-15");
      assert.equal(res.body.to, "2024-12-14");
      const trend = chartOf(res.body, "trend");
      assert.deepEqual(
        trend.points.map((p) => [p.from, p.to, p.lastYear.from, p.lastYear.to]),
        [
          ["2023-12-15", "2024-03-14", "2022-12-15", "2023-03-14"],
          ["2024-03-15", "2024-06-14", "2023-03-15", "2023-06-14"],
          ["2024-06-15", "2024-09-14", "2023-06-15", "2023-09-14"],
          ["2024-09-15", "2024-12-14", "2023-09-15", "2023-12-14"],
        ],
      );
      for (const [indicator, expected] of Object.entries(TREND)) {
        assert.deepEqual(
          trend.points.map((p) => p.values[indicator]),
          expected.y,
          `${indicator} this year`,
        );
        assert.deepEqual(
          trend.points.map((p) => p.lastYearValues[indicator]),
          expected.ly,
          `${indicator} last year`,
        );
      }
      const recoveries = chartOf(res.body, "recoveries");
      for (const [indicator, expected] of Object.entries(RECOVERIES)) {
        assert.deepEqual(
          recoveries.points.map((p) => p.values[indicator]),
          expected.y,
          `${indicator} this year`,
        );
        assert.deepEqual(
          recoveries.points.map((p) => p.lastYearValues[indicator]),
          expected.ly,
          `${indicator} last year`,
        );
      }
    });

    test("petitions by field and by area for the data year, and last year", async () => {
      const res = await dashboard(tonghop, { agencyId: agency.get("LC.SCT")!, year: 2024, subtree: true });
      const byField = chartOf(res.body, "by_field");
      const field = (value: string) => byField.points.find((p) => p.value === value)!;
      // HC.DAT_DAI: A1, A2 | B1, B3; CT.DIEN_LUC: A3, A4 | B2; none: A6 (A5 is in 2025).
      assert.deepEqual(
        byField.points
          .map((p) => [p.value, p.label, p.values.petitions_received, p.lastYearValues.petitions_received])
          .sort(),
        [
          ["-", "Chưa phân loại lĩnh vực", 1, 0],
          ["CT.DIEN_LUC", "Điện lực", 2, 1],
          ["HC.DAT_DAI", "Đất đai", 2, 2],
        ],
      );
      assert.equal(field("HC.DAT_DAI").dimension, "field");
      assert.equal(field("HC.DAT_DAI").from, "2023-12-15");
      const byArea = chartOf(res.body, "by_area");
      const area = (value: string) => byArea.points.find((p) => p.value === value)!;
      assert.equal(area("LC.SCT").values.petitions_received, 4); //           A1, A2, A3, A6
      assert.equal(area("LC.SCT").lastYearValues.petitions_received, 2); //   B1, B3
      assert.equal(area("LC.SCT.QLTT").values.petitions_received, 1); //      A4
      assert.equal(area("LC.SCT.QLTT").lastYearValues.petitions_received, 1); // B2
      assert.equal(
        byArea.points.reduce((n, p) => n + p.values.petitions_received!, 0),
        5,
      );
      // Without the subtree: the department alone.
      const alone = await dashboard(tonghop, { agencyId: agency.get("LC.SCT")!, year: 2024 });
      assert.deepEqual(
        chartOf(alone.body, "trend").points.map((p) => p.values.petitions_received),
        [2, 2, 0, 0],
      );
      assert.deepEqual(
        chartOf(alone.body, "by_area").points.map((p) => p.value),
        ["LC.SCT"],
      );
    });

    test("overdue work now, as the lists count it", async () => {
      const res = await dashboard(tonghop, { agencyId: agency.get("LC.SCT")!, year: 2024, subtree: true });
      // A3 (open, due 01/06/2024); B2 is filed. C5 (resolving, due 01/01/2024); C1 is closed.
      assert.equal(res.body.overdue.petitions, 1);
      assert.equal(res.body.overdue.cases, 1);
      const sct = res.body.overdue.byAgency.find((r: { agency: { code: string } }) => r.agency.code === "LC.SCT");
      assert.deepEqual([sct.petitions, sct.cases], [1, 1]);
    });

    test("a by-field point drills down to exactly its petitions, audited; an area to its unit's", async () => {
      const res = await dashboard(tonghop, { agencyId: agency.get("LC.SCT")!, year: 2024, subtree: true });
      const byField = chartOf(res.body, "by_field");
      const drill = async (p: (typeof byField.points)[number], lastYear = false) => {
        const range = lastYear ? p.lastYear : { from: p.from, to: p.to };
        const list = await tonghop.get(
          `/api/reports/drilldown?${query({
            agencyId: agency.get("LC.SCT")!,
            subtree: true,
            kind: "adhoc",
            indicator: "petitions_received",
            ...range,
            dimension: p.dimension!,
            value: p.value!,
          })}`,
        );
        assert.equal(list.status, 200, JSON.stringify(list.body));
        return list.body as { total: number; items: { code: string }[] };
      };
      const land = byField.points.find((p) => p.value === "HC.DAT_DAI")!;
      const listed = await drill(land);
      assert.equal(listed.total, 2);
      assert.deepEqual(listed.items.map((i) => i.code).sort(), [code.get("A1"), code.get("A2")].sort());
      const lastYear = await drill(land, true);
      assert.deepEqual(lastYear.items.map((i) => i.code).sort(), [code.get("B1"), code.get("B3")].sort());
      const none = await drill(byField.points.find((p) => p.value === "-")!);
      assert.deepEqual(
        none.items.map((i) => i.code),
        [code.get("A6")],
      );
      const unit = await drill(chartOf(res.body, "by_area").points.find((p) => p.value === "LC.SCT.QLTT")!);
      assert.deepEqual(
        unit.items.map((i) => i.code),
        [code.get("A4")],
      );
      const audit = await t.system.database.db
        .selectFrom("audit_event")
        .select(["summary"])
        .where("action", "=", "report.drilldown.viewed")
        .execute();
      assert.ok(
        audit.some((a) => {
          const s = (typeof a.summary === "string" ? JSON.parse(a.summary) : a.summary) as Record<string, unknown>;
          return s.dimension === "field" && s.value === "HC.DAT_DAI" && s.total === 2;
        }),
      );
      // A field the petition source does not group by, or an area outside the subtree: the field is named.
      const bad = await tonghop.get(
        `/api/reports/drilldown?${query({
          agencyId: agency.get("LC.SCT")!,
          from: land.from,
          to: land.to,
          indicator: "visits",
          dimension: "field",
          value: "HC.DAT_DAI",
        })}`,
      );
      assert.equal(bad.status, 400);
      assert.equal(bad.body.field, "dimension");
      const outside = await tonghop.get(
        `/api/reports/drilldown?${query({
          agencyId: agency.get("LC.SCT")!,
          from: land.from,
          to: land.to,
          indicator: "petitions_received",
          dimension: "area",
          value: "LC.SCT.QLTT",
        })}`,
      );
      assert.equal(outside.status, 400);
      assert.equal(outside.body.field, "value");
      // A cell still needs its form.
      const cell = await tonghop.get(
        `/api/reports/drilldown?${query({ agencyId: agency.get("LC.SCT")!, from: land.from, to: land.to, cell: "tong.3" })}`,
      );
      assert.equal(cell.status, 400);
      assert.equal(cell.body.field, "form");
    });

    test("an agency outside the user's scope is refused, the field named; a bad year too", async () => {
      const kdb = t.system.database.db;
      await kdb
        .updateTable("app_user")
        .set({ roles: ["reporting_officer"] })
        .where("username", "=", "xulydon.snnmt")
        .execute();
      const other = await t.login("xulydon.snnmt");
      const res = await dashboard(other, { agencyId: agency.get("LC.SCT")!, year: 2024 });
      assert.equal(res.status, 403);
      assert.equal(res.body.code, "OUT_OF_SCOPE");
      assert.equal(res.body.field, "agencyId");
      const drill = await other.get(
        `/api/reports/drilldown?${query({
          agencyId: agency.get("LC.SCT")!,
          from: "2023-12-15",
          to: "2024-12-14",
          indicator: "petitions_received",
          dimension: "field",
          value: "HC.DAT_DAI",
        })}`,
      );
      assert.equal(drill.status, 403);
      const year = await dashboard(tonghop, { agencyId: agency.get("LC.SCT")!, year: 2019 });
      assert.equal(year.status, 400);
      assert.equal(year.body.field, "year");
      assert.match(year.body.message, /2021/);
    });

    test("the units under an agency are the reporting graph's, as in a consolidated report", async () => {
      const kdb = t.system.database.db;
      // LC.SCT.QLTT (a tree child of LC.SCT) reports to the provincial Inspectorate through 2024.
      await kdb
        .insertInto("reporting_line")
        .values({
          agency_id: agency.get("LC.SCT.QLTT")!,
          reports_to_id: agency.get("LC.TT")!,
          valid_from: "2024-01-01",
          valid_to: "2024-12-31",
          basis: "Thử: báo cáo về Thanh tra tỉnh",
          created_by: null,
          closed_by: null,
          close_basis: null,
        })
        .execute();
      const res = await dashboard(tonghop, { agencyId: agency.get("LC.SCT")!, year: 2024, subtree: true });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const areas = chartOf(res.body, "by_area").points.map((p) => p.value);
      assert.ok(!areas.includes("LC.SCT.QLTT"), "LC.SCT.QLTT reports to LC.TT on 14/12/2024");
      assert.equal(
        chartOf(res.body, "by_area").points.reduce((n, p) => n + p.values.petitions_received!, 0),
        4, // A1, A2, A3, A6; not A4
      );
      const report = await tonghop.get(
        `/api/reports/compute?${query({ form: "02/XLD", agencyId: agency.get("LC.SCT")!, from: "2023-12-15", to: "2024-12-14", scope: "subtree" })}`,
      );
      assert.equal(report.status, 200, JSON.stringify(report.body));
      assert.deepEqual(
        report.body.consolidation.units.map((u: { key: string }) => u.key).sort(),
        [...areas].sort(),
        "the dashboard's areas are the report's rows",
      );
      const drill = await tonghop.get(
        `/api/reports/drilldown?${query({
          agencyId: agency.get("LC.SCT")!,
          from: "2023-12-15",
          to: "2024-12-14",
          subtree: true,
          indicator: "petitions_received",
          dimension: "area",
          value: "LC.SCT.QLTT",
        })}`,
      );
      assert.equal(drill.status, 400);
      assert.equal(drill.body.field, "value");
    });
  });
}
