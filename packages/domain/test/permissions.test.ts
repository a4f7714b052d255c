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

  test("folding Latin text one character at a time gives what the definition gives", () => {
    // The definition: whole-string NFD, marks dropped, đ → d, lower case, runs of anything but
    // letters and digits to one space, trimmed.
    const definition = (v: string) =>
      unaccent(v)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
    const samples = [
      "Nguyễn Văn A, Xã X",
      "  ĐƠN KHIẾU NẠI (lần 2) — về việc: thu hồi đất!!  ",
      // Decomposed: a combining mark after its letter, and one after a space.
      "Nguye\u0302\u0303n Va\u0306n \u0301An",
      "Số 12/QĐ-UBND ngày 05/3/2026; CCCD 001234567890",
      "Straße, Ærø, İstanbul, ŉ, ǅ, ½ ² 3",
      "Ωμέγα ΣΟΦΟΣ", // Greek lower-cases by context: the slow way
      "tab\tnew\nline\u00a0nbsp",
    ];
    // Every character of the fast range alone and between letters.
    for (let code = 0; code < 0x1f00; code++) {
      if (code === 0x250) code = 0x300;
      if (code === 0x370) code = 0x1e00;
      const c = String.fromCharCode(code);
      samples.push(c, `a${c}b`, `${c} x${c}`);
    }
    for (const s of samples) assert.equal(normalizeForMatch(s), definition(s), JSON.stringify(s));
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
