/**
 * The report figures of cases (modules/cases/figures.ts) on both databases: cases worked through
 * the API, then the period totals checked against figures counted by hand from the steps below;
 * the backfill of migration 0021 gives the same rows as the server; the start sweep fills the
 * time limit the backfill could not.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { caseFiguresForPeriod, completeCaseFigures, type CaseFigureTotals } from "../src/modules/cases/figures.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { signPapers } from "./support/papers.ts";
import { proposedPetition } from "./support/petitions.ts";

const MIGRATION = new URL("../src/db/migrations/0021_case_figures.sql", import.meta.url);

let serial = 0;
function letter(kind: "complaint" | "denunciation", receivedOn: string, writtenOn: string) {
  serial++;
  return {
    channel: "post",
    receivedOn,
    writtenOn,
    petitioners: [
      {
        kind: "person",
        fullName: ["Lò Văn Tám", "Hoàng Thị Mai", "Sùng A Páo", "Đỗ Minh Tuấn", "Nông Thị Hạnh", "Vàng A Lử"][
          serial % 6
        ],
        address: `Thôn ${serial}, xã Gia Phú, tỉnh Lào Cai`,
        identity: { kind: "cccd", number: `0100800${String(10000 + serial)}`, birthYear: 1980, gender: "male" },
      },
    ],
    respondents: [
      { name: kind === "complaint" ? "Giám đốc Sở Công Thương" : `Ông Trần Văn Số${serial}, kiểm soát viên` },
    ],
    content:
      kind === "complaint"
        ? `Tôi khiếu nại Quyết định số ${300 + serial}/QĐ-SCT xử phạt cơ sở kinh doanh số ${serial} của tôi vì cho rằng ` +
          `tôi bán hàng giả, trong khi hàng có nguồn gốc rõ ràng; đề nghị hủy quyết định.`
        : `Tôi tố cáo kiểm soát viên số ${serial} của Đội Quản lý thị trường đã nhận tiền của hộ kinh doanh ` +
          `thứ ${serial} tại chợ để bỏ qua vi phạm; tôi có chứng cứ kèm theo.`,
  };
}

const VERIFIED = (differs: boolean) => [
  { action: "assign_verification", on: "2026-11-10", assignee: { kind: "person", name: "Phạm Thu Hằng" } },
  { action: "record_verification", on: "2026-11-16", summary: "Kết quả xác minh", differsFromDemand: differs },
];
const DENUNCIATION_ACCEPT = {
  action: "accept",
  on: "2026-11-10",
  conditions: { withinCompetence: true, denouncerIdentified: true, basisToVerify: true },
};

function totals(partial: Partial<CaseFigureTotals>): CaseFigureTotals {
  const zero: CaseFigureTotals = {
    carriedOver: 0,
    accepted: 0,
    inProgressAtEnd: 0,
    resolved: 0,
    right: 0,
    partlyRight: 0,
    wrong: 0,
    repeatedAccepted: 0,
    repeatedResolved: 0,
    repeatedRight: 0,
    repeatedPartlyRight: 0,
    repeatedWrong: 0,
    firstDecisionUpheld: 0,
    firstDecisionChanged: 0,
    withdrawn: 0,
    terminated: 0,
    notAccepted: 0,
    transferred: 0,
    onTime: 0,
    late: 0,
    dialogues: 0,
    moneyToState: 0,
    moneyToOthers: 0,
    landToState: 0,
    landToOthers: 0,
    restoredOrganisations: 0,
    restoredIndividuals: 0,
    disciplineRecommended: 0,
    disciplineCadres: 0,
    investigationCases: 0,
    investigationPersons: 0,
    moneyReturned: 0,
    landReturned: 0,
    enforcementCompleted: 0,
  };
  return { ...zero, ...partial };
}

for (const db of testDatabases()) {
  describe(`case figures (${db.kind})`, () => {
    let t: TestApp;
    let handler: TestClient;
    let leader: TestClient;
    let resolver: TestClient;
    let resolverId: string;
    let agencyId: string;
    const ids: Record<string, string> = {};

    /** Opens a case on a new letter and takes the steps; returns the case id. */
    async function worked(
      kind: "complaint" | "denunciation",
      dates: { received: string; written: string; proposed: string },
      steps: Record<string, unknown>[],
      opening: Record<string, unknown> = kind === "complaint" ? { instance: 1 } : {},
    ): Promise<string> {
      const petition = await proposedPetition(
        handler,
        letter(kind, dates.received, dates.written),
        kind,
        dates.proposed,
      );
      const opened = await leader.post("/api/cases", {
        petitionId: petition.id,
        ...opening,
        assignees: [resolverId],
      });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      let detail = opened.body;
      for (const step of steps) {
        const r = await resolver.post(`/api/cases/${detail.id}/actions`, { ...step, version: detail.version });
        assert.equal(r.status, 200, `${String(step.action)}: ${JSON.stringify(r.body)}`);
        // Each paper is signed before the next step, as the officers' path asks.
        await signPapers(resolver, leader, r.body.id);
        detail = (await resolver.get(`/api/cases/${r.body.id}`)).body;
      }
      return detail.id as string;
    }

    before(async () => {
      t = await startTestApp({ db, listen: false });
      handler = await t.login("xulydon");
      leader = await t.login("lanhdao");
      resolver = await t.login("xacminh");
      const me = (await resolver.get("/api/auth/me")).body.user;
      resolverId = me.id;
      agencyId = me.agencyId ?? me.agency?.id;
      if (!agencyId) {
        const row = await t.system.database.db
          .selectFrom("app_user")
          .select("agency_id")
          .where("id", "=", resolverId)
          .executeTakeFirstOrThrow();
        agencyId = row.agency_id;
      }
      const november = { received: "2026-11-02", written: "2026-10-30", proposed: "2026-11-05" };
      const accept = (on: string) => ({ action: "accept", on, learnedOn: "2026-10-20", grounds: [] });

      // K1: accepted 09/11 (before the period), dialogue, decided 20/11 partly right; due 09/12: on time.
      ids.k1 = await worked("complaint", november, [
        accept("2026-11-09"),
        ...VERIFIED(true),
        {
          action: "hold_dialogue",
          on: "2026-11-18",
          participants: ["Người khiếu nại", "Đại diện Sở"],
          agreedPoints: "Một phần",
          disputedPoints: "Phần còn lại",
        },
        {
          action: "decide",
          issuedOutside: true,
          number: "25/QĐ-SCT",
          date: "2026-11-20",
          signer: "Nguyễn Văn Thành",
          outcome: "partly_right",
          amounts: { moneyToState: 0.1, moneyToOthers: 12.5, restoredIndividuals: 1 },
        },
        {
          action: "record_enforcement",
          on: "2026-11-25",
          responsible: "Đội Quản lý thị trường số 3",
          done: "Đã trả lại tiền phạt",
          moneyReturned: 12.5,
          landReturned: 0,
          completed: true,
        },
      ]);
      // K2: accepted 12/11, withdrawn 16/11.
      ids.k2 = await worked("complaint", november, [accept("2026-11-12"), { action: "withdraw", on: "2026-11-16" }]);
      // K3: accepted 12/11, still being resolved at the period's end.
      ids.k3 = await worked("complaint", november, [accept("2026-11-12")]);
      // K4: not accepted on 11/11 (unsigned).
      ids.k4 = await worked("complaint", november, [{ action: "reject", on: "2026-11-11", grounds: ["unsigned"] }]);
      // K5: received 01/09, accepted 07/09 (30 days: Wed 07/10), decided 12/11 wrong: late.
      ids.k5 = await worked("complaint", { received: "2026-09-01", written: "2026-08-28", proposed: "2026-09-03" }, [
        { action: "accept", on: "2026-09-07", learnedOn: "2026-08-20", grounds: [] },
        { action: "assign_verification", on: "2026-09-08", assignee: { kind: "person", name: "Phạm Thu Hằng" } },
        { action: "record_verification", on: "2026-09-30", summary: "Kết quả xác minh", differsFromDemand: false },
        {
          action: "decide",
          issuedOutside: true,
          number: "26/QĐ-SCT",
          date: "2026-11-12",
          signer: "Nguyễn Văn Thành",
          outcome: "wrong",
        },
      ]);
      // K6: second instance, accepted 12/11, dialogue, decided 24/11 right, the first decision
      // annulled; 45 days from 12/11 end Sun 27/12, moved to Mon 28/12: on time.
      ids.k6 = await worked(
        "complaint",
        november,
        [
          accept("2026-11-12"),
          { action: "assign_verification", on: "2026-11-13", assignee: { kind: "person", name: "Phạm Thu Hằng" } },
          { action: "record_verification", on: "2026-11-16", summary: "Kết quả xác minh", differsFromDemand: true },
          {
            action: "hold_dialogue",
            on: "2026-11-18",
            participants: ["Người khiếu nại", "Đại diện Sở"],
            agreedPoints: "Quyết định lần đầu chưa đúng",
            disputedPoints: "Không",
          },
          {
            action: "decide",
            issuedOutside: true,
            number: "27/QĐ-SCT",
            date: "2026-11-24",
            signer: "Nguyễn Văn Thành",
            outcome: "right",
            firstDecisionUpheld: false,
            amounts: { moneyToState: 0.2 },
          },
        ],
        {
          instance: 2,
          firstInstance: { decisionNumber: "5/QĐ-UBND", decisionDate: "2026-10-15", decidedBy: "Chủ tịch UBND xã" },
        },
      );
      // D1: accepted 10/11, concluded 25/11 right (30 days: Thu 10/12): on time.
      ids.d1 = await worked("denunciation", november, [
        DENUNCIATION_ACCEPT,
        ...VERIFIED(false).map(({ differsFromDemand: _, ...step }) => step),
        {
          action: "conclude",
          issuedOutside: true,
          number: "40/KL-SCT",
          date: "2026-11-25",
          signer: "Nguyễn Văn Thành",
          outcome: "right",
          findings: "Đã nhận tiền của hộ kinh doanh.",
          amounts: { moneyToState: 100.25, landToState: 40, disciplineRecommended: 2, disciplineCadres: 1 },
        },
      ]);
      // D2: accepted 10/11, terminated 20/11.
      ids.d2 = await worked("denunciation", november, [
        DENUNCIATION_ACCEPT,
        { action: "terminate", on: "2026-11-20", reason: "Người bị tố cáo đã chết." },
      ]);
    });
    after(() => t.close());

    test("the period's totals are the hand-counted ones", async () => {
      const report = await caseFiguresForPeriod(t.system.database.db, {
        agencyIds: [agencyId],
        from: "2026-11-10",
        to: "2026-11-30",
      });
      const first = totals({
        carriedOver: 2, // K1, K5
        accepted: 2, // K2, K3
        inProgressAtEnd: 1, // K3
        resolved: 2, // K1, K5
        partlyRight: 1,
        wrong: 1,
        withdrawn: 1, // K2
        notAccepted: 1, // K4
        onTime: 1,
        late: 1,
        dialogues: 1,
        moneyToState: 0.1,
        moneyToOthers: 12.5,
        restoredIndividuals: 1,
        moneyReturned: 12.5,
        enforcementCompleted: 1,
      });
      const second = totals({
        accepted: 1,
        resolved: 1,
        right: 1,
        firstDecisionChanged: 1,
        onTime: 1,
        dialogues: 1,
        moneyToState: 0.2,
      });
      assert.deepEqual(report.complaintFirst, first);
      assert.deepEqual(report.complaintSecond, second);
      // The database adds the instances: 0.1 + 0.2 is 0.3, not JavaScript's 0.30000000000000004.
      assert.deepEqual(
        report.complaint,
        totals({
          carriedOver: 2,
          accepted: 3,
          inProgressAtEnd: 1,
          resolved: 3,
          right: 1,
          partlyRight: 1,
          wrong: 1,
          firstDecisionChanged: 1,
          withdrawn: 1,
          notAccepted: 1,
          onTime: 2,
          late: 1,
          dialogues: 2,
          moneyToState: 0.3,
          moneyToOthers: 12.5,
          restoredIndividuals: 1,
          moneyReturned: 12.5,
          enforcementCompleted: 1,
        }),
      );
      assert.deepEqual(
        report.denunciation,
        totals({
          accepted: 2,
          resolved: 1,
          right: 1,
          terminated: 1,
          onTime: 1,
          moneyToState: 100.25,
          landToState: 40,
          disciplineRecommended: 2,
          disciplineCadres: 1,
        }),
      );
    });

    test("stocks reconcile: a period's carried over is the previous one's in progress at its end", async () => {
      const db = t.system.database.db;
      const before = await caseFiguresForPeriod(db, { agencyIds: [agencyId], from: "2026-09-01", to: "2026-11-09" });
      const during = await caseFiguresForPeriod(db, { agencyIds: [agencyId], from: "2026-11-10", to: "2026-11-30" });
      const afterwards = await caseFiguresForPeriod(db, {
        agencyIds: [agencyId],
        from: "2026-12-01",
        to: "2026-12-31",
      });
      assert.equal(before.complaint.inProgressAtEnd, 2);
      assert.equal(before.complaint.accepted, 2); // K5 on 07/09, K1 on 09/11
      assert.equal(during.complaint.carriedOver, before.complaint.inProgressAtEnd);
      assert.equal(afterwards.complaint.carriedOver, during.complaint.inProgressAtEnd);
      assert.deepEqual(afterwards.denunciation, totals({}));
      // Another agency's report counts none of these cases; no agency, nothing.
      const other = await db.selectFrom("agency").select("id").where("id", "<>", agencyId).executeTakeFirstOrThrow();
      const elsewhere = await caseFiguresForPeriod(db, { agencyIds: [other.id], from: "2026-11-10", to: "2026-11-30" });
      assert.deepEqual(elsewhere.complaint, totals({}));
      assert.deepEqual(elsewhere.denunciation, totals({}));
      assert.deepEqual(
        (await caseFiguresForPeriod(db, { agencyIds: [], from: "2026-11-10", to: "2026-11-30" })).complaint,
        totals({}),
      );
    });

    test("each row keeps the time limit it was measured against", async () => {
      const rows = await t.system.database.db
        .selectFrom("case_figures")
        .select(["case_id", "ended_by", "ended_on", "resolution_due_on", "on_time"])
        .execute();
      const byId = new Map(rows.map((r) => [r.case_id, r]));
      assert.deepEqual(byId.get(ids.k1!), {
        case_id: ids.k1,
        ended_by: "decided",
        ended_on: "2026-11-20",
        resolution_due_on: "2026-12-09",
        on_time: true,
      });
      assert.equal(byId.get(ids.k5!)?.resolution_due_on, "2026-10-07");
      assert.equal(byId.get(ids.k5!)?.on_time, false);
      assert.equal(byId.get(ids.d1!)?.resolution_due_on, "2026-12-10");
      assert.equal(byId.get(ids.k6!)?.resolution_due_on, "2026-12-28");
      assert.equal(byId.get(ids.k3!)?.ended_by, null);
      assert.equal(byId.get(ids.k3!)?.resolution_due_on, null);
    });

    test("the migration's backfill gives the server's rows; the start sweep adds the time limits", async () => {
      const db = t.system.database.db;
      const columns = (await db.selectFrom("case_figures").selectAll().execute())[0]!;
      const compared = Object.keys(columns).filter((c) => c !== "updated_at");
      const read = async () =>
        (await db.selectFrom("case_figures").selectAll().orderBy("case_id").execute()).map((r) =>
          Object.fromEntries(compared.map((c) => [c, String(r[c as keyof typeof r])])),
        );
      const written = await read();
      assert.equal(written.length, 8);
      const script = readFileSync(MIGRATION, "utf8");
      const backfill = script.slice(script.indexOf("with c as ("));
      await db.deleteFrom("case_figures").execute();
      await sql.raw(backfill).execute(db);
      const backfilled = await read();
      // SQL has no calendar: the decided and concluded cases wait for the start sweep.
      const withoutDue = (rows: typeof written) => rows.map((r) => ({ ...r, resolution_due_on: "-", on_time: "-" }));
      assert.deepEqual(withoutDue(backfilled), withoutDue(written));
      assert.equal(backfilled.filter((r) => r.resolution_due_on !== "null").length, 0);
      assert.equal(await completeCaseFigures(db), 4); // K1, K5, K6, D1
      assert.deepEqual(await read(), written);
      assert.equal(await completeCaseFigures(db), 0);
    });
  });
}
