/** The command line through its real entry point, on a throw-away embedded database. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/minhbach.js", import.meta.url));
const dataDir = mkdtempSync(path.join(os.tmpdir(), "minhbach-cli-"));

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", ...env },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("minhbach command line", () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test("--help is bilingual", () => {
    const res = run(["--help"]);
    assert.equal(res.code, 0);
    assert.match(res.out, /cơ sở dữ liệu \/ database/);
    assert.match(res.out, /deadline/);
  });

  test("db migrate, seed demo, user create, audit verify", () => {
    const migrated = run(["db", "migrate"]);
    assert.equal(migrated.code, 0, migrated.err);
    assert.match(migrated.out, /0001_foundation/);
    const seeded = run(["seed", "demo", "--no-accounts"]);
    assert.equal(seeded.code, 0, seeded.err);
    const created = run(
      [
        "user",
        "create",
        "--username",
        "quantri",
        "--full-name",
        "Nguyễn Thị Quản Trị",
        "--agency",
        "LC.UBND",
        "--password-stdin",
      ],
      "QuanTri2026x\n",
    );
    assert.equal(created.code, 0, created.err);
    assert.match(created.out, /Đã tạo tài khoản quantri/);
    const weak = run(
      ["user", "create", "--username", "yeu", "--full-name", "Yếu", "--agency", "LC.UBND", "--password-stdin"],
      "ngan\n",
    );
    assert.equal(weak.code, 2);
    assert.match(weak.err, /mật khẩu/);
    const badAgency = run(
      ["user", "create", "--username", "khac", "--full-name", "Khác", "--agency", "KHONG.CO"],
      undefined,
      { MINHBACH_PASSWORD: "QuanTri2026x" },
    );
    assert.equal(badAgency.code, 2);
    assert.match(badAgency.err, /--agency/);
    const verified = run(["audit", "verify", "--json"]);
    assert.equal(verified.code, 0, verified.err);
    const result = JSON.parse(verified.out);
    assert.equal(result.ok, true);
    assert.ok(result.checked >= 2);
  });

  test("calendar --json has the stable shape", () => {
    const res = run(["calendar", "--year", "2026", "--json"]);
    assert.equal(res.code, 0, res.err);
    const body = JSON.parse(res.out);
    assert.deepEqual(Object.keys(body), ["year", "provisional", "days"]);
    assert.equal(body.year, 2026);
    assert.equal(body.provisional, false);
    const tet = body.days.find((d: { date: string }) => d.date === "2026-02-16");
    assert.deepEqual(Object.keys(tet), ["date", "kind", "name"]);
    assert.equal(tet.kind, "holiday");
  });

  test("calendar import validates the file and saves nothing on error", () => {
    const file = path.join(dataDir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({ year: 2027, source: "X", days: [{ date: "2027-02-30", kind: "holiday", name: "Sai" }] }),
    );
    const bad = run(["calendar", "import", file]);
    assert.notEqual(bad.code, 0);
    assert.match(bad.err, /2027-02-30/);
    const listing = JSON.parse(run(["calendar", "--year", "2027", "--json"]).out);
    assert.equal(listing.provisional, true);
  });

  test("deadline --json has the stable shape and the hand-checked date", () => {
    const res = run(["deadline", "--rule", "complaint.resolve.first", "--from", "2026-03-02", "--json", "--offline"]);
    assert.equal(res.code, 0, res.err);
    const body = JSON.parse(res.out);
    for (const key of ["rule", "basis", "from", "due", "explanation"]) assert.ok(key in body, key);
    assert.equal(body.rule, "complaint.resolve.first");
    assert.equal(body.due, "2026-04-01");
    const bad = run(["deadline", "--rule", "khong.co", "--from", "2026-03-02", "--offline"]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /Lỗi/);
  });
});
