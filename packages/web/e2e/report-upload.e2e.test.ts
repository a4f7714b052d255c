/**
 * Browser test of the uploaded Excel report (issue 19), on a phone: the Department's reporting
 * officer (tonghop, LC.SCT) downloads the blank 02/XLD of its Market Surveillance Branch
 * (LC.SCT.QLTT, not on the system) for Q1/2026 (15/12/2025 – 14/03/2026), fills it with one wrong
 * cell (text in column 5, cell G9) and uploads it: the error table names G9. The fixed file is
 * accepted and listed with the "Tải lên từ Excel" badge.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { choose, ensureWebBuilt, launchBrowser, login, newPage, shoot } from "./support.ts";
import { startTestApp, type TestApp } from "@minhbach/server/testing";

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

/** 3 carried over + 7 received = 10 = 6 handled + 4 in progress; 7 = 5 + 2 signers. */
const FIGURES: Record<number, number | string> = { 1: 10, 2: 3, 3: 7, 4: 6, 5: 5, 6: 2, 16: 6, 22: 4 };

async function fill(blank: Buffer, values: Record<number, number | string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(blank as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("02-XLD")!;
  for (const [no, value] of Object.entries(values)) sheet.getCell(9, 2 + Number(no)).value = value;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function uploadFile(page: Page, bytes: Buffer) {
  // Mantine's FileInput labels a button; the file goes to its hidden input.
  await page.locator('section[aria-labelledby="report-upload-title"] input[type="file"]').setInputFiles({
    name: "Bieu-02-XLD-QLTT.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: bytes,
  });
  await page.getByRole("button", { name: "Tải lên báo cáo đã điền" }).click();
}

test("download the blank form, upload it with a wrong cell, see the error table; the fixed file is listed", async () => {
  const page = await newPage(browser, 390, 844);
  await login(page, app.url, "tonghop");
  await page.goto(`${app.url}/bao-cao`);
  await page.getByRole("heading", { name: "Báo cáo định kỳ" }).waitFor();
  await choose(page, page, "Năm báo cáo", "2026");
  await choose(page, page, "Kỳ báo cáo", "Quý I/2026 (15/12/2025 – 14/03/2026)");
  await choose(page, page, "Cơ quan, đơn vị", "Chi cục Quản lý thị trường (LC.SCT.QLTT)");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải biểu mẫu trống" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^Bieu-trong-02-XLD-LC\.SCT\.QLTT-2025-12-15-2026-03-14\.xlsx$/);
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
  const blank = Buffer.concat(chunks);

  await uploadFile(page, await fill(blank, { ...FIGURES, 5: "năm" }));
  const errors = page.getByRole("table", { name: "Các lỗi trong tệp đã tải lên" });
  await errors.waitFor();
  const row = errors.getByRole("row").filter({ hasText: "G9" });
  await row.getByText("Ô G9 (cột 5): phải là số, đang là 'năm'.").waitFor();
  await row.getByText("cột 5 — Tiếp nhận: Một người đứng tên").waitFor();
  await page.getByText("Tệp không được nhận: 1 lỗi.", { exact: false }).waitFor();
  // Reachable from the keyboard: the error list takes the focus.
  await page.getByRole("region", { name: "Các lỗi trong tệp đã tải lên" }).focus();
  await shoot(page, "report-upload-errors");

  await uploadFile(page, await fill(blank, FIGURES));
  await page.getByText("Đã nhận báo cáo của Chi cục Quản lý thị trường", { exact: false }).waitFor();
  await errors.waitFor({ state: "detached" });
  const listed = page.getByRole("table", { name: "Báo cáo đã lập và gửi" }).getByRole("row").filter({
    hasText: "Chi cục Quản lý thị trường",
  });
  await listed.getByText("Tải lên từ Excel").waitFor();
  await listed.getByText("Đã gửi, chờ cấp trên xem xét").waitFor();
  await shoot(page, "report-upload-listed");
});
