/**
 * A letter that may be a denunciation keeps its texts sealed (identity/letter-texts.ts): what
 * the database holds in clear, what its handler reads and finds, and what classification changes.
 * Both databases.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ELIGIBLE_ANSWERS } from "@minhbach/domain";
import { sql } from "kysely";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

const WRITER = {
  kind: "person",
  fullName: "Đặng Thị Phương Thảo",
  address: "Số 12 đường Hoàng Liên, phường Cốc Lếu, tỉnh Lào Cai",
  phone: "0987654321",
  email: "phuongthao.dang@example.vn",
  identity: { kind: "cccd", number: "010190054321", birthYear: 1990, gender: "female" },
};
const TEXT =
  "Tôi là Đặng Thị Phương Thảo, CCCD 010 190 054 321, ở số 12 đường Hoàng Liên, phường Cốc Lếu, " +
  "điện thoại +84 987 654 321, thư phuongthao.dang@example.vn, hoặc gọi số khác 0912.111.222. " +
  "Tôi phản ánh việc cửa hàng vật liệu xây dựng Hưng Thịnh lấn chiếm vỉa hè, gây mất an toàn giao thông.";
const SECRETS = [
  "Phương Thảo",
  "Phuong Thao",
  "010190054321",
  "054 321",
  "987 654 321",
  "phuongthao.dang",
  "0912.111.222",
];

for (const db of testDatabases()) {
  describe(`a letter's texts sealed until it is classified (${db.kind})`, () => {
    let t: TestApp;
    let handler: TestClient;
    let viewer: TestClient;
    let id: string;
    const stored = async () => {
      const { rows } = await sql<Record<string, unknown>>`
        select title, summary, content, excerpt, petitioner_display, search_text, search_names, texts_sealed
        from petition where id = ${id}`.execute(t.system.database.db);
      return rows[0]!;
    };
    before(async () => {
      t = await startTestApp({ db, listen: false });
      handler = await t.login("xulydon");
      viewer = await t.login("xem");
      const res = await handler.post("/api/petitions", {
        channel: "post",
        receivedOn: "2026-11-02",
        petitioners: [WRITER],
        respondents: [{ name: "Cửa hàng vật liệu xây dựng Hưng Thịnh" }],
        summary: `Bà Đặng Thị Phương Thảo (0987 654 321) phản ánh lấn chiếm vỉa hè`,
        content: TEXT,
        fieldCode: "CT.XANG_DAU",
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      id = res.body.id;
    });
    after(() => t.close());

    test("the clear columns hold no writer's data; the original is sealed", async () => {
      const row = await stored();
      const clear = JSON.stringify({ ...row, texts_sealed: null });
      for (const secret of SECRETS) assert.ok(!clear.includes(secret), `${secret} in ${clear}`);
      assert.ok(!String(row.texts_sealed).includes("Thảo"));
      assert.match(String(row.content), /Hưng Thịnh lấn chiếm vỉa hè/);
    });

    test("its handler reads the original, lists it by the writer and finds it by name, number, phone, e-mail", async () => {
      const detail = (await handler.get(`/api/petitions/${id}`)).body;
      assert.equal(detail.content, TEXT);
      assert.match(detail.petitionerDisplay, /^Đặng Thị Phương Thảo, Số 12/);
      const list = (await handler.get("/api/petitions")).body.items.find((p: { id: string }) => p.id === id);
      assert.match(list.petitioner, /Đặng Thị Phương Thảo/);
      assert.match(list.excerpt, /0987 654 321/);
      for (const q of [
        "dang thi phuong thao",
        "Đặng Thị Phương Thảo",
        "010190054321",
        "+84 987 654 321",
        WRITER.email,
      ]) {
        const found = (await handler.get(`/api/petitions?q=${encodeURIComponent(q)}`)).body;
        assert.deepEqual(
          found.items.map((p: { id: string }) => p.id),
          [id],
          q,
        );
      }
      // A word of the text still finds it; a part of the name does not (the writer is not in its text).
      assert.equal((await handler.get("/api/petitions?q=lan%20chiem%20via%20he")).body.total, 1);
    });

    test("one who does not handle it finds it by none of the writer's data and reads it masked", async () => {
      for (const q of ["dang thi phuong thao", "010190054321", "0987654321"]) {
        assert.equal((await viewer.get(`/api/petitions?q=${encodeURIComponent(q)}`)).body.total, 0, q);
      }
      const detail = await viewer.get(`/api/petitions/${id}`);
      const text = JSON.stringify(detail.body);
      for (const secret of SECRETS) assert.ok(!text.includes(secret), `${secret} shown: ${text}`);
    });

    test("classified as a petition (phản ánh), its texts go back in clear; as a denunciation they stay sealed", async () => {
      const p = (await handler.get(`/api/petitions/${id}`)).body;
      const res = await handler.post(`/api/petitions/${id}/classify`, {
        version: p.version,
        kind: "feedback",
        competence: "within",
        fieldCode: "CT.XANG_DAU",
        eligibilityAnswers: ELIGIBLE_ANSWERS,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const row = await stored();
      assert.equal(row.content, TEXT);
      assert.equal(row.texts_sealed, null);
      assert.match(String(row.search_names), /dang thi phuong thao/);
      assert.equal((await viewer.get("/api/petitions?q=dang%20thi%20phuong%20thao")).body.total, 1);

      const other = await handler.post("/api/petitions", {
        channel: "post",
        receivedOn: "2026-11-02",
        petitioners: [WRITER],
        respondents: [{ name: "Ông Lê Văn Hùng, cán bộ địa chính" }],
        content: TEXT.replace("phản ánh", "tố cáo"),
        fieldCode: "CT.XANG_DAU",
      });
      const q = (await handler.get(`/api/petitions/${other.body.id}`)).body;
      await handler.post(`/api/petitions/${q.id}/classify`, {
        version: q.version,
        kind: "denunciation",
        competence: "within",
        fieldCode: "CT.XANG_DAU",
        eligibilityAnswers: ELIGIBLE_ANSWERS,
      });
      id = other.body.id;
      const sealed = await stored();
      assert.ok(sealed.texts_sealed);
      const clear = JSON.stringify({ ...sealed, texts_sealed: null });
      for (const secret of SECRETS) assert.ok(!clear.includes(secret), `${secret} in ${clear}`);
    });
  });
}
