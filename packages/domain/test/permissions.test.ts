import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { grantsOf, PERMISSIONS, ROLE_CODES, ROLES } from "../src/auth/permissions.ts";
import { compareVietnamese, normalizeForMatch, unaccent } from "../src/text/normalize.ts";
import { formatDateVn, todayInVietnam } from "../src/time.ts";
import { createUserBody } from "../src/api/users.ts";
import { firstIssue } from "../src/api/zod-vi.ts";

describe("roles and permissions", () => {
  test("every role grants only known permissions and has a Vietnamese name", () => {
    for (const code of ROLE_CODES) {
      const role = ROLES[code];
      assert.equal(role.code, code);
      assert.match(role.name, /\P{ASCII}/u, `${code} has a Vietnamese name`);
      for (const p of role.permissions) assert.ok(PERMISSIONS.includes(p), `${code}: ${p}`);
    }
  });

  test("only the administrator manages users and reads the audit log", () => {
    for (const code of ROLE_CODES) {
      const perms = grantsOf([code]).map((g) => g.permission);
      assert.equal(perms.includes("user.manage"), code === "admin", code);
      assert.equal(perms.includes("audit.read"), code === "admin", code);
    }
  });

  test("only the resolver may see a denouncer's identity; only the leader approves a request", () => {
    const who = (p: string) => ROLE_CODES.filter((c) => (ROLES[c].permissions as readonly string[]).includes(p));
    assert.deepEqual(who("case.reveal_identity"), ["resolver"]);
    assert.deepEqual(who("case.approve_reveal"), ["leader"]);
  });

  test("combined roles keep the widest scope of a permission", () => {
    const grants = grantsOf(["petition_handler", "leader"]);
    assert.equal(grants.find((g) => g.permission === "petition.read")?.scope, "subtree");
    assert.equal(grants.find((g) => g.permission === "petition.transfer")?.scope, "own");
    assert.equal(new Set(grants.map((g) => g.permission)).size, grants.length, "no duplicates");
  });
});

describe("Vietnamese text", () => {
  test("accent-insensitive matching folds đ and tones", () => {
    assert.equal(unaccent("Nguyễn Văn Đức"), "Nguyen Van Duc");
    assert.equal(normalizeForMatch("Nguyễn Văn A, Xã X"), normalizeForMatch("nguyen van a , xa x"));
  });

  test("dictionary order puts Đ after D and accents after the bare letter", () => {
    const sorted = ["Đào", "Dương", "An", "Ân", "Bình"].sort(compareVietnamese);
    assert.deepEqual(sorted, ["An", "Ân", "Bình", "Dương", "Đào"]);
  });

  test("today is the date in Hà Nội, not in UTC", () => {
    assert.equal(todayInVietnam(new Date("2026-03-01T17:30:00Z")), "2026-03-02");
    assert.equal(todayInVietnam(new Date("2026-03-01T16:59:59Z")), "2026-03-01");
    assert.equal(formatDateVn("2026-03-02"), "02/03/2026");
  });

  test("validation messages are Vietnamese and name the field", () => {
    const result = createUserBody.safeParse({
      username: "an",
      fullName: "A",
      agencyId: "00000000-0000-4000-8000-000000000000",
      roles: ["admin"],
      password: "MatKhau2026x",
    });
    assert.equal(result.success, false);
    const issue = firstIssue(result.error!);
    assert.equal(issue.field, "username");
    assert.match(issue.message, /Tên đăng nhập phải có ít nhất 3 ký tự/);
  });
});
