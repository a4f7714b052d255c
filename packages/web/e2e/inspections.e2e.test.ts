/**
 * Browser test of one inspection against a real server (fresh embedded database with demo data),
 * driving Debian's Chromium through playwright-core: the Inspectorate's head records an ad hoc
 * inspection decided on paper in 2025 (number and date typed) with its clear sign of violation, the team leader records a violation, a sanction
 * and a recommendation, the head signs the conclusion, and two partial recoveries on both sides
 * of 1 January leave the outstanding amount in the follow-up list. The steps between the decision
 * and the appraisal (each tested through the API) are taken through the API here.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { ensureInspectionUsers } from "@minhbach/server/seed/demo-inspections";
import { startTestApp, type TestApp, type TestClient } from "@minhbach/server/testing";
import { docxText } from "../../server/test/support/zip.ts";
import {
  choose,
  ensureWebBuilt,
  field,
  launchBrowser,
  login as signIn,
  logout,
  newPage as openPage,
  shoot,
} from "./support.ts";

let app: TestApp;
let browser: Browser;
let long: TestClient;

before(async () => {
  ensureWebBuilt();
  app = await startTestApp();
  await ensureInspectionUsers(app.system.database.db);
  long = await app.login("thanhtra");
  browser = await launchBrowser();
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

test("quyết định thanh tra đột xuất → kết quả, xử phạt → ký kết luận → thu hồi qua hai năm → danh sách theo dõi", async () => {
  const db = app.system.database.db;
  const tt = (await db.selectFrom("agency").select("id").where("code", "=", "LC.TT").executeTakeFirstOrThrow()).id;
  const subject = await db
    .insertInto("inspection_subject")
    .values({
      kind: "state_body",
      name: "Trường Phổ thông Dân tộc nội trú tỉnh",
      registered_by_agency_id: tt,
      search_text: "truong pho thong dan toc noi tru tinh",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const proposed = await long.post("/api/inspections", {
    kind: "ad_hoc",
    trigger: "violation_sign",
    violationSign: "Phụ huynh phản ánh nhà trường thu sai quy định",
    title: "Thanh tra việc quản lý thu, chi tại Trường Phổ thông Dân tộc nội trú tỉnh",
    content: "Thanh tra việc quản lý, sử dụng các khoản thu, chi năm học 2024-2025",
    year: 2025,
    subjectIds: [subject.id],
  });
  assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
  const id = proposed.body.id as string;

  const page = await openPage(browser);
  try {
    // 1. The head decides, with the team and the declarations.
    await login(page, "lanhdao.tt");
    await page.goto(`${app.url}/thanh-tra/${id}`);
    const decision = page.getByTestId("decision-form");
    // Signed on paper in 2025, before it was recorded here: its number and date are typed.
    await decision.getByRole("checkbox", { name: /ký trên giấy/ }).check();
    await field(decision, "Số văn bản").fill("21/QĐ-TTr");
    await typeDate(decision, "Ngày", "04/08/2025");
    await choose(page, decision, "Trưởng đoàn", "Hoàng Đức Long");
    await decision.getByRole("checkbox", { name: /không có xung đột lợi ích/ }).check();
    await shoot(page, "inspection-01-quyet-dinh");
    await decision.getByRole("button", { name: "Ghi nhận" }).click();
    await page
      .getByText(/Đã ban hành quyết định/)
      .first()
      .waitFor();
    await logout(page);

    // 2. Plan, announcement, on-site work, result report, draft, appraisal (API).
    const head = await app.login("lanhdao.tt");
    const son = await app.login("thanhtra3");
    let v = (await long.get(`/api/inspections/${id}`)).body.version as number;
    for (const [client, body] of [
      [head, { action: "approve_plan", date: "2025-08-06" }],
      [long, { action: "announce", date: "2025-08-11" }],
      [long, { action: "end_onsite", date: "2025-09-19" }],
      [long, { action: "report", date: "2025-09-22" }],
      [head, { action: "assign_draft", date: "2025-09-25" }],
      [long, { action: "submit_draft", date: "2025-10-06" }],
      [son, { action: "appraise", date: "2025-10-09" }],
    ] as const) {
      const res = await client.post(`/api/inspections/${id}/steps`, { version: v, ...body });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      v = res.body.version;
    }

    // 3. The team leader records a violation, a sanction and a recommendation.
    await login(page, "thanhtra");
    await page.goto(`${app.url}/thanh-tra/${id}`);
    const violation = page.getByTestId("violation-form");
    await field(violation, "Nội dung").fill("Thu vượt mức quy định khoản tiền ăn bán trú");
    await field(violation, "Số tiền (đồng)").fill("620000000");
    await violation.getByRole("button", { name: "Ghi nhận" }).click();
    await page
      .getByTestId("inspection-findings")
      .getByText(/Thu vượt mức quy định/)
      .waitFor();
    const sanction = page.getByTestId("sanction-form");
    await sanction.getByRole("checkbox", { name: /ký trên giấy/ }).check();
    await field(sanction, "Số quyết định xử phạt").fill("12/QĐ-XPHC");
    await typeDate(sanction, "Ngày quyết định", "10/10/2025");
    await field(sanction, "Tên tổ chức, cá nhân bị xử phạt").fill("Trường Phổ thông Dân tộc nội trú tỉnh");
    await field(sanction, "Số tiền phạt (đồng)").fill("35000000");
    await sanction.getByRole("button", { name: "Ghi nhận" }).click();
    await page
      .getByTestId("inspection-findings")
      .getByText(/12\/QĐ-XPHC/)
      .waitFor();
    const recommendation = page.getByTestId("recommendation-form");
    await field(recommendation, "Nội dung").fill("Thu hồi nộp ngân sách số tiền thu vượt quy định");
    await field(recommendation, "Số tiền kiến nghị (đồng)").fill("500000000");
    await field(recommendation, "Đơn vị thực hiện").fill("Trường Phổ thông Dân tộc nội trú tỉnh");
    await recommendation.getByRole("button", { name: "Ghi nhận" }).click();
    await page
      .getByTestId("inspection-findings")
      .getByText(/Thu hồi nộp ngân sách/)
      .waitFor();
    await shoot(page, "inspection-02-ket-qua");
    await logout(page);

    // 4. The head signs the conclusion.
    await login(page, "lanhdao.tt");
    await page.goto(`${app.url}/thanh-tra/${id}`);
    const stepForm = page.getByTestId("inspection-step-form");
    await choose(page, stepForm, "Bước thực hiện", "Ký kết luận thanh tra");
    await stepForm.getByRole("checkbox", { name: /ký trên giấy/ }).check();
    await typeDate(stepForm, "Ngày", "15/10/2025");
    await field(stepForm, "Số văn bản").fill("15/KL-TTr");
    await stepForm.getByRole("button", { name: "Ghi nhận" }).click();
    await page
      .getByText(/Đã ký kết luận/)
      .first()
      .waitFor();
    await logout(page);

    // 5. Two partial recoveries, on both sides of 1 January, in the follow-up list.
    await login(page, "thanhtra");
    await page.goto(`${app.url}/thanh-tra/theo-doi`);
    const table = page.getByTestId("follow-up-table");
    for (const [date, amount] of [
      ["20/12/2025", "120000000"],
      ["15/01/2026", "80000000"],
    ] as const) {
      await table.getByRole("button", { name: "Ghi nhận thu hồi" }).click();
      const form = page.getByTestId("recovery-form");
      await typeDate(form, "Ngày thu hồi", date);
      await field(form, "Số tiền đã thu hồi (đồng)").fill(amount);
      await form.getByRole("button", { name: "Ghi nhận" }).click();
      await form.waitFor({ state: "detached" });
      // Recorded: its recoveries open for the evidence files (uploaded in inspection-walk.e2e).
      const recoveries = page.getByRole("dialog", { name: /Các lần thu hồi và chứng từ/ });
      await recoveries.getByTestId("recovery").filter({ hasText: date }).waitFor();
      await page.keyboard.press("Escape");
      await recoveries.waitFor({ state: "hidden" });
    }
    await table.getByTestId("outstanding").getByText("300 triệu đồng").waitFor();
    await shoot(page, "inspection-03-theo-doi");
    const summary = (await long.get("/api/inspection-follow-up/summary?from=2026-01-01&to=2026-12-31")).body;
    assert.equal(summary.recoveredFromEarlierYears, 80_000_000);

    // 6. Narrowed to the Inspectorate (list and year's figures), an urging drafts its letter (.docx).
    const agency = await db.selectFrom("agency").select("name").where("id", "=", tt).executeTakeFirstOrThrow();
    await choose(page, page.getByRole("search", { name: "Lọc kiến nghị" }), "Cơ quan", `${agency.name} (LC.TT)`);
    await page.waitForURL(new RegExp(`agencyId=${tt}`));
    await page.getByTestId("follow-up-summary").getByRole("heading", { name: agency.name }).waitFor();
    await table
      .getByRole("button", { name: /^Đôn đốc:/ })
      .first()
      .click();
    const urging = page.getByTestId("follow-up-action-form");
    await field(urging, "Nội dung đôn đốc").fill("Đề nghị nộp số còn phải thu hồi trước ngày 31/12/2026.");
    await urging.getByRole("button", { name: "Ghi nhận đôn đốc" }).click();
    const [letter] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("urging-drafted").getByRole("button", { name: "Tải văn bản đôn đốc (.docx)" }).click(),
    ]);
    assert.match(letter.suggestedFilename(), /\.docx$/);
    const chunks: Buffer[] = [];
    for await (const chunk of (await letter.createReadStream())!) chunks.push(chunk as Buffer);
    assert.match(docxText(Buffer.concat(chunks)), /đôn đốc/i);
    await shoot(page, "inspection-04-don-doc");
  } finally {
    await page.context().close();
  }
});
