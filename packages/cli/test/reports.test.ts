/**
 * `minhbach report` through the real entry point, on a throw-away embedded database: the demo
 * agencies, four petitions of LC.SCT written straight into the database, and the stable JSON shape
 * with figures counted by hand; --xlsx writes a workbook; a wrong form is refused.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@minhbach/server/db/connection";
import { receiveMany } from "@minhbach/server/modules/petitions/intake";
import { SYSTEM_ACTOR } from "@minhbach/server/platform/audit";
import { loadConfig } from "@minhbach/server/config";
import { loadKeys, prepareDatabase } from "@minhbach/server/start";
import { docxText } from "../../server/test/support/zip.ts";

const bin = fileURLToPath(new URL("../bin/minhbach.js", import.meta.url));
const dataDir = mkdtempSync(path.join(os.tmpdir(), "minhbach-cli-reports-"));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Received in 2023 at LC.SCT; outcome date or null (still open).
const LETTERS = [
  { receivedOn: "2023-02-10", outcome: "archive", outcomeOn: "2023-03-01", eligible: false }, // handled in Q1
  { receivedOn: "2023-02-20", outcome: null, outcomeOn: null, eligible: true }, // open all year
  { receivedOn: "2023-05-05", outcome: "transfer", outcomeOn: "2023-05-20", eligible: true },
  { receivedOn: "2023-12-20", outcome: null, outcomeOn: null, eligible: null }, // after 14/12: next year's period
];

describe("minhbach report", () => {
  before(async () => {
    assert.equal(run(["db", "migrate"]).code, 0);
    const seeded = run(["seed", "demo", "--no-accounts"]);
    assert.equal(seeded.code, 0, seeded.err);
    // The letters' texts are sealed with the data folder's identity keys, as the CLI would.
    loadKeys(loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" }));
    const database = await openDatabase({ dataDir });
    try {
      await prepareDatabase(database);
      const { db } = database;
      const sct = await db.selectFrom("agency").select("id").where("code", "=", "LC.SCT").executeTakeFirstOrThrow();
      for (const [i, l] of LETTERS.entries()) {
        const [created] = await receiveMany(db, SYSTEM_ACTOR, sct.id, [
          {
            channel: "post",
            receivedOn: "2026-03-02",
            petitioners: [{ kind: "person", fullName: `Người viết số ${i + 1}`, address: "xã Bắc Hà" }],
            anonymous: false,
            impersonated: false,
            respondents: [{ name: "Công ty Điện lực" }],
            content: `Đơn số ${i + 1} phản ánh việc cắt điện không báo trước.`,
            language: "vi",
            attachments: [],
          },
        ]);
        await db
          .updateTable("petition")
          .set({
            received_on: l.receivedOn,
            kind: "feedback",
            eligible: l.eligible,
            competence: l.eligible ? "within" : null,
            outcome: l.outcome,
            outcome_on: l.outcomeOn,
          })
          .where("id", "=", created!.id)
          .execute();
      }
    } finally {
      await database.close();
    }
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test("--json prints the stable shape; the year 2023 counted by hand", () => {
    // The regime's year 2023 is 15/12/2022 – 14/12/2023: letters 1–3 received, letter 4 not.
    const res = run([
      "report",
      "--form",
      "02/XLD",
      "--agency",
      "LC.SCT",
      "--from",
      "2022-12-15",
      "--to",
      "2023-12-14",
      "--json",
    ]);
    assert.equal(res.code, 0, res.err);
    const out = JSON.parse(res.out) as Record<string, unknown>;
    assert.deepEqual(Object.keys(out), ["form", "agency", "from", "to", "cells", "indicators"]);
    assert.equal(out.form, "02/XLD");
    assert.equal(out.agency, "LC.SCT");
    const cells = out.cells as Record<string, number>;
    const indicators = out.indicators as Record<string, number>;
    assert.equal(Object.keys(cells).length, 22);
    assert.equal(cells["tong.3"], 3); // received: letters 1, 2, 3
    assert.equal(indicators.petitions_received, 3);
    assert.equal(indicators.matters_received, 3);
    assert.equal(indicators.petitions_handled, 2); // letters 1 (01/03) and 3 (20/05)
    assert.equal(indicators.petitions_filed, 1);
    assert.equal(indicators.petitions_transferred, 1);
    assert.equal(indicators.petitions_in_progress_end, 1); // letter 2
    assert.equal(indicators.petitions_eligible, 2); // letters 2 and 3
    assert.equal(res.err, "");
  });

  test("--form all: every form of the regime's period, each as computed alone; one workbook", () => {
    const args = ["--agency", "LC.SCT", "--from", "2022-12-15", "--to", "2023-12-14"];
    const file = path.join(dataDir, "bo-bieu.xlsx");
    const res = run(["report", "--form", "all", ...args, "--json", "--xlsx", file]);
    assert.equal(res.code, 0, res.err);
    const all = JSON.parse(res.out) as { form: string; cells: Record<string, number> }[];
    assert.ok(["01/TCD", "02/XLD", "03/GQKN", "04/GQTC"].every((code) => all.some((f) => f.form === code)));
    const alone = run(["report", "--form", "02/XLD", ...args, "--json"]);
    assert.equal(alone.code, 0, alone.err);
    assert.deepEqual(
      all.find((f) => f.form === "02/XLD"),
      JSON.parse(alone.out),
    );
    assert.equal(readFileSync(file).subarray(0, 2).toString(), "PK");
    // Not a period of the regime: refused, naming the option, before the database is opened.
    const adhoc = run(["report", "--form", "all", "--agency", "LC.SCT", "--from", "2023-01-01", "--to", "2023-12-31"]);
    assert.equal(adhoc.code, 2);
    assert.match(adhoc.err, /--form/);
  });

  test("a calendar year is computed as an ad hoc report, with a note", () => {
    const res = run([
      "report",
      "--form",
      "02/XLD",
      "--agency",
      "LC.SCT",
      "--from",
      "2023-01-01",
      "--to",
      "2023-12-31",
      "--json",
    ]);
    assert.equal(res.code, 0, res.err);
    assert.match(res.err, /đột xuất/);
    const out = JSON.parse(res.out) as { indicators: Record<string, number> };
    assert.equal(out.indicators.petitions_received, 4); // 10/02, 20/02, 05/05, 20/12
  });

  test("--xlsx writes the workbook", () => {
    const file = path.join(dataDir, "xld.xlsx");
    const res = run([
      "report",
      "--form",
      "02/XLD",
      "--agency",
      "LC.SCT",
      "--from",
      "2022-12-15",
      "--to",
      "2023-12-14",
      "--xlsx",
      file,
    ]);
    assert.equal(res.code, 0, res.err);
    assert.ok(existsSync(file));
    assert.equal(readFileSync(file).subarray(0, 2).toString(), "PK");
  });

  test("--docx writes the narrative draft; an inspection form prints the same JSON shape", () => {
    const file = path.join(dataDir, "bao-cao.docx");
    const res = run([
      "report",
      "--form",
      "03/TTr",
      "--agency",
      "LC.SCT",
      "--from",
      "2022-12-15",
      "--to",
      "2023-12-14",
      "--json",
      "--docx",
      file,
    ]);
    assert.equal(res.code, 0, res.err);
    const out = JSON.parse(res.out) as {
      form: string;
      cells: Record<string, number>;
      indicators: Record<string, number>;
    };
    assert.deepEqual(Object.keys(out), ["form", "agency", "from", "to", "cells", "indicators"]);
    assert.equal(out.form, "03/TTr");
    assert.equal(Object.keys(out.cells).length, 14);
    assert.equal(typeof out.indicators.fu_money_recovered_earlier, "number");
    const text = docxText(readFileSync(file));
    assert.match(text, /BÁO CÁO/);
    assert.match(text, /năm 2023/);
    // Letters 1–3 received, three matters; letter 2 still open.
    assert.match(text, /tiếp nhận trong kỳ 03 đơn\/03 vụ việc/);
    assert.match(text, /Đang xử lý cuối kỳ 01 đơn\./);
    assert.match(text, /5\. Công tác phòng, chống tham nhũng/);
    const none = run(["report", "--agency", "LC.SCT", "--from", "2022-12-15", "--to", "2023-12-14"]);
    assert.equal(none.code, 2);
    assert.match(none.err, /--form: cần chọn biểu mẫu/);
  });

  test("a form that does not exist is refused, naming the option", () => {
    const res = run([
      "report",
      "--form",
      "09/XYZ",
      "--agency",
      "LC.SCT",
      "--from",
      "2022-12-15",
      "--to",
      "2023-12-14",
      "--json",
    ]);
    assert.equal(res.code, 2);
    assert.match(res.err, /--form: biểu mẫu "09\/XYZ" không tồn tại/);
    const agency = run([
      "report",
      "--form",
      "02/XLD",
      "--agency",
      "XX.YY",
      "--from",
      "2022-12-15",
      "--to",
      "2023-12-14",
    ]);
    assert.equal(agency.code, 2);
    assert.match(agency.err, /--agency/);
  });
});
