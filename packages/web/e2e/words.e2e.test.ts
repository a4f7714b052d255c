/**
 * Words for officers, not programmers (issue 16, defect 9) and errors that leave once corrected
 * (defect 10), in Chromium against a server with the demo data.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { startTestApp } from "@minhbach/server/testing";
import { choose, ensureWebBuilt, field, fillTime, launchBrowser, login, newPage } from "./support.ts";

let app: { url: string; close(): Promise<void> };
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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** "petition.classified", "case.opened", "auth.login": a code, not a word. */
const CODE = /\b[a-z_]+\.[a-z_]+(\.[a-z_]+)*\b/;

async function page(user = "admin", locale?: string): Promise<Page> {
  const p = locale
    ? await (
        await browser.newContext({ viewport: { width: 1366, height: 900 }, locale, timezoneId: "Asia/Ho_Chi_Minh" })
      ).newPage()
    : await newPage(browser);
  p.setDefaultTimeout(15_000);
  await login(p, app.url, user);
  return p;
}

test("nhật ký hệ thống: tên hành động, đối tượng và nội dung bằng lời, không mã, không UUID, không JSON", async () => {
  const p = await page();
  try {
    await p.goto(`${app.url}/quan-tri/nhat-ky`);
    const table = p.getByTestId("audit-table");
    await table.locator("tbody tr").first().waitFor();
    // An account name ("xulydon.snnmt") is a name, not a code.
    const shown = await table.innerText();
    assert.match(shown, /Người dùng\s+Tài khoản xulydon/);
    const text = shown.replace(/Tài khoản \S+/g, "");
    assert.doesNotMatch(text, CODE, text.slice(0, 400));
    assert.doesNotMatch(text, UUID);
    assert.match(text, /Đăng nhập/);
    // Actions are chosen by their names.
    await choose(p, p, "Hành động", "Tạo tài khoản người dùng");
    await p.waitForURL((url) => url.searchParams.get("action") === "user.created");
    // The address changes before the filtered list arrives: wait until the sign-ins are gone, so
    // the row opened is one of the filtered list, not of the list it replaces.
    for (let i = 0; i < 75 && /Đăng nhập/.test(await table.innerText()); i++) await p.waitForTimeout(200);
    await table
      .getByRole("button", { name: /Xem chi tiết bản ghi số/ })
      .first()
      .click();
    const summary = p.getByTestId("audit-summary");
    await summary.waitFor();
    const lines = await summary.innerText();
    assert.match(lines, /Tên đăng nhập: \S+/);
    assert.match(lines, /Vai trò: [A-ZĐ]/);
    assert.doesNotMatch(lines, /[{}"]|\bnull\b/);
    assert.doesNotMatch(lines, UUID);
  } finally {
    await p.context().close();
  }
});

test("tính thời hạn: tên và căn cứ của quy tắc, không mã quy tắc, không ký hiệu [P]/[U]", async () => {
  const p = await page();
  try {
    await p.goto(`${app.url}/quan-tri/tinh-thoi-han`);
    const form = p.getByTestId("deadline-form");
    await form.getByRole("combobox", { name: "Quy tắc thời hạn" }).click();
    await p.getByRole("option", { name: "Thời hạn thụ lý khiếu nại lần đầu" }).click();
    const from = form.getByLabel("Ngày bắt đầu tính");
    await from.fill("10/02/2026");
    await from.press("Escape");
    await form.getByRole("button", { name: "Tính hạn" }).click();
    const result = p.getByTestId("deadline-result");
    await result.getByTestId("deadline-due").waitFor();
    const all = await p.locator("main").innerText();
    assert.match(all, /Thời hạn thụ lý khiếu nại lần đầu/);
    assert.match(all, /Điều 27 Luật Khiếu nại/);
    assert.doesNotMatch(all, /complaint\.accept|\[P\]|\[U\]/);
    // Every rule: no id, no developer mark, no internal note.
    await form.getByRole("combobox", { name: "Quy tắc thời hạn" }).click();
    const options = await p.getByRole("option").allInnerTexts();
    await p.keyboard.press("Escape");
    for (const name of options) {
      await form.getByRole("combobox", { name: "Quy tắc thời hạn" }).click();
      await p.getByRole("option", { name, exact: true }).click();
      const shown = await p.locator("main").innerText();
      assert.doesNotMatch(shown, /\[P\]|\[U\]|\b[a-z]+\.[a-z_.]+\b|Ghi chú:/, name);
    }
  } finally {
    await p.context().close();
  }
});

test("danh mục lĩnh vực: số thứ tự bắt đầu từ 1", async () => {
  const p = await page();
  try {
    await p.goto(`${app.url}/quan-tri/danh-muc-linh-vuc`);
    const first = p.getByTestId("field-catalog-table").locator("tbody tr").first();
    await first.waitFor();
    assert.equal((await first.locator("td").first().innerText()).trim(), "1");
  } finally {
    await p.context().close();
  }
});

test("giờ tiếp công dân theo 24 giờ, kể cả trên trình duyệt tiếng Anh", async () => {
  const p = await page("tiepdan", "en-US");
  try {
    await p.goto(`${app.url}/tiep-cong-dan?tab=schedule`);
    await p.getByRole("button", { name: "Thêm lịch tiếp" }).click();
    const form = p.getByTestId("schedule-form");
    await fillTime(form, "Giờ bắt đầu", "14:30");
    await fillTime(form, "Giờ kết thúc", "16:05");
    const text = await form.innerText();
    assert.doesNotMatch(text, /\b(AM|PM|SA|CH)\b/);
    assert.equal(await form.getByLabel("Giờ bắt đầu: giờ", { exact: true }).inputValue(), "14");
    assert.equal(await form.locator('input[type="time"]').count(), 0, "no native time input (AM/PM in en-US)");
  } finally {
    await p.context().close();
  }
});

test("lỗi của một ô biến mất khi sửa đúng, kể cả khi lỗi gắn ở ô khác (số căn cước và giới tính)", async () => {
  const p = await page("xulydon");
  try {
    await p.goto(`${app.url}/xu-ly-don/tiep-nhan`);
    const form = p.getByTestId("petition-intake-form");
    await field(form, "Số giấy tờ tùy thân").first().fill("001090012345");
    await choose(p, form, "Giới tính", "Nữ");
    await form.locator("button[type=submit]").click();
    const mismatch = form.getByText(/ứng với giới tính nam nhưng giới tính đã khai là nữ/i).first();
    await mismatch.waitFor();
    // The officer corrects the gender: the error on the number goes.
    await choose(p, form, "Giới tính", "Nam");
    await mismatch.waitFor({ state: "detached", timeout: 3000 });
    // An error on a field goes when the field is corrected, the others stay until theirs are.
    const name = form.getByText("Nhập họ và tên.").first();
    await name.waitFor();
    await field(form, "Họ và tên").first().fill("Lương Văn Bình");
    await name.waitFor({ state: "detached", timeout: 3000 });
    await form.getByText("Nhập nội dung đơn.").first().waitFor();
  } finally {
    await p.context().close();
  }
});
