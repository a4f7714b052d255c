/**
 * Browser tests of citizen reception and petition handling against a real server (fresh embedded
 * database with demo data), driving Debian's Chromium through playwright-core.
 *
 * The main flow is the one of the issue: a group visit is recorded at the reception desk of the
 * Department of Industry and Trade (tiepdan), turned into a petition with one click, classified by
 * the petition handler (xulydon) and transferred to the Department of Agriculture and Environment,
 * an agency of this installation; the transfer slip is completed, issued and dispatched, and the
 * petition lands in the other department's inbox (xulydon.snnmt).
 *
 * Set E2E_SCREENSHOTS=/some/dir to keep screenshots (desktop 1366 px, phone 390 px) of each page.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  choose,
  ensureWebBuilt,
  field,
  fillTime,
  launchBrowser,
  login as signIn,
  logout,
  newPage as openPage,
  shoot,
} from "./support.ts";
import { startTestApp } from "@minhbach/server/testing";
// The server tests' zip reader (a test helper, not part of the package's exports).
import { docxText } from "../../server/test/support/zip.ts";

const CONTENT =
  "Phản ánh cơ sở chế biến gỗ Hưng Thịnh tại thôn Na Hối, xã Bắc Hà xả nước thải chưa qua xử lý ra suối Nậm Khánh, " +
  "gây ô nhiễm nguồn nước sinh hoạt của các hộ dân trong thôn; đề nghị cơ quan có thẩm quyền kiểm tra, xử lý.";

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

const newPage = (width?: number, height?: number) => openPage(browser, width, height);
const login = (page: Page, username: string, password?: string) => signIn(page, app.url, username, password);

// ---------------------------------------------------------------------------------------------

test("tiếp công dân đoàn đông người → chuyển thành đơn → phân loại → chuyển đơn trong hệ thống → hộp đơn chuyển đến", async () => {
  const page = await newPage();
  try {
    // 0. The same people had already written to the Department of Agriculture and Environment:
    //    its handler records the letter through the intake form.
    await login(page, "xulydon.snnmt");
    await page
      .getByRole("navigation", { name: "Danh mục chức năng" })
      .getByRole("link", { name: /Xử lý đơn/ })
      .click();
    await page.getByRole("link", { name: "Tiếp nhận đơn" }).click();
    const intake = page.getByTestId("petition-intake-form");
    await intake.waitFor();
    await choose(page, intake, "Nguồn đơn", "Qua dịch vụ bưu chính");
    const writer = page.getByTestId("petitioner-0");
    await writer.getByLabel("Họ và tên").fill("Nguyễn Văn An");
    await writer.getByLabel(/^Địa chỉ( \*)?$/).fill("Thôn Na Hối, xã Bắc Hà, tỉnh Lào Cai");
    await writer.getByLabel("Số giấy tờ tùy thân").fill("010088012345");
    await intake.getByRole("textbox", { name: "Nội dung đơn" }).fill(CONTENT);
    await choose(page, intake, "Lĩnh vực", "Môi trường");
    await page.getByTestId("duplicate-panel").getByText("Chưa thấy đơn nào trùng trong hệ thống.").waitFor();
    await shoot(page, "01-tiep-nhan-don");
    await intake.getByRole("button", { name: "Lưu và vào sổ" }).click();
    await page.getByRole("heading", { name: /^Đơn LC\.SNNMT-\d{4}-000001$/ }).waitFor();
    await logout(page);

    // 1. The reception officer of the Department of Industry and Trade records a group visit.
    await login(page, "tiepdan");
    await page
      .getByRole("navigation", { name: "Danh mục chức năng" })
      .getByRole("link", { name: /Tiếp công dân/ })
      .click();
    await page.getByRole("heading", { name: "Tiếp công dân", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Tiếp công dân mới" }).click();
    const visit = page.getByTestId("visit-form");
    await visit.waitFor();
    await field(visit, "Số người").fill("6");
    const first = page.getByTestId("visitor-0");
    await first.getByLabel("Họ và tên").fill("Nguyễn Văn An");
    await first.getByLabel(/^Địa chỉ( \*)?$/).fill("Thôn Na Hối, xã Bắc Hà, tỉnh Lào Cai");
    await first.getByLabel("Số giấy tờ tùy thân").fill("010088012345");
    await visit.getByRole("button", { name: "Thêm người đến" }).click();
    const second = page.getByTestId("visitor-1");
    await second.getByLabel("Họ và tên").fill("Lò Thị Mai");
    await second.getByLabel(/^Địa chỉ( \*)?$/).fill("Thôn Na Hối, xã Bắc Hà, tỉnh Lào Cai");
    await second.getByLabel("Số giấy tờ tùy thân").fill("010175123456");
    // The representation rule is shown live: 5 to 10 people choose 1 or 2 representatives.
    const rule = page.getByTestId("group-rule");
    await rule.getByText("Nhóm 6 người cùng một nội dung: cử từ 1 đến 2 người đại diện để trình bày.").waitFor();
    await rule.getByText(/phải cử người đại diện/).waitFor();
    await first.getByLabel("Là người đại diện của nhóm").check();
    await visit.getByLabel("Có văn bản cử người đại diện").check();
    await rule.getByText("Số người đại diện đúng quy định.").waitFor();
    await visit.getByLabel("Tóm tắt nội dung vụ việc").fill(CONTENT);
    await choose(page, visit, "Phân loại nội dung", "Phản ánh");
    await choose(page, visit, "Lĩnh vực", "Môi trường");
    await visit.getByRole("radio", { name: "Không thuộc thẩm quyền" }).check();
    await shoot(page, "02-tiep-cong-dan-moi");
    await visit.getByRole("button", { name: "Lưu vào sổ" }).click();
    await page.getByRole("heading", { name: /^Lượt tiếp số 1\/\d{4}$/ }).waitFor();
    await page.getByText("Đoàn đông người").first().waitFor();
    await shoot(page, "03-luot-tiep");

    // 2. One click turns the visit into a petition and opens it.
    await page.getByRole("button", { name: "Chuyển thành đơn" }).click();
    await page.waitForURL((url) => /^\/xu-ly-don\/[0-9a-f-]{36}$/.test(url.pathname));
    const petitionUrl = page.url();
    const heading = page.getByRole("heading", { level: 1, name: /^Đơn LC\.SCT-/ });
    await heading.waitFor();
    const code = (await heading.innerText()).replace(/^Đơn /, "");
    assert.match(code, /^LC\.SCT-\d{4}-000001$/);
    assert.match(await page.getByTestId("petition-content").innerText(), /chế biến gỗ Hưng Thịnh/);

    // The register lists the visit; the official register downloads as Excel.
    await page.goto(`${app.url}/tiep-cong-dan`);
    const visitsTable = page.getByTestId("visits-table");
    await visitsTable.getByText("Nguyễn Văn An và 5 người khác").waitFor();
    const [register] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Tải sổ tiếp công dân/ }).click(),
    ]);
    assert.match(register.suggestedFilename(), /\.xlsx$/);
    await shoot(page, "04-so-tiep-cong-dan");
    await logout(page);

    // 3. The petition handler classifies it, with the eligibility checklist of the kind.
    await login(page, "xulydon");
    await page.goto(petitionUrl);
    await page.getByRole("heading", { name: `Đơn ${code}` }).waitFor();
    // Another agency has a similar petition: only where and when, to coordinate.
    await page.getByText(/Có đơn tương tự tại Sở Nông nghiệp và Môi trường/).waitFor();
    await page.getByTestId("petition-due").getByText("Cách tính hạn").waitFor();
    await shoot(page, "05-don-moi");
    await page.getByRole("button", { name: "Phân loại đơn" }).click();
    const classify = page.getByTestId("classify-form");
    // Reception recorded a feedback outside competence: the classification starts from it, nothing is typed twice.
    const kindBox = classify
      .getByRole("textbox", { name: "Loại đơn", exact: true })
      .or(classify.getByRole("combobox", { name: "Loại đơn" }))
      .first();
    assert.equal(await kindBox.inputValue(), "Phản ánh");
    assert.equal(await classify.getByRole("radio", { name: "Không thuộc thẩm quyền" }).isChecked(), true);
    const checklist = page.getByTestId("eligibility-checklist");
    const items = checklist.locator("[data-item]");
    assert.equal(await items.count(), 5, "language, date, writer, signature, content of a feedback");
    await checklist.getByText("Căn cứ: Điều 6 khoản 2 điểm a Thông tư 05/2021/TT-TTCP").first().waitFor();
    for (let i = 0; i < 5; i++) await items.nth(i).getByRole("radio", { name: "Đáp ứng", exact: true }).check();
    await page.getByTestId("eligibility-result").getByText("Đơn đủ điều kiện xử lý.").waitFor();
    await shoot(page, "06-phan-loai");
    await classify.getByRole("button", { name: "Lưu phân loại" }).click();
    await classify.waitFor({ state: "detached" });
    await page.getByText("Đủ điều kiện xử lý", { exact: true }).first().waitFor();

    // 4. Only the allowed outcomes are offered; the others say why not.
    const tasks = page.getByTestId("petition-tasks");
    await tasks.getByRole("button", { name: /Chuyển đơn đến cơ quan có thẩm quyền/ }).waitFor();
    assert.equal(await tasks.getByRole("button", { name: /Đề xuất thụ lý/ }).count(), 0);
    await tasks.getByRole("button", { name: "Vì sao không có các hướng xử lý khác" }).click();
    await page
      .getByTestId("refused-outcomes")
      .getByText("Đề xuất thụ lý chỉ áp dụng khi vụ việc thuộc thẩm quyền của cơ quan.")
      .waitFor();
    await tasks.getByRole("button", { name: /Chuyển đơn đến cơ quan có thẩm quyền/ }).click();
    const outcome = page.getByTestId("outcome-form");
    await outcome.getByText("Mẫu số 06 — Phiếu chuyển đơn", { exact: false }).waitFor();
    await choose(page, outcome, "Cơ quan nhận trong hệ thống (nếu có)", "Sở Nông nghiệp và Môi trường tỉnh Lào Cai");
    assert.equal(
      await outcome.getByLabel("Cơ quan có thẩm quyền").inputValue(),
      "Sở Nông nghiệp và Môi trường tỉnh Lào Cai",
    );
    await shoot(page, "07-chuyen-don");
    await outcome.getByRole("button", { name: "Xác nhận" }).click();

    // 5. The draft slip opens: the signer is filled in, then the slip is issued and downloaded.
    const docForm = page.getByTestId("document-form");
    await docForm.waitFor();
    await docForm.getByLabel("Quyền hạn ký (nếu ký thay, ký thừa lệnh)").fill("KT. GIÁM ĐỐC");
    await docForm.getByLabel("Chức vụ người ký").fill("PHÓ GIÁM ĐỐC");
    await docForm.getByLabel("Họ và tên người ký").fill("Nguyễn Văn Thành");
    await shoot(page, "08-du-thao-phieu");
    await docForm.getByRole("button", { name: "Lưu dự thảo" }).click();
    await docForm.waitFor({ state: "detached" });
    const slip = page.locator('[data-testid="document-row"][data-form="TT05-06"]');
    await slip.getByRole("button", { name: "Ban hành" }).click();
    await page.getByRole("dialog", { name: "Ban hành văn bản" }).getByRole("button", { name: "Ban hành" }).click();
    await page.locator('[data-testid="document-row"][data-form="TT05-06"][data-status="issued"]').waitFor();
    const symbol = (await slip.getByTestId("document-symbol").innerText()).replace(/^Số, ký hiệu:\s*/, "");
    assert.match(symbol, /^1\/\S+/);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      slip.getByRole("button", { name: /Tải tệp Word/ }).click(),
    ]);
    // Named as officers file it: kind, petition code, issue date (never an internal id).
    assert.match(file.suggestedFilename(), /^Phiếu chuyển đơn_[A-Z.]+-\d{4}-\d+_\d{2}-\d{2}-\d{4}\.docx$/);
    const text = docxText(readFileSync((await file.path())!));
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(text, /PHIẾU CHUYỂN ĐƠN/i);
    assert.match(text, /Sở Nông nghiệp và Môi trường/);
    assert.match(text, /Nguyễn Văn Thành/);

    // 6. The slip is dispatched: the petition waits for an answer and lands in the other inbox.
    await tasks.getByRole("button", { name: "Gửi phiếu chuyển đơn" }).click();
    const dispatch = page.getByTestId("step-form");
    assert.equal(await dispatch.getByLabel("Số phiếu chuyển đơn").inputValue(), symbol);
    await dispatch.getByRole("button", { name: "Gửi phiếu chuyển đơn" }).click();
    await page.getByText(/Đơn đã vào hộp đơn chuyển đến của cơ quan nhận/).waitFor();
    await page.getByText("Chờ phản hồi kết quả").first().waitFor();
    await shoot(page, "09-don-da-chuyen");
    await page.goto(`${app.url}/xu-ly-don?tab=awaiting`);
    const awaiting = page.getByTestId("awaiting-table");
    await awaiting.getByRole("link", { name: code, exact: true }).waitFor();
    await shoot(page, "10-cho-phan-hoi");
    // Urging from the waiting list records the urging and opens the draft urging letter (công văn).
    await awaiting.getByRole("button", { name: `Đôn đốc đơn ${code}` }).click();
    const urge = page.getByTestId("urge-form");
    await urge.getByLabel("Số văn bản đôn đốc (nếu có)").fill("25/SCT-TTr");
    await urge.getByRole("button", { name: "Đôn đốc và lập dự thảo" }).click();
    await urge.waitFor({ state: "detached" });
    const letter = page.getByTestId("document-form");
    await letter.waitFor();
    await page.keyboard.press("Escape");
    await letter.waitFor({ state: "detached" });
    await page.goto(`${app.url}/xu-ly-don`);
    await page.getByRole("link", { name: code, exact: true }).first().click();
    await page.getByTestId("petition-timeline").getByText("Đôn đốc giải quyết").waitFor();
    await logout(page);

    // 7. The Department of Agriculture and Environment finds it in its inbox of transferred petitions.
    await login(page, "xulydon.snnmt");
    await page.goto(`${app.url}/xu-ly-don`);
    await page.getByText("Đơn chuyển đến", { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("channel") === "transferred");
    const inbox = page.getByTestId("petitions-table");
    await page.getByText("1 đơn", { exact: true }).waitFor();
    const row = inbox.locator("tr[data-code]");
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /Chuyển đến/);
    await shoot(page, "11-hop-don-chuyen-den");
    await row.getByRole("link").first().click();
    await page.getByRole("heading", { name: /^Đơn LC\.SNNMT-\d{4}-000002$/ }).waitFor();
    await page.getByText(`Sở Công Thương tỉnh Lào Cai, văn bản số ${symbol}`, { exact: false }).waitFor();
    await page.getByText(`Nhận chuyển từ đơn ${code} của Sở Công Thương tỉnh Lào Cai`).first().waitFor();
    assert.match(await page.getByTestId("petition-content").innerText(), /chế biến gỗ Hưng Thịnh/);
    await shoot(page, "12-don-chuyen-den");
    // A slip in a search is read by the words around it, and the list says what it searched for.
    await page.goto(`${app.url}/xu-ly-don?q=${encodeURIComponent("chế biến gỗ Hưng Thnh")}`);
    await page
      .getByTestId("searched-as")
      .getByText("Đang hiện kết quả cho “chế biến gỗ Hưng Thịnh”", { exact: false })
      .waitFor();
    await page.getByTestId("petitions-table").locator('tr[data-code$="-000002"]').waitFor();
    await shoot(page, "12b-tim-kiem-go-nham");

    // 8. A new letter from the same person: the intake form warns before saving, across agencies.
    await page.goto(`${app.url}/xu-ly-don/tiep-nhan`);
    const again = page.getByTestId("petitioner-0");
    await again.getByLabel("Họ và tên").fill("nguyen van an");
    await again.getByLabel("Số giấy tờ tùy thân").fill("010088012345");
    const panel = page.getByTestId("duplicate-panel");
    await panel.getByRole("heading", { name: "Đơn có thể trùng" }).waitFor();
    await panel
      .getByRole("link", { name: /^LC\.SNNMT-\d{4}-00000[12]$/ })
      .first()
      .waitFor();
    await panel.getByText(/Có đơn tương tự tại Sở Công Thương tỉnh Lào Cai/).waitFor();
    assert.doesNotMatch(await panel.innerText(), /LC\.SCT-/, "another agency's petition shows no code");
    await shoot(page, "13-don-co-the-trung");
  } finally {
    await page.context().close();
  }
});

test("lịch tiếp công dân của lãnh đạo: thêm, công bố, xem lịch tháng, thông báo kết luận", async () => {
  const page = await newPage();
  try {
    await login(page, "tiepdan");
    await page.goto(`${app.url}/tiep-cong-dan?tab=schedule`);
    await page.getByRole("button", { name: "Thêm lịch tiếp" }).click();
    const form = page.getByTestId("schedule-form");
    await field(form, "Người chủ trì").fill("Nguyễn Văn Thành");
    await field(form, "Chức vụ").fill("Giám đốc Sở Công Thương");
    const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    const date = field(form, "Ngày tiếp");
    await date.fill(today);
    await date.press("Tab");
    await fillTime(form, "Giờ bắt đầu", "00:05");
    await fillTime(form, "Giờ kết thúc", "23:55");
    await field(form, "Địa điểm").fill("Trụ sở Tiếp công dân tỉnh Lào Cai");
    await form.getByRole("button", { name: "Lưu lịch" }).click();
    await form.waitFor({ state: "detached" });

    const table = page.getByTestId("schedule-table");
    await table.getByText("Nguyễn Văn Thành").waitFor();
    await table.getByText("Dự kiến").waitFor();
    await shoot(page, "20-lich-tiep");
    await table.getByRole("button", { name: new RegExp(today.replace(/\//g, "\\/")) }).click();
    const entry = page.getByRole("dialog");
    await entry.getByRole("button", { name: "Công bố" }).click();
    await entry.getByText("Đã công bố").waitFor();

    // The head's notice of conclusions: drafted from the entry, then signed and issued.
    await entry.getByRole("button", { name: "Lập thông báo kết luận" }).click();
    const conclusion = page.getByTestId("conclusion-form");
    await field(conclusion, "Họ và tên công dân").fill("Nguyễn Văn An");
    await field(conclusion, "Tóm tắt nội dung công dân trình bày").fill(
      "Công dân phản ánh cơ sở chế biến gỗ xả nước thải gây ô nhiễm suối Nậm Khánh.",
    );
    await field(conclusion, "Kết luận của người chủ trì").fill(
      "Giao Thanh tra Sở phối hợp với UBND xã Bắc Hà kiểm tra, báo cáo trước ngày 15 tháng sau.",
    );
    await shoot(page, "21-thong-bao-ket-luan");
    await conclusion.getByRole("button", { name: "Lập thông báo kết luận" }).click();
    const docForm = page.getByTestId("document-form");
    await docForm.waitFor();
    await docForm.getByLabel("Chức vụ người ký").fill("GIÁM ĐỐC");
    await docForm.getByLabel("Họ và tên người ký").fill("Nguyễn Văn Thành");
    await docForm.getByRole("button", { name: "Lưu dự thảo" }).click();
    await docForm.waitFor({ state: "detached" });
    const doc = page.locator('[data-testid="document-row"][data-form="TCD-KL"]');
    await doc.getByRole("button", { name: "Ban hành" }).click();
    await page.getByRole("dialog", { name: "Ban hành văn bản" }).getByRole("button", { name: "Ban hành" }).click();
    await page.locator('[data-testid="document-row"][data-form="TCD-KL"][data-status="issued"]').waitFor();
    await page.keyboard.press("Escape");

    // The month calendar shows the reception on its day; held after the conclusion.
    await page.getByText("Lịch tháng", { exact: true }).click();
    const calendar = page.getByTestId("schedule-calendar");
    await calendar.getByRole("button", { name: /Nguyễn Văn Thành/ }).waitFor();
    await shoot(page, "22-lich-thang");
  } finally {
    await page.context().close();
  }
});

test("từ chối tiếp công dân: lý do theo Điều 9, khoản 3 đòi thông báo từ chối; lượt bị từ chối không thành đơn", async () => {
  const page = await newPage();
  try {
    await login(page, "tiepdan");
    await page.goto(`${app.url}/tiep-cong-dan/tiep-moi`);
    const visit = page.getByTestId("visit-form");
    const person = page.getByTestId("visitor-0");
    await person.getByLabel("Họ và tên").fill("Hoàng Văn Kéo");
    await visit.getByLabel("Ghi luôn hướng xử lý").check();
    await visit.getByRole("radio", { name: "Từ chối tiếp công dân" }).check();
    await visit.getByRole("radio", { name: /cố tình khiếu nại, tố cáo kéo dài/ }).check();
    await visit.getByRole("button", { name: "Lưu vào sổ" }).click();
    // The ground of refusal asks for the earlier matter and the head's written notice, on their fields.
    await page
      .getByRole("alert")
      .filter({ hasText: /Chưa lưu được/ })
      .waitFor();
    await field(visit, "Số Thông báo từ chối tiếp công dân").waitFor();
    assert.match(await visit.innerText(), /Bắt buộc nhập|Nhập số Thông báo từ chối/);
    await field(visit, "Vụ việc đã được giải quyết trước đó (số đơn, số vụ việc)").fill("LC.SCT-2025-000123");
    await field(visit, "Số Thông báo từ chối tiếp công dân").fill("12/TB-SCT");
    const date = field(visit, "Ngày Thông báo từ chối");
    await date.fill("01/10/2026");
    await date.press("Tab");
    await shoot(page, "30-tu-choi-tiep");
    await visit.getByRole("button", { name: "Lưu vào sổ" }).click();
    await page.getByRole("heading", { name: /^Lượt tiếp số \d+\/\d{4}$/ }).waitFor();
    await page.getByText("Từ chối tiếp công dân", { exact: true }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Chuyển thành đơn" }).count(), 0);
  } finally {
    await page.context().close();
  }
});
