/**
 * Browser test of the periodic reports page against a real server (fresh embedded database with
 * the demo accounts): the reporting officer (tonghop) computes 02/XLD of the Department of
 * Industry and Trade for Q2/2023, drills down from the "received" figure to its petitions, and
 * downloads the form as Excel and the narrative draft as Word. Two petitions received in that quarter are written through the
 * service beforehand (dates set on the stored rows). Then a consolidated report's job, found again
 * from its address: its progress bar while it runs, its report once done.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { choose, ensureWebBuilt, launchBrowser, login, newPage, shoot } from "./support.ts";
import { startTestApp, type TestApp } from "@minhbach/server/testing";
import { receiveMany } from "@minhbach/server/modules/petitions/intake";
import { computeReport } from "@minhbach/server/modules/reports/compute";
import { SYSTEM_ACTOR } from "@minhbach/server/platform/audit";
import { docxText } from "../../server/test/support/zip.ts";

let app: TestApp;
let browser: Browser;

before(async () => {
  ensureWebBuilt();
  app = await startTestApp();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

test("02/XLD for Q2/2023: compute, drill down from a figure, download the .xlsx and the narrative .docx", async () => {
  const db = app.system.database.db;
  const sct = await db.selectFrom("agency").select("id").where("code", "=", "LC.SCT").executeTakeFirstOrThrow();
  const codes: string[] = [];
  for (const [i, day] of ["2023-04-03", "2023-05-18"].entries()) {
    const [created] = await receiveMany(db, SYSTEM_ACTOR, sct.id, [
      {
        channel: "post",
        receivedOn: "2026-03-02",
        petitioners: [{ kind: "person", fullName: `Người viết ${i + 1}`, address: "xã Bắc Hà" }],
        anonymous: false,
        impersonated: false,
        respondents: [{ name: "Chợ Bắc Hà" }],
        content: `Phản ánh số ${i + 1} về việc chợ thu phí sai quy định.`,
        language: "vi",
        attachments: [],
      },
    ]);
    await db.updateTable("petition").set({ received_on: day }).where("id", "=", created!.id).execute();
    codes.push(created!.code);
  }

  const page = await newPage(browser);
  await login(page, app.url, "tonghop");
  await page.getByRole("link", { name: "Báo cáo" }).first().click();
  await page.getByRole("heading", { name: "Báo cáo định kỳ" }).waitFor();
  await choose(page, page, "Năm báo cáo", "2023");
  await choose(page, page, "Kỳ báo cáo", "Quý II/2023 (15/03/2023 – 14/06/2023)");
  await page.getByRole("button", { name: "Tính báo cáo" }).click();
  const received = page.locator('[data-cell="tong.3"]');
  await received.waitFor();
  assert.equal((await received.textContent())?.trim(), "2");
  assert.equal((await page.locator('[data-cell="tong.22"]').textContent())?.trim(), "2");
  await shoot(page, "reports-02xld");

  await received.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("Đơn tiếp nhận trong kỳ: 2 hồ sơ").waitFor();
  for (const code of codes) await dialog.getByRole("cell", { name: code, exact: true }).waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải Excel" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^Bieu-02-XLD-LC\.SCT-2023-03-15-2023-06-14\.xlsx$/);
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  assert.equal(sheet.getCell(2, 1).value, "TỔNG HỢP KẾT QUẢ TIẾP NHẬN, XỬ LÝ ĐƠN");
  assert.equal(sheet.getCell(9, 2).value, "Tổng cộng");
  assert.equal(sheet.getCell(9, 5).value, 2); // column 3, received in the period

  // The narrative draft: the two petitions told in words, with the other parts.
  const [word] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải dự thảo báo cáo (Word)" }).click(),
  ]);
  assert.match(word.suggestedFilename(), /^Bao-cao-LC\.SCT-2023-03-15-2023-06-14\.docx$/);
  const parts: Buffer[] = [];
  for await (const chunk of (await word.createReadStream())!) parts.push(chunk as Buffer);
  const text = docxText(Buffer.concat(parts));
  assert.match(text, /BÁO CÁO/);
  assert.match(text, /tiếp nhận trong kỳ 02 đơn\/02 vụ việc/);
  assert.match(text, /4\. Công tác thanh tra, kiểm tra/);
  assert.match(text, /5\. Công tác phòng, chống tham nhũng/);

  // A consolidated report's job (the Department and its units), as a reload finds it: running at
  // its third of four steps, then done (the page asks again while it runs).
  const request = { form: "02/XLD", agencyId: sct.id, from: "2023-03-15", to: "2023-06-14", kind: "periodic" as const };
  const job = await db
    .insertInto("report_job")
    .values({
      created_by: null,
      form: request.form,
      agency_id: sct.id,
      kind: request.kind,
      period_from: request.from,
      period_to: request.to,
      scope: "subtree",
      group_id: null,
      total: 4,
      done: 3,
      step: "Đã đếm đơn thư",
      result: null,
      error: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await page.goto(`${app.url}/bao-cao?job=${job.id}`);
  const bar = page.getByRole("progressbar", { name: "Đang tính: 3/4 bước" });
  await bar.waitFor();
  assert.equal(await bar.getAttribute("aria-valuenow"), "3");
  assert.equal(await bar.getAttribute("aria-valuemax"), "4");
  await page.getByRole("status").getByText("Đang tính: 3/4 bước — Đã đếm đơn thư").waitFor();
  const report = await computeReport(db, null, { ...request, subtree: true, scope: "subtree" });
  await db
    .updateTable("report_job")
    .set({ status: "done", done: 4, step: null, result: JSON.stringify(report), finished_at: new Date() })
    .where("id", "=", job.id)
    .execute();
  await page.locator('[data-cell="tong.3"]').waitFor();
  assert.equal((await page.locator('[data-cell="tong.3"]').textContent())?.trim(), "2");
  await bar.waitFor({ state: "detached" });
});
