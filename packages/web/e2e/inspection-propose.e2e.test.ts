/**
 * Browser test: an inspector proposes an ad hoc inspection from the list page, the overlap with
 * the Department's check of the same company shows in the form before saving, the clear sign of
 * violation is written; the head drafts the decision in the page, which then waits for his
 * signature ("Chờ lãnh đạo ký quyết định thanh tra"); signed and issued, the inspection is decided
 * with the register's number.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { ensureInspectionUsers } from "@minhbach/server/seed/demo-inspections";
import { startTestApp, type TestApp } from "@minhbach/server/testing";
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

before(async () => {
  ensureWebBuilt();
  app = await startTestApp();
  await ensureInspectionUsers(app.system.database.db);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const login = (page: Page, username: string) => signIn(page, app.url, username);

test("lập dự thảo cuộc thanh tra đột xuất → cảnh báo trùng lặp trước khi lưu → lãnh đạo ký quyết định trong hệ thống", async () => {
  const db = app.system.database.db;
  const year = Number(new Date().toISOString().slice(0, 4));
  const tt = (await db.selectFrom("agency").select("id").where("code", "=", "LC.TT").executeTakeFirstOrThrow()).id;
  const subject = await db
    .insertInto("inspection_subject")
    .values({
      kind: "enterprise",
      name: "Công ty TNHH Đá ốp lát Văn Bàn",
      registered_by_agency_id: tt,
      search_text: "cong ty tnhh da op lat van ban",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // The Department decided a check of the same company this year (signed on paper).
  const sctInspector = await app.login("kiemtra.sct");
  const sctHead = await app.login("lanhdao");
  const check = await sctInspector.post("/api/inspections", {
    kind: "specialised_check",
    title: "Kiểm tra việc chấp hành quy định về khai thác khoáng sản làm vật liệu xây dựng",
    content: "Kiểm tra điều kiện khai thác, an toàn mỏ",
    year,
    subjectIds: [subject.id],
  });
  assert.equal(check.status, 201, JSON.stringify(check.body));
  const sctId = (
    await db.selectFrom("app_user").select("id").where("username", "=", "kiemtra.sct").executeTakeFirstOrThrow()
  ).id;
  const decided = await sctHead.post(`/api/inspections/${check.body.id}/decision`, {
    version: check.body.version,
    issuedOutside: true,
    date: `${year}-01-05`,
    number: "03/QĐ-SCT",
    leaderId: sctId,
    declarations: [{ userId: sctId, hasConflict: false }],
  });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));

  const page = await openPage(browser);
  try {
    // 1. The inspector proposes; the overlap shows before saving.
    await login(page, "thanhtra");
    await page.goto(`${app.url}/thanh-tra`);
    await page.getByRole("button", { name: "Lập dự thảo quyết định" }).click();
    const form = page.getByTestId("new-inspection-form");
    await choose(page, form, "Căn cứ thanh tra đột xuất", "Phát hiện dấu hiệu vi phạm pháp luật");
    await field(form, "Tên cuộc thanh tra").fill("Thanh tra việc khai thác đá tại mỏ Văn Bàn");
    await field(form, "Nội dung thanh tra").fill("Thanh tra việc chấp hành pháp luật về khoáng sản, môi trường");
    await field(form, "Đối tượng thanh tra").fill("Đá ốp lát");
    await page.getByRole("option", { name: "Công ty TNHH Đá ốp lát Văn Bàn" }).click();
    const overlaps = page.getByTestId("new-inspection-overlaps");
    await overlaps.getByText(/Sở Công Thương/).waitFor();
    await overlaps
      .getByText(/dấu hiệu vi phạm rõ ràng/)
      .first()
      .waitFor();
    await field(form, "Dấu hiệu vi phạm rõ ràng").fill(
      "Khai thác ngoài ranh giới mỏ được cấp phép, có ảnh chụp hiện trường",
    );
    await shoot(page, "inspection-propose-01-trung-lap");
    await form.getByRole("button", { name: "Lưu dự thảo" }).click();
    await page.waitForURL(/\/thanh-tra\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").at(-1)!;
    await page
      .getByText(/Dự thảo quyết định/)
      .first()
      .waitFor();
    await logout(page);

    // 2. The head drafts the decision: the inspection waits for his signature.
    await login(page, "lanhdao.tt");
    await page.goto(`${app.url}/thanh-tra/${id}`);
    const decision = page.getByTestId("decision-form");
    await choose(page, decision, "Trưởng đoàn", "Hoàng Đức Long");
    await decision.getByRole("checkbox", { name: /không có xung đột lợi ích/ }).check();
    await decision.getByRole("button", { name: "Ghi nhận" }).click();
    await page.getByTestId("inspection-awaiting").getByText("Chờ lãnh đạo ký quyết định thanh tra").waitFor();
    await shoot(page, "inspection-propose-02-cho-ky");

    // 3. Submitted to him and signed (the documents' own pages are tested elsewhere).
    const long = await app.login("thanhtra");
    const head = await app.login("lanhdao.tt");
    const detail = (await long.get(`/api/inspections/${id}`)).body;
    const documentId = detail.awaiting.documentId as string;
    const doc = (await long.get(`/api/documents/${documentId}`)).body;
    const headId = (
      await db.selectFrom("app_user").select("id").where("username", "=", "lanhdao.tt").executeTakeFirstOrThrow()
    ).id;
    assert.equal(
      (await long.post(`/api/documents/${documentId}/submit`, { version: doc.version, signerId: headId })).status,
      200,
    );
    const issued = await head.post(`/api/documents/${documentId}/issue`, {});
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    await page.reload();
    await page
      .getByText(/Đã ban hành quyết định/)
      .first()
      .waitFor();
    await page
      .getByText(new RegExp(issued.body.symbol.replace(/[/.]/g, "\\$&")))
      .first()
      .waitFor();
  } finally {
    await page.context().close();
  }
});
