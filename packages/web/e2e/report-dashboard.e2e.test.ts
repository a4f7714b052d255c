/**
 * Browser test of the reports dashboard (issue 19) against a real server (fresh embedded database
 * with the demo accounts): the reporting officer (tonghop) opens "Bảng điều khiển báo cáo" for the
 * Department of Industry and Trade and the data year 2024, reads the by-field chart as a table
 * (figures counted by hand from the petitions written below), drills down from one figure to its
 * petitions, checks the page with axe-core and on a phone; then computes an ad hoc 02/XLD on the
 * reports page over chosen days.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { axeProblems, choose, ensureWebBuilt, launchBrowser, login, shoot } from "./support.ts";
import { startTestApp, type TestApp } from "@minhbach/server/testing";
import { receiveMany } from "@minhbach/server/modules/petitions/intake";
import { SYSTEM_ACTOR } from "@minhbach/server/platform/audit";

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

// Data year 2024 = 15/12/2023 – 14/12/2024, quarters from 15/12, 15/03, 15/06, 15/09.
// prettier-ignore
const PETITIONS: [string, string][] = [
  ["2024-02-10", "HC.DAT_DAI"], //  Q1/2024
  ["2024-05-05", "HC.DAT_DAI"], //  Q2/2024
  ["2024-07-01", "CT.DIEN_LUC"], // Q3/2024
  ["2023-05-01", "HC.DAT_DAI"], //  Q2/2023: last year
];

test("dashboard: a chart's table shows the hand-counted figures, a figure drills down; ad hoc 02/XLD", async () => {
  const db = app.system.database.db;
  const sct = await db
    .selectFrom("agency")
    .select(["id", "name"])
    .where("code", "=", "LC.SCT")
    .executeTakeFirstOrThrow();
  const codes: string[] = [];
  for (const [i, [day, field]] of PETITIONS.entries()) {
    const [created] = await receiveMany(db, SYSTEM_ACTOR, sct.id, [
      {
        channel: "post",
        receivedOn: "2026-03-02",
        petitioners: [{ kind: "person", fullName: `Người viết ${i + 1}`, address: "xã Bắc Hà" }],
        anonymous: false,
        impersonated: false,
        respondents: [{ name: "Công ty Điện lực" }],
        content: `Phản ánh số ${i + 1} về việc cấp giấy chứng nhận và tiền điện.`,
        language: "vi",
        attachments: [],
      },
    ]);
    await db
      .updateTable("petition")
      .set({ received_on: day, field_code: field })
      .where("id", "=", created!.id)
      .execute();
    codes.push(created!.code);
  }

  // axe-core is injected as a script: the context bypasses the app's CSP for it.
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await login(page, app.url, "tonghop");
  await page.getByRole("link", { name: "Bảng điều khiển báo cáo" }).first().click();
  await page.getByRole("heading", { name: "Bảng điều khiển báo cáo" }).waitFor();
  await choose(page, page, "Năm báo cáo", "2024");
  await choose(page, page, "Cơ quan, đơn vị", `${sct.name} (LC.SCT)`);
  await page.getByText(/Năm báo cáo: số liệu từ ngày 15\/12\/2023 đến ngày 14\/12\/2024/).waitFor();

  const byField = page.locator('[data-chart="by_field"]');
  await byField.getByRole("button", { name: "Xem dạng bảng" }).click();
  const land = byField.locator('[data-point="HC.DAT_DAI"]');
  await land.waitFor();
  assert.equal((await land.locator('[data-figure="petitions_received"]').textContent())?.trim(), "2");
  assert.equal((await land.locator('[data-figure="petitions_received:ly"]').textContent())?.trim(), "1");
  const power = byField.locator('[data-point="CT.DIEN_LUC"]');
  assert.equal((await power.locator('[data-figure="petitions_received"]').textContent())?.trim(), "1");
  assert.equal((await power.locator('[data-figure="petitions_received:ly"]').textContent())?.trim(), "0");
  await byField.getByText("Đơn tiếp nhận trong kỳ: 3 (cùng kỳ năm trước: 1)").waitFor();

  const trend = page.locator('[data-chart="trend"]');
  await trend.getByRole("button", { name: "Xem dạng bảng" }).click();
  const perQuarter: string[] = [];
  for (const q of [1, 2, 3, 4])
    perQuarter.push(
      (
        (await trend.locator(`[data-point="quarter-${q}"] [data-figure="petitions_received"]`).textContent()) ?? ""
      ).trim(),
    );
  assert.deepEqual(perQuarter, ["1", "1", "1", "0"]);
  // The charts are drawn (an SVG per chart).
  assert.ok((await page.locator("[data-chart] svg.recharts-surface").count()) >= 4);
  assert.deepEqual(await axeProblems(page), [], "axe on the dashboard");
  await shoot(page, "report-dashboard");

  // Drill down from the by-field figure with the keyboard: the two land petitions of 2024.
  const figure = land.locator('[data-figure="petitions_received"]');
  await figure.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await dialog.getByText("Đơn tiếp nhận trong kỳ: 2 hồ sơ").waitFor();
  for (const code of codes.slice(0, 2)) await dialog.getByRole("cell", { name: code, exact: true }).waitFor();
  assert.equal(await dialog.getByRole("cell", { name: codes[2]!, exact: true }).count(), 0);
  assert.deepEqual(await axeProblems(page), [], "axe on the drill-down");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });

  // On a phone the charts stack and nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  assert.deepEqual(await axeProblems(page), [], "axe on a phone");
  const overflow = await page.evaluate<number>(`document.documentElement.scrollWidth - window.innerWidth`);
  assert.ok(overflow <= 0, `the dashboard scrolls sideways by ${overflow}px on a phone`);
  await shoot(page, "report-dashboard-phone");
  await page.setViewportSize({ width: 1366, height: 900 });

  // Ad hoc range on the reports page: 01/02/2024 – 31/05/2024 holds the first two petitions.
  await page.getByRole("link", { name: "Về trang báo cáo định kỳ" }).click();
  await page.getByRole("heading", { name: "Báo cáo định kỳ" }).waitFor();
  await page.getByText("Đột xuất", { exact: true }).click();
  await page.getByRole("textbox", { name: "Từ ngày" }).fill("01/02/2024");
  await page.keyboard.press("Tab");
  await page.getByRole("textbox", { name: "Đến ngày" }).fill("31/05/2024");
  await page.keyboard.press("Tab");
  // The officer's own agency (LC.SCT) is chosen already.
  await page.getByRole("button", { name: "Tính báo cáo" }).click();
  const received = page.locator('[data-cell="tong.3"]');
  await received.waitFor();
  assert.equal((await received.textContent())?.trim(), "2");
  await page.getByText(/Đột xuất: số liệu từ ngày 01\/02\/2024 đến ngày 31\/05\/2024/).waitFor();
  await received.click();
  await dialog.getByText("Đơn tiếp nhận trong kỳ: 2 hồ sơ").waitFor();
});
