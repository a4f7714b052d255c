/**
 * A case step and its paper are one act (issue 16, items 2, 5 and 6), on both databases:
 * - the number and signer come from the register and the signing leader, never typed twice; a
 *   paper issued outside the system is typed and marked as such;
 * - a decision in the head's name is submitted to a leader of the agency and issued only when that
 *   leader signs it (the drafter cannot issue it, nobody else can sign it, the signer may return it);
 * - the next step waits for the papers before it, or records why it goes ahead, audited.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { proposedPetition } from "./support/petitions.ts";
import { docxText } from "./support/zip.ts";

function letter() {
  return {
    channel: "post",
    receivedOn: "2026-11-02",
    petitioners: [{ kind: "person", fullName: "Đào Thị Nhung", address: "Thôn 3, xã Gia Phú, tỉnh Lào Cai" }],
    respondents: [{ name: "Chi cục Quản lý thị trường" }],
    content:
      "Tôi khiếu nại quyết định tịch thu lô hàng nông sản của gia đình tôi vì cho rằng không rõ nguồn gốc, " +
      "trong khi tôi có giấy xác nhận của xã; đề nghị trả lại hàng.",
  };
}

interface Paper {
  id: string;
  status: string;
  version: number;
  formCode: string;
  symbol: string | null;
  actions: string[];
  signerName: string | null;
  returnedNote: string | null;
}

for (const db of testDatabases()) {
  describe(`a case step and its paper (${db.kind})`, () => {
    let t: TestApp;
    let handler: TestClient;
    let leader: TestClient;
    let resolver: TestClient;
    let other: TestClient;
    let leaderId: string;
    let otherId: string;
    let caseId: string;

    const detail = async () => (await resolver.get(`/api/cases/${caseId}`)).body;
    const papers = async (): Promise<Paper[]> =>
      (await resolver.get(`/api/documents?entityType=case&entityId=${caseId}`)).body.items;
    const act = async (body: Record<string, unknown>) =>
      resolver.post(`/api/cases/${caseId}/actions`, { version: (await detail()).version, ...body });

    before(async () => {
      t = await startTestApp({ db, listen: false });
      handler = await t.login("xulydon");
      leader = await t.login("lanhdao");
      resolver = await t.login("xacminh");
      other = await t.login("xacminh2");
      leaderId = (await leader.get("/api/auth/me")).body.user.id;
      otherId = (await other.get("/api/auth/me")).body.user.id;
      const resolverId = (await resolver.get("/api/auth/me")).body.user.id;
      const petition = await proposedPetition(handler, letter(), "complaint", "2026-11-04");
      const opened = await leader.post("/api/cases", {
        petitionId: petition.id,
        instance: 1,
        assignees: [resolverId, otherId],
      });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      caseId = opened.body.id;
    });
    after(() => t.close());

    test("a typed number for a paper drafted here is refused, naming the field; nothing changes", async () => {
      const before = await detail();
      const typed = await act({ action: "accept", on: "2026-11-09", learnedOn: "2026-10-20", documentNumber: "15/TB" });
      assert.equal(typed.status, 400, JSON.stringify(typed.body));
      assert.equal(typed.body.code, "NUMBER_FROM_REGISTER");
      assert.equal(typed.body.field, "documentNumber");
      assert.match(typed.body.message, /ban hành ngoài hệ thống/);
      const after = await detail();
      assert.equal(after.version, before.version);
      assert.equal(after.state, before.state);
    });

    test("the step drafts its paper; the next step waits for it, or records why it goes ahead", async () => {
      const accepted = await act({ action: "accept", on: "2026-11-09", learnedOn: "2026-10-20" });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      const [notice] = await papers();
      assert.equal(notice!.formCode, "KN-TL");
      assert.equal(notice!.status, "draft");

      const ahead = await act({
        action: "assign_verification",
        on: "2026-11-10",
        assignee: { kind: "person", name: "Phạm Thu Hằng" },
      });
      assert.equal(ahead.status, 409, JSON.stringify(ahead.body));
      assert.equal(ahead.body.code, "CASE_PAPERS_PENDING");
      assert.equal(ahead.body.field, "paperOverride");
      assert.match(ahead.body.message, /Thông báo về việc thụ lý giải quyết khiếu nại \(dự thảo\)/);
      assert.equal((await detail()).state, "ACCEPTED");

      // Flags are not an act on paper: they are recorded at once.
      const flagged = await act({ action: "set_flags", remote: false, complex: false });
      assert.equal(flagged.status, 200, JSON.stringify(flagged.body));

      const reason = "Thông báo thụ lý đã gửi bản giấy, chờ ký số trên hệ thống.";
      const overridden = await act({
        action: "assign_verification",
        on: "2026-11-10",
        assignee: { kind: "person", name: "Phạm Thu Hằng" },
        paperOverride: reason,
      });
      assert.equal(overridden.status, 200, JSON.stringify(overridden.body));
      const event = overridden.body.events.at(-1);
      assert.equal(event.action, "assign_verification");
      assert.equal(event.data.paperOverride.reason, reason);
      assert.deepEqual(event.data.paperOverride.papers, [notice!.id]);
      const audit = await t.system.database.db
        .selectFrom("audit_event")
        .select(["summary"])
        .where("action", "=", "case.assign_verification")
        .where("entity_id", "=", caseId)
        .executeTakeFirstOrThrow();
      assert.equal((audit.summary as { paperOverride: { reason: string } }).paperOverride.reason, reason);
    });

    test("a decision in the head's name: submitted to a leader, signed by that leader only, or returned", async () => {
      const decision = (await papers()).find((p) => p.formCode === "KN-GXM")!;
      assert.deepEqual(decision.actions.slice().sort(), ["download", "edit", "submit"], "no issue for the drafter");

      const self = await resolver.post(`/api/documents/${decision.id}/issue`, {});
      assert.equal(self.status, 409, JSON.stringify(self.body));
      assert.equal(self.body.code, "DOCUMENT_NEEDS_SIGNATURE");

      const signers = await resolver.get(`/api/documents/${decision.id}/signers`);
      assert.equal(signers.status, 200, JSON.stringify(signers.body));
      assert.deepEqual(
        signers.body.items.map((s: { fullName: string; position: string }) => [s.fullName, s.position]),
        [["Nguyễn Văn Thành", "Giám đốc"]],
      );
      const toResolver = await resolver.post(`/api/documents/${decision.id}/submit`, {
        version: decision.version,
        signerId: otherId,
      });
      assert.equal(toResolver.status, 400, JSON.stringify(toResolver.body));
      assert.equal(toResolver.body.code, "DOCUMENT_SIGNER_INVALID");
      assert.equal(toResolver.body.field, "signerId");

      const submitted = await resolver.post(`/api/documents/${decision.id}/submit`, {
        version: decision.version,
        signerId: leaderId,
      });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      assert.equal(submitted.body.status, "submitted");
      assert.equal(submitted.body.signerName, "Nguyễn Văn Thành");
      assert.deepEqual(submitted.body.fields.signer, { position: "Giám đốc", name: "Nguyễn Văn Thành" });

      // Frozen while submitted; the other assignee cannot sign it.
      const edit = await resolver.patch(`/api/documents/${decision.id}`, {
        version: submitted.body.version,
        fields: submitted.body.fields,
      });
      assert.equal(edit.body.code, "DOCUMENT_SUBMITTED");
      const byOther = await other.post(`/api/documents/${decision.id}/issue`, {});
      assert.equal(byOther.status, 403, JSON.stringify(byOther.body));
      assert.equal(byOther.body.code, "DOCUMENT_NOT_SIGNER");

      // The leader sends it back with a reason; the drafter sees it and submits again.
      const seen = (await leader.get(`/api/documents/${decision.id}`)).body;
      assert.deepEqual(seen.actions.slice().sort(), ["download", "issue", "return"]);
      const returned = await leader.post(`/api/documents/${decision.id}/return`, {
        version: seen.version,
        reason: "Ghi rõ thời hạn xác minh.",
      });
      assert.equal(returned.status, 200, JSON.stringify(returned.body));
      assert.equal(returned.body.status, "draft");
      assert.equal(returned.body.returnedNote, "Ghi rõ thời hạn xác minh.");
      const again = await resolver.post(`/api/documents/${decision.id}/submit`, {
        version: returned.body.version,
        signerId: leaderId,
      });
      assert.equal(again.status, 200, JSON.stringify(again.body));

      const signed = await leader.post(`/api/documents/${decision.id}/issue`, {});
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      assert.equal(signed.body.status, "issued");
      assert.match(signed.body.symbol, /^\d+\/QĐ-/);
      const file = await t.app.inject({
        method: "GET",
        url: `/api/documents/${decision.id}/file`,
        headers: { cookie: `mb_session=${leader.session}` },
      });
      assert.equal(file.statusCode, 200);
      const text = docxText(file.rawPayload);
      assert.match(text, /GIÁM ĐỐC/);
      assert.match(text, /Nguyễn Văn Thành/);

      // The step carries the register's number; the timeline says who signed what.
      const c = await detail();
      assert.equal(c.facts.verification.documentNumber, signed.body.symbol);
      const issued = c.events.find((e: { action: string; documentId: string }) => e.action === "paper_issued");
      assert.equal(issued.documentId, decision.id);
      assert.equal(issued.data.symbol, signed.body.symbol);
      assert.equal(issued.data.step, "assign_verification");
    });

    test("a notice (not in the head's name) its drafter completes and issues; its number goes to its step", async () => {
      const notice = (await papers()).find((p) => p.formCode === "KN-TL")!;
      assert.ok(notice.actions.includes("issue"), "a notice is issued by its drafter");
      const full = (await resolver.get(`/api/documents/${notice.id}`)).body;
      const completed = await resolver.patch(`/api/documents/${notice.id}`, {
        version: full.version,
        fields: {
          ...full.fields,
          signer: { authority: "TL. GIÁM ĐỐC", position: "Chánh Văn phòng", name: "Phạm Thu Hằng" },
        },
      });
      assert.equal(completed.status, 200, JSON.stringify(completed.body));
      const issued = await resolver.post(`/api/documents/${notice.id}/issue`, {});
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      assert.equal((await detail()).facts.acceptance.documentNumber, issued.body.symbol);
    });

    test("a paper issued outside the system: typed, marked, no draft", async () => {
      const count = (await papers()).length;
      const verified = await act({
        action: "record_verification",
        on: "2026-11-16",
        summary: "Giấy xác nhận hợp lệ.",
        differsFromDemand: false,
      });
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      const decided = await act({
        action: "decide",
        date: "2026-11-20",
        outcome: "right",
        issuedOutside: true,
        number: "88/QĐ-SCT",
        signer: "Nguyễn Văn Thành",
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));
      assert.equal(decided.body.facts.decision.number, "88/QĐ-SCT");
      assert.equal(decided.body.events.at(-1).data.issuedOutside, true);
      assert.equal((await papers()).length, count, "no draft for a paper issued outside");

      const missing = await resolver.post(`/api/cases/${caseId}/actions`, {
        version: decided.body.version,
        action: "publish",
        on: "2026-11-21",
        method: "meeting",
      });
      // Publishing needs no paper of its own; nothing is pending: taken.
      assert.equal(missing.status, 200, JSON.stringify(missing.body));
    });
  });
}
