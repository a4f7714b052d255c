/**
 * Browser tests of the web app against a real server (fresh embedded database with demo data),
 * driving Debian's Chromium through playwright-core. No browser is ever downloaded.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import type { Browser, Locator, Page } from "playwright-core";
import { ensureWebBuilt, launchBrowser } from "./support.ts";
import { startTestApp } from "@minhbach/server/testing";

const ADMIN = { username: "admin", password: "MinhBach@2026" };

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

async function newPage(width = 1280, height = 900): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function login(page: Page, username = ADMIN.username, password = ADMIN.password): Promise<void> {
  await page.goto(`${app.url}/dang-nhap`);
  await submitLogin(page, username, password);
}

/** Fills the login form already on screen (keeps where the app will return to). */
async function submitLogin(page: Page, username = ADMIN.username, password = ADMIN.password): Promise<void> {
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

test("sai mật khẩu: thông báo chung, không lộ tài khoản có tồn tại hay không", async () => {
  const page = await newPage();
  try {
    await login(page, "admin", "SaiMatKhau123");
    const error = page.getByTestId("login-error");
    await error.waitFor();
    assert.equal((await error.innerText()).trim(), "Tên đăng nhập hoặc mật khẩu không đúng.");

    await login(page, "khong.ton.tai", "SaiMatKhau123");
    await error.waitFor();
    assert.equal((await error.innerText()).trim(), "Tên đăng nhập hoặc mật khẩu không đúng.");
    assert.match(new URL(page.url()).pathname, /^\/dang-nhap/);
  } finally {
    await page.context().close();
  }
});

test("đăng nhập quản trị: khung ứng dụng, điều hướng và các mục sắp có", async () => {
  const page = await newPage();
  try {
    await login(page);
    await page.getByRole("heading", { name: "Tổng quan", level: 1 }).waitFor();
    assert.equal(await page.getByTestId("current-user").innerText(), "Quản trị hệ thống");
    const nav = page.getByRole("navigation", { name: "Danh mục chức năng" });
    for (const label of ["Cổng công dân", "Nhật ký hệ thống"]) {
      await nav.getByRole("link", { name: new RegExp(label) }).waitFor();
    }
    // Casework the administrator has no right to is not offered.
    assert.equal(await nav.getByRole("link", { name: /Xử lý đơn/ }).count(), 0);
    // Nor the reports: their figures open the lists of petitions behind them.
    assert.equal(await nav.getByRole("link", { name: /Báo cáo/ }).count(), 0);

    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
    // The session is gone: a protected page sends the user back to the login form.
    await page.goto(`${app.url}/quan-tri/tai-khoan`);
    await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
  } finally {
    await page.context().close();
  }
});

test("cây cơ quan hiển thị Sở Công Thương và tìm kiếm không dấu", async () => {
  const page = await newPage();
  try {
    await login(page);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(`${app.url}/quan-tri/co-quan`);
    const tree = page.getByTestId("agency-tree");
    await tree.getByText("Sở Công Thương", { exact: false }).first().waitFor();

    await page.getByLabel("Tìm cơ quan, đơn vị").fill("so cong thuong");
    await tree
      .getByText(/Sở Công Thương/)
      .first()
      .waitFor();
    // Units that do not match disappear while searching.
    await tree.getByText(/phường Sa Pa/).waitFor({ state: "detached" });

    await tree.locator("[data-agency-id]").filter({ hasText: "Sở Công Thương" }).first().click();
    await page
      .getByTestId("agency-details")
      .getByRole("heading", { name: /Sở Công Thương/ })
      .waitFor();
  } finally {
    await page.context().close();
  }
});

test("tạo tài khoản mới và thấy trong danh sách", async () => {
  const page = await newPage();
  try {
    await login(page);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(`${app.url}/quan-tri/tai-khoan`);
    await page.getByTestId("users-table").waitFor();
    await page.getByRole("button", { name: "Thêm tài khoản" }).click();

    const form = page.getByTestId("user-create-form");
    await form.getByLabel("Tên đăng nhập").fill("kiemthu.e2e");
    await form.getByLabel("Họ và tên").fill("Nguyễn Thị Kiểm Thử");
    await form.getByLabel("Thư điện tử").fill("kiemthu@example.vn");
    await form.getByRole("combobox", { name: "Vai trò" }).click();
    await page.getByRole("option", { name: "Chỉ xem" }).click();
    await page.keyboard.press("Escape");
    await form.getByLabel("Mật khẩu ban đầu").fill("KiemThu2026xyz");
    await form.getByRole("button", { name: "Lưu" }).click();
    await form.waitFor({ state: "detached" });

    await page.getByLabel("Tìm kiếm").fill("kiem thu");
    await page.waitForURL((url) => url.searchParams.get("q") === "kiem thu");
    const row = page.locator('tr[data-username="kiemthu.e2e"]');
    await row.waitFor();
    assert.match(await row.innerText(), /Nguyễn Thị Kiểm Thử/);
    assert.match(await row.innerText(), /Chỉ xem/);

    // The filtered list exports to Excel with its Vietnamese text intact.
    await page.getByRole("button", { name: "Xuất danh sách" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: /Xuất Excel/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    const cells = (r: number) => (sheet.getRow(r).values as unknown[]).map(String);
    assert.ok(
      cells(1).some((v) => /Họ và tên/.test(v)),
      cells(1).join("|"),
    );
    assert.ok(cells(2).includes("Nguyễn Thị Kiểm Thử"), cells(2).join("|"));
    assert.equal(sheet.rowCount, 2);
  } finally {
    await page.context().close();
  }
});

/**
 * A header's aria-sort once the page has drawn the new URL: the router writes the address a
 * moment before React renders from it, so reading the attribute at once can see the old state.
 */
async function settledSort(header: Locator, expected: string): Promise<string | null> {
  await header
    .and(header.page().locator(`[aria-sort="${expected}"]`))
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  return header.getAttribute("aria-sort");
}

test("danh sách tài khoản: bộ lọc và sắp xếp nằm trong địa chỉ, tải lại vẫn giữ, xóa bộ lọc", async () => {
  const page = await newPage();
  try {
    await login(page);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(`${app.url}/quan-tri/tai-khoan`);
    await page.getByTestId("users-table").waitFor();

    const nameHeader = page.getByRole("columnheader", { name: "Họ và tên" });
    await nameHeader.getByRole("button").click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "fullName");
    assert.equal(await settledSort(nameHeader, "ascending"), "ascending");
    await nameHeader.getByRole("button").click();
    await page.waitForURL((url) => url.searchParams.get("order") === "desc");
    assert.equal(await settledSort(nameHeader, "descending"), "descending");

    const clear = page.getByRole("button", { name: "Xóa bộ lọc" });
    assert.equal(await clear.count(), 0);
    await page.getByLabel("Tìm kiếm").fill("admin");
    await page.waitForURL((url) => url.searchParams.get("q") === "admin");
    await clear.waitFor();

    // A bookmarked or reloaded list comes back as it was left.
    await page.reload();
    await page.getByTestId("users-table").waitFor();
    assert.equal(await page.getByLabel("Tìm kiếm").inputValue(), "admin");
    assert.equal(await settledSort(nameHeader, "descending"), "descending");
    await page.locator('tr[data-username="admin"]').waitFor();

    await clear.click();
    await page.waitForURL((url) => !url.searchParams.has("q"));
    await clear.waitFor({ state: "detached" });
    assert.equal(await page.getByLabel("Tìm kiếm").inputValue(), "");
    assert.equal(new URL(page.url()).searchParams.get("sort"), "fullName");
  } finally {
    await page.context().close();
  }
});

test("phiên hết hạn khi đang nhập: đăng nhập lại và nội dung biểu mẫu vẫn còn", async () => {
  const page = await newPage();
  try {
    await login(page);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(`${app.url}/quan-tri/tai-khoan`);
    await page.getByRole("button", { name: "Thêm tài khoản" }).click();
    const form = page.getByTestId("user-create-form");
    await form.getByLabel("Tên đăng nhập").fill("dangnhap.lai");
    await form.getByLabel("Họ và tên").fill("Trần Văn Bản Nháp");
    await form.getByRole("combobox", { name: "Vai trò" }).click();
    await page.getByRole("option", { name: "Thanh tra viên" }).click();
    await page.keyboard.press("Escape");
    await form.getByLabel("Mật khẩu ban đầu").fill("BanNhap2026abc");

    // The session ends (expired, or logged out elsewhere) before the officer presses Lưu.
    await page.context().clearCookies();
    await form.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/dang-nhap"));
    await submitLogin(page);

    await page.waitForURL((url) => url.pathname === "/quan-tri/tai-khoan");
    const restored = page.getByTestId("user-create-form");
    await restored.waitFor();
    assert.equal(await restored.getByLabel("Tên đăng nhập").inputValue(), "dangnhap.lai");
    assert.equal(await restored.getByLabel("Họ và tên").inputValue(), "Trần Văn Bản Nháp");
    assert.match(await restored.innerText(), /Thanh tra viên/);
    // Passwords are never kept in the draft.
    assert.equal(await restored.getByLabel("Mật khẩu ban đầu").inputValue(), "");
  } finally {
    await page.context().close();
  }
});

test("lịch làm việc 2026: Tết được tô màu ngày nghỉ lễ", async () => {
  const page = await newPage();
  try {
    await login(page);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(`${app.url}/quan-tri/lich-lam-viec/2026`);
    const tet = page.locator('[data-testid="year-grid"] td[data-date="2026-02-17"]');
    await tet.waitFor();
    assert.equal(await tet.getAttribute("data-kind"), "holiday");
    const label = await tet.locator("[aria-label]").getAttribute("aria-label");
    assert.match(label ?? "", /Tết/);
    // A weekend day is shaded, an ordinary weekday is not.
    assert.equal(await page.locator('td[data-date="2026-03-01"]').getAttribute("data-kind"), "weekend");
    assert.equal(await page.locator('td[data-date="2026-03-03"]').getAttribute("data-kind"), "working");
    await page.getByTestId("calendar-days").getByText(/Tết/).first().waitFor();
  } finally {
    await page.context().close();
  }
});

test("tính thời hạn và xem cách tính", async () => {
  const page = await newPage();
  try {
    await login(page);
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(`${app.url}/quan-tri/tinh-thoi-han`);
    const form = page.getByTestId("deadline-form");
    await form.getByRole("combobox", { name: "Quy tắc thời hạn" }).click();
    await page.getByRole("option").first().click();
    const from = form.getByLabel("Ngày bắt đầu tính");
    await from.fill("10/02/2026");
    await from.press("Escape");
    await form.getByRole("button", { name: "Tính hạn" }).click();

    const due = page.getByTestId("deadline-due");
    await due.waitFor();
    assert.match(await due.innerText(), /^\d{2}\/\d{2}\/\d{4}$/);
    const explanation = page.getByTestId("deadline-explanation");
    await explanation.getByText("Cách tính hạn").waitFor();
    assert.ok((await explanation.locator("li").count()) >= 2, "the explanation lists its steps");
  } finally {
    await page.context().close();
  }
});
