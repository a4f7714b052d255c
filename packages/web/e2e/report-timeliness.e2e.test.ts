/**
 * Browser test of the superior's deadline panel (issue 19): the province's leader (lanhdao.tinh,
 * LC.UBND) computes 02/XLD for Q3/2026 (15/06/2026 – 14/09/2026, Monday) and sees each direct unit
 * with its due date: a commune 2 working days after the cut-off (15, 16/09 → 16/09/2026), a
 * Department 4 (→ 18/09/2026); none sent, so all are overdue. Filtering by "Chưa gửi, chưa đến hạn"
 * leaves no row.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { choose, ensureWebBuilt, launchBrowser, login, newPage } from "./support.ts";
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

test("the province sees each unit's due date and that it is late", async () => {
  const page = await newPage(browser);
  await login(page, app.url, "lanhdao.tinh");
  await page.goto(`${app.url}/`);
  await page.getByRole("link", { name: "Báo cáo" }).first().click();
  await page.getByRole("heading", { name: "Báo cáo định kỳ" }).waitFor();
  await choose(page, page, "Năm báo cáo", "2026");
  await choose(page, page, "Kỳ báo cáo", "Quý III/2026 (15/06/2026 – 14/09/2026)");
  await page.getByRole("button", { name: "Tính báo cáo" }).click();

  const table = page.getByRole("table", {
    name: /Tình hình gửi báo cáo của các đơn vị trực thuộc — 02\/XLD, Quý III\/2026/,
  });
  const commune = table.locator('[data-unit="LC.X.BACHA"]');
  await commune.getByText("16/09/2026").waitFor();
  await commune.getByText(/Chưa gửi, đã quá hạn \(quá hạn \d+ ngày\)/).waitFor();
  const dept = table.locator('[data-unit="LC.SCT"]');
  await dept.getByText("18/09/2026").waitFor();
  assert.equal(await table.locator("[data-unit]").count(), 8);

  await choose(page, page, "Lọc theo tình trạng", "Chưa gửi, chưa đến hạn");
  await table.locator("[data-unit]").first().waitFor({ state: "detached" });
  assert.equal(await table.locator("[data-unit]").count(), 0);
});
