/**
 * A case's papers are drafted and issued by those assigned to it (the officers' path: a resolver of
 * the same agency, told "not assigned, view only", could still edit and issue a denunciation
 * decision). On both databases, with the demo's cases, all assigned to xacminh: xacminh2, a resolver
 * of the same agency, reads the drafts but is offered no edit or issue, and each change is refused.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

interface Doc {
  id: string;
  status: string;
  version: number;
  formCode: string;
  agencyId: string;
  actions: string[];
}

for (const db of testDatabases()) {
  describe(`documents of a case: only its assignees change them (${db.kind})`, () => {
    let t: TestApp;
    let assigned: TestClient;
    let other: TestClient;
    let caseId: string;
    let draft: Doc;

    before(async () => {
      t = await startTestApp({ db, listen: false, demoPetitions: true });
      assigned = await t.login("xacminh");
      other = await t.login("xacminh2");
      // A demo case (all assigned to xacminh); its assignee drafts a notice of it.
      const kase = await t.system.database.db
        .selectFrom("resolution_case")
        .select(["id", "agency_id"])
        .orderBy("created_at")
        .executeTakeFirstOrThrow();
      caseId = kase.id;
      const created = await assigned.post("/api/documents", {
        formCode: "TB",
        entityType: "case",
        entityId: caseId,
        agencyId: kase.agency_id,
        fields: { subject: "Về việc bổ sung tài liệu", paragraphs: ["Đề nghị bổ sung hóa đơn, chứng từ."] },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const list = await assigned.get(`/api/documents?entityType=case&entityId=${caseId}`);
      assert.equal(list.status, 200, JSON.stringify(list.body));
      draft = list.body.items.find((d: Doc) => d.id === created.body.id);
      assert.deepEqual(draft.actions.slice().sort(), ["download", "edit", "issue", "submit"]);
    });
    after(() => t.close());

    test("a resolver not assigned reads the papers but is offered no change", async () => {
      const list = await other.get(`/api/documents?entityType=case&entityId=${caseId}`);
      assert.equal(list.status, 200, JSON.stringify(list.body));
      const seen = list.body.items.find((d: Doc) => d.id === draft.id);
      assert.deepEqual(seen.actions, ["download"]);
      const one = await other.get(`/api/documents/${draft.id}`);
      assert.equal(one.status, 200);
      assert.deepEqual(one.body.actions, ["download"]);
    });

    test("editing, issuing and drafting a paper of the case are refused to them, and nothing changes", async () => {
      const full = (await assigned.get(`/api/documents/${draft.id}`)).body;
      const edit = await other.patch(`/api/documents/${draft.id}`, { version: full.version, fields: full.fields });
      assert.equal(edit.status, 403, JSON.stringify(edit.body));
      assert.equal(edit.body.code, "CASE_NOT_ASSIGNED");
      const issue = await other.post(`/api/documents/${draft.id}/issue`, {});
      assert.equal(issue.status, 403, JSON.stringify(issue.body));
      assert.equal(issue.body.code, "CASE_NOT_ASSIGNED");
      const created = await other.post("/api/documents", {
        formCode: full.formCode,
        entityType: "case",
        entityId: caseId,
        agencyId: full.agencyId,
        fields: full.fields,
      });
      assert.equal(created.status, 403, JSON.stringify(created.body));
      const after = (await assigned.get(`/api/documents/${draft.id}`)).body;
      assert.equal(after.status, "draft");
      assert.equal(after.version, full.version);
    });

    test("the assignee completes and issues it", async () => {
      const full = (await assigned.get(`/api/documents/${draft.id}`)).body;
      const signed = await assigned.patch(`/api/documents/${draft.id}`, {
        version: full.version,
        fields: { ...full.fields, signer: { position: "GIÁM ĐỐC", name: "Nguyễn Văn Thành" } },
      });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const issued = await assigned.post(`/api/documents/${draft.id}/issue`, {});
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      assert.equal(issued.body.status, "issued");
    });
  });
}
