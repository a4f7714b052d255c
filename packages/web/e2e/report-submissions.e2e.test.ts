/**
 * Browser test of sending a report up (issue 19) against a real server with the demo accounts:
 * the Department's reporting officer (tonghop, LC.SCT) computes 02/XLD for Q2/2023 and presses
 * "Lưu và gửi báo cáo"; the province's leader (lanhdao.tinh, LC.UBND, the parent agency) returns
 * it with a reason; the officer saves and sends it again; the leader accepts it.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
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

async function openReports(page: Page) {
  await page.goto(`${app.url}/`);
  await page.getByRole("link", { name: "Báo cáo" }).first().click();
  await page.getByRole("heading", { name: "Báo cáo định kỳ" }).waitFor();
}

async function computeQ2(page: Page) {
  await choose(page, page, "Năm báo cáo", "2023");
  await choose(page, page, "Kỳ báo cáo", "Quý II/2023 (15/03/2023 – 14/06/2023)");
  await page.getByRole("button", { name: "Tính báo cáo" }).click();
  await page.locator('[data-cell="tong.3"]').waitFor();
}

const submissions = (page: Page) => page.getByRole("table", { name: "Báo cáo đã lập và gửi" });

test("save and send, the province returns it with a reason, send again, the province accepts", async () => {
  const officer = await newPage(browser);
  await login(officer, app.url, "tonghop");
  await openReports(officer);
  await computeQ2(officer);
  await officer.getByRole("button", { name: "Lưu và gửi báo cáo" }).click();
  await officer.getByText("Đã lưu và gửi báo cáo lên cấp trên.").waitFor();
  await submissions(officer).getByText("Đã gửi, chờ cấp trên xem xét").waitFor();

  const leader = await newPage(browser);
  await login(leader, app.url, "lanhdao.tinh");
  await openReports(leader);
  const row = submissions(leader).getByRole("row").filter({ hasText: "Sở Công Thương tỉnh Lào Cai" });
  await row.getByText("Đã gửi, chờ cấp trên xem xét").waitFor();
  await row.getByRole("button", { name: "Trả lại", exact: true }).click();
  const dialog = leader.getByRole("dialog");
  await dialog.getByLabel("Lý do trả lại").fill("Chưa tổng hợp số liệu của Chi cục");
  await dialog.getByRole("button", { name: "Trả lại báo cáo" }).click();
  await row.getByText("Cấp trên trả lại").waitFor();
  await row.getByText("Chưa tổng hợp số liệu của Chi cục").waitFor();

  await openReports(officer);
  await submissions(officer).getByText("Cấp trên trả lại").waitFor();
  await computeQ2(officer);
  await officer.getByRole("button", { name: "Lưu và gửi báo cáo" }).click();
  await officer.getByText("Đã lưu và gửi báo cáo lên cấp trên.").waitFor();

  await openReports(leader);
  const again = submissions(leader).getByRole("row").filter({ hasText: "Sở Công Thương tỉnh Lào Cai" });
  await again.getByText("Đã gửi, chờ cấp trên xem xét").waitFor();
  // Before deciding, the leader reads the report as it was sent and opens a figure's records.
  await again.getByRole("button", { name: "Xem báo cáo 02/XLD của Sở Công Thương tỉnh Lào Cai, lần 1" }).click();
  const sentView = leader.getByRole("dialog", { name: /^Báo cáo 02\/XLD của Sở Công Thương tỉnh Lào Cai — lần 1/ });
  const figure = sentView.locator('[data-cell="tong.3"]');
  await figure.waitFor();
  const received = (await figure.textContent())!.trim();
  await figure.click();
  const records = leader.getByRole("dialog", { name: new RegExp(`: ${received} hồ sơ$`) });
  await records
    .getByText(/số liệu theo báo cáo đã gửi \(lần 1, .*\); danh sách là các hồ sơ đã đếm khi lập báo cáo đó/)
    .waitFor();
  await records.getByRole("button", { name: "Close" }).or(records.locator(".mantine-Modal-close")).first().click();
  await records.waitFor({ state: "detached" });
  await sentView.locator(".mantine-Modal-close").click();
  await sentView.waitFor({ state: "detached" });
  await again.getByRole("button", { name: "Tiếp nhận" }).click();
  await again.getByText("Cấp trên đã tiếp nhận (khóa số liệu)").waitFor();
  // Locked: only reading is left.
  assert.deepEqual(await again.getByRole("button").allTextContents(), ["Xem"]);

  // The list filters by status.
  await choose(leader, leader, "Lọc theo trạng thái", "Bản nháp");
  await leader.getByText("Không có báo cáo nào khớp bộ lọc.").waitFor();
  await choose(leader, leader, "Lọc theo trạng thái", "Cấp trên đã tiếp nhận (khóa số liệu)");
  await submissions(leader).getByText("Cấp trên đã tiếp nhận (khóa số liệu)").waitFor();

  const db = app.system.database.db;
  const rows = await db.selectFrom("report_submission").select(["status", "revision"]).execute();
  assert.deepEqual(rows, [{ status: "accepted", revision: 1 }]);
});
