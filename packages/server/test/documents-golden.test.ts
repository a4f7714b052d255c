/**
 * Golden documents: every template of the catalogue, built from the realistic inputs of
 * support/golden-cases.ts, issued by the Sở Công Thương tỉnh Tuyên Quang, rendered to its plain
 * text (render.ts `documentText`, the words the .docx holds) and compared with the expected text
 * kept in test/golden/<case id>.txt. A change of wording shows as a diff of these files.
 *
 * To accept a change of wording: UPDATE_GOLDEN=1 node scripts/test.mjs documents-golden, then
 * read the diff of test/golden/ as the officer who signs the document would.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { issuingAgencyOf } from "../src/modules/documents/letterhead.ts";
import { documentText, renderDocument } from "../src/modules/documents/render.ts";
import { composeModel } from "../src/modules/documents/service.ts";
import { findTemplate, TEMPLATES } from "../src/modules/documents/templates.ts";
import { GOLDEN_AGENCY, GOLDEN_CASES, GOLDEN_ISSUE, GOLDEN_PROVINCE } from "./support/golden-cases.ts";
import { docxText } from "./support/zip.ts";

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const agency = issuingAgencyOf(GOLDEN_AGENCY, [GOLDEN_PROVINCE]);

function modelOf(id: string, issue: typeof GOLDEN_ISSUE | { draftYear: number } = GOLDEN_ISSUE) {
  const golden = GOLDEN_CASES.find((c) => c.id === id)!;
  const template = findTemplate(golden.formCode);
  assert.ok(template, `${id}: no template ${golden.formCode}`);
  return composeModel(template.build(golden.fields, agency), agency, template.series, issue);
}

describe("golden documents", () => {
  test("every template of the catalogue has a golden case, and every golden file a case", () => {
    const covered = new Set(GOLDEN_CASES.map((c) => c.formCode));
    assert.deepEqual(
      TEMPLATES.map((t) => t.formCode).filter((code) => !covered.has(code)),
      [],
    );
    assert.equal(new Set(GOLDEN_CASES.map((c) => c.id)).size, GOLDEN_CASES.length, "ids are unique");
    if (!UPDATE && existsSync(GOLDEN_DIR)) {
      const ids = new Set(GOLDEN_CASES.map((c) => `${c.id}.txt`));
      assert.deepEqual(
        readdirSync(GOLDEN_DIR).filter((f) => !ids.has(f)),
        [],
        "golden files without a case",
      );
    }
  });

  for (const golden of GOLDEN_CASES) {
    test(`${golden.id} reads as expected (test/golden/${golden.id}.txt)`, () => {
      const text = `${documentText(modelOf(golden.id))}\n`;
      const file = path.join(GOLDEN_DIR, `${golden.id}.txt`);
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, text);
        return;
      }
      assert.ok(existsSync(file), `no ${file}: run with UPDATE_GOLDEN=1 and read it`);
      assert.equal(
        text,
        readFileSync(file, "utf8"),
        `${golden.id}: the text differs from test/golden/${golden.id}.txt`,
      );
    });
  }

  test("with every optional field left out, or filled, no label, punctuation or word dangles", () => {
    const DANGLING: [RegExp, string][] = [
      [/[:;,]\s*[.;,]/u, "punctuation after punctuation"],
      [/\s[.,;:]/u, "a space before punctuation"],
      [/(?<!\.)\.\.(?!\.)/u, "a double full stop"],
      [/\(\s*\)/u, "empty brackets"],
      [/ {2}/u, "a double space"],
      [/undefined|null|NaN|\[object/u, "a missing value"],
      [/(?<![\p{L}\p{N}])(\p{L}+ \p{L}+) \1(?![\p{L}\p{N}])/u, "two words said twice"],
    ];
    for (const golden of GOLDEN_CASES) {
      const template = findTemplate(golden.formCode)!;
      // Leave out each top-level field the schema lets go, one after the other.
      let minimal: Record<string, unknown> = { ...golden.fields };
      for (const key of Object.keys(minimal)) {
        const { [key]: _left, ...rest } = minimal;
        if (template.fieldsSchema.safeParse(rest).success) minimal = rest;
      }
      for (const [variant, fields] of [
        ["as filled", golden.fields],
        ["minimal", minimal],
      ] as const) {
        const content = template.build(fields, agency);
        const lines = [
          content.subtitle ?? "",
          ...content.paragraphs.map((p) => (typeof p === "string" ? p : p.runs.map((r) => r.text).join(""))),
          ...(content.recipients ?? []),
        ];
        for (const line of lines) {
          for (const [pattern, what] of DANGLING) {
            assert.doesNotMatch(line, pattern, `${golden.id} (${variant}): ${what} in "${line}"`);
          }
        }
      }
    }
  });

  test("the text is the words of the .docx, issued and in draft", async () => {
    for (const golden of GOLDEN_CASES) {
      for (const issue of [GOLDEN_ISSUE, { draftYear: 2026 }]) {
        const model = modelOf(golden.id, issue);
        assert.equal(docxText(await renderDocument(model)), documentText(model), golden.id);
      }
    }
  });
});
