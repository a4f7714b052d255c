// Every code the server writes to the audit trail or a timeline has its words for officers.
import {
  AUDIT_ACTIONS,
  auditActionLabel,
  auditSummaryLines,
  TIMELINE_ACTIONS,
  timelineActionLabel,
} from "@minhbach/domain";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

/** The string literals of the `action:` expressions inside the calls that start with `opener`. */
function writtenCodes(opener: RegExp): { code: string; where: string }[] {
  const found: { code: string; where: string }[] = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(opener)) {
      const after = text.slice(m.index, m.index + 600);
      const action = /\baction:\s*([^,}]*(?:\?[^,}]*:[^,}]*)?)[,}]/s.exec(after);
      if (!action) continue;
      for (const lit of action[1]!.matchAll(/"([^"]+)"/g)) {
        // A comparison in a ternary ("handle" in `input.action === "handle" ? …`) is not a code written.
        if (new RegExp(`===\\s*"${lit[1]}"`).test(action[1]!)) continue;
        found.push({ code: lit[1]!, where: path.relative(src, file) });
      }
    }
  }
  return found;
}

describe("audit and timeline labels", () => {
  it("every audit code written by the server has a Vietnamese label", () => {
    const codes = writtenCodes(/recordAudit\(|\baudit: \(/g);
    assert.ok(codes.length > 40, `found only ${codes.length} codes`);
    const missing = codes.filter((c) => !Object.hasOwn(AUDIT_ACTIONS, c.code));
    assert.deepEqual(missing, []);
  });

  it("every timeline code written by the server has a Vietnamese label", () => {
    const codes = writtenCodes(/writeEvent\(|\bevent: \(/g);
    assert.ok(codes.length > 8, `found only ${codes.length} codes`);
    const missing = codes.filter((c) => !Object.hasOwn(TIMELINE_ACTIONS, c.code));
    assert.deepEqual(missing, []);
  });

  it("labels are words, not codes", () => {
    for (const [code, label] of [...Object.entries(AUDIT_ACTIONS), ...Object.entries(TIMELINE_ACTIONS)]) {
      assert.ok(label.length > 3, code);
      assert.doesNotMatch(label, /[._]|^[a-z]/, `${code}: ${label}`);
    }
    assert.equal(auditActionLabel("petition.classified"), "Phân loại đơn");
    assert.equal(auditActionLabel("case.opened"), "Mở vụ việc giải quyết (thụ lý)");
    assert.equal(auditActionLabel("case.decide"), "Ra quyết định giải quyết khiếu nại");
    assert.equal(auditActionLabel("petition.outcome.transfer"), "Chuyển đơn đến cơ quan có thẩm quyền");
    assert.equal(timelineActionLabel("outcome.guide"), auditActionLabel("petition.outcome.guide"));
    // A retired code still shows, as written.
    assert.equal(auditActionLabel("old.code"), "old.code");
  });

  it("a summary reads as lines of field: value, without ids or JSON", () => {
    const lines = auditSummaryLines({
      code: "LC.SCT-2026-000123",
      before: { state: "RECEIVED" },
      after: { state: "CLASSIFIED" },
      documentId: "0f8fad5b-d9cb-469f-a165-70867728950e",
      receivedOn: "2026-12-05",
      fieldsChanged: ["title", "signer"],
      titleChanged: true,
    });
    assert.deepEqual(lines.slice(0, 1), ["Số: LC.SCT-2026-000123"]);
    assert.ok(lines.some((l) => l.startsWith("Trước – Trạng thái: ")));
    assert.ok(lines.includes("Ngày nhận: 05/12/2026"));
    assert.ok(lines.includes("Sửa trích yếu: Có"));
    for (const l of lines) assert.doesNotMatch(l, /[{}"]|RECEIVED|0f8fad5b/);
  });
});
