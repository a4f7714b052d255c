/**
 * Browser test of anti-corruption work against a real server (fresh embedded database with the
 * demo accounts): the officer of the Department of Industry and Trade (pctn) opens this year's
 * declaration campaign, records a receipt, lays down the verification plan, runs the lottery with
 * two witnesses, downloads its minutes and records a verification's conclusion. The officials and
 * last year's campaign (the population of the draw) are made through the API. Then the demo viewer
 * (xem), linked to an official, opens her own declaration.
 *
 * Set E2E_SCREENSHOTS=/some/dir to keep screenshots (desktop 1366 px, phone 390 px) of each page.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  choose,
  ensureWebBuilt,
  field,
  launchBrowser,
  login as signIn,
  newPage as openPage,
  shoot,
} from "./support.ts";
import { todayInVietnam } from "@minhbach/domain";
import { startTestApp, type TestApp } from "@minhbach/server/testing";
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

const login = (page: Page, username: string) => signIn(page, app.url, username);

test("campaign → lottery → verification result, and the declarant reads her own declaration", async () => {
  const officer = await app.login("pctn");
  const xem = await app.login("xem");
  const xemId = (await xem.get("/api/auth/me")).body.user.id;
  const list = await app.system.database.db.selectFrom("agency").select(["id", "code"]).execute();
  const unit = (code: string) => list.find((a) => a.code === code)!.id;
  const positions = (await officer.get("/api/anticorruption/positions")).body.items as { id: string; code: string }[];
  const position = (code: string) => positions.find((p) => p.code === code)!.id;
  for (let i = 1; i <= 12; i++) {
    const res = await officer.post("/api/anticorruption/officials", {
      code: `E2E-${String(i).padStart(2, "0")}`,
      fullName: i === 1 ? "Bùi Thị Mai" : `Cán bộ thử ${i}`,
      unitAgencyId: unit(i % 2 ? "LC.SCT.VP" : "LC.SCT.QLTT"),
      declaredBefore: true,
      ...(i === 1 ? { userId: xemId } : {}),
      positions: [{ positionId: position(i % 2 ? "KE_TOAN" : "KIEM_SOAT_VIEN_TT"), from: "2015-01-01" }],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
  const prior = (await officer.post("/api/anticorruption/campaigns", { year: 2025 })).body;
  for (const item of prior.items) {
    if (item.officialCode === "E2E-01") {
      const res = await officer.post(`/api/anticorruption/obligations/${item.id}/declaration`, {
        version: item.version,
        declaredOn: "2025-12-05",
        receivedOn: "2025-12-08",
        content: {
          declarant: { fullName: "Bùi Thị Mai" },
          land: [{ owner: "declarant", description: "Thửa đất số 88, phường Lào Cai", value: 1_200_000_000 }],
          income: 280_000_000,
        },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    } else {
      await officer.post(`/api/anticorruption/obligations/${item.id}/receipt`, {
        version: item.version,
        receivedOn: "2025-12-10",
      });
    }
  }

  const page = await openPage(browser);
  await login(page, "pctn");
  await page.getByRole("link", { name: "Phòng, chống tham nhũng" }).first().click();
  await page.getByRole("heading", { name: "Phòng, chống tham nhũng" }).waitFor();

  // The campaign of this year.
  await field(page, "Năm").fill("2026");
  await page.getByRole("button", { name: "Mở đợt kê khai" }).click();
  await page.getByTestId("ac-obligations").waitFor();
  // Waited for, not counted at once: the panel may still show the campaign it had open.
  await page.getByTestId("ac-total-obligated").getByText("12").waitFor();
  await page.getByRole("button", { name: "Ghi nhận đã nhận bản kê khai của Cán bộ thử 2" }).click();
  await page.getByRole("button", { name: "Lưu" }).click();
  await page.locator('[data-official="E2E-02"]').getByText("Đã nộp").waitFor();

  // A declaration's content entered: an amount with a fraction of a đồng is refused on its row.
  await page.getByRole("button", { name: "Nhập nội dung bản kê khai của Cán bộ thử 3" }).click();
  const dialog = page.getByRole("dialog");
  await field(dialog, "Mô tả tài sản 1").fill("Thửa đất số 12, tổ 5, phường Lào Cai");
  await field(dialog, "Giá trị tài sản 1 (đồng)").fill("1500000000,5");
  await field(dialog, "Tổng thu nhập giữa hai lần kê khai").fill("250000000");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.getByText("Giá trị phải là số đồng nguyên, không có phần lẻ.").first().waitFor();
  await field(dialog, "Giá trị tài sản 1 (đồng)").fill("1500000000");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.locator('[data-official="E2E-03"]').getByText("Đã nộp").waitFor();
  // The list shows the status, never the content.
  assert.equal(await page.getByText("Thửa đất số 12, tổ 5").count(), 0);
  await shoot(page, "pctn-dot-ke-khai");

  // The verification plan and its lottery.
  await page.getByRole("tab", { name: "Xác minh, bốc thăm" }).click();
  await field(page, "Năm").fill("2026");
  await field(page, "Tỷ lệ đơn vị (%)").fill("50");
  await field(page, "Tỷ lệ người được xác minh (%)").fill("20");
  await page.getByRole("button", { name: "Lập kế hoạch xác minh" }).click();
  await page.getByRole("heading", { name: "Bốc thăm trước người chứng kiến" }).waitFor();
  await field(page, "Mã số ngẫu nhiên").fill("Hội nghị 06/12/2026 — 5521");
  await field(page, "Địa điểm").fill("Phòng họp số 2");
  await field(page, "Người chứng kiến 1").fill("Hoàng Thị Vân");
  await field(page, "Cơ quan của người chứng kiến 1").fill("Ủy ban kiểm tra Đảng ủy Sở");
  await field(page, "Người chứng kiến 2").fill("Sùng A Páo");
  await field(page, "Cơ quan của người chứng kiến 2").fill("Ủy ban MTTQ tỉnh");
  await page.getByRole("button", { name: "Bốc thăm", exact: true }).click();
  const verifications = page.getByTestId("ac-verifications");
  await verifications.locator("tbody tr").first().waitFor();
  const drawn = await verifications.locator("tbody tr").count();
  assert.ok(drawn >= 1, "people selected");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải biên bản bốc thăm" }).click(),
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
  const minutes = docxText(Buffer.concat(chunks));
  assert.ok(minutes.includes("Hội nghị 06/12/2026 — 5521"));
  assert.ok(minutes.includes("Sùng A Páo"));
  await shoot(page, "pctn-boc-tham");

  // A verification's conclusion.
  const first = verifications.locator("tbody tr").first();
  await first.getByRole("button", { name: /^Ghi kết luận xác minh của / }).click();
  await first.getByRole("radio", { name: "Kê khai trung thực" }).check();
  await first.getByRole("button", { name: "Lưu" }).click();
  await first.getByText("Kê khai trung thực").waitFor();

  // The rotation list: in their positions since 2015, past the sector's 36 months.
  await page.getByRole("tab", { name: "Chuyển đổi vị trí" }).click();
  const rotation = page.getByTestId("ac-rotation");
  await rotation.getByText("Quá thời hạn tối đa").first().waitFor();
  assert.ok((await rotation.getByText("Quá thời hạn tối đa").count()) >= 12);
  // One of them put in this year's rotation plan, then recorded as not rotated (day and reason):
  // the plan shows the dated outcome and the count.
  await rotation
    .getByRole("button", { name: /^Đưa .+ vào kế hoạch chuyển đổi$/ })
    .first()
    .click();
  const planDialog = page.getByRole("dialog");
  await planDialog.getByRole("button", { name: "Lưu" }).click();
  await planDialog.waitFor({ state: "detached" });
  const plan = page.getByTestId("ac-rotation-plan");
  await plan.locator("tbody tr").first().waitFor();
  await plan.getByRole("button", { name: /^Ghi kết quả chuyển đổi của / }).click();
  const outcome = page.getByRole("dialog");
  await choose(page, outcome, "Kết quả", "Không thực hiện chuyển đổi");
  const [y, m, d] = todayInVietnam().split("-");
  await field(outcome, "Ngày quyết định không chuyển đổi").fill(`${d}/${m}/${y}`);
  await field(outcome, "Ngày quyết định không chuyển đổi").press("Tab");
  await field(outcome, "Lý do không chuyển đổi").fill("Còn dưới 18 tháng đến tuổi nghỉ hưu");
  await outcome.getByRole("button", { name: "Lưu" }).click();
  await outcome.waitFor({ state: "detached" });
  await plan.getByText("Không thực hiện chuyển đổi").waitFor();
  // The counts come with the list: planned 1, not rotated 1.
  assert.match(
    await page.getByTestId("ac-rotation-counts").innerText(),
    /Theo kế hoạch\s*1[\s\S]*Không chuyển đổi\s*1/,
  );
  await shoot(page, "pctn-ke-hoach-chuyen-doi");

  // The declarant reads her own declaration.
  const own = await openPage(browser);
  await login(own, "xem");
  await own.goto(`${app.url}/phong-chong-tham-nhung`);
  await own.getByRole("tab", { name: "Bản kê khai của tôi" }).click();
  await own.getByTestId("ac-mine").waitFor();
  await own.getByRole("button", { name: "Xem" }).click();
  await own.getByText("Thửa đất số 88, phường Lào Cai").waitFor();
  await shoot(own, "pctn-ban-ke-khai-cua-toi");
  await own.keyboard.press("Escape");
  // And downloads it as the form (.docx).
  const [form] = await Promise.all([
    own.waitForEvent("download"),
    own.getByRole("button", { name: "Bản kê khai theo mẫu (.docx)" }).click(),
  ]);
  const formChunks: Buffer[] = [];
  for await (const chunk of (await form.createReadStream())!) formChunks.push(chunk as Buffer);
  const formText = docxText(Buffer.concat(formChunks));
  assert.ok(formText.includes("BẢN KÊ KHAI TÀI SẢN, THU NHẬP"));
  assert.ok(formText.includes("II. THÔNG TIN MÔ TẢ VỀ TÀI SẢN, THU NHẬP"));
  assert.ok(formText.includes("Thửa đất số 88, phường Lào Cai"));
});

test("the officer's home cards; a corruption case recorded through its form: a recovery above the damage is refused, then the list shows it", async () => {
  const page = await openPage(browser);
  await login(page, "pctn");
  // The officer's cards on the home page: this year's campaign (12 obligated, 2 received above).
  await page.goto(`${app.url}/`);
  const overview = page.getByTestId("ac-overview");
  await overview.getByText("Đợt kê khai năm 2026: đã nộp 2/12 người.").waitFor();
  await overview.getByTestId("ac-not-declared").getByText("10", { exact: true }).waitFor();
  await page.goto(`${app.url}/phong-chong-tham-nhung?phan=cases`);
  await page.getByRole("button", { name: "Ghi vụ việc" }).click();
  const dialog = page.getByRole("dialog");
  await field(dialog, "Tên vụ việc").fill("Nhận tiền của cơ sở kinh doanh để bỏ qua vi phạm");
  await field(dialog, "Cơ quan, tổ chức, đơn vị xảy ra vụ việc").fill("Đội Quản lý thị trường số 2");
  await field(dialog, "Cơ quan, đơn vị thụ lý, xử lý").fill("Sở Công Thương tỉnh Lào Cai");
  await choose(page, dialog, "Nguồn phát hiện", "Qua tự kiểm tra nội bộ của cơ quan, đơn vị");
  await field(dialog, "Thiệt hại về tiền (đồng)").fill("1250000000");
  await field(dialog, "Đã thu hồi tiền (đồng)").fill("2000000000");
  await dialog.getByRole("button", { name: "Thêm người" }).click();
  await field(dialog, "Họ và tên").fill("Vũ Đình Hải");
  // The second person picked from the officials registry: name filled from it.
  await dialog.getByRole("button", { name: "Thêm người" }).click();
  await field(dialog, "Chọn người thứ 2 từ danh sách cán bộ").fill("Cán bộ thử 7");
  await page.getByRole("option", { name: /^Cán bộ thử 7 \(E2E-07\)/ }).click();
  assert.equal(await field(dialog, "Họ và tên").nth(1).inputValue(), "Cán bộ thử 7");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.getByText("Số tiền đã thu hồi không được lớn hơn thiệt hại về tiền.").first().waitFor();
  await field(dialog, "Đã thu hồi tiền (đồng)").fill("300000000");
  await dialog.getByRole("button", { name: "Lưu" }).click();
  await dialog.waitFor({ state: "detached" });
  const cases = page.getByTestId("ac-cases");
  await cases.getByText("Nhận tiền của cơ sở kinh doanh để bỏ qua vi phạm").waitFor();
  await cases.getByText("1.250.000.000 đồng").waitFor();
  await page.getByTestId("ac-case-totals").getByText("300.000.000 đồng").waitFor();
  // The case page names the official picked.
  await cases.getByRole("button", { name: "Sửa: Nhận tiền của cơ sở kinh doanh để bỏ qua vi phạm" }).click();
  const opened = page.getByRole("dialog");
  await opened.getByText("Người có hành vi tham nhũng").waitFor();
  assert.equal(await field(opened, "Chọn người thứ 2 từ danh sách cán bộ").inputValue(), "Cán bộ thử 7 (E2E-07)");
  await opened.getByRole("button", { name: "Hủy" }).click();
  await opened.waitFor({ state: "detached" });
  await shoot(page, "pctn-vu-viec-tham-nhung");

  // The registers: a gift handed in shows as a row; a register with none says so.
  const officer = await app.login("pctn");
  const gift = await officer.post("/api/anticorruption/gifts", {
    fullName: "Lò Thị Hoa",
    handedOn: "2026-11-02",
    description: "Phong bì tiền mặt",
    value: 2_000_000,
  });
  assert.equal(gift.status, 201, JSON.stringify(gift.body));
  await page.goto(`${app.url}/phong-chong-tham-nhung?phan=registers`);
  const gifts = page.getByTestId("ac-gifts");
  await gifts
    .getByRole("row", { name: /Lò Thị Hoa/ })
    .getByText("2.000.000 đồng")
    .waitFor();
  await gifts.getByText("02/11/2026").waitFor();
  await page.getByTestId("ac-prevention").getByText("Chưa có bản ghi nào.").waitFor();
});
