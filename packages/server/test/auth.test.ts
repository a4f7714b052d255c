import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";
import { startTestApp, testDatabases, type TestApp } from "../src/testing.ts";

for (const db of testDatabases()) {
  describe(`auth (${db.kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ db, listen: false });
    });
    after(() => t.close());

    test("login sets an httpOnly SameSite=Strict cookie and returns user, agency, permissions, CSRF token", async () => {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "admin", password: DEMO_PASSWORD },
      });
      assert.equal(res.statusCode, 200);
      const cookie = String(res.headers["set-cookie"]);
      assert.match(cookie, /mb_session=/);
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Strict/i);
      const body = res.json();
      assert.equal(body.user.username, "admin");
      assert.equal(body.agency.code, "LC.UBND");
      assert.ok(body.permissions.some((p: { permission: string }) => p.permission === "user.manage"));
      assert.ok(body.csrfToken.length >= 20);
    });

    test("me needs a session and answers the same shape", async () => {
      assert.equal((await t.anonymous().get("/api/auth/me")).status, 401);
      const c = await t.login("xulydon");
      const me = await c.get("/api/auth/me");
      assert.equal(me.status, 200);
      assert.equal(me.body.user.roles[0], "petition_handler");
      assert.equal(me.body.agency.code, "LC.SCT");
      assert.equal(me.body.csrfToken, c.csrfToken);
    });

    test("wrong password and unknown user get the same generic answer", async () => {
      const anon = t.anonymous();
      const wrong = await anon.post("/api/auth/login", { username: "tiepdan", password: "Sai-mat-khau1" });
      const unknown = await anon.post("/api/auth/login", { username: "khongtontai", password: "Sai-mat-khau1" });
      assert.equal(wrong.status, 401);
      assert.equal(unknown.status, 401);
      assert.deepEqual(wrong.body, unknown.body);
      assert.equal(wrong.body.code, "INVALID_CREDENTIALS");
      assert.doesNotMatch(wrong.body.message, /không tồn tại/);
    });

    test("five wrong passwords lock the account; the right password is then refused too", async () => {
      const anon = t.anonymous();
      for (let i = 0; i < 5; i++) {
        const res = await anon.post("/api/auth/login", { username: "pctn", password: `Sai-${i}-Matkhau` });
        assert.equal(res.status, 401);
      }
      const locked = await anon.post("/api/auth/login", { username: "pctn", password: DEMO_PASSWORD });
      assert.equal(locked.status, 423);
      assert.equal(locked.body.code, "ACCOUNT_LOCKED");
      const audit = await (await t.login("admin")).get("/api/audit?action=auth.locked");
      assert.equal(audit.body.total, 1);
    });

    test("logout ends the session on the server", async () => {
      const c = await t.login("tonghop");
      assert.equal((await c.post("/api/auth/logout")).status, 204);
      assert.equal((await c.get("/api/auth/me")).status, 401);
    });

    test("change password: wrong current refused, weak refused, then old password stops working", async () => {
      const c = await t.login("xem");
      const wrong = await c.post("/api/auth/change-password", {
        currentPassword: "khong-dung",
        newPassword: "MatKhauMoi2026",
      });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.code, "WRONG_CURRENT_PASSWORD");
      assert.equal(wrong.body.field, "currentPassword");
      const weak = await c.post("/api/auth/change-password", { currentPassword: DEMO_PASSWORD, newPassword: "ngan" });
      assert.equal(weak.status, 400);
      assert.equal(weak.body.field, "newPassword");
      const ok = await c.post("/api/auth/change-password", {
        currentPassword: DEMO_PASSWORD,
        newPassword: "MatKhauMoi2026",
      });
      assert.equal(ok.status, 204);
      const old = await t.anonymous().post("/api/auth/login", { username: "xem", password: DEMO_PASSWORD });
      assert.equal(old.status, 401);
      await t.login("xem", "MatKhauMoi2026");
    });

    test("the password hash is argon2id and never leaves the server", async () => {
      const row = await t.system.database.db
        .selectFrom("app_user")
        .select("password_hash")
        .where("username", "=", "admin")
        .executeTakeFirstOrThrow();
      assert.match(row.password_hash, /^\$argon2id\$/);
      const users = await (await t.login("admin")).get("/api/users?pageSize=200");
      assert.doesNotMatch(JSON.stringify(users.body), /argon2|password/i);
    });

    test("login is rate limited per client address", async () => {
      const limited = await startTestApp({ db: { kind: "pglite" }, listen: false, config: { loginRateLimit: 3 } });
      try {
        const anon = limited.anonymous();
        const codes: number[] = [];
        for (let i = 0; i < 5; i++)
          codes.push((await anon.post("/api/auth/login", { username: "x", password: "y" })).status);
        assert.deepEqual(codes.slice(0, 3), [401, 401, 401]);
        assert.equal(codes[4], 429);
      } finally {
        await limited.close();
      }
    });
  });
}
