/**
 * Browser test of the yearly plan's overlap check against a real server (fresh embedded database
 * with demo data), driving Debian's Chromium through playwright-core.
 *
 * The provincial Inspectorate's plan already holds an inspection of an enterprise (set up through
 * the API by "thanhtra"). The Department's officer ("kiemtra.sct") plans a specialised check of
 * the same enterprise in the browser: the warning shows inline as the subject is picked, saving is
 * refused, the overlap is resolved in place (kept, with the reason), and the item then saves; the
 * resolution log shows the decision.
 *
 * Set E2E_SCREENSHOTS=/some/dir to keep screenshots (desktop 1366 px, phone 390 px).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { todayInVietnam } from "@minhbach/domain";
import { choose, ensureWebBuilt, field, launchBrowser, login, newPage, shoot } from "./support.ts";
import { startTestApp, type TestApp } from "@minhbach/server/testing";

const COMPANY = "Công ty TNHH Thương mại Xăng dầu Bảo Thắng";
// 0100233488: a real tax code (its 10th digit checks).
const TAX_CODE = "0100233488";
const YEAR = Number(todayInVietnam().slice(0, 4));

let app: TestApp;
let browser: Browser;
let planId = "";
let ttPlanId = "";

before(async () => {
  ensureWebBuilt();
  app = await startTestApp();
  browser = await launchBrowser();
  const inspectorate = await app.login("thanhtra");
  const subject = await inspectorate.post("/api/inspection-subjects", {
    kind: "enterprise",
    name: COMPANY,
    taxCode: TAX_CODE,
    address: "Xã Bảo Thắng, tỉnh Lào Cai",
  });
  assert.equal(subject.status, 201, JSON.stringify(subject.body));
  const plan = await inspectorate.post("/api/inspection-plans", { year: YEAR });
  assert.equal(plan.status, 201, JSON.stringify(plan.body));
  const item = await inspectorate.post(`/api/inspection-plans/${plan.body.id}/items`, {
    planVersion: plan.body.version,
    subjectIds: [subject.body.id],
    activity: "inspection",
    kind: "planned",
    content: "Thanh tra việc chấp hành pháp luật về thuế và đất đai",
    quarter: 3,
  });
  assert.equal(item.status, 201, JSON.stringify(item.body));
  ttPlanId = plan.body.id;
  const department = await app.login("kiemtra.sct");
  const own = await department.post("/api/inspection-plans", { year: YEAR });
  assert.equal(own.status, 201, JSON.stringify(own.body));
  planId = own.body.id;
});

after(async () => {
  await browser?.close();
  await app?.close();
});

test("plan an item over another agency's → the warning shows → resolve it (keep with reason) → save", async () => {
  const page = await newPage(browser);
  await login(page, app.url, "kiemtra.sct");
  await page.getByRole("link", { name: "Kế hoạch thanh tra" }).first().click();
  await page.getByRole("link", { name: `Kế hoạch kiểm tra chuyên ngành năm ${YEAR}` }).click();
  await page.waitForURL(`**/ke-hoach-thanh-tra/${planId}`);

  const form = page.getByTestId("plan-item-form");
  const picker = form.getByLabel(/^Đối tượng thanh tra, kiểm tra/).first();
  await picker.click();
  await picker.fill("bao thang");
  await page.getByRole("option", { name: new RegExp(COMPANY) }).click();
  await choose(page, form, "Hoạt động", "Kiểm tra chuyên ngành");
  await field(form, "Nội dung").fill("Kiểm tra chất lượng xăng dầu, đo lường tại cửa hàng");
  await choose(page, form, "Quý", "Quý 2");

  const warning = form.getByTestId("overlap-warning");
  await warning.first().waitFor();
  assert.equal(await warning.first().getAttribute("data-blocking"), "true");
  assert.match(await warning.first().innerText(), /Thanh tra tỉnh Lào Cai/);
  assert.match(await warning.first().innerText(), /Nghị quyết 198\/2025\/QH15/);
  await shoot(page, "inspection-plan-overlap");

  // Saving over it is refused, with the subject and the other agency named.
  await form.getByRole("button", { name: "Lưu cuộc vào kế hoạch" }).click();
  const refusal = form.getByRole("alert").filter({ hasText: COMPANY });
  await refusal.first().waitFor();

  await warning.first().getByRole("button", { name: "Xử lý trùng lặp" }).click();
  const dialog = page.getByRole("dialog", { name: "Xử lý trùng lặp" });
  await choose(page, dialog, "Cách xử lý", "Giữ nguyên, có lý do");
  await field(dialog, "Lý do").fill(
    "Kiểm tra chuyên ngành theo chỉ đạo của Bộ Công Thương; đã thống nhất với Thanh tra tỉnh.",
  );
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.waitFor({ state: "hidden" });

  await form.locator('[data-testid="overlap-warning"][data-blocking="false"]').first().waitFor();
  await form.getByRole("button", { name: "Lưu cuộc vào kế hoạch" }).click();
  const items = page.getByTestId("plan-items");
  await items.getByText("Kiểm tra chất lượng xăng dầu, đo lường tại cửa hàng").waitFor();
  assert.match(await items.innerText(), new RegExp(COMPANY));
  const log = page.getByTestId("resolution-log");
  await log.getByText(/Giữ nguyên, có lý do/).waitFor();
  assert.match(await log.innerText(), /Ngô Thị Thu/);
  await shoot(page, "inspection-plan-resolved");

  // The item is edited in place: its subject stays chosen, the content and quarter change.
  await items.getByRole("button", { name: /^Sửa: Kiểm tra chất lượng xăng dầu/ }).click();
  const edit = page.getByTestId("plan-item-edit-form");
  await edit.waitFor();
  assert.match(await edit.innerText(), new RegExp(COMPANY), "the chosen subject is shown by name");
  await field(edit, "Nội dung").fill("Kiểm tra chất lượng xăng dầu, đo lường tại các cửa hàng bán lẻ");
  await choose(page, edit, "Quý", "Quý 3");
  await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
  await edit.waitFor({ state: "hidden" });
  await items.getByText("Kiểm tra chất lượng xăng dầu, đo lường tại các cửa hàng bán lẻ").waitFor();
  assert.match(await items.innerText(), /Quý III/);
  await page.close();
});

test("an item of the issued plan → the inspection carrying it out is proposed from the plan page", async () => {
  const inspectorate = await app.login("thanhtra");
  const plan = (await inspectorate.get(`/api/inspection-plans/${ttPlanId}`)).body;
  const issued = await inspectorate.post(`/api/inspection-plans/${ttPlanId}/issue`, {
    version: plan.version,
    issuedOutside: true,
    decisionNumber: "02/QĐ-TTr",
    issuedOn: `${YEAR}-01-05`,
    signer: { position: "CHÁNH THANH TRA", name: "Lê Quang Vinh" },
  });
  assert.equal(issued.status, 200, JSON.stringify(issued.body));

  const page = await newPage(browser);
  await login(page, app.url, "thanhtra");
  await page.goto(`${app.url}/ke-hoach-thanh-tra/${ttPlanId}`);
  const items = page.getByTestId("plan-items");
  await items
    .getByRole("button", { name: /^Lập quyết định thanh tra, kiểm tra: Thanh tra việc chấp hành pháp luật về thuế/ })
    .click();
  await page.waitForURL(/\/thanh-tra\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1)!;
  const created = (await inspectorate.get(`/api/inspections/${id}`)).body;
  assert.equal(created.kind, "planned");
  assert.equal(created.planItemId, plan.items[0].id, "the inspection records the plan item");
  await page.getByText("Thanh tra việc chấp hành pháp luật về thuế và đất đai").first().waitFor();
  await shoot(page, "inspection-from-plan-item");
  await page.close();
});
