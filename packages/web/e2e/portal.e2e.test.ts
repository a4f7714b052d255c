/**
 * Browser test of the public portal on a phone (390 × 844) against a real server: a citizen files
 * a complaint with an attachment, keeps the receipt code; the handler (xulydon) finds the letter in
 * the intake list and asks a question from the petition's page; the citizen answers with the code;
 * the handler reads the answer. Every public page is checked with axe-core (no serious or critical
 * violation), and the filing page's JavaScript is weighed (under 100 kB).
 *
 * Set E2E_SCREENSHOTS=/some/dir to keep screenshots of each page.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { ensureWebBuilt, launchBrowser, login, newPage, shoot, axeProblems } from "./support.ts";
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

async function phone(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    // axe-core is injected as an inline script, which the portal's CSP (script-src 'self') forbids.
    bypassCSP: true,
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function assertAccessible(page: Page, name: string) {
  assert.deepEqual(await axeProblems(page), [], `axe on ${name}`);
  await shoot(page, `portal-${name}`);
}

test("file on a phone with a file → receipt code → the handler asks → the citizen answers", async () => {
  const page = await phone();
  await page.goto(`${app.url}/dang-nhap`);
  await page.getByRole("link", { name: "Cổng thông tin cho công dân" }).click();
  await page.getByRole("heading", { name: "Cổng thông tin cho công dân" }).waitFor();
  await assertAccessible(page, "home");

  await page.getByRole("link", { name: "Gửi đơn trực tuyến" }).click();
  await page.getByRole("heading", { name: /Gửi đơn khiếu nại, tố cáo/ }).waitFor();
  const scripts = await page.evaluate<number>(
    `performance.getEntriesByType("resource").filter((e) => e.initiatorType === "script").reduce((sum, e) => sum + e.decodedBodySize, 0)`,
  );
  assert.ok(scripts > 0 && scripts < 100_000, `filing page JavaScript: ${scripts} bytes`);
  console.log(`filing page JavaScript: ${scripts} bytes`);
  await assertAccessible(page, "filing");

  // Help by field: the Department of Industry and Trade for a petrol matter.
  await page.getByLabel("Lĩnh vực của sự việc").selectOption({ label: "Xăng dầu" });
  await page.getByRole("button", { name: "Gợi ý cơ quan" }).click();
  await page.getByText("Cơ quan gợi ý").waitFor();

  await page.getByRole("radio", { name: "Khiếu nại", exact: true }).check();
  await page.getByRole("radio", { name: "Cá nhân", exact: true }).check();
  await page.getByLabel("Họ và tên (bắt buộc)").fill("Lương Văn Khải");
  await page.getByLabel("Địa chỉ (bắt buộc)").fill("Thôn Na Hối, xã Bắc Hà, tỉnh Lào Cai");
  await page.getByLabel("Cơ quan nhận đơn (bắt buộc)").selectOption({ label: "Sở Công Thương tỉnh Lào Cai" });
  await page
    .getByLabel("Nội dung đơn (bắt buộc)")
    .fill(
      "Tôi khiếu nại quyết định xử phạt vi phạm hành chính số 12/QĐ-XPHC ngày 02/11/2026 về kinh doanh xăng dầu vì áp dụng sai mức phạt.",
    );
  await page.getByLabel("Thư điện tử nhận thông báo").fill("khai.luong@example.vn");
  await page.getByRole("checkbox", { name: /Tôi cam đoan/ }).check();
  const scan = Buffer.alloc(3000, 0x20);
  Buffer.from("%PDF-1.7\n% quyet dinh\n").copy(scan);
  Buffer.from("\n%%EOF\n").copy(scan, scan.length - 7);
  await page
    .getByLabel("Tệp đính kèm")
    .setInputFiles({ name: "quyet-dinh-xu-phat.pdf", mimeType: "application/pdf", buffer: scan });
  await page.getByText("Đã sẵn sàng gửi đơn.").waitFor();
  await page.getByRole("button", { name: "Gửi đơn", exact: true }).click();

  await page.getByRole("heading", { name: "Đơn của bạn đã được gửi" }).waitFor();
  const code = (await page.locator("#ma-tra-cuu").innerText()).replace(/\s/g, "");
  assert.match(code, /^[0-9]{16}$/);
  const register = (await page.locator("dt:has-text('Số vào sổ') + dd").innerText()).trim();
  assert.match(register, /^LC\.SCT-\d{4}-\d{6}$/);
  await page.getByRole("button", { name: "In phiếu tiếp nhận" }).waitFor();
  await assertAccessible(page, "receipt");

  // The handler finds it in the intake list and asks a question.
  const office = await newPage(browser);
  await login(office, app.url, "xulydon");
  await office.goto(`${app.url}/xu-ly-don`);
  await office.getByRole("link", { name: register, exact: true }).first().click();
  const panel = office.locator("section", { has: office.getByRole("heading", { name: "Trao đổi với người gửi" }) });
  await panel.waitFor();
  await panel.getByText("Khiếu nại", { exact: true }).waitFor();
  await panel
    .getByLabel("Câu hỏi, đề nghị bổ sung thông tin")
    .fill("Đề nghị ông gửi bản chụp biên bản vi phạm kèm quyết định.");
  await panel.getByRole("button", { name: "Gửi cho người gửi đơn" }).click();
  await panel.getByText("Đề nghị ông gửi bản chụp biên bản vi phạm kèm quyết định.").waitFor();

  // The citizen answers with the code.
  await page.goto(`${app.url}/cong-dan/tra-cuu`);
  await assertAccessible(page, "lookup");
  await page.getByLabel("Mã tra cứu (16 chữ số)").fill(code.replace(/(\d{4})(?=\d)/g, "$1 "));
  await page.getByRole("button", { name: "Tra cứu" }).click();
  await page.getByRole("heading", { name: "Tình trạng đơn" }).waitFor();
  await page.getByText("Đề nghị ông gửi bản chụp biên bản vi phạm kèm quyết định.").waitFor();
  await page.getByText("Đã vào sổ").waitFor();
  await page.getByRole("button", { name: "Ngừng nhận thư thông báo" }).waitFor();
  await assertAccessible(page, "status");
  await page
    .getByLabel("Trả lời hoặc bổ sung thông tin")
    .fill("Tôi đã gửi bản chụp biên bản qua bưu điện ngày 05/12/2026.");
  await page.getByRole("button", { name: "Gửi trả lời" }).click();
  await page.getByText("Đã gửi trả lời của bạn đến cán bộ xử lý.").waitFor();

  await office.reload();
  await office
    .locator("section", { has: office.getByRole("heading", { name: "Trao đổi với người gửi" }) })
    .getByText("Tôi đã gửi bản chụp biên bản qua bưu điện ngày 05/12/2026.")
    .waitFor();
});

test("without JavaScript the filing page explains why it cannot send", async () => {
  const page = await phone({ javaScriptEnabled: false });
  await page.goto(`${app.url}/cong-dan/gui-don`);
  await page.getByText(/Trang cần JavaScript để thực hiện một phép tính nhỏ/).waitFor();
  // Everything else of the page is readable: the guidance and every field.
  await page.getByLabel("Nội dung đơn (bắt buộc)").waitFor();
  await page.getByText(/Tố cáo gửi đến cơ quan, tổ chức quản lý người bị tố cáo/).waitFor();
});

test("an empty petition: the errors are listed, linked to their fields, accessible; nothing is saved", async () => {
  const before = await app.system.database.db
    .selectFrom("petition")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  const page = await phone();
  await page.goto(`${app.url}/cong-dan/gui-don`);
  await page.getByText("Đã sẵn sàng gửi đơn.").waitFor();
  await page.getByRole("button", { name: "Gửi đơn", exact: true }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Đơn chưa gửi được" });
  await summary.waitFor();
  await summary.getByRole("link", { name: /^Nội dung đơn: nhập nội dung đơn/ }).click();
  await page.getByLabel("Nội dung đơn (bắt buộc)").and(page.locator("[aria-invalid=true]")).waitFor();
  await assertAccessible(page, "filing-errors");
  const afterCount = await app.system.database.db
    .selectFrom("petition")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  assert.equal(Number(afterCount.n), Number(before.n));
});
