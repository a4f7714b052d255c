// What officers read carries no developer marks: [P] (read in secondary sources only) and [U]
// (not read) belong in comments and docs/LAW.md, not in a basis, a checklist or a note on screen.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { CASE_ACTIONS, ELIGIBILITY_ITEMS, OUTCOMES } from "../src/index.ts";
import { DEFAULT_RULES, ruleTitle } from "../src/deadlines/rules.ts";

const packages = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

const MARK = /\[(P|U|V)\]/;

describe("words for officers", () => {
  test("no string written in the sources carries a [P] or [U] mark", () => {
    const found: string[] = [];
    for (const root of ["domain/src", "server/src"])
      for (const file of sources(path.join(packages, root))) {
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            const code = line.trimStart();
            if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) return;
            const beforeComment = line.replace(/\s\/\/\s.*$/, "");
            // A mark inside a string literal (quotes or backticks) before any trailing comment.
            if (/(["`])[^"`]*\[(P|U|V)\][^"`]*\1/.test(beforeComment))
              found.push(`${path.relative(packages, file)}:${i + 1}`);
          });
      }
    assert.deepEqual(found, []);
  });

  test("catalogues on screen read without marks", () => {
    for (const item of ELIGIBILITY_ITEMS) assert.doesNotMatch(`${item.label} ${item.basis}`, MARK, item.id);
    for (const [id, a] of Object.entries(CASE_ACTIONS)) assert.doesNotMatch(`${a.label} ${a.basis}`, MARK, id);
    for (const [id, o] of Object.entries(OUTCOMES)) assert.doesNotMatch(`${o.label} ${o.basis}`, MARK, id);
    for (const r of DEFAULT_RULES) assert.doesNotMatch(`${r.title} ${r.basis} ${r.note ?? ""}`, MARK, r.id);
  });

  test("a rule is named by its title", () => {
    assert.equal(ruleTitle("complaint.accept"), "Thời hạn thụ lý khiếu nại lần đầu");
  });
});
