/**
 * Complaint and denunciation cases through the HTTP API, on both databases: both procedures end
 * to end with hand-computed due dates, every guard and refusal (wrong role, other agency, not
 * assigned, stale version, bad input), and the protection of the denouncer's identity, route by
 * route, for a user of the same agency who is not assigned; the audit chain is verified after.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sealClearCases } from "../src/modules/cases/at-rest.ts";
import { resealAll, sealedByKey } from "../src/platform/sealed-columns.ts";
import { keyRing, useKeyRing } from "../src/platform/vault.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { signPapers } from "./support/papers.ts";
import { proposedPetition } from "./support/petitions.ts";
import { docxText } from "./support/zip.ts";

const DENOUNCER = "Vương Thị Thanh Xuân";
const DENOUNCER_ID = "010195067890";

function complaintLetter() {
  return {
    channel: "post",
    receivedOn: "2026-11-02",
    writtenOn: "2026-10-30",
    petitioners: [
      {
        kind: "person",
        fullName: "Lương Văn Bình",
        address: "Thôn Làng Mới, xã Bảo Thắng, tỉnh Lào Cai",
        identity: { kind: "cccd", number: "010078011111", birthYear: 1978, gender: "male" },
      },
    ],
    respondents: [{ name: "Giám đốc Sở Công Thương" }],
    content:
      "Tôi khiếu nại Quyết định số 210/QĐ-SCT ngày 15/10/2026 xử phạt vi phạm hành chính cửa hàng tạp hóa của tôi " +
      "vì cho rằng tôi kinh doanh hàng không rõ nguồn gốc, trong khi tôi có đủ hóa đơn chứng từ; đề nghị hủy quyết định.",
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
  };
}

function denunciationLetter() {
  return {
    channel: "post",
    receivedOn: "2026-11-02",
    writtenOn: "2026-10-31",
    petitioners: [
      {
        kind: "person",
        fullName: DENOUNCER,
        address: "Tổ 5, phường Cam Đường, tỉnh Lào Cai",
        phone: "0912345678",
        identity: { kind: "cccd", number: DENOUNCER_ID, birthYear: 1995, gender: "female" },
      },
    ],
    respondents: [{ name: "Ông Hà Văn Cường, Đội trưởng Đội Quản lý thị trường số 3" }],
    // A real letter names its writer in the text too: the text is masked for those who may not see it.
    content:
      "Tôi tên là Vương Thị Thanh Xuân, CCCD 010195067890, trú tại Tổ 5, phường Cam Đường, tỉnh Lào Cai, " +
      "điện thoại 0912 345 678. Tôi tố cáo ông Hà Văn Cường, Đội trưởng Đội Quản lý thị trường số 3, nhiều lần " +
      "nhận tiền của các hộ kinh doanh tại chợ Cốc Lếu để bỏ qua vi phạm; tôi có ghi âm và danh sách các hộ đã phải nộp tiền.",
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
  };
}

for (const db of testDatabases()) {
  describe(`cases (${db.kind})`, () => {
    let t: TestApp;
    let handler: TestClient;
    let leader: TestClient;
    let resolver: TestClient;
    let other: TestClient;
    let viewer: TestClient;
    let otherAgency: TestClient;
    let resolverId: string;
    let complaintCase: { id: string; version: number };
    let denunciationCase: { id: string; version: number; petitionId: string };

    before(async () => {
      t = await startTestApp({ db, listen: false });
      handler = await t.login("xulydon");
      leader = await t.login("lanhdao");
      resolver = await t.login("xacminh");
      other = await t.login("xacminh2");
      viewer = await t.login("xem");
      otherAgency = await t.login("xulydon.snnmt");
      resolverId = (await resolver.get("/api/auth/me")).body.user.id;
    });
    after(() => t.close());

    /** Registers, classifies and proposes acceptance of a letter; returns the petition. */
    const proposed = (body: Record<string, unknown>, kind: "complaint" | "denunciation") =>
      proposedPetition(handler, body, kind, "2026-11-05");

    test("complaint: opened by the leader, accepted, verified, dialogue, decided, enforced, closed", async () => {
      const petition = await proposed(complaintLetter(), "complaint");
      assert.equal(petition.state, "PROPOSED_FOR_ACCEPTANCE");
      // A petition handler may not open a case; a viewer neither.
      assert.equal((await handler.post("/api/cases", { petitionId: petition.id })).status, 403);
      assert.equal((await viewer.post("/api/cases", { petitionId: petition.id, instance: 1 })).status, 403);
      // Second instance without the first decision: refused by the schema, nothing created.
      const second = await leader.post("/api/cases", { petitionId: petition.id, instance: 2, assignees: [resolverId] });
      assert.equal(second.status, 400);
      assert.equal(second.body.field, "firstInstance");
      const opened = await leader.post("/api/cases", { petitionId: petition.id, instance: 1, assignees: [resolverId] });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      const c = opened.body;
      assert.equal(c.kind, "complaint");
      assert.match(c.code, /^KN-LC\.SCT-2026-/);
      assert.equal(c.state, "AWAITING_ACCEPTANCE");
      assert.equal(c.assignments[0].name, "Phạm Thu Hằng");
      assert.equal(c.allowedActions.length, 0, "the leader is not assigned: no actions offered");
      assert.equal(
        (await leader.post("/api/cases", { petitionId: petition.id, instance: 1 })).body.code,
        "CASE_EXISTS",
      );
      assert.equal((await handler.get(`/api/petitions/${petition.id}`)).body.state, "ACCEPTED");

      let detail = (await resolver.get(`/api/cases/${c.id}`)).body;
      assert.ok(detail.allowedActions.some((a: { action: string }) => a.action === "accept"));
      // A decision before acceptance is refused, and nothing changes.
      const early = await resolver.post(`/api/cases/${c.id}/actions`, {
        action: "decide",
        version: detail.version,
        number: "01/QĐ-SCT",
        date: "2026-11-10",
        signer: "Nguyễn Văn Thành",
        outcome: "right",
      });
      assert.ok([400, 409].includes(early.status), JSON.stringify(early.body));
      assert.equal((await resolver.get(`/api/cases/${c.id}`)).body.version, detail.version);

      // Acceptance with a ground ticked is refused; without, accepted on 09/11/2026.
      const ticked = await resolver.post(`/api/cases/${c.id}/actions`, {
        action: "accept",
        version: detail.version,
        on: "2026-11-09",
        learnedOn: "2026-10-16",
        grounds: ["unsigned"],
      });
      assert.equal(ticked.status, 400, JSON.stringify(ticked.body));
      const accepted = await resolver.post(`/api/cases/${c.id}/actions`, {
        action: "accept",
        version: detail.version,
        on: "2026-11-09",
        learnedOn: "2026-10-16",
        grounds: [],
      });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      detail = accepted.body;
      // The acceptance notice is signed before the next step; its number comes from the register.
      const [noticeNumber] = await signPapers(resolver, leader, c.id);
      assert.match(noticeNumber!, /^\d+\/TB-/);
      detail = (await resolver.get(`/api/cases/${c.id}`)).body;
      assert.equal(detail.facts.acceptance.documentNumber, noticeNumber);
      assert.equal(detail.state, "ACCEPTED");
      // Điều 28 Luật Khiếu nại 2011: 30 days from 09/11/2026, counted from 10/11 (Điều 147 BLDS),
      // ends Wednesday 09/12/2026, a working day.
      assert.equal(detail.dueOn, "2026-12-09");
      assert.equal(detail.mainDeadline.due, "2026-12-09");
      assert.ok(detail.mainDeadline.explanation.length > 0);
      assert.ok(detail.documents.some((d: { formCode: string }) => d.formCode === "KN-TL"));

      // Someone of the same agency who is not assigned may read the case but not act on it.
      const foreign = await other.post(`/api/cases/${c.id}/actions`, {
        action: "set_flags",
        version: detail.version,
        remote: false,
        complex: false,
      });
      assert.equal(foreign.status, 403);
      assert.equal(foreign.body.code, "CASE_NOT_ASSIGNED");
      assert.equal((await otherAgency.get(`/api/cases/${c.id}`)).status, 403);

      // Complex case: 45 days (Điều 28) from 09/11 → 24/12/2026 (Thursday).
      const flagged = await resolver.post(`/api/cases/${c.id}/actions`, {
        action: "set_flags",
        version: detail.version,
        remote: false,
        complex: true,
        complexJustification: "Phải xác minh chứng từ tại nhiều cơ sở cung cấp hàng hóa.",
      });
      assert.equal(flagged.status, 200, JSON.stringify(flagged.body));
      detail = flagged.body;
      assert.equal(detail.dueOn, "2026-12-24");

      // A stale version is a conflict: the second save loses nothing, it is refused.
      const stale = await resolver.post(`/api/cases/${c.id}/actions`, {
        action: "assign_verification",
        version: detail.version - 1,
        on: "2026-11-10",
        assignee: { kind: "person", name: "Phạm Thu Hằng" },
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, "VERSION_CONFLICT");

      for (const step of [
        {
          action: "assign_verification",
          on: "2026-11-10",
          assignee: { kind: "team", name: "Phạm Thu Hằng", members: ["Đinh Văn Khoa"] },
          plan: "Xác minh hóa đơn, chứng từ nhập hàng của cửa hàng.",
        },
        {
          action: "record_verification",
          on: "2026-11-16",
          summary: "Hóa đơn hợp lệ đối với 8/10 mặt hàng; 2 mặt hàng không có chứng từ.",
          differsFromDemand: true,
        },
      ]) {
        const r = await resolver.post(`/api/cases/${c.id}/actions`, { ...step, version: detail.version });
        assert.equal(r.status, 200, `${step.action}: ${JSON.stringify(r.body)}`);
        await signPapers(resolver, leader, c.id);
        detail = (await resolver.get(`/api/cases/${c.id}`)).body;
      }
      // The result differs from the demand: dialogue is required before the decision.
      const skipped = await resolver.post(`/api/cases/${c.id}/actions`, {
        action: "decide",
        version: detail.version,
        date: "2026-11-20",
        outcome: "partly_right",
      });
      assert.ok([400, 409].includes(skipped.status), JSON.stringify(skipped.body));
      assert.match(skipped.body.message, /đối thoại/i);

      const dialogue = await resolver.post(`/api/cases/${c.id}/actions`, {
        action: "hold_dialogue",
        version: detail.version,
        on: "2026-11-18",
        participants: ["Lương Văn Bình", "Đại diện Đội Quản lý thị trường số 3"],
        agreedPoints: "8 mặt hàng có hóa đơn hợp lệ.",
        disputedPoints: "2 mặt hàng người khiếu nại cho là hàng tự sản xuất.",
        place: "Trụ sở Sở Công Thương",
      });
      assert.equal(dialogue.status, 200, JSON.stringify(dialogue.body));
      await signPapers(resolver, leader, c.id);
      detail = (await resolver.get(`/api/cases/${c.id}`)).body;

      // Amounts: negative and non-numeric refused by the schema, naming the field.
      for (const bad of [-5, "năm triệu"]) {
        const r = await resolver.post(`/api/cases/${c.id}/actions`, {
          action: "decide",
          version: detail.version,
          date: "2026-11-20",
          outcome: "partly_right",
          amounts: { moneyToOthers: bad },
        });
        assert.equal(r.status, 400, JSON.stringify(r.body));
        assert.match(r.body.field, /amounts\.moneyToOthers/);
      }
      const decided = await resolver.post(`/api/cases/${c.id}/actions`, {
        action: "decide",
        version: detail.version,
        date: "2026-11-20",
        outcome: "partly_right",
        summary: "Khiếu nại có đúng, có sai: hủy phần xử phạt đối với 8 mặt hàng có hóa đơn.",
        amounts: { moneyToOthers: 12.5, restoredIndividuals: 1 },
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      detail = decided.body;
      assert.equal(detail.state, "DECIDED");
      assert.equal(detail.outcome, "partly_right");
      const forms = detail.documents.map((d: { formCode: string }) => d.formCode);
      for (const f of ["KN-TL", "KN-GXM", "KN-BBDT", "KN-QD"]) assert.ok(forms.includes(f), `${f} in ${forms}`);
      // The decision takes the register's number and the signing leader when signed, not before.
      assert.equal(detail.facts.decision.number, null);
      const [decisionNumber] = await signPapers(resolver, leader, c.id);
      detail = (await resolver.get(`/api/cases/${c.id}`)).body;
      assert.equal(detail.facts.decision.number, decisionNumber);
      assert.equal(detail.facts.decision.signer, "Nguyễn Văn Thành, Giám đốc");

      const enforced = await resolver.post(`/api/cases/${c.id}/actions`, {
        action: "record_enforcement",
        version: detail.version,
        on: "2026-11-21",
        responsible: "Đội Quản lý thị trường số 3",
        done: "Đã hoàn trả tiền phạt đối với 8 mặt hàng.",
        moneyReturned: 12.5,
        completed: true,
      });
      assert.equal(enforced.status, 200, JSON.stringify(enforced.body));
      // Evidence and minutes go with the case: uploaded by those assigned, read by those in scope.
      const boundary = "----minhbachevidence";
      const minutes = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="bien-ban-lam-viec.txt"\r\n` +
            "Content-Type: text/plain\r\n\r\n",
        ),
        Buffer.from("Biên bản làm việc với Đội Quản lý thị trường số 3.\n"),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const upload = (who: TestClient) =>
        who.request("POST", `/api/cases/${c.id}/attachments`, minutes, {
          headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        });
      assert.equal((await upload(resolver)).status, 201);
      const notAssigned = await upload(other);
      assert.equal(notAssigned.status, 403);
      assert.equal(notAssigned.body.code, "CASE_NOT_ASSIGNED");
      assert.equal((await upload(viewer)).status, 403);
      const evidence = await viewer.get(`/api/cases/${c.id}/attachments`);
      assert.equal(evidence.status, 200);
      assert.equal(evidence.body.items[0].fileName, "bien-ban-lam-viec.txt");
      assert.equal(evidence.body.canUpload, false);
      assert.equal((await resolver.get(`/api/cases/${c.id}/attachments`)).body.canUpload, true);
      assert.equal((await otherAgency.get(`/api/cases/${c.id}/attachments`)).status, 403);

      const closed = await resolver.post(`/api/cases/${c.id}/actions`, {
        action: "close",
        version: enforced.body.version,
        on: "2026-11-21",
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      assert.equal(closed.body.state, "CLOSED");
      assert.ok(closed.body.events.length >= 9);
      complaintCase = { id: c.id, version: closed.body.version };
      assert.ok(complaintCase.id);
    });

    test("denunciation: accepted, two extensions, a third refused, concluded, handled, published", async () => {
      const petition = await proposed(denunciationLetter(), "denunciation");
      const opened = await leader.post("/api/cases", { petitionId: petition.id, assignees: [resolverId] });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      let detail = opened.body;
      assert.equal(detail.state, "INITIAL_PROCESSING");
      assert.equal(detail.petitioner, "Người tố cáo (thông tin được bảo mật)");
      denunciationCase = { id: detail.id, version: detail.version, petitionId: petition.id };

      const steps: Record<string, unknown>[] = [
        {
          action: "accept",
          on: "2026-11-06",
          conditions: { withinCompetence: true, denouncerIdentified: true, basisToVerify: true },
        },
        { action: "set_complexity", criteria: ["a", "c"] },
        { action: "extend", decisionDate: "2026-11-20", reason: "Xác minh tại 03 chợ." },
        {
          action: "extend",
          decisionDate: "2026-11-21",
          reason: "Nhiều hộ kinh doanh liên quan.",
        },
      ];
      const dues: string[] = [];
      for (const step of steps) {
        const r = await resolver.post(`/api/cases/${detail.id}/actions`, { ...step, version: detail.version });
        assert.equal(r.status, 200, `${step.action}: ${JSON.stringify(r.body)}`);
        await signPapers(resolver, leader, detail.id);
        detail = (await resolver.get(`/api/cases/${detail.id}`)).body;
        dues.push(detail.dueOn);
      }
      // Each extension decision carries the register's number once signed.
      assert.deepEqual(
        detail.facts.extensions.map((e: { decisionNumber: string }) => /^\d+\/QĐ-/.test(e.decisionNumber)),
        [true, true],
      );
      // Điều 30 Luật Tố cáo 2018: 30 days from 06/11/2026 → Sunday 06/12 → Monday 07/12/2026;
      // one extension of 30 days: 60 days → Tuesday 05/01/2027; the second moves it further.
      assert.equal(dues[0], "2026-12-07");
      assert.equal(dues[2], "2027-01-05");
      assert.ok(dues[3]! > dues[2]!);
      assert.equal(detail.documents.filter((d: { formCode: string }) => d.formCode === "TC-GH").length, 2);

      const third = await resolver.post(`/api/cases/${detail.id}/actions`, {
        action: "extend",
        version: detail.version,
        decisionDate: "2026-11-21",
        reason: "Thêm thời gian.",
      });
      assert.equal(third.status, 400, JSON.stringify(third.body));
      assert.match(third.body.message, /gia hạn/i);
      assert.equal((await resolver.get(`/api/cases/${detail.id}`)).body.version, detail.version);

      for (const step of [
        {
          action: "assign_verification",
          on: "2026-11-20",
          assignee: { kind: "team", name: "Phạm Thu Hằng", members: ["Đinh Văn Khoa"] },
        },
        // The note quotes the denouncer, as a resolver's note may: only those who may see the
        // identity read it as typed (checked in the identity tests below).
        {
          action: "record_verification",
          on: "2026-11-21",
          summary: "Làm việc với bà Vương Thị Thanh Xuân (ĐT 0912 345 678); có căn cứ xác định đã nhận tiền của 05 hộ.",
        },
        {
          action: "conclude",
          date: "2026-11-21",
          outcome: "right",
          findings: "Ông Hà Văn Cường đã nhận tiền của 05 hộ kinh doanh, tổng số 15 triệu đồng.",
          measures: "Kiến nghị xử lý kỷ luật; thu hồi 15 triệu đồng.",
          amounts: { moneyToState: 15, disciplineRecommended: 1, disciplineCadres: 1 },
        },
        { action: "handle_conclusion", on: "2026-11-21", discipline: "Đề nghị kỷ luật cảnh cáo." },
        { action: "publish", on: "2026-11-21", method: "portal", days: 15, denouncerDataRemoved: true },
      ]) {
        const r = await resolver.post(`/api/cases/${detail.id}/actions`, { ...step, version: detail.version });
        assert.equal(r.status, 200, `${step.action}: ${JSON.stringify(r.body)}`);
        await signPapers(resolver, leader, detail.id);
        detail = (await resolver.get(`/api/cases/${detail.id}`)).body;
      }
      assert.equal(detail.outcome, "right");
      assert.match(detail.facts.conclusion.number, /^\d+\/KL-/);
      assert.ok(detail.documents.some((d: { formCode: string }) => d.formCode === "TC-KL"));
      denunciationCase.version = detail.version;
    });

    test("the denouncer's identity: masked on every route for a same-agency user who is not assigned", async () => {
      const { id, petitionId } = denunciationCase;
      // A scan of the letter (handwriting, a name in the file name) is attached by the handler.
      const boundary = "----minhbachcases";
      const scan = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="thu-to-cao-Vuong-Thi-Thanh-Xuan.txt"\r\n` +
            "Content-Type: text/plain\r\n\r\n",
        ),
        Buffer.from("Bản chụp đơn tố cáo viết tay.\n"),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const uploaded = await handler.request("POST", `/api/petitions/${petitionId}/attachments`, scan, {
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      });
      assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
      const files = await resolver.get(`/api/petitions/${petitionId}/attachments`);
      assert.match(files.body.items[0].fileName, /Vuong-Thi-Thanh-Xuan/);
      const fileId = files.body.items[0].id as string;
      const fetchFile = (who: TestClient) =>
        t.app.inject({
          method: "GET",
          url: `/api/attachments/${fileId}/download`,
          headers: { cookie: `mb_session=${who.session}` },
        });
      assert.equal((await fetchFile(resolver)).statusCode, 200);
      const leak = (body: unknown) => {
        const text = JSON.stringify(body);
        assert.doesNotMatch(text, /Vương Thị Thanh Xuân|Thanh Xuân|010195067890|0912345678|0912 345 678|Cam Đường/);
      };
      for (const who of [other, viewer, leader]) {
        const list = await who.get("/api/petitions?pageSize=200");
        if (list.status === 200) leak(list.body);
        const detail = await who.get(`/api/petitions/${petitionId}`);
        if (detail.status === 200) {
          leak(detail.body);
          assert.deepEqual(detail.body.petitioners, []);
          assert.equal(detail.body.identity.protected, true);
          assert.equal(detail.body.identity.canView, false);
        }
        assert.equal((await who.get(`/api/petitions/${petitionId}/identity`)).status, 403);
        for (const q of ["vuong thi thanh xuan", DENOUNCER_ID, "Thanh Xuân"]) {
          const found = await who.get(`/api/petitions?q=${encodeURIComponent(q)}`);
          if (found.status === 200) {
            leak(found.body);
            assert.ok(
              !found.body.items.some((i: { id: string }) => i.id === petitionId),
              `search by ${q} finds the denunciation`,
            );
          }
        }
        const cases = await who.get("/api/cases?kind=denunciation");
        if (cases.status === 200) leak(cases.body);
        const kase = await who.get(`/api/cases/${id}`);
        if (kase.status === 200) {
          leak(kase.body);
          assert.equal(kase.body.identity.canView, false);
        }
        const reveal = await who.get(`/api/cases/${id}/identity`);
        assert.equal(reveal.status, 403);
        assert.equal(reveal.body.code, reveal.body.code === "FORBIDDEN" ? "FORBIDDEN" : "IDENTITY_PROTECTED");
        leak(reveal.body);
        const docs = await who.get(`/api/documents?entityType=case&entityId=${id}`);
        if (docs.status === 200) {
          leak(docs.body);
          for (const d of docs.body.items) {
            const file = await t.app.inject({
              method: "GET",
              url: `/api/documents/${d.id}/file`,
              headers: { cookie: `mb_session=${who.session}` },
            });
            if (file.statusCode === 200) {
              const text = docxText(file.rawPayload);
              assert.ok(text.length > 0);
              assert.doesNotMatch(text, /Thanh Xuân|010195067890/);
            }
          }
        }
        const listed = await who.get(`/api/petitions/${petitionId}/attachments`);
        if (listed.status === 200) {
          assert.doesNotMatch(JSON.stringify(listed.body), /Vuong|Xuan/);
          assert.deepEqual(listed.body.items[0].actions, []);
        }
        assert.equal((await fetchFile(who)).statusCode, 403);
        const reminders = await who.get("/api/cases/reminders?days=90");
        if (reminders.status === 200) leak(reminders.body);
        const dashboard = await who.get("/api/cases/dashboard");
        if (dashboard.status === 200) leak(dashboard.body);
      }
      // Duplicate check with the denouncer's own name: the match is shown, the name is not.
      const dup = await other.post("/api/petitions/duplicates", {
        petitioners: [{ kind: "person", fullName: DENOUNCER, address: "Tổ 5, phường Cam Đường, tỉnh Lào Cai" }],
        respondents: denunciationLetter().respondents,
        content: denunciationLetter().content,
      });
      assert.equal(dup.status, 200, JSON.stringify(dup.body));
      assert.ok(
        dup.body.items.some((m: { id: string | null }) => m.id === petitionId),
        "the same letter is found",
      );
      leak(dup.body);
      // The audit view names no one either.
      const admin = await t.login("admin");
      const audit = await admin.get("/api/audit?pageSize=200");
      assert.equal(audit.status, 200);
      leak(audit.body);
    });

    test("the assigned resolver sees it (audited); others ask, a leader approves, then they see it", async () => {
      const { id } = denunciationCase;
      const own = await resolver.get(`/api/cases/${id}/identity`);
      assert.equal(own.status, 200, JSON.stringify(own.body));
      assert.equal(own.body.petitioners[0].fullName, DENOUNCER);
      assert.equal(own.body.ground, "assigned");
      const plain = await resolver.get(`/api/petitions/${denunciationCase.petitionId}`);
      assert.match(plain.body.content, /Vương Thị Thanh Xuân/);
      const masked = await other.get(`/api/petitions/${denunciationCase.petitionId}`);
      assert.match(masked.body.content, /^Tôi tên là \[thông tin người tố cáo\], CCCD \[thông tin người tố cáo\]/);
      assert.equal(own.headers["cache-control"], "no-store");
      // The resolver's note that quotes the denouncer: as typed for the assigned, masked for others.
      const note = (body: { facts: { verification?: unknown }; events: { action: string; data: unknown }[] }) =>
        JSON.stringify([body.facts, body.events.filter((e) => e.action === "record_verification")]);
      assert.match(note((await resolver.get(`/api/cases/${id}`)).body), /bà Vương Thị Thanh Xuân \(ĐT 0912 345 678\)/);
      const otherNote = note((await other.get(`/api/cases/${id}`)).body);
      assert.match(otherNote, /bà \[thông tin người tố cáo\]/);
      assert.doesNotMatch(otherNote, /Thanh Xuân|0912 345 678/);

      // At rest: the clear columns hold the masked copy, the originals are sealed to their rows.
      const kysely = t.system.database.db;
      const atRest = async () => {
        const row = await kysely
          .selectFrom("resolution_case")
          .select(["facts", "facts_sealed", "title"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow();
        const events = await kysely
          .selectFrom("case_event")
          .select(["id", "data", "data_sealed"])
          .where("case_id", "=", id)
          .orderBy("id")
          .execute();
        return { row, events, clear: JSON.stringify([row.facts, row.title, events.map((e) => e.data)]) };
      };
      const stored = await atRest();
      assert.doesNotMatch(stored.clear, /Thanh Xuân|THANH XU|0912 ?345 ?678|010195067890|Cam Đường/);
      assert.match(stored.clear, /Làm việc với bà \[thông tin người tố cáo\]/);
      assert.match(stored.clear, /Ông Hà Văn Cường đã nhận tiền/, "the respondent stays readable");
      assert.match(stored.row.facts_sealed ?? "", /^v1\./);
      assert.ok(stored.events.length >= 5 && stored.events.every((e) => /^v1\./.test(e.data_sealed ?? "")));
      assert.doesNotMatch(JSON.stringify(stored.row.facts_sealed) + JSON.stringify(stored.events), /Thanh Xuân/);
      // A complaint's texts are not secret: nothing sealed.
      const complaint = await kysely
        .selectFrom("resolution_case")
        .select("facts_sealed")
        .where("id", "=", complaintCase.id)
        .executeTakeFirstOrThrow();
      assert.equal(complaint.facts_sealed, null);

      // A case an earlier version wrote in clear is sealed at start: put the originals back in clear.
      const typed = JSON.parse(note((await resolver.get(`/api/cases/${id}`)).body)) as [unknown, { data: unknown }[]];
      await kysely
        .updateTable("resolution_case")
        .set({ facts: JSON.stringify(typed[0]), facts_sealed: null })
        .where("id", "=", id)
        .execute();
      const noteEvent = stored.events.find((e) => /Làm việc với/.test(JSON.stringify(e.data)))!;
      await kysely
        .updateTable("case_event")
        .set({ data: JSON.stringify(typed[1][0]!.data), data_sealed: null })
        .where("id", "=", noteEvent.id)
        .execute();
      assert.match((await atRest()).clear, /Thanh Xuân/);
      assert.ok((await sealClearCases(kysely)) >= 1);
      const swept = await atRest();
      assert.doesNotMatch(swept.clear, /Thanh Xuân|0912 345 678/);
      assert.ok(swept.events.every((e) => /^v1\./.test(e.data_sealed ?? "")));
      assert.match(note((await resolver.get(`/api/cases/${id}`)).body), /bà Vương Thị Thanh Xuân \(ĐT 0912 345 678\)/);
      assert.doesNotMatch(note((await other.get(`/api/cases/${id}`)).body), /Thanh Xuân|0912 345 678/);

      // Key rotation re-seals the case's facts and timeline too (key ids in bigint-keyed rows included).
      const ring = keyRing();
      useKeyRing(ring.rotated(`cases${db.kind}`));
      assert.ok((await resealAll(kysely)) >= 1);
      const resealed = await atRest();
      const under = new RegExp(`^v1\\.cases${db.kind}\\.`);
      assert.match(resealed.row.facts_sealed ?? "", under);
      assert.ok(resealed.events.every((e) => under.test(e.data_sealed ?? "")));
      assert.ok(((await sealedByKey(kysely))[`cases${db.kind}`] ?? 0) >= resealed.events.length + 1);
      assert.match(note((await resolver.get(`/api/cases/${id}`)).body), /bà Vương Thị Thanh Xuân \(ĐT 0912 345 678\)/);

      // A reveal without approval is refused; the request needs a reason.
      assert.equal((await other.post(`/api/cases/${id}/identity-requests`, { reason: "" })).status, 400);
      const asked = await other.post(`/api/cases/${id}/identity-requests`, {
        reason: "Cần liên hệ người tố cáo để bổ sung chứng cứ ghi âm theo yêu cầu của Tổ xác minh.",
      });
      assert.equal(asked.status, 201, JSON.stringify(asked.body));
      assert.equal(
        (await other.post(`/api/cases/${id}/identity-requests`, { reason: "Một lần nữa, xin xem danh tính." })).body
          .code,
        "IDENTITY_REQUEST_PENDING",
      );
      assert.equal((await other.get(`/api/cases/${id}/identity`)).status, 403);
      // Only an approver decides; never the resolver, never the requester.
      assert.equal(
        (await resolver.post(`/api/identity-requests/${asked.body.id}/decision`, { approve: true })).status,
        403,
      );
      const pending = await leader.get("/api/identity-requests");
      assert.ok(pending.body.items.some((r: { id: string }) => r.id === asked.body.id));
      const approved = await leader.post(`/api/identity-requests/${asked.body.id}/decision`, {
        approve: true,
        note: "Đồng ý cho xem trong 72 giờ.",
      });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal(
        (await leader.post(`/api/identity-requests/${asked.body.id}/decision`, { approve: false })).body.code,
        "IDENTITY_REQUEST_NOT_PENDING",
      );
      const seen = await other.get(`/api/cases/${id}/identity`);
      assert.equal(seen.status, 200, JSON.stringify(seen.body));
      assert.equal(seen.body.ground, "approved");
      // The approval is for that case only: the viewer still sees nothing.
      assert.equal((await viewer.get(`/api/cases/${id}/identity`)).status, 403);

      const admin = await t.login("admin");
      const audit = await admin.get("/api/audit?pageSize=200");
      const actions = audit.body.items.map((e: { action: string }) => e.action);
      assert.ok(actions.filter((a: string) => a === "identity.view").length >= 2, actions.join(","));
      assert.ok(actions.includes("identity.view_refused"));
      assert.ok(actions.includes("identity.request_approved"));
      const verified = await admin.get("/api/audit/verify");
      assert.equal(verified.status, 200);
      assert.equal(verified.body.ok, true, JSON.stringify(verified.body));
    });

    test("a letter not yet classified is read only by its handlers: it may be a denunciation", async () => {
      const created = await handler.post("/api/petitions", {
        ...denunciationLetter(),
        petitioners: [{ ...denunciationLetter().petitioners[0], fullName: "Trịnh Thị Hồng Nhung" }],
        content: "Tôi tên là Trịnh Thị Hồng Nhung, tôi tố cáo cán bộ thu tiền sai quy định khi cấp giấy phép.",
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = created.body.id as string;
      const own = await handler.get(`/api/petitions/${id}`);
      assert.equal(own.body.petitioners[0].fullName, "Trịnh Thị Hồng Nhung");
      for (const who of [viewer, leader, other]) {
        const seen = await who.get(`/api/petitions/${id}`);
        if (seen.status !== 200) continue;
        assert.deepEqual(seen.body.petitioners, []);
        assert.doesNotMatch(JSON.stringify(seen.body), /Hồng Nhung/);
        const listed = await who.get("/api/petitions?pageSize=200");
        assert.doesNotMatch(JSON.stringify(listed.body), /Hồng Nhung/);
        const found = await who.get(`/api/petitions?q=${encodeURIComponent("trinh thi hong nhung")}`);
        assert.ok(!found.body.items.some((i: { id: string }) => i.id === id));
        assert.equal((await who.get(`/api/petitions/${id}/identity`)).status, 403);
      }
      const byHandler = await handler.get(`/api/petitions?q=${encodeURIComponent("trinh thi hong nhung")}`);
      assert.ok(byHandler.body.items.some((i: { id: string }) => i.id === id));
    });

    test("the leader's dashboard and the resolver's reminders count the cases", async () => {
      const dashboard = await leader.get("/api/cases/dashboard?days=60");
      assert.equal(dashboard.status, 200, JSON.stringify(dashboard.body));
      assert.ok(dashboard.body.perResolver.some((r: { name: string }) => r.name === "Phạm Thu Hằng"));
      const mine = await resolver.get("/api/cases?assignedToMe=true");
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      assert.equal(mine.body.total, 2);
      assert.equal((await other.get("/api/cases?assignedToMe=true")).body.total, 0);
      assert.equal((await otherAgency.get("/api/cases")).status, 403);
    });
  });
}
