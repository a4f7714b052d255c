/**
 * The whole walk of issue 17 in one browser test, against a real server (fresh embedded database
 * with demo data), driving Debian's Chromium through playwright-core on a desktop viewport. Every
 * paper is signed in the system (drafted → submitted → the leader signs it, with its day):
 *
 *  1. The Inspectorate's inspector plans a 2025 item for a company the Department already plans
 *     to check: the overlap warning shows, it is resolved (kept, with the reason), the item saves.
 *  2. The inspector proposes an ad hoc inspection of the same company with its clear sign of
 *     violation; the head drafts the decision, submits it to himself and signs it.
 *  3. The team leader announces the decision with its minutes (TTr-BBCB drafted), records a
 *     violation, drafts a sanction decision (TTr-XP, "Chờ … ký"), a recommendation to recover money.
 *  4. The head's conclusion is refused while the sanction waits (naming it); he signs the
 *     sanction, then the conclusion; the directive drafted with its report-back date waits for
 *     him, and the list's "Chờ lãnh đạo ký" filter shows it.
 *  5. Two partial recoveries on 20/12/2025 and 10/01/2026 leave the outstanding amount in the
 *     follow-up list; the 2026 figures show the recovery from an earlier year's conclusion.
 * The steps between the announcement and the appraisal (each tested through the API and in
 * inspections.e2e) are taken through the API.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { ensureInspectionUsers } from "@minhbach/server/seed/demo-inspections";
import { startTestApp, type TestApp, type TestClient } from "@minhbach/server/testing";
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

const COMPANY = "Công ty cổ phần Khoáng sản Bắc Hà";
// A real tax code: its 10th digit checks (docs/LAW.md §9.4).
const TAX_CODE = "0314409058";
const YEAR = 2025;
const HEAD = "Lê Quang Vinh";
/** A small PDF: the receipt of a recovery. */
const pdf = Buffer.alloc(3000, 0x20);
Buffer.from("%PDF-1.7\n% giay nop tien\n").copy(pdf);
Buffer.from("\n%%EOF\n").copy(pdf, pdf.length - 7);

let app: TestApp;
let browser: Browser;
let long: TestClient;
let ttPlanId = "";

before(async () => {
  ensureWebBuilt();
  app = await startTestApp();
  await ensureInspectionUsers(app.system.database.db);
  browser = await launchBrowser();
  long = await app.login("thanhtra");
  const subject = await long.post("/api/inspection-subjects", {
    kind: "enterprise",
    name: COMPANY,
    taxCode: TAX_CODE,
    address: "Thị trấn Bắc Hà, tỉnh Lào Cai",
  });
  assert.equal(subject.status, 201, JSON.stringify(subject.body));
  // The Department plans a specialised check of the company in 2025.
  const department = await app.login("kiemtra.sct");
  const sctPlan = await department.post("/api/inspection-plans", { year: YEAR });
  assert.equal(sctPlan.status, 201, JSON.stringify(sctPlan.body));
  const sctItem = await department.post(`/api/inspection-plans/${sctPlan.body.id}/items`, {
    planVersion: sctPlan.body.version,
    subjectIds: [subject.body.id],
    activity: "check",
    kind: "planned",
    content: "Kiểm tra an toàn trong khai thác khoáng sản",
    quarter: 2,
  });
  assert.equal(sctItem.status, 201, JSON.stringify(sctItem.body));
  const ttPlan = await long.post("/api/inspection-plans", { year: YEAR });
  assert.equal(ttPlan.status, 201, JSON.stringify(ttPlan.body));
  ttPlanId = ttPlan.body.id;
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const login = (page: Page, username: string) => signIn(page, app.url, username);

async function typeDate(scope: Locator, label: string, date: string) {
  const input = field(scope, label);
  await input.fill(date);
  await input.press("Tab");
}

/** The row of the inspection's paper of this form (the latest one). */
const paperRow = (page: Page, formCode: string) =>
  page.locator(`[data-testid="document-row"][data-form="${formCode}"]`).last();

/** Submits the paper of this form to the head ("Trình ký"). */
async function submitToHead(page: Page, formCode: string) {
  await paperRow(page, formCode).getByRole("button", { name: "Trình ký" }).click();
  const dialog = page.getByRole("dialog", { name: "Trình ký văn bản" });
  await dialog
    .getByRole("textbox", { name: "Người ký" })
    .or(dialog.getByRole("combobox", { name: "Người ký" }))
    .first()
    .click();
  await page.getByRole("option", { name: new RegExp(`^${HEAD}`) }).click();
  await dialog.getByRole("button", { name: "Trình ký" }).click();
  await dialog.waitFor({ state: "hidden" });
  await paperRow(page, formCode).locator("[data-status=submitted]").or(paperRow(page, formCode)).first().waitFor();
}

/** The head signs the submitted paper of this form on `date` ("Ký ban hành"): returns its number. */
async function sign(page: Page, formCode: string, date: string): Promise<string> {
  const row = page.locator(`[data-testid="document-row"][data-form="${formCode}"][data-status="submitted"]`).last();
  await row.getByRole("button", { name: "Ký ban hành" }).click();
  const dialog = page.getByRole("dialog", { name: "Ban hành văn bản" });
  await typeDate(dialog, "Ngày ban hành", date);
  await dialog.getByRole("button", { name: "Ban hành" }).click();
  await dialog.waitFor({ state: "hidden" });
  const issued = page.locator(`[data-testid="document-row"][data-form="${formCode}"][data-status="issued"]`).last();
  return (await issued.getByTestId("document-symbol").innerText()).replace(/^.*:\s*/, "").trim();
}

test("kế hoạch trùng lặp → xử lý → thanh tra đột xuất có căn cứ → kết quả, xử phạt → ký kết luận → thu hồi qua hai năm → theo dõi", async () => {
  const page = await openPage(browser, 1366, 900);
  try {
    // 1. The Inspectorate's plan: the overlap with the Department's check, resolved, saved.
    await login(page, "thanhtra");
    await page.goto(`${app.url}/ke-hoach-thanh-tra/${ttPlanId}`);
    const planForm = page.getByTestId("plan-item-form");
    const picker = planForm.getByLabel(/^Đối tượng thanh tra, kiểm tra/).first();
    await picker.click();
    await picker.fill("bac ha");
    await page.getByRole("option", { name: new RegExp(COMPANY) }).click();
    await field(planForm, "Nội dung").fill("Thanh tra việc chấp hành pháp luật về khoáng sản, đất đai, thuế");
    await choose(page, planForm, "Quý", "Quý 3");
    const warning = planForm.getByTestId("overlap-warning").first();
    await warning.waitFor();
    assert.equal(await warning.getAttribute("data-blocking"), "true");
    assert.match(await warning.innerText(), /Sở Công Thương/);
    await planForm.getByRole("button", { name: "Lưu cuộc vào kế hoạch" }).click();
    await planForm.getByRole("alert").filter({ hasText: COMPANY }).first().waitFor();
    await warning.getByRole("button", { name: "Xử lý trùng lặp" }).click();
    const resolve = page.getByRole("dialog", { name: "Xử lý trùng lặp" });
    await choose(page, resolve, "Cách xử lý", "Giữ nguyên, có lý do");
    await field(resolve, "Lý do").fill("Nội dung thanh tra khác nội dung kiểm tra chuyên ngành; đã thống nhất với Sở.");
    await resolve.getByRole("button", { name: "Lưu" }).click();
    await resolve.waitFor({ state: "hidden" });
    await planForm.locator('[data-testid="overlap-warning"][data-blocking="false"]').first().waitFor();
    await planForm.getByRole("button", { name: "Lưu cuộc vào kế hoạch" }).click();
    await page.getByTestId("plan-items").getByText("Thanh tra việc chấp hành pháp luật về khoáng sản").waitFor();
    await page
      .getByTestId("resolution-log")
      .getByText(/Giữ nguyên, có lý do/)
      .waitFor();
    await shoot(page, "walk-01-ke-hoach");

    // 2. An ad hoc inspection of the company, with its clear sign of violation.
    await page.goto(`${app.url}/thanh-tra`);
    await page.getByRole("button", { name: "Lập dự thảo quyết định" }).click();
    const proposal = page.getByTestId("new-inspection-form");
    await field(proposal, "Năm").fill(String(YEAR));
    await choose(page, proposal, "Căn cứ thanh tra đột xuất", "Phát hiện dấu hiệu vi phạm pháp luật");
    await field(proposal, "Tên cuộc thanh tra").fill("Thanh tra đột xuất việc khai thác khoáng sản tại mỏ Bắc Hà");
    await field(proposal, "Nội dung thanh tra").fill("Thanh tra việc chấp hành pháp luật về khoáng sản, môi trường");
    await field(proposal, "Đối tượng thanh tra").fill("Bắc Hà");
    await page.getByRole("option", { name: COMPANY }).click();
    const overlaps = page.getByTestId("new-inspection-overlaps");
    await overlaps
      .getByText(/Sở Công Thương/)
      .first()
      .waitFor();
    await field(proposal, "Dấu hiệu vi phạm rõ ràng").fill(
      "Nhân dân phản ánh khai thác ngoài ranh giới mỏ, có ảnh chụp hiện trường",
    );
    await proposal.getByRole("button", { name: "Lưu dự thảo" }).click();
    await page.waitForURL(/\/thanh-tra\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").at(-1)!;
    const url = `${app.url}/thanh-tra/${id}`;
    await logout(page);

    // The head drafts the decision, submits it to himself and signs it on 04/08/2025.
    await login(page, "lanhdao.tt");
    await page.goto(url);
    const decision = page.getByTestId("decision-form");
    await choose(page, decision, "Trưởng đoàn", "Hoàng Đức Long");
    await decision.getByRole("checkbox", { name: /không có xung đột lợi ích/ }).check();
    await decision.getByRole("button", { name: "Ghi nhận" }).click();
    await page.getByTestId("inspection-awaiting").getByText("Chờ lãnh đạo ký quyết định thanh tra").waitFor();
    await submitToHead(page, "TTr-QD");
    const decisionNumber = await sign(page, "TTr-QD", "04/08/2025");
    await page
      .getByText(/Đã ban hành quyết định/)
      .first()
      .waitFor();
    assert.match(decisionNumber, /\/QĐ-/);
    const decided = (await long.get(`/api/inspections/${id}`)).body;
    assert.deepEqual([decided.decidedOn, decided.decisionNumber], ["2025-08-04", decisionNumber]);
    await logout(page);

    // 3. The plan of conduct approved (API); the team leader announces with its minutes.
    const head = await app.login("lanhdao.tt");
    const son = await app.login("thanhtra3");
    const stepApi = async (client: TestClient, body: Record<string, unknown>) => {
      const v = (await long.get(`/api/inspections/${id}`)).body.version as number;
      const res = await client.post(`/api/inspections/${id}/steps`, { version: v, ...body });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    };
    await stepApi(head, { action: "approve_plan", date: "2025-08-06" });
    await login(page, "thanhtra");
    await page.goto(url);
    let stepForm = page.getByTestId("inspection-step-form");
    await choose(page, stepForm, "Bước thực hiện", "Công bố quyết định thanh tra");
    await typeDate(stepForm, "Ngày", "11/08/2025");
    await stepForm.getByRole("checkbox", { name: /Lập biên bản công bố/ }).check();
    await field(stepForm, "Địa điểm công bố").fill("Trụ sở Công ty cổ phần Khoáng sản Bắc Hà");
    await field(stepForm, "Họ tên người đại diện đối tượng").fill("Ông Lù Văn Pao");
    await field(stepForm, "Chức vụ người đại diện").fill("Giám đốc Công ty");
    await fillTime(stepForm, "Giờ bắt đầu", "08:00");
    await fillTime(stepForm, "Giờ kết thúc", "09:30");
    await stepForm.getByRole("button", { name: "Ghi nhận" }).click();
    await paperRow(page, "TTr-BBCB").waitFor();
    const minutes = (await long.get(`/api/inspections/${id}`)).body.documents.find(
      (d: { formCode: string }) => d.formCode === "TTr-BBCB",
    );
    const minutesDoc = (await long.get(`/api/documents/${minutes.id}`)).body;
    assert.equal(minutesDoc.fields.heldOn, "2025-08-11");
    assert.equal(minutesDoc.fields.startTime, "08:00");
    assert.equal(minutesDoc.fields.representatives[0].name, "Ông Lù Văn Pao");
    // The minutes are the paper of a recorded step: corrected, never cancelled.
    assert.equal(await paperRow(page, "TTr-BBCB").getByRole("button", { name: /Hủy/ }).count(), 0);

    await stepApi(long, { action: "end_onsite", date: "2025-09-19" });
    await stepApi(long, { action: "report", date: "2025-09-22" });
    await stepApi(head, { action: "assign_draft", date: "2025-09-25" });
    await stepApi(long, { action: "submit_draft", date: "2025-10-06" });
    await stepApi(son, { action: "appraise", date: "2025-10-09" });
    await page.reload();

    const violation = page.getByTestId("violation-form");
    await field(violation, "Nội dung").fill("Khai thác vượt ranh giới mỏ được cấp phép 1,2 ha");
    await field(violation, "Số tiền (đồng)").fill("1250000000");
    await violation.getByRole("button", { name: "Ghi nhận" }).click();
    const findings = page.getByTestId("inspection-findings");
    await findings.getByText(/Khai thác vượt ranh giới mỏ/).waitFor();
    // The sanction decision drafted for signature (the drafted-sanction form).
    const sanction = page.getByTestId("sanction-form");
    await field(sanction, "Hành vi vi phạm hành chính").fill("Khai thác khoáng sản ngoài ranh giới khu vực được phép");
    await field(sanction, "Quy định bị vi phạm (điểm, khoản, điều)").fill("điểm a khoản 5 Điều 43");
    await field(sanction, "Nghị định quy định xử phạt trong lĩnh vực").fill(
      "Nghị định số 36/2020/NĐ-CP quy định về xử phạt vi phạm hành chính trong lĩnh vực tài nguyên nước và khoáng sản",
    );
    await field(sanction, "Số biên bản vi phạm hành chính").fill("07/BB-VPHC");
    await typeDate(sanction, "Ngày lập biên bản vi phạm hành chính", "30/09/2025");
    await field(sanction, "Tên tổ chức, cá nhân bị xử phạt").fill(COMPANY);
    await field(sanction, "Số tiền phạt (đồng)").fill("350000000");
    await sanction.getByRole("button", { name: "Ghi nhận" }).click();
    await findings
      .getByTestId("pending-sanction")
      .getByText(/350\.000\.000|350 triệu/)
      .waitFor();
    const recommendation = page.getByTestId("recommendation-form");
    await field(recommendation, "Nội dung").fill("Thu hồi nộp ngân sách tiền cấp quyền khai thác còn thiếu");
    await field(recommendation, "Số tiền kiến nghị (đồng)").fill("500000000");
    await field(recommendation, "Đơn vị thực hiện").fill(COMPANY);
    await recommendation.getByRole("button", { name: "Ghi nhận" }).click();
    await findings.getByText(/Thu hồi nộp ngân sách tiền cấp quyền/).waitFor();
    await submitToHead(page, "TTr-XP");
    await shoot(page, "walk-02-ket-qua");
    await logout(page);

    // 4. The head: the conclusion is refused while the sanction waits; sanction, then conclusion.
    await login(page, "lanhdao.tt");
    await page.goto(url);
    stepForm = page.getByTestId("inspection-step-form");
    await choose(page, stepForm, "Bước thực hiện", "Ký kết luận thanh tra");
    await stepForm.getByRole("button", { name: "Ghi nhận" }).click();
    const refusal = page.getByTestId("inspection-step-form-error");
    await refusal.waitFor();
    assert.match(await refusal.innerText(), new RegExp(`${COMPANY}.*đang chờ ký`));
    const sanctionNumber = await sign(page, "TTr-XP", "10/10/2025");
    await findings.getByText(new RegExp(sanctionNumber.replace(/[/.]/g, "\\$&"))).waitFor();
    assert.equal(await findings.getByTestId("pending-sanction").count(), 0);

    stepForm = page.getByTestId("inspection-step-form");
    await choose(page, stepForm, "Bước thực hiện", "Ký kết luận thanh tra");
    await stepForm.getByRole("button", { name: "Ghi nhận" }).click();
    await page.getByTestId("inspection-awaiting").getByText("Chờ lãnh đạo ký kết luận thanh tra").waitFor();
    await submitToHead(page, "TTr-KL");
    const conclusionNumber = await sign(page, "TTr-KL", "15/10/2025");
    await page
      .getByText(/Đã ký kết luận/)
      .first()
      .waitFor();
    const signed = (await long.get(`/api/inspections/${id}`)).body;
    assert.deepEqual([signed.signedOn, signed.conclusionNumber], ["2025-10-15", conclusionNumber]);
    assert.equal(signed.sanctions[0].number, sanctionNumber);
    assert.equal(signed.sanctions[0].issuedOn, "2025-10-10");

    await logout(page);

    // 5. The directive drafted with the day to report back by waits for the head, and the list's
    // "Chờ lãnh đạo ký" filter shows it; two partial recoveries across the year boundary, the
    // outstanding amount, and the year's figures (recovered from an earlier year's conclusion).
    await login(page, "thanhtra");
    await page.goto(url);
    stepForm = page.getByTestId("inspection-step-form");
    await choose(page, stepForm, "Bước thực hiện", "Văn bản chỉ đạo thực hiện kết luận thanh tra");
    await typeDate(stepForm, "Hạn báo cáo kết quả thực hiện (ghi trong văn bản chỉ đạo)", "31/03/2026");
    await stepForm.getByRole("button", { name: "Ghi nhận" }).click();
    await page
      .getByTestId("inspection-awaiting")
      .getByText(/Chờ lãnh đạo ký văn bản chỉ đạo/)
      .waitFor();
    const directive = (await long.get(`/api/inspections/${id}`)).body.documents.find(
      (d: { formCode: string }) => d.formCode === "TTr-CD",
    );
    assert.equal((await long.get(`/api/documents/${directive.id}`)).body.fields.reportBy, "2026-03-31");
    // The list filters those waiting for a leader's signature.
    await page.goto(`${app.url}/thanh-tra`);
    await page.getByText("Chờ lãnh đạo ký", { exact: true }).first().click();
    await page.waitForURL(/awaiting=/);
    const waitingRow = page.getByRole("row").filter({ hasText: "Thanh tra đột xuất việc khai thác khoáng sản" });
    await waitingRow.getByText(/Chờ lãnh đạo ký văn bản chỉ đạo/).waitFor();
    // Every row listed waits for a signature.
    for (const badge of await page.getByRole("row").locator(".mantine-Badge-root").allInnerTexts())
      assert.match(badge, /^Chờ/);
    await shoot(page, "walk-03-cho-ky");
    const before2026 = (await long.get("/api/inspection-follow-up/summary?from=2026-01-01&to=2026-12-31")).body;
    const before2025 = (await long.get("/api/inspection-follow-up/summary?from=2025-01-01&to=2025-12-31")).body;
    await page.goto(`${app.url}/thanh-tra/theo-doi?inspectionId=${id}`);
    const table = page.getByTestId("follow-up-table");
    for (const [date, amount] of [
      ["20/12/2025", "120000000"],
      ["10/01/2026", "80000000"],
    ] as const) {
      await table.getByRole("button", { name: "Ghi nhận thu hồi" }).click();
      const form = page.getByTestId("recovery-form");
      await typeDate(form, "Ngày thu hồi", date);
      await field(form, "Số tiền đã thu hồi (đồng)").fill(amount);
      await form.getByRole("button", { name: "Ghi nhận" }).click();
      await form.waitFor({ state: "detached" });
      // Recorded: its evidence (the bank's receipt) is uploaded to it, listed and downloadable.
      const recoveries = page.getByRole("dialog", { name: /Các lần thu hồi và chứng từ/ });
      const latest = recoveries.getByTestId("recovery").filter({ hasText: date });
      const receipt = `giay-nop-tien-${date.replace(/\//g, "-")}.pdf`;
      await latest
        .locator('input[type="file"]')
        .setInputFiles({ name: receipt, mimeType: "application/pdf", buffer: pdf });
      await latest.getByRole("button", { name: "Tải lên" }).click();
      await latest
        .getByRole("button", { name: `Tải xuống tệp ${receipt}` })
        .or(latest.getByRole("link", { name: `Tải xuống tệp ${receipt}` }))
        .first()
        .waitFor();
      await page.keyboard.press("Escape");
      await recoveries.waitFor({ state: "hidden" });
    }
    const evidence = (await long.get(`/api/inspection-follow-up/${signed.recommendations[0].id}`)).body;
    assert.deepEqual(
      evidence.recoveries.map((x: { files: { fileName: string }[] }) => x.files.map((f) => f.fileName)),
      [["giay-nop-tien-20-12-2025.pdf"], ["giay-nop-tien-10-01-2026.pdf"]],
    );
    await table.getByTestId("outstanding").getByText("300 triệu đồng").waitFor();
    const after2026 = (await long.get("/api/inspection-follow-up/summary?from=2026-01-01&to=2026-12-31")).body;
    const after2025 = (await long.get("/api/inspection-follow-up/summary?from=2025-01-01&to=2025-12-31")).body;
    // The 2025 conclusion's recovery of 10/01/2026 counts in 2026 as from an earlier year's.
    assert.equal(after2026.recoveredFromEarlierYears - before2026.recoveredFromEarlierYears, 80_000_000);
    assert.equal(after2026.recoveredFromPeriod, before2026.recoveredFromPeriod);
    assert.equal(after2025.recoveredFromPeriod - before2025.recoveredFromPeriod, 120_000_000);
    const summary = page.getByTestId("follow-up-summary");
    await choose(page, summary, "Năm số liệu", "2026");
    await summary.getByTestId("summary-earlier").getByText(after2026.text.recoveredFromEarlierYears).waitFor();
    await choose(page, summary, "Năm số liệu", "2025");
    await summary.getByTestId("summary-recovered").getByText(after2025.text.recoveredInPeriod).waitFor();
    await shoot(page, "walk-04-theo-doi");
  } finally {
    await page.context().close();
  }
});
