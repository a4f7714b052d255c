/**
 * Petition handling through the HTTP API, on both databases: intake, duplicates across agencies,
 * classification, a transfer to another agency of the installation with its official slip,
 * and the guards and refusals around them.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ELIGIBLE_ANSWERS, todayInVietnam } from "@minhbach/domain";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

const CONTENT =
  "Tôi đề nghị Sở Công Thương kiểm tra việc cửa hàng xăng dầu Minh Phát tại xã Bắc Hà bán xăng thiếu lít, " +
  "cột bơm số 2 có dấu hiệu can thiệp, nhiều người dân trong thôn đã phản ánh nhưng chưa được giải quyết.";

function letter(over: Record<string, unknown> = {}) {
  return {
    channel: "post",
    receivedOn: "2026-11-02",
    writtenOn: "2026-10-28",
    petitioners: [
      {
        kind: "person",
        fullName: "Nguyễn Văn An",
        address: "Thôn Na Hối, xã Bắc Hà, tỉnh Lào Cai",
        identity: { kind: "cccd", number: "010088012345", birthYear: 1988, gender: "male" },
      },
    ],
    respondents: [{ name: "Cửa hàng xăng dầu Minh Phát", address: "xã Bắc Hà" }],
    content: CONTENT,
    fieldCode: "CT.XANG_DAU",
    ...over,
  };
}

for (const db of testDatabases()) {
  describe(`petitions (${db.kind})`, () => {
    let t: TestApp;
    let handler: TestClient;
    let otherHandler: TestClient;
    let admin: TestClient;
    let snnmtId: string;
    before(async () => {
      t = await startTestApp({ db, listen: false });
      admin = await t.login("admin");
      handler = await t.login("xulydon");
      const agencies = (await admin.get("/api/agencies")).body.items as { id: string; code: string }[];
      snnmtId = agencies.find((a) => a.code === "LC.SNNMT")!.id;
      otherHandler = await t.login("xulydon.snnmt");
    });
    after(() => t.close());

    test("intake: numbered in the agency's register, REGISTERED, with its 10-working-day deadline", async () => {
      const res = await handler.post("/api/petitions", letter());
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.match(res.body.code, /^LC\.SCT-2026-000001$/);
      const detail = await handler.get(`/api/petitions/${res.body.id}`);
      assert.equal(detail.body.state, "REGISTERED");
      // 10 working days from Monday 02/11/2026: 03–06/11 (4), 09–13/11 (9), Monday 16/11 (10).
      assert.equal(detail.body.dueOn, "2026-11-16");
      assert.equal(detail.body.deadlines[0].ruleId, "petition.handle");
      assert.equal(detail.body.events[0].action, "received");
    });

    test("bad input names the field and saves nothing", async () => {
      const before = (await handler.get("/api/petitions")).body.total;
      const cases: [Record<string, unknown>, string][] = [
        [
          letter({
            petitioners: [{ kind: "person", fullName: "A", address: "x", identity: { kind: "cccd", number: "12345" } }],
          }),
          "petitioners.0.identity.number",
        ],
        [letter({ receivedOn: "2026-02-30" }), "receivedOn"],
        [letter({ channel: "transferred" }), "forwardedBy"],
        [letter({ content: "" }), "content"],
        [letter({ receivedOn: "2099-01-01" }), "receivedOn"],
      ];
      for (const [body, field] of cases) {
        const res = await handler.post("/api/petitions", body);
        assert.equal(res.status, 400, `${field}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.field, field, JSON.stringify(res.body));
      }
      assert.equal((await handler.get("/api/petitions")).body.total, before);
    });

    test("duplicates: same person written differently is found; another agency sees only that one exists", async () => {
      const probe = {
        petitioners: [{ kind: "person", fullName: "nguyen van an", address: "thon na hoi , Xã Bắc Hà, tỉnh Lào Cai" }],
        respondents: [{ name: "Công ty TNHH Xăng dầu Minh Phát" }],
        content: CONTENT.replace("nhiều người dân", "bà con"),
      };
      const mine = await handler.post("/api/petitions/duplicates", probe);
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      assert.ok(mine.body.items.length >= 1);
      assert.equal(mine.body.items[0].visible, true);
      assert.match(mine.body.items[0].code, /^LC\.SCT-/);
      assert.ok(["same", "probable"].includes(mine.body.items[0].verdict), mine.body.items[0].verdict);
      const theirs = await otherHandler.post("/api/petitions/duplicates", probe);
      assert.equal(theirs.body.items[0].visible, false);
      assert.equal(theirs.body.items[0].code, null);
      assert.equal(theirs.body.items[0].excerpt, null);
      assert.match(theirs.body.items[0].coordinate, /Sở Công Thương/);
      assert.doesNotMatch(JSON.stringify(theirs.body), /Nguyễn Văn An|Minh Phát|thiếu lít/);
    });

    test("search is accent-insensitive and typo-tolerant; lists filter by state", async () => {
      const byName = await handler.get("/api/petitions?q=nguyen%20van%20an");
      assert.equal(byName.body.total, 1);
      const typo = await handler.get("/api/petitions?q=xang%20dau%20minh%20phat%20ban%20thieu");
      assert.equal(typo.body.total, 1);
      const none = await handler.get("/api/petitions?status=TRANSFERRED");
      assert.equal(none.body.total, 0);
      const bad = await handler.get("/api/petitions?status=KHONG_CO");
      assert.equal(bad.status, 400);
    });

    test("an outcome that skips classification is refused; a future date is refused", async () => {
      const id = (await handler.get("/api/petitions")).body.items[0].id;
      const detail = await handler.get(`/api/petitions/${id}`);
      const skip = await handler.post(`/api/petitions/${id}/outcome`, {
        version: detail.body.version,
        outcome: "transfer",
        on: "2026-11-03",
        targetBody: "Sở Nông nghiệp và Môi trường",
        notifyWriter: true,
      });
      assert.equal(skip.status, 409, JSON.stringify(skip.body));
      assert.equal(skip.body.code, "WRONG_STATE");
    });

    test("classify → transfer inside the installation → issue the slip → dispatch → it is in the other agency's inbox", async () => {
      const id = (await handler.get("/api/petitions")).body.items[0].id;
      let p = (await handler.get(`/api/petitions/${id}`)).body;
      const classified = await handler.post(`/api/petitions/${id}/classify`, {
        version: p.version,
        kind: "recommendation",
        competence: "not_within",
        fieldCode: "CT.XANG_DAU",
        eligibilityAnswers: ELIGIBLE_ANSWERS,
      });
      assert.equal(classified.status, 200, JSON.stringify(classified.body));
      assert.equal(classified.body.state, "ELIGIBLE");
      assert.ok(classified.body.allowedOutcomes.some((o: { outcome: string }) => o.outcome === "transfer"));
      p = classified.body;

      const viewer = await t.login("xem");
      assert.equal((await viewer.post(`/api/petitions/${id}/outcome`, {})).status, 403);

      const future = await handler.post(`/api/petitions/${id}/outcome`, {
        version: p.version,
        outcome: "transfer",
        on: "2099-01-01",
        targetBody: "Sở Nông nghiệp và Môi trường",
        notifyWriter: true,
      });
      assert.equal(future.status, 400);
      assert.equal(future.body.field, "on");

      const today = todayInVietnam();
      const transferred = await handler.post(`/api/petitions/${id}/outcome`, {
        version: p.version,
        outcome: "transfer",
        on: today,
        targetBody: "Sở Nông nghiệp và Môi trường tỉnh Lào Cai",
        targetAgencyId: snnmtId,
        notifyWriter: true,
      });
      assert.equal(transferred.status, 200, JSON.stringify(transferred.body));
      assert.equal(transferred.body.petition.state, "TRANSFERRED");
      const documentId = transferred.body.documentId;
      assert.ok(documentId);

      // The handler completes the draft slip (the signer) and issues it.
      const draft = await handler.get(`/api/documents/${documentId}`);
      assert.equal(draft.body.formCode, "TT05-06");
      const signed = await handler.patch(`/api/documents/${documentId}`, {
        version: draft.body.version,
        fields: {
          ...draft.body.fields,
          signer: { authority: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn Thành" },
        },
      });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const issued = await handler.post(`/api/documents/${documentId}/issue`, {});
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      assert.match(issued.body.symbol, /^1\//);

      p = (await handler.get(`/api/petitions/${id}`)).body;
      const dispatched = await handler.post(`/api/petitions/${id}/dispatch`, {
        version: p.version,
        documentNumber: issued.body.symbol,
        sentOn: today,
      });
      assert.equal(dispatched.status, 200, JSON.stringify(dispatched.body));
      assert.equal(dispatched.body.petition.state, "AWAITING_FEEDBACK");
      assert.ok(dispatched.body.transferredTo);

      const inbox = await otherHandler.get("/api/petitions?channel=transferred");
      assert.equal(inbox.body.total, 1);
      const arrived = (await otherHandler.get(`/api/petitions/${inbox.body.items[0].id}`)).body;
      assert.equal(arrived.state, "REGISTERED");
      assert.equal(arrived.forwardedBy.documentNumber, issued.body.symbol);
      assert.match(arrived.forwardedBy.agencyName, /Sở Công Thương/);
      assert.equal(arrived.content, CONTENT);
      assert.equal(arrived.petitioners[0].fullName, "Nguyễn Văn An");
      assert.equal(arrived.transferredFromId, id);
      // The issued slip travels with the petition: the receiving agency reads and downloads it;
      // the sender's drafts do not travel.
      assert.ok(arrived.documents.some((d: { id: string }) => d.id === documentId));
      assert.equal((await otherHandler.get(`/api/documents/${documentId}`)).status, 200);
      assert.equal((await otherHandler.get(`/api/documents/${documentId}/file`)).status, 200);
      const directory = await otherHandler.get("/api/agencies/directory");
      assert.ok(directory.body.items.some((a: { code: string }) => a.code === "LC.SCT"));
      assert.ok(
        !directory.body.items.some((a: { code: string }) => a.code === "OLD.UBND.YB"),
        "ended units are not offered",
      );

      // Each agency sees only its own petition.
      assert.equal((await otherHandler.get(`/api/petitions/${id}`)).status, 403);
      assert.equal((await handler.get(`/api/petitions/${arrived.id}`)).status, 403);

      // The transferred petition waits for an answer and can be urged.
      const awaiting = await handler.get("/api/petitions/awaiting");
      assert.ok(awaiting.body.items.some((a: { code: string }) => a.code === p.code));
    });

    test("a denunciation's writer is masked in lists and search", async () => {
      const res = await handler.post(
        "/api/petitions",
        letter({
          petitioners: [{ kind: "person", fullName: "Hoàng Thị Diệu", address: "phường Lào Cai" }],
          respondents: [{ name: "Ông Trần Văn Cán" }],
          content: "Tố cáo ông Trần Văn Cán, cán bộ quản lý thị trường, nhận tiền của các cửa hàng để bỏ qua vi phạm.",
        }),
      );
      const p = (await handler.get(`/api/petitions/${res.body.id}`)).body;
      const classified = await handler.post(`/api/petitions/${p.id}/classify`, {
        version: p.version,
        kind: "denunciation",
        competence: "within",
        fieldCode: "CT.QUAN_LY_THI_TRUONG",
        eligibilityAnswers: ELIGIBLE_ANSWERS,
      });
      assert.equal(classified.status, 200, JSON.stringify(classified.body));
      const list = await handler.get("/api/petitions?kind=denunciation");
      assert.equal(list.body.items[0].petitioner, "Người tố cáo (thông tin được bảo mật)");
      const search = await handler.get("/api/petitions?q=hoang%20thi%20dieu");
      assert.equal(search.body.total, 0);
      const viewer = await t.login("xem");
      const seen = (await viewer.get(`/api/petitions/${p.id}`)).body;
      assert.deepEqual(seen.petitioners, []);
    });
  });
}
