/**
 * Findings, sanctions and recommendations of two conclusions (2025 and 2026), then their
 * follow-up across the year boundary, on both databases: partial recoveries, a recovery above
 * what is outstanding refused naming the field with nothing saved, urging and closing, the
 * computed statuses, the list's filters and export, and the figures of a period checked by hand
 * to the đồng ("đã thu hồi … từ kết luận của các năm trước").
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";
import {
  createSubject,
  decidedInspection,
  inspectionWorld,
  step,
  walkToAppraised,
  type InspectionWorld,
} from "./support/inspections.ts";

for (const db of testDatabases()) {
  describe(`inspection findings and follow-up (${db.kind})`, () => {
    let t: TestApp;
    let w: InspectionWorld;
    let school: string;
    let hospital: string;
    let outsider: string;
    const ids: Record<string, string> = {};

    before(async () => {
      t = await startTestApp({ db, listen: false });
      w = await inspectionWorld(t);
      school = await createSubject(w.db, w.tt, { name: "Trường THPT số 1 Bảo Yên", kind: "state_body", taxCode: null });
      hospital = await createSubject(w.db, w.tt, {
        name: "Bệnh viện Đa khoa huyện Bắc Hà",
        kind: "state_body",
        taxCode: null,
      });
      outsider = await createSubject(w.db, w.tt, { name: "Công ty TNHH Thương mại Sơn Hà" });
    });
    after(() => t.close());

    const rec = (id: string) => w.long.get(`/api/inspection-follow-up/${id}`);

    test("findings of 2025: violations, a sanction and itemised recommendations by the team leader only", async () => {
      const { id, version } = await decidedInspection(w, [school], 2025, "2025-08-04");
      ids.i2025 = id;
      let v = await walkToAppraised(w, id, version, {
        plan: "2025-08-06",
        announce: "2025-08-11",
        endOnsite: "2025-09-19",
        report: "2025-09-22",
        assign: "2025-09-25",
        draft: "2025-10-06",
        appraise: "2025-10-09",
      });
      const violation = await w.long.post(`/api/inspections/${id}/violations`, {
        version: v,
        subjectId: school,
        kind: "budget",
        description: "Chi sai chế độ phụ cấp thêm giờ năm 2024",
        money: 620_000_000,
      });
      assert.equal(violation.status, 201, JSON.stringify(violation.body));
      v = violation.body.version;
      assert.equal(violation.body.violations[0].moneyText, "620 triệu đồng");

      // A member of the team may not edit the conclusion's content.
      const byMember = await w.thu.post(`/api/inspections/${id}/recommendations`, {
        version: v,
        type: "recover_money",
        content: "Thu hồi",
        amount: 1,
        responsibleUnit: "Trường THPT số 1 Bảo Yên",
      });
      assert.equal(byMember.status, 403);
      assert.equal(byMember.body.code, "INSPECTION_NOT_TEAM_LEADER");
      // Bad input: each refused naming its field.
      const noAmount = await w.long.post(`/api/inspections/${id}/recommendations`, {
        version: v,
        type: "recover_money",
        content: "Thu hồi về ngân sách",
        responsibleUnit: "Trường THPT số 1 Bảo Yên",
      });
      assert.equal(noAmount.status, 400);
      assert.equal(noAmount.body.field, "amount");
      const fraction = await w.long.post(`/api/inspections/${id}/recommendations`, {
        version: v,
        type: "recover_money",
        content: "Thu hồi về ngân sách",
        amount: 1000.5,
        responsibleUnit: "Trường THPT số 1 Bảo Yên",
      });
      assert.equal(fraction.status, 400);
      assert.equal(fraction.body.field, "amount");
      assert.match(fraction.body.message, /đồng nguyên/);
      const notHis = await w.long.post(`/api/inspections/${id}/sanctions`, {
        version: v,
        issuedOutside: true,
        subjectId: outsider,
        number: "01/QĐ-XPHC",
        issuedOn: "2025-10-10",
        targetKind: "organisation",
        targetName: "Công ty TNHH Thương mại Sơn Hà",
        fine: 1_000_000,
      });
      assert.equal(notHis.status, 400);
      assert.equal(notHis.body.code, "INSPECTION_SUBJECT_INVALID");
      assert.equal(notHis.body.field, "subjectId");
      assert.equal((await w.long.get(`/api/inspections/${id}`)).body.version, v, "nothing saved by refusals");

      // Signed on paper before it was recorded: the number and date are typed.
      const sanction = await w.long.post(`/api/inspections/${id}/sanctions`, {
        version: v,
        issuedOutside: true,
        subjectId: school,
        number: "12/QĐ-XPHC",
        issuedOn: "2025-10-10",
        targetKind: "individual",
        targetName: "Ông Hà Văn Tùng, kế toán",
        fine: 35_000_000,
        additionalMeasures: "Buộc nộp lại số tiền có được do vi phạm",
      });
      assert.equal(sanction.status, 201, JSON.stringify(sanction.body));
      v = sanction.body.version;
      const adds: Record<string, unknown>[] = [
        {
          type: "recover_money",
          subjectId: school,
          content: "Thu hồi nộp ngân sách nhà nước số tiền chi sai chế độ",
          amount: 500_000_000,
          responsibleUnit: "Trường THPT số 1 Bảo Yên",
          dueOn: "2026-03-31",
        },
        {
          type: "discipline",
          content: "Kiểm điểm trách nhiệm Ban Giám hiệu và kế toán",
          collectives: 2,
          individuals: 3,
          persons: ["Nguyễn Văn Hải", "Lê Thị Minh", "Hà Văn Tùng"],
          responsibleUnit: "Sở Giáo dục và Đào tạo",
          dueOn: "2026-01-31",
        },
        {
          type: "investigation",
          content: "Chuyển hồ sơ vụ việc lập chứng từ khống sang Cơ quan Cảnh sát điều tra",
          matters: 1,
          individuals: 1,
          persons: ["Hà Văn Tùng"],
          responsibleUnit: "Thanh tra tỉnh",
        },
      ];
      for (const body of adds) {
        const res = await w.long.post(`/api/inspections/${id}/recommendations`, { version: v, ...body });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        v = res.body.version;
      }
      // Not followed before the conclusion is signed.
      const detail = (await w.long.get(`/api/inspections/${id}`)).body;
      const money = detail.recommendations.find((r: { type: string }) => r.type === "recover_money");
      ids.money2025 = money.id;
      ids.discipline2025 = detail.recommendations.find((r: { type: string }) => r.type === "discipline").id;
      const tooEarly = await w.long.post(`/api/inspection-follow-up/${money.id}/recoveries`, {
        version: money.version,
        recoveredOn: "2025-10-12",
        amount: 1_000_000,
      });
      assert.equal(tooEarly.status, 409);
      assert.equal(tooEarly.body.code, "INSPECTION_STEP_OUT_OF_ORDER");

      const signed = await step(w.head, id, v, {
        action: "sign",
        issuedOutside: true,
        date: "2025-10-15",
        number: "05/KL-TTr",
      });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      v = signed.body.version;
      assert.equal(signed.body.totals.recommendedMoney, 500_000_000);
      assert.equal(signed.body.totals.fines, 35_000_000);
      assert.equal(signed.body.me.mayEditFindings, false);
      // Signed: the conclusion's content is locked.
      const locked = await w.long.post(`/api/inspections/${id}/violations`, {
        version: v,
        subjectId: school,
        kind: "other",
        description: "Bổ sung",
      });
      assert.equal(locked.status, 409);
      assert.equal(locked.body.code, "INSPECTION_FINDINGS_LOCKED");
      // The payment of a fine is recorded after signing, by any inspector of the agency.
      const paid = await w.thu.post(`/api/inspections/${id}/sanctions/${signed.body.sanctions[0].id}/paid`, {
        version: v,
        paidOn: "2025-10-30",
      });
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      assert.equal(paid.body.sanctions[0].paid, true);
    });

    test("recoveries across the year boundary; a recovery above what is outstanding is refused, nothing saved", async () => {
      let r = (await rec(ids.money2025!)).body;
      assert.equal(r.concludedOn, "2025-10-15");
      assert.equal(r.status, "overdue", "due 31/03/2026, nothing recovered");
      const first = await w.long.post(`/api/inspection-follow-up/${r.id}/recoveries`, {
        version: r.version,
        recoveredOn: "2025-12-20",
        amount: 120_000_000,
        evidence: "Giấy nộp tiền vào ngân sách số 0015 ngày 20/12/2025",
      });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      r = first.body;
      assert.equal(r.recovered, 120_000_000);
      assert.equal(r.outstanding, 380_000_000);
      // Above the outstanding 380.000.000 đồng by one đồng: refused naming the amount.
      const over = await w.long.post(`/api/inspection-follow-up/${r.id}/recoveries`, {
        version: r.version,
        recoveredOn: "2026-01-15",
        amount: 380_000_001,
      });
      assert.equal(over.status, 400);
      assert.equal(over.body.code, "RECOVERY_ABOVE_OUTSTANDING");
      assert.equal(over.body.field, "amount");
      assert.match(over.body.message, /380\.000\.000 đồng/);
      const unchanged = (await rec(r.id)).body;
      assert.equal(unchanged.version, r.version);
      assert.equal(unchanged.recovered, 120_000_000);
      assert.equal(unchanged.recoveries.length, 1);
      // Dated before the conclusion, or nothing at all: refused.
      const beforeConclusion = await w.long.post(`/api/inspection-follow-up/${r.id}/recoveries`, {
        version: r.version,
        recoveredOn: "2025-10-01",
        amount: 1,
      });
      assert.equal(beforeConclusion.status, 400);
      assert.equal(beforeConclusion.body.field, "recoveredOn");
      const empty = await w.long.post(`/api/inspection-follow-up/${r.id}/recoveries`, {
        version: r.version,
        recoveredOn: "2026-01-15",
      });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.code, "RECOVERY_EMPTY");
      // Another agency's inspector may not record it.
      const other = await w.sctInspector.post(`/api/inspection-follow-up/${r.id}/recoveries`, {
        version: r.version,
        recoveredOn: "2026-01-15",
        amount: 1,
      });
      assert.equal(other.status, 403);
      const second = await w.long.post(`/api/inspection-follow-up/${r.id}/recoveries`, {
        version: r.version,
        recoveredOn: "2026-01-15",
        amount: 80_000_000,
      });
      assert.equal(second.status, 201, JSON.stringify(second.body));
      r = second.body;
      assert.equal(r.recovered, 200_000_000);
      assert.equal(r.outstanding, 300_000_000);
      assert.equal(r.outstandingText, "300 triệu đồng");
      assert.equal(r.status, "overdue");
      // An urging letter.
      const urged = await w.thu.post(`/api/inspection-follow-up/${r.id}/actions`, {
        version: r.version,
        kind: "urge",
        onDate: "2026-04-02",
        note: "Đôn đốc nộp số tiền còn lại",
      });
      assert.equal(urged.status, 201, JSON.stringify(urged.body));
      assert.equal(urged.body.urged, 1);
      assert.equal(urged.body.actions[0].kindLabel, "Đôn đốc thực hiện");
      // The urging letter's draft (TTr-DD) says what is still due.
      const letter = await w.long.get(`/api/documents/${urged.body.actions[0].documentId}`);
      assert.equal(letter.status, 200, JSON.stringify(letter.body));
      assert.equal(letter.body.formCode, "TTr-DD");
      assert.equal(letter.body.fields.amountVnd, 500_000_000);
      assert.equal(letter.body.fields.recoveredVnd, 200_000_000);

      // The discipline recommendation: closed by decision.
      const d = (await rec(ids.discipline2025!)).body;
      assert.equal(d.status, "overdue");
      const closed = await w.long.post(`/api/inspection-follow-up/${d.id}/close`, {
        version: d.version,
        closedOn: "2026-02-10",
        reason: "Quyết định số 45/QĐ-TTr: các cá nhân đã được kiểm điểm, xử lý kỷ luật",
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      assert.equal(closed.body.status, "closed");
      const again = await w.long.post(`/api/inspection-follow-up/${d.id}/recoveries`, {
        version: closed.body.version,
        recoveredOn: "2026-02-11",
        done: true,
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, "RECOMMENDATION_CLOSED");
    });

    test("a 2026 conclusion, then the period's figures, to the đồng, by hand", async () => {
      const { id, version } = await decidedInspection(w, [hospital], 2026, "2026-03-02");
      ids.i2026 = id;
      let v = await walkToAppraised(w, id, version, {
        plan: "2026-03-04",
        announce: "2026-03-09",
        endOnsite: "2026-04-24",
        report: "2026-05-04",
        assign: "2026-05-06",
        draft: "2026-05-25",
        appraise: "2026-06-01",
      });
      for (const body of [
        {
          type: "recover_money",
          subjectId: hospital,
          content: "Thu hồi chênh lệch giá thiết bị y tế",
          amount: 1_000_000_000,
          responsibleUnit: "Bệnh viện Đa khoa huyện Bắc Hà",
          dueOn: "2027-06-30",
        },
        {
          type: "recover_land",
          subjectId: hospital,
          content: "Thu hồi diện tích đất sử dụng sai mục đích",
          landM2: 1250.5,
          responsibleUnit: "UBND xã Bắc Hà",
          dueOn: "2027-06-30",
        },
      ]) {
        const res = await w.long.post(`/api/inspections/${id}/recommendations`, { version: v, ...body });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        v = res.body.version;
      }
      const signed = await step(w.head, id, v, {
        action: "sign",
        issuedOutside: true,
        date: "2026-06-15",
        number: "11/KL-TTr",
      });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const money = signed.body.recommendations.find((r: { type: string }) => r.type === "recover_money");
      const land = signed.body.recommendations.find((r: { type: string }) => r.type === "recover_land");
      const part = await w.long.post(`/api/inspection-follow-up/${money.id}/recoveries`, {
        version: money.version,
        recoveredOn: "2026-07-01",
        amount: 250_000_000,
      });
      assert.equal(part.status, 201, JSON.stringify(part.body));
      assert.equal(part.body.status, "partly_done");
      const landDone = await w.long.post(`/api/inspection-follow-up/${land.id}/recoveries`, {
        version: land.version,
        recoveredOn: "2026-08-03",
        landM2: 1250.5,
      });
      assert.equal(landDone.status, 201, JSON.stringify(landDone.body));
      assert.equal(landDone.body.status, "done");

      // 2026: recommended 1.000.000.000 (the 2026 conclusion); recovered 250.000.000 from it and
      // 80.000.000 (15/01/2026) from the 2025 conclusion; outstanding at 31/12/2026:
      // (500.000.000 − 200.000.000) + (1.000.000.000 − 250.000.000) = 1.050.000.000.
      const y2026 = await w.long.get("/api/inspection-follow-up/summary?from=2026-01-01&to=2026-12-31");
      assert.equal(y2026.status, 200, JSON.stringify(y2026.body));
      assert.deepEqual(
        {
          recommended: y2026.body.recommended,
          recoveredFromPeriod: y2026.body.recoveredFromPeriod,
          recoveredFromEarlierYears: y2026.body.recoveredFromEarlierYears,
          recoveredInPeriod: y2026.body.recoveredInPeriod,
          outstandingAtEnd: y2026.body.outstandingAtEnd,
        },
        {
          recommended: 1_000_000_000,
          recoveredFromPeriod: 250_000_000,
          recoveredFromEarlierYears: 80_000_000,
          recoveredInPeriod: 330_000_000,
          outstandingAtEnd: 1_050_000_000,
        },
      );
      assert.equal(y2026.body.text.outstandingAtEnd, "1.050 triệu đồng");
      // 2025: recommended 500.000.000, recovered 120.000.000 (20/12/2025), outstanding 380.000.000.
      const y2025 = (await w.long.get("/api/inspection-follow-up/summary?from=2025-01-01&to=2025-12-31")).body;
      assert.equal(y2025.recommended, 500_000_000);
      assert.equal(y2025.recoveredInPeriod, 120_000_000);
      assert.equal(y2025.recoveredFromEarlierYears, 0);
      assert.equal(y2025.outstandingAtEnd, 380_000_000);
      // January 2026 alone: only the 2025 conclusion's 80.000.000, all from an earlier year.
      const jan = (await w.long.get("/api/inspection-follow-up/summary?from=2026-01-01&to=2026-01-31")).body;
      assert.equal(jan.recoveredInPeriod, 80_000_000);
      assert.equal(jan.recoveredFromEarlierYears, 80_000_000);
      assert.equal(jan.recommended, 0);
      const reversed = await w.long.get("/api/inspection-follow-up/summary?from=2026-02-01&to=2026-01-01");
      assert.equal(reversed.status, 400);
      assert.equal(reversed.body.field, "to");
      // Another agency sees none of it.
      assert.equal(
        (await w.sctInspector.get("/api/inspection-follow-up/summary?from=2026-01-01&to=2026-12-31")).body.recommended,
        0,
      );
    });

    test("the follow-up list: filters, sort, export", async () => {
      const all = (await w.long.get("/api/inspection-follow-up?pageSize=100")).body;
      assert.equal(all.total, 5);
      const overdue = (await w.long.get("/api/inspection-follow-up?overdue=true")).body;
      // The 2025 money (due 31/03/2026); the investigation has no due date, the discipline is closed.
      assert.deepEqual(
        overdue.items.map((i: { type: string; outstanding: number }) => [i.type, i.outstanding]),
        [["recover_money", 300_000_000]],
      );
      assert.equal(overdue.items[0].overdue, true);
      assert.equal(overdue.items[0].conclusionNumber, "05/KL-TTr");
      const big = (await w.long.get("/api/inspection-follow-up?minOutstanding=300000000&sort=outstanding&order=desc"))
        .body;
      assert.deepEqual(
        big.items.map((i: { outstanding: number }) => i.outstanding),
        [750_000_000, 300_000_000],
      );
      assert.equal((await w.long.get("/api/inspection-follow-up?year=2025")).body.total, 3);
      const partly = (await w.long.get("/api/inspection-follow-up?status=partly_done")).body;
      assert.deepEqual(
        partly.items.map((i: { amount: number }) => i.amount),
        [1_000_000_000],
      );
      const done = (await w.long.get("/api/inspection-follow-up?status=done")).body;
      assert.deepEqual(
        done.items.map((i: { type: string }) => i.type),
        ["recover_land"],
      );
      assert.equal((await w.long.get(`/api/inspection-follow-up?agencyId=${w.sct}`)).body.total, 0);
      const bad = await w.long.get("/api/inspection-follow-up?status=somewhere");
      assert.equal(bad.status, 400);
      assert.equal(bad.body.field, "status");
      // A Department's viewer sees none of the Inspectorate's recommendations.
      assert.equal((await w.viewer.get("/api/inspection-follow-up")).body.total, 0);
      const file = await w.long.get("/api/inspection-follow-up/export.xlsx?year=2025");
      assert.equal(file.status, 200);
      assert.match(String(file.headers["content-type"]), /spreadsheetml/);
      assert.equal(file.headers["x-total-rows"], "3");
    });

    test("the follow-up officer records recoveries, urging and checks, but decides, signs and edits nothing", async () => {
      const officer = await t.login("theodoi");
      let r = (await rec(ids.money2025!)).body;
      // Reads the agency's inspections and the recommendation, and is told it may write.
      const seen = await officer.get(`/api/inspection-follow-up/${r.id}`);
      assert.equal(seen.status, 200, JSON.stringify(seen.body));
      assert.equal(seen.body.mayWrite, true);
      assert.equal((await officer.get(`/api/inspections/${ids.i2025}`)).status, 200);
      const recovered = await officer.post(`/api/inspection-follow-up/${r.id}/recoveries`, {
        version: r.version,
        recoveredOn: "2026-05-04",
        amount: 1_000_000,
        evidence: "Giấy nộp tiền số 12 ngày 04/05/2026",
      });
      assert.equal(recovered.status, 201, JSON.stringify(recovered.body));
      r = recovered.body;
      const urged = await officer.post(`/api/inspection-follow-up/${r.id}/actions`, {
        version: r.version,
        kind: "urge",
        onDate: "2026-05-05",
        note: "Đôn đốc nộp số tiền còn lại",
      });
      assert.equal(urged.status, 201, JSON.stringify(urged.body));
      const checked = await officer.post(`/api/inspection-follow-up/${r.id}/actions`, {
        version: urged.body.version,
        kind: "check",
        onDate: "2026-05-06",
      });
      assert.equal(checked.status, 201, JSON.stringify(checked.body));
      // Never a step of an inspection, its findings or a proposal; not the signer of a paper.
      const inspection = (await w.long.get(`/api/inspections/${ids.i2026}`)).body;
      const asOfficer = (await officer.get(`/api/inspections/${ids.i2026}`)).body;
      assert.deepEqual(asOfficer.allowedActions, []);
      assert.equal(asOfficer.me.mayEditFindings, false);
      for (const [url, body] of [
        [
          "/api/inspections",
          {
            kind: "ad_hoc",
            trigger: "superior",
            triggerNote: "Chỉ đạo của UBND tỉnh",
            title: "Thanh tra",
            content: "Nội dung",
            year: 2026,
            subjectIds: [school],
            online: false,
          },
        ],
        [`/api/inspections/${ids.i2026}/steps`, { version: inspection.version, action: "sign" }],
        [
          `/api/inspections/${ids.i2026}/violations`,
          { version: inspection.version, subjectId: hospital, kind: "economic", description: "Chi sai", money: 1 },
        ],
      ] as const) {
        const refused = await officer.post(url, body);
        assert.equal(refused.status, 403, `${url}: ${JSON.stringify(refused.body)}`);
      }
      // Another agency's recommendation stays out of reach.
      const sct = await t.login("kiemtra.sct");
      assert.equal((await sct.get(`/api/inspection-follow-up/${r.id}`)).status, 403);
    });
  });
}
