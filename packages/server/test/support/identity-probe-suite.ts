/**
 * The identity probe: a denouncer's identity reaches no one who may not see it, on any route,
 * document or export, in any shape, and is not in the embedded database's files.
 *
 * Three invented people are written into the system (support/identity-probe.ts, runScenario):
 * X1 denounces by letter, X2 in person at the reception office, X3 writes a letter nobody has
 * classified yet. Then every GET operation of the OpenAPI document is called, as every demo
 * account of both departments and as nobody, with every id the scenario made and with searches
 * by each identity; every answer (JSON, text, .docx, .xlsx, file) is searched for each identity's
 * strings. The list of what was found where, and by whom, is the failure message.
 */
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Document, Packer, Paragraph, TextRun } from "docx";
import ExcelJS from "exceljs";
import { DEMO_ACCOUNTS } from "../../src/seed/demo.ts";
import { startTestApp, type TestApp, type TestDb } from "../../src/testing.ts";
import {
  ALL_NEEDLES,
  decodeAnswer,
  entitlement,
  findIdentities,
  fold,
  formatFindings,
  identityByKey,
  identityShapes,
  runScenario,
  scanFiles,
  relationFiles,
  relationOf,
  columnsHolding,
  SKIPPED,
  walkApi,
  type Scenario,
  type WalkResult,
} from "./identity-probe.ts";

const USERNAMES = DEMO_ACCOUNTS.map((a) => a.username);

/** The finder's self-check. */
export function selfCheck(): void {
  describe("the identity finder finds every shape (self-check)", () => {
    const x1 = identityByKey("X1");
    const found = (pieces: Parameters<typeof findIdentities>[0]) =>
      new Set(findIdentities(pieces, ALL_NEEDLES).map((h) => `${h.needle.identity} ${h.needle.label} @ ${h.where}`));

    test("in a JSON field: raw, accent-free upper case, spaced digits, +84 phone, e-mail, address", () => {
      const body = Buffer.from(
        JSON.stringify({
          items: [
            { raw: `bà ${x1.fullName}` },
            { upper: fold(x1.fullName).toUpperCase() },
            { id: `CCCD ${x1.cccd.slice(0, 3)} ${x1.cccd.slice(3, 6)} ${x1.cccd.slice(6, 9)} ${x1.cccd.slice(9)}` },
            { phone: `(+84) ${x1.phone.slice(1, 4)}.${x1.phone.slice(4, 7)}.${x1.phone.slice(7)}` },
            { local: `${x1.phone.slice(0, 4)} ${x1.phone.slice(4, 7)} ${x1.phone.slice(7)}` },
            { mail: x1.email.toUpperCase() },
            { where: fold(x1.address) },
          ],
        }),
      );
      const hits = found(decodeAnswer({ "content-type": "application/json; charset=utf-8" }, body));
      for (const expected of [
        "X1 họ tên (nguyên dạng) @ items[].raw",
        "X1 họ tên (không dấu) @ items[].upper",
        "X1 số CCCD (chữ số) @ items[].id",
        "X1 số điện thoại (9 số cuối, dạng +84) @ items[].phone",
        "X1 số điện thoại (chữ số) @ items[].local",
        "X1 thư điện tử @ items[].mail",
        "X1 địa chỉ @ items[].where",
      ]) {
        assert.ok(hits.has(expected), `${expected} not found; found: ${[...hits].join(" | ")}`);
      }
    });

    test("no false alarm on other people, short numbers, or digits split across fields", () => {
      const body = Buffer.from(
        JSON.stringify({
          name: "Quách Thị Diệu Hiền",
          code: x1.cccd.slice(0, 6),
          a: x1.phone.slice(0, 5),
          b: x1.phone.slice(5),
          when: "2026-12-05T10:00:00Z",
        }),
      );
      assert.deepEqual([...found(decodeAnswer({ "content-type": "application/json" }, body))], []);
    });

    test("inside a .docx and an .xlsx (split runs, shared strings), and in a header", async () => {
      const docx = await Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                new Paragraph({
                  children: [
                    new TextRun("Người tố cáo: "),
                    new TextRun(x1.fullName.slice(0, 6)),
                    new TextRun(x1.fullName.slice(6)),
                  ],
                }),
                new Paragraph(identityShapes(x1)),
              ],
            },
          ],
        }),
      );
      const inDocx = found(decodeAnswer({ "content-type": "application/octet-stream" }, Buffer.from(docx)));
      assert.ok(inDocx.has("X1 họ tên (nguyên dạng) @ word/document.xml"), [...inDocx].join(" | "));
      assert.ok(inDocx.has("X1 số CCCD (chữ số) @ word/document.xml"), [...inDocx].join(" | "));
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet("Sổ").addRow(["1", fold(x1.fullName).toUpperCase(), `+84 ${x1.phone.slice(1)}`]);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
      const inXlsx = found(decodeAnswer({ "content-type": "application/vnd.ms-excel" }, xlsx));
      assert.ok(inXlsx.has("X1 họ tên (không dấu) @ xl/sharedStrings.xml"), [...inXlsx].join(" | "));
      assert.ok(inXlsx.has("X1 số điện thoại (9 số cuối, dạng +84) @ xl/sharedStrings.xml"), [...inXlsx].join(" | "));
      const header = found(
        decodeAnswer({ "content-disposition": `attachment; filename="don-${x1.cccd}.txt"` }, Buffer.from("")),
      );
      assert.ok(header.has("X1 số CCCD (chữ số) @ header content-disposition"), [...header].join(" | "));
    });
  });
}

/** The walk of every GET operation as every account, on one database. */
export function identityProbeSuite(db: TestDb): void {
  describe(`identity probe: every GET operation, every account (${db.kind})`, () => {
    let t: TestApp;
    let s: Scenario;

    before(async () => {
      t = await startTestApp({ db, listen: false });
      s = await runScenario(t);
    });
    after(() => t.close());

    test("who may see whom follows from the scenario and the role map", () => {
      const who = entitlement(s);
      assert.deepEqual([...who.X1].sort(), ["xacminh"]);
      assert.deepEqual([...who.X2].sort(), ["tiepdan", "xacminh2"]);
      assert.deepEqual([...who.X3].sort(), ["tiepdan", "xulydon"]);
    });

    // One walk per account, each a test of its own: the whole walk (some 11.000 requests) ran
    // past the runner's per-test limit on a loaded machine, and a failure now names its account.
    const walks = new Map<string, WalkResult>();
    for (const username of [...USERNAMES, "anonymous"]) {
      test(`no answer shows a denouncer's identity to ${username} unless entitled to it`, async () => {
        const walk = await walkApi(t, s, [username]);
        walks.set(username, walk);
        // IDENTITY_PROBE_REPORT=file writes the list there too, to compare two runs.
        if (process.env.IDENTITY_PROBE_REPORT && walk.findings.length) {
          appendFileSync(
            process.env.IDENTITY_PROBE_REPORT,
            `## ${db.kind} ${username}\n${formatFindings(walk.findings)}\n`,
          );
        }
        assert.equal(walk.findings.length, 0, `${walk.findings.length} leaks:\n${formatFindings(walk.findings)}`);
      });
    }

    test("the walks cover every operation, and each identity is seen by those entitled to it", () => {
      assert.equal(walks.size, USERNAMES.length + 1, "an account's walk did not finish");
      const [first] = walks.values();
      // A new route is covered the day it is added: a parameter the walk cannot fill fails here.
      assert.deepEqual(first!.unfilled, [], `the walk cannot fill: ${first!.unfilled.join("; ")}`);
      assert.ok(first!.operations.length >= 45, `only ${first!.operations.length} operations`);
      // Each operation answered 200 to someone (otherwise the walk proves nothing about it).
      const neverOk = first!.operations.filter((op) => ![...walks.values()].some((w) => w.statuses.get(op)?.has(200)));
      assert.deepEqual(neverOk, [], `never answered 200: ${neverOk.join(", ")}`);
      // The finder works on the real answers: each identity is seen where it may be seen.
      for (const key of ["X1", "X2", "X3"] as const) {
        assert.ok(
          [...walks.values()].some((w) => w.seenByEntitled.get(key)?.size),
          `${key} is seen nowhere, not even by those entitled to it`,
        );
      }
      const requests = [...walks.values()].reduce((sum, w) => sum + w.requests, 0);
      console.log(
        `identity probe (${db.kind}): ${first!.operations.length} operations (skipped: ${Object.keys(SKIPPED).length}), ` +
          `${requests} requests as ${USERNAMES.length} accounts and anonymous`,
      );
    });

    test("the walk fails on a deliberately exposed field (the probe can fail)", async () => {
      // X1's letter's list text is made to carry X1's name, as a mistake in a column would.
      const x1 = identityByKey("X1");
      const { db: kdb } = t.system.database;
      const id = s.records.X1.petitionId;
      const saved = await kdb.selectFrom("petition").select(["excerpt"]).where("id", "=", id).executeTakeFirstOrThrow();
      await kdb
        .updateTable("petition")
        .set({ excerpt: `Đơn của ${x1.fullName}` })
        .where("id", "=", id)
        .execute();
      try {
        const walk = await walkApi(t, s, ["xem"]);
        const exposed = walk.findings.filter(
          (f) => f.identity === "X1" && f.operation === "GET /api/petitions" && f.where === "items[].excerpt",
        );
        assert.ok(exposed.length > 0, `not found: ${formatFindings(walk.findings)}`);
      } finally {
        await kdb.updateTable("petition").set({ excerpt: saved.excerpt }).where("id", "=", id).execute();
      }
    });
  });
}

/** The embedded database's files at rest, scanned for every identity. */
export function filesAtRest(): void {
  describe("identity probe: the embedded database's files at rest", () => {
    test("no denouncer's name, ID number or phone in any file of the data folder", async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "minhbach-identity-probe-"));
      try {
        const t = await startTestApp({ dataDir });
        let relations = new Map<string, string>();
        let columns: Awaited<ReturnType<typeof columnsHolding>> = [];
        try {
          await runScenario(t);
          relations = await relationFiles(t.system.database);
          columns = await columnsHolding(t.system.database);
        } finally {
          await t.close();
        }
        const hits = scanFiles(dataDir);
        const byFile = new Map<string, string[]>();
        for (const h of hits) {
          const file = `${h.file}${relationOf(h.file, relations) ? ` = ${relationOf(h.file, relations)}` : ""}`;
          byFile.set(file, [...(byFile.get(file) ?? []), `${h.identity} ${h.what} ×${h.count}`]);
        }
        const byColumn = new Map<string, Map<string, string[]>>();
        for (const c of columns) {
          const perIdentity = byColumn.get(c.column) ?? new Map<string, string[]>();
          perIdentity.set(c.identity, [...(perIdentity.get(c.identity) ?? []), c.what]);
          byColumn.set(c.column, perIdentity);
        }
        assert.equal(
          hits.length,
          0,
          `identities found in ${byFile.size} files:\n${[...byFile].map(([f, w]) => `  ${f}: ${w.join(", ")}`).join("\n")}\n` +
            `readable in these columns:\n${[...byColumn]
              .map(([c, m]) => `  ${c}: ${[...m].map(([x, w]) => `${x} (${w.join(", ")})`).join("; ")}`)
              .join("\n")}`,
        );
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
