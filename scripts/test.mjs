// `npm test`: every test file of every package in one node:test run.
// - Domain and CLI unit tests always.
// - API tests on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set.
// - Browser tests when Debian's Chromium is installed (CHROMIUM_PATH, default /usr/bin/chromium).
// Ends with the line "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureWebBuilt } from "./web-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv.slice(2);

function testFiles(dir, suffix) {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f));
}

let files = [
  ...testFiles("packages/domain/test", ".test.ts"),
  ...testFiles("packages/server/test", ".test.ts"),
  ...testFiles("packages/cli/test", ".test.ts"),
];
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browserTests = testFiles("packages/web/e2e", ".e2e.test.ts");
if (browserTests.length && existsSync(chromium)) {
  ensureWebBuilt();
  files.push(...browserTests);
} else if (browserTests.length) {
  console.log(
    `(Bỏ qua ${browserTests.length} tệp kiểm thử trình duyệt: không thấy Chromium tại ${chromium}; cài bằng apt-get install -y chromium)`,
  );
}
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));

console.log(
  `Cơ sở dữ liệu kiểm thử: PGlite${process.env.TEST_DATABASE_URL ? " + PostgreSQL (TEST_DATABASE_URL)" : " (đặt TEST_DATABASE_URL để chạy thêm trên PostgreSQL)"}`,
);
const runDir = mkdtempSync(path.join(os.tmpdir(), "minhbach-test-"));
const tap = path.join(runDir, "result.tap");
// The migrated, seeded embedded databases the run's test processes start from (src/testing.ts).
const templates = path.join(runDir, "templates");
mkdirSync(templates);
const result = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    "--test-concurrency=2",
    // A hung test fails after five minutes instead of holding CI until its own limit.
    "--test-timeout=300000",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=tap",
    `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, CHROMIUM_PATH: chromium, MINHBACH_TEST_TEMPLATES: templates } },
);
rmSync(templates, { recursive: true, force: true });
let passed = 0;
let failed = 0;
if (existsSync(tap)) {
  const text = readFileSync(tap, "utf8");
  passed = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  failed = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(text)?.[1] ?? 0);
}
if (result.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
