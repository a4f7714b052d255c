import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ROLE_CODES } from "@minhbach/domain";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";

for (const db of testDatabases()) {
  describe(`users (${db.kind})`, () => {
    let t: TestApp;
    let admin: TestClient;
    let agencies: Map<string, string>;
    before(async () => {
      t = await startTestApp({ db, listen: false });
      admin = await t.login("admin");
      const list = await admin.get("/api/agencies");
      agencies = new Map(list.body.items.map((a: { code: string; id: string }) => [a.code, a.id]));
    });
    after(() => t.close());

    const newUser = (over: Record<string, unknown> = {}) => ({
      username: "nguyen.an",
      fullName: "Nguyễn Văn An",
      email: "an@example.vn",
      agencyId: agencies.get("LC.SCT.QLTT"),
      roles: ["petition_handler"],
      password: "MatKhau2026x",
      ...over,
    });

    test("admin creates a user who must change the password, and it is audited", async () => {
      const res = await admin.post("/api/users", newUser());
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.agencyName, "Chi cục Quản lý thị trường");
      const login = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "nguyen.an", password: "MatKhau2026x" },
      });
      assert.equal(login.json().user.mustChangePassword, true);
      const audit = await admin.get(`/api/audit?action=user.created&entityType=user`);
      assert.ok(audit.body.items.some((e: { entityId: string }) => e.entityId === res.body.id));
      assert.doesNotMatch(JSON.stringify(audit.body), /MatKhau2026x/);
    });

    test("bad input names the field, in Vietnamese, and nothing is written", async () => {
      const before = (await admin.get("/api/users?pageSize=200")).body.total;
      const cases: [Record<string, unknown>, string][] = [
        [newUser({ username: "Có Dấu" }), "username"],
        [newUser({ username: "ab" }), "username"],
        [newUser({ password: "short" }), "password"],
        [newUser({ roles: [] }), "roles"],
        [newUser({ roles: ["emperor"] }), "roles.0"],
        [newUser({ agencyId: "not-a-uuid" }), "agencyId"],
        [newUser({ fullName: "x".repeat(500) }), "fullName"],
        [newUser({ extra: 1 }), "extra"],
        [newUser({ email: "không-phải-email" }), "email"],
      ];
      for (const [body, field] of cases) {
        const res = await admin.post("/api/users", body);
        assert.equal(res.status, 400, `${field}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.code, "VALIDATION_FAILED");
        assert.equal(res.body.field, field, JSON.stringify(res.body));
        assert.match(res.body.message, /[àáảãạăâđêôơưếềệốồộớờợứừựíìịýỳ]/i, "message is Vietnamese");
      }
      assert.equal((await admin.get("/api/users?pageSize=200")).body.total, before);
    });

    test("duplicate username → 409 USERNAME_TAKEN", async () => {
      const res = await admin.post("/api/users", newUser({ username: "admin" }));
      assert.equal(res.status, 409);
      assert.equal(res.body.code, "USERNAME_TAKEN");
      assert.equal(res.body.field, "username");
    });

    test("list filters by accent-insensitive name, role and status; sorts; pages", async () => {
      const found = await admin.get("/api/users?q=nguyen%20van");
      assert.ok(found.body.items.some((u: { fullName: string }) => u.fullName === "Nguyễn Văn Thành"));
      const leaders = await admin.get("/api/users?role=leader");
      assert.deepEqual(
        leaders.body.items.map((u: { username: string }) => u.username),
        ["lanhdao", "lanhdao.tinh"],
      );
      const page = await admin.get("/api/users?pageSize=2&page=2&sort=username&order=desc");
      assert.equal(page.body.items.length, 2);
      assert.equal(page.body.page, 2);
      const all = (await admin.get("/api/users?pageSize=200&sort=username")).body.items.map(
        (u: { username: string }) => u.username,
      );
      assert.deepEqual(all, [...all].sort());
    });

    test("disable ends the user's sessions and blocks login; concurrent edit is detected", async () => {
      const victim = await t.login("tiepdan");
      const u = (await admin.get("/api/users?q=tiepdan")).body.items[0];
      const res = await admin.patch(`/api/users/${u.id}`, { version: u.version, disabled: true });
      assert.equal(res.status, 200);
      assert.equal(res.body.disabled, true);
      assert.equal((await victim.get("/api/auth/me")).status, 401);
      const login = await t.anonymous().post("/api/auth/login", { username: "tiepdan", password: "MinhBach@2026" });
      assert.equal(login.status, 401);
      const stale = await admin.patch(`/api/users/${u.id}`, { version: u.version, fullName: "Tên khác" });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, "VERSION_CONFLICT");
      const enabled = await admin.patch(`/api/users/${u.id}`, { version: res.body.version, disabled: false });
      assert.equal(enabled.status, 200);
    });

    test("an admin cannot disable themself", async () => {
      const me = (await admin.get("/api/auth/me")).body.user;
      const u = (await admin.get(`/api/users/${me.id}`)).body;
      const res = await admin.patch(`/api/users/${me.id}`, { version: u.version, disabled: true });
      assert.equal(res.status, 400);
      assert.equal(res.body.code, "CANNOT_DISABLE_SELF");
    });

    test("scope: a department admin sees and manages only their department", async () => {
      const deptAdmin = await t.login("admin.snnmt");
      const list = await deptAdmin.get("/api/users?pageSize=200");
      assert.deepEqual(
        list.body.items.map((u: { username: string }) => u.username),
        ["admin.snnmt", "xulydon.snnmt"],
      );
      const other = (await admin.get("/api/users?q=lanhdao")).body.items[0];
      assert.equal((await deptAdmin.get(`/api/users/${other.id}`)).status, 403);
      const patch = await deptAdmin.patch(`/api/users/${other.id}`, { version: other.version, disabled: true });
      assert.equal(patch.status, 403);
      assert.equal(patch.body.code, "OUT_OF_SCOPE");
      const create = await deptAdmin.post(
        "/api/users",
        newUser({ username: "ngoai.pham.vi", agencyId: agencies.get("LC.SCT") }),
      );
      assert.equal(create.status, 403);
      assert.equal(create.body.field, "agencyId");
      const reset = await deptAdmin.post(`/api/users/${other.id}/reset-password`, { newPassword: "MatKhauMoi2026" });
      assert.equal(reset.status, 403);
    });

    test("reset password forces a change at next login", async () => {
      const u = (await admin.get("/api/users?q=thanhtra")).body.items[0];
      assert.equal(
        (await admin.post(`/api/users/${u.id}/reset-password`, { newPassword: "DatLai2026abc" })).status,
        204,
      );
      const login = await t.anonymous().post("/api/auth/login", { username: "thanhtra", password: "DatLai2026abc" });
      assert.equal(login.status, 200);
      assert.equal(login.body.user.mustChangePassword, true);
    });

    test("roles list names every role in Vietnamese", async () => {
      const roles = await admin.get("/api/roles");
      // Every role of the domain, each with its Vietnamese name.
      assert.deepEqual(roles.body.items.map((r: { code: string }) => r.code).sort(), [...ROLE_CODES].sort());
      assert.ok(roles.body.items.some((r: { name: string }) => r.name === "Chuyên viên xử lý đơn"));
      assert.ok(
        roles.body.items.some((r: { name: string }) => r.name === "Cán bộ theo dõi thi hành quyết định"),
        "the enforcement officer's role (05/KQTH)",
      );
    });
  });
}
