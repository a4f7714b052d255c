/**
 * Browser test of public consultation on a draft regulation (issue 20), on a phone (390 × 844):
 * an officer creates a draft and opens it for comments in the back office → a citizen, without an
 * account, comments on a passage (the portal's script solves the proof of work) → the officer
 * publishes the comment → it shows under its passage → the officer closes the consultation and
 * publishes the handling summary → the citizen reads it. axe-core: no serious or critical
 * violation on the public pages; they do not scroll sideways.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { todayInVietnam } from "@minhbach/domain";
import type { Browser, Page } from "playwright-core";
import { choose, ensureWebBuilt, field, launchBrowser, login, shoot, checkPhonePage } from "./support.ts";
import { startTestApp, type TestApp } from "@minhbach/server/testing";

let app: TestApp;
let browser: Browser;

before(async () => {
  ensureWebBuilt();
  app = await startTestApp({ config: { portalPowBits: 12 } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const checkPublic = (page: Page, name: string) => checkPhonePage(page, `consultation-${name}`);

function inDays(days: number): string {
  const [y, m, d] = todayInVietnam().split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

const phone = async () => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
};

const DRAFT = [
  "Quy định về quản lý chợ trên địa bàn tỉnh Lào Cai",
  "Điều 1. Phạm vi điều chỉnh",
  "Quy định này quy định việc quản lý, khai thác chợ.",
  "Điều 2. Giờ mở cửa",
  "1. Chợ mở cửa từ 5 giờ đến 19 giờ hằng ngày.",
  "2. Chợ đêm mở cửa đến 23 giờ.",
].join("\n");

test("a draft opened for comments, commented on a passage, moderated, closed, summary published", async () => {
  const officer = await phone();
  await login(officer, app.url, "lanhdao");
  await officer.goto(`${app.url}/lay-y-kien`);
  await officer.getByRole("heading", { name: "Lấy ý kiến dự thảo" }).waitFor();
  await officer.getByRole("button", { name: "Tạo dự thảo" }).click();
  const dialog = officer.getByRole("dialog", { name: "Tạo dự thảo" });
  await field(dialog, "Tên dự thảo").fill("Dự thảo Quy định quản lý chợ");
  await field(dialog, "Lĩnh vực").fill("Công thương");
  const closes = field(dialog, "Ngày kết thúc lấy ý kiến");
  await closes.fill(inDays(30));
  await closes.press("Tab");
  await field(dialog, "Toàn văn dự thảo").fill(DRAFT);
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await officer.getByRole("heading", { name: "Dự thảo Quy định quản lý chợ" }).waitFor();
  await officer.getByTestId("phase").getByText("Đang soạn thảo").waitFor();
  await officer.getByRole("button", { name: "Đăng lên cổng để lấy ý kiến" }).click();
  await officer.getByTestId("phase").getByText("Đang lấy ý kiến").waitFor();
  const consultationUrl = officer.url();
  const id = consultationUrl.split("/").pop()!;

  // The citizen, on the portal, without an account.
  const citizen = await phone();
  await citizen.goto(`${app.url}/cong-dan/du-thao`);
  await checkPublic(citizen, "list");
  await citizen.getByRole("link", { name: "Dự thảo Quy định quản lý chợ" }).click();
  await citizen.getByRole("heading", { name: "Dự thảo Quy định quản lý chợ" }).waitFor();
  await checkPublic(citizen, "draft");
  await citizen.getByRole("link", { name: /Góp ý đoạn này \(Điều 2, khoản 2\)/ }).click();
  await citizen.getByRole("heading", { name: "Góp ý dự thảo" }).waitFor();
  assert.equal(await citizen.getByLabel("Đoạn góp ý").inputValue(), "dieu-2-khoan-2");
  await checkPublic(citizen, "form");
  // An empty comment is refused with the field named.
  await citizen.getByText("Đã sẵn sàng gửi").waitFor();
  await citizen.getByRole("button", { name: "Gửi góp ý" }).click();
  await citizen.getByRole("alert").getByText("Nội dung góp ý: nhập ý kiến của bạn.").waitFor();
  await citizen.getByLabel("Đoạn trích (không bắt buộc)").fill("đến 23 giờ");
  await citizen.getByLabel("Nội dung góp ý").fill("Đề nghị cho chợ đêm mở đến 24 giờ vào cuối tuần.");
  await citizen.getByLabel("Tên hiển thị (không bắt buộc)").fill("Lý Văn Sáu");
  await citizen.getByLabel("Thông tin liên hệ (không bắt buộc)").fill("sau.ly@example.vn");
  await citizen.getByText("Đã sẵn sàng gửi").waitFor();
  await citizen.getByRole("button", { name: "Gửi góp ý" }).click();
  await citizen.getByRole("heading", { name: "Đã nhận góp ý số 1" }).waitFor();
  await checkPublic(citizen, "thanks");

  // The officer publishes it.
  await officer.reload();
  const comment = officer.getByTestId("comment-1");
  await comment.getByText("Chờ duyệt").waitFor();
  await comment.getByText(/sau\.ly@example\.vn/).waitFor();
  await comment.getByRole("button", { name: "Duyệt đăng góp ý số 1" }).click();
  await comment.getByText("Đã đăng").waitFor();

  // Under its passage on the portal, with the count; the contact is never there.
  await citizen.goto(`${app.url}/cong-dan/du-thao/${id}`);
  const passage = citizen.locator("section#dieu-2-khoan-2");
  await passage.getByText("1 góp ý đã đăng").waitFor();
  await passage.getByText("Đề nghị cho chợ đêm mở đến 24 giờ vào cuối tuần.").waitFor();
  assert.doesNotMatch(await citizen.content(), /sau\.ly@example\.vn/);

  // A second version (stored as "Thêm phiên bản" stores it), compared with the first on the portal.
  await app.system.database.db
    .insertInto("consultation_version")
    .values({
      consultation_id: id,
      number: 2,
      body: DRAFT.replace("đến 19 giờ", "đến 20 giờ"),
      note: "Sửa giờ mở cửa",
      created_by: null,
      created_at: new Date(),
    })
    .execute();
  await citizen.goto(`${app.url}/cong-dan/du-thao/${id}`);
  await citizen.getByRole("link", { name: "So sánh các phiên bản" }).click();
  await citizen.getByRole("heading", { name: "So sánh các phiên bản dự thảo" }).waitFor();
  await citizen.getByText("Phiên bản 2 so với phiên bản 1: 1 đoạn thay đổi").waitFor();
  assert.equal(await citizen.locator("del").filter({ hasText: "19" }).count(), 1);
  assert.equal(await citizen.locator("ins").filter({ hasText: "20" }).count(), 1);
  await checkPublic(citizen, "compare");

  // Closed, answered, summary published.
  await officer.getByRole("button", { name: "Kết thúc lấy ý kiến" }).click();
  await officer.getByTestId("phase").getByText("Đã hết thời gian góp ý").waitFor();
  await officer.getByRole("checkbox", { name: "Góp ý số 1" }).check();
  await choose(officer, officer.locator("body"), "Kết quả", "Tiếp thu một phần");
  await officer.getByLabel("Nội dung tiếp thu, giải trình").fill("Chợ đêm mở đến 24 giờ vào thứ Bảy và Chủ nhật.");
  await officer.getByRole("button", { name: "Lưu nội dung tiếp thu" }).click();
  await officer.getByText("Tiếp thu một phần — Góp ý số 1").waitFor();
  await officer.getByRole("button", { name: "Công bố kết quả tiếp thu, giải trình" }).click();
  await officer.getByTestId("phase").getByText("Đã công bố kết quả tiếp thu, giải trình").waitFor();
  await shoot(officer, "consultation-officer");

  await citizen.goto(`${app.url}/cong-dan/du-thao/${id}`);
  const summary = citizen.locator("#tiep-thu");
  await summary.getByRole("heading", { name: "Kết quả tiếp thu, giải trình" }).waitFor();
  await summary.getByText("Chợ đêm mở đến 24 giờ vào thứ Bảy và Chủ nhật.").waitFor();
  assert.equal(await citizen.getByRole("link", { name: /Góp ý đoạn này/ }).count(), 0);
  await checkPublic(citizen, "summary");

  // Readable without JavaScript.
  const noJs = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(`${app.url}/cong-dan/du-thao/${id}`);
  await plain.locator("section#dieu-2-khoan-2").getByText("Đề nghị cho chợ đêm mở đến 24 giờ vào cuối tuần.").waitFor();
  await noJs.close();
});
