/** API conventions: health, OpenAPI, error shape, security headers, size limits, audit chain. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Writable } from "node:stream";
import { sql } from "kysely";
import { verifyAuditChain } from "../src/platform/audit.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

for (const db of testDatabases()) {
  describe(`platform (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
    });
    after(() => t.close());

    test("health reports status and database kind (the migration to a signed-in user: safe-defaults.test.ts)", async () => {
      const res = await t.anonymous().get("/api/health");
      assert.equal(res.status, 200);
      assert.equal(res.body.status, "ok");
      assert.equal(res.body.database, db.kind);
    });

    test("OpenAPI document lists the stable auth routes; docs page is served", async () => {
      const res = await t.anonymous().get("/api/openapi.json");
      assert.equal(res.status, 200);
      assert.ok(res.body.paths["/api/auth/login"].post);
      assert.ok(res.body.paths["/api/auth/me"].get);
      assert.ok(res.body.paths["/api/users"].post.requestBody);
      const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
      assert.equal(docs.statusCode, 200);
    });

    test("security headers are set", async () => {
      const res = await t.anonymous().get("/api/health");
      assert.equal(res.headers["x-content-type-options"], "nosniff");
      assert.match(String(res.headers["content-security-policy"]), /default-src 'self'/);
      // Over plain HTTP no Strict-Transport-Security (over HTTPS: safe-defaults.test.ts).
      assert.equal(res.headers["strict-transport-security"], undefined);
    });

    test("malformed JSON, oversized body, unknown route: stable codes, no stack", async () => {
      const admin = await t.login("admin");
      const bad = await t.app.inject({
        method: "POST",
        url: "/api/users",
        headers: {
          "content-type": "application/json",
          cookie: `mb_session=${admin.session}`,
          "x-csrf-token": admin.csrfToken!,
        },
        payload: "{khong-phai-json",
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().code, "MALFORMED_JSON");
      const big = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ username: "a", password: "x".repeat(2_000_000) }),
      });
      assert.equal(big.statusCode, 413);
      assert.equal(big.json().code, "BODY_TOO_LARGE");
      const missing = await t.anonymous().get("/api/khong-co");
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, "ROUTE_NOT_FOUND");
      for (const res of [bad.body, big.body, JSON.stringify(missing.body)]) assert.doesNotMatch(res, /at .*\.ts:\d+/);
    });

    test("the audit log is append-only in the database and tamper-evident", async () => {
      const { db: kdb } = t.system.database;
      const first = await verifyAuditChain(kdb);
      assert.equal(first.ok, true);
      assert.ok(first.checked > 5);
      await assert.rejects(sql`update audit_event set action = 'x' where id = 1`.execute(kdb), /append-only/);
      await assert.rejects(sql`delete from audit_event where id = 1`.execute(kdb), /append-only/);
      // Someone with superuser access disables the trigger and edits an event: verify finds it.
      await sql`alter table audit_event disable trigger audit_event_no_update`.execute(kdb);
      await sql`update audit_event set summary = '{"edited":true}'::jsonb where id = 3`.execute(kdb);
      const broken = await verifyAuditChain(kdb);
      assert.equal(broken.ok, false);
      assert.equal(broken.firstBroken?.id, 3);
      const viaApi = await (await t.login("admin")).get("/api/audit/verify");
      assert.equal(viaApi.body.ok, false);
      assert.equal(viaApi.body.firstBroken.id, 3);
      await sql`delete from audit_event where id = 2`.execute(kdb);
      assert.equal((await verifyAuditChain(kdb)).firstBroken?.id, 2);
      await sql`alter table audit_event enable trigger audit_event_no_update`.execute(kdb);
    });

    test("concurrent audited writes keep the chain whole", async () => {
      const fresh = await startTestApp({ db, listen: false });
      try {
        const admin = await fresh.login("admin");
        const agencies = (await admin.get("/api/agencies")).body.items as { id: string; code: string }[];
        const parent = agencies.find((a) => a.code === "LC.SCT")!.id;
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            admin.post("/api/agencies", {
              code: `LC.SCT.P${i}`,
              name: `Phòng ${i}`,
              kind: "department_unit",
              parentId: parent,
              validFrom: "2026-01-01",
            }),
          ),
        );
        assert.ok(results.every((r) => r.status === 201));
        const verify = await verifyAuditChain(fresh.system.database.db);
        assert.equal(verify.ok, true, JSON.stringify(verify));
      } finally {
        await fresh.close();
      }
    });

    test("logs carry neither passwords, session tokens nor searched names", async () => {
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const logged = await startTestApp({ db: { kind: "pglite" }, listen: false, logStream: stream });
      try {
        const admin = await logged.login("admin");
        await admin.get("/api/users?q=Nguy%E1%BB%85n%20V%C4%83n%20Th%C3%A0nh");
        await logged.anonymous().post("/api/auth/login", { username: "admin", password: "Sai-MatKhau-9" });
        const text = lines.join("");
        assert.match(text, /\/api\/users/, "requests are logged");
        assert.doesNotMatch(text, /MinhBach@2026|Sai-MatKhau-9/);
        assert.doesNotMatch(text, /Nguy|q=/);
        assert.doesNotMatch(text, new RegExp(admin.session!));
      } finally {
        await logged.close();
      }
    });

    test("the audit view filters by action and date", async () => {
      const admin = await t.login("admin");
      const logins = await admin.get("/api/audit?action=auth.login");
      assert.ok(logins.body.total >= 1);
      assert.ok(logins.body.items.every((e: { action: string }) => e.action === "auth.login"));
      const none = await admin.get("/api/audit?from=2000-01-01&to=2000-01-02");
      assert.equal(none.body.total, 0);
      const bad = await admin.get("/api/audit?from=2026-13-01");
      assert.equal(bad.status, 400);
      assert.equal(bad.body.field, "from");
    });
  });
}
