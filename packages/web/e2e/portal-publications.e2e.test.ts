/**
 * Browser test of published results on a phone (390 × 844): the resolver opens "Công khai kết quả"
 * on an issued denunciation conclusion, reads the proposed text with the denouncer masked, tries
 * to publish it with her name typed back (refused), removes it and publishes; a citizen finds the
 * conclusion on the portal by an unaccented search and reads it without the denouncer's data. The
 * portal pages have no serious or critical axe-core violation and do not scroll sideways.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ELIGIBLE_ANSWERS } from "@minhbach/domain";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, login, checkPhonePage } from "./support.ts";
import { startTestApp, type TestApp, type TestClient } from "@minhbach/server/testing";

const DENOUNCER = "Vương Thị Thanh Xuân";

let app: TestApp;
let browser: Browser;

before(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const check = (page: Page, name: string) => checkPhonePage(page, `portal-publications-${name}`);

/** A denunciation concluded and its conclusion signed, through the API; returns the case id. */
async function concludedDenunciation(): Promise<string> {
  const [handler, leader, resolver] = await Promise.all([
    app.login("xulydon"),
    app.login("lanhdao"),
    app.login("xacminh"),
  ]);
  const ok = (r: { status: number; body: unknown }, what: string, status = 200) =>
    assert.equal(r.status, status, `${what}: ${JSON.stringify(r.body)}`);
  const created = await handler.post("/api/petitions", {
    channel: "post",
    receivedOn: "2026-11-02",
    writtenOn: "2026-10-31",
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
    petitioners: [
      {
        kind: "person",
        fullName: DENOUNCER,
        address: "Tổ 5, phường Cam Đường, tỉnh Lào Cai",
        phone: "0912345678",
        identity: { kind: "cccd", number: "010195067890", birthYear: 1995, gender: "female" },
      },
    ],
    respondents: [{ name: "Ông Hà Văn Cường, Đội trưởng Đội Quản lý thị trường số 3" }],
    content: `Tôi tên là ${DENOUNCER}. Tôi tố cáo ông Hà Văn Cường nhận tiền của các hộ kinh doanh tại chợ Cốc Lếu.`,
  });
  ok(created, "petition", 201);
  let p = (await handler.get(`/api/petitions/${created.body.id}`)).body;
  const classified = await handler.post(`/api/petitions/${p.id}/classify`, {
    version: p.version,
    kind: "denunciation",
    competence: "within",
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
    eligibilityAnswers: ELIGIBLE_ANSWERS,
  });
  ok(classified, "classify");
  p = classified.body;
  ok(
    await handler.post(`/api/petitions/${p.id}/outcome`, {
      version: p.version,
      outcome: "propose_acceptance",
      on: "2026-11-05",
    }),
    "outcome",
  );
  const resolverId = (await resolver.get("/api/auth/me")).body.user.id as string;
  const opened = await leader.post("/api/cases", { petitionId: p.id, assignees: [resolverId] });
  ok(opened, "case", 201);
  let detail = opened.body;
  for (const step of [
    {
      action: "accept",
      on: "2026-11-06",
      conditions: { withinCompetence: true, denouncerIdentified: true, basisToVerify: true },
    },
    { action: "assign_verification", on: "2026-11-20", assignee: { kind: "team", name: "Phạm Thu Hằng", members: [] } },
    { action: "record_verification", on: "2026-11-21", summary: "Có căn cứ xác định đã nhận tiền của 05 hộ." },
    {
      action: "conclude",
      date: "2026-11-21",
      outcome: "right",
      findings: `Theo bà ${DENOUNCER}, ông Hà Văn Cường đã nhận tiền của 05 hộ kinh doanh tại chợ Cốc Lếu, tổng số 15 triệu đồng.`,
      measures: "Kiến nghị xử lý kỷ luật; thu hồi 15 triệu đồng.",
      amounts: { moneyToState: 15, disciplineRecommended: 1, disciplineCadres: 1 },
    },
  ]) {
    ok(await resolver.post(`/api/cases/${detail.id}/actions`, { ...step, version: detail.version }), step.action);
    await signAll(resolver, leader, detail.id);
    detail = (await resolver.get(`/api/cases/${detail.id}`)).body;
  }
  return detail.id as string;
}

async function signAll(drafter: TestClient, leader: TestClient, caseId: string) {
  const leaderId = (await leader.get("/api/auth/me")).body.user.id as string;
  const list = await drafter.get(`/api/documents?entityType=case&entityId=${caseId}`);
  for (const paper of list.body.items as { id: string; status: string; version: number }[]) {
    if (paper.status === "draft")
      assert.equal(
        (await drafter.post(`/api/documents/${paper.id}/submit`, { version: paper.version, signerId: leaderId }))
          .status,
        200,
      );
    if (paper.status === "draft" || paper.status === "submitted")
      assert.equal((await leader.post(`/api/documents/${paper.id}/issue`, {})).status, 200);
  }
}

test("a conclusion redacted and published on a phone, then found by a citizen's search", async () => {
  const caseId = await concludedDenunciation();
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
  await login(page, app.url, "xacminh");
  await page.goto(`${app.url}/giai-quyet-to-cao/${caseId}`);
  const row = page.locator('[data-testid="document-row"][data-form="TC-KL"]');
  await row.getByRole("button", { name: /^Công khai kết quả/ }).click();
  const dialog = page.getByRole("dialog", { name: "Công khai kết quả trên cổng" });
  const body = dialog.getByLabel("Nội dung công khai");
  await body.waitFor();
  // The proposal fills the text box once it arrives.
  await page.waitForFunction(
    `Array.from(document.querySelectorAll("textarea")).some((a) => a.value.includes("Hà Văn Cường"))`,
  );
  const proposed = await body.inputValue();
  assert.ok(proposed.includes("[thông tin cá nhân đã được che]"), proposed);
  assert.ok(!proposed.includes("Thanh Xuân"), proposed);

  // Typed back, the denouncer's name is refused, the field named.
  await body.fill(`${proposed}\nNgười tố cáo: ${DENOUNCER}.`);
  await dialog.getByRole("button", { name: "Công khai", exact: true }).click();
  await dialog.getByText(/còn 1 chỗ là thông tin cá nhân/).waitFor();
  await body.fill(proposed);
  await dialog.getByRole("button", { name: "Công khai", exact: true }).click();
  await page.getByText(/Đã công khai trên cổng đến hết ngày/).waitFor();

  // The citizen's side, on the same phone.
  const citizen = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    locale: "vi-VN",
    bypassCSP: true,
  });
  const portal = await citizen.newPage();
  portal.setDefaultTimeout(20_000);
  await portal.goto(`${app.url}/cong-dan/cong-khai`);
  await check(portal, "list");
  await portal.getByLabel("Tìm theo từ khóa").fill("ha van cuong cho coc leu");
  await portal.getByRole("button", { name: "Tìm kiếm" }).click();
  await portal.getByText("Tìm thấy 1 kết quả.").waitFor();
  await check(portal, "search");
  await portal.getByRole("link", { name: /^Kết luận nội dung tố cáo số/ }).click();
  await portal.getByText("Ngày công khai").waitFor();
  const text = await portal.locator("main").innerText();
  assert.ok(text.includes("Hà Văn Cường"), text);
  for (const secret of ["Thanh Xuân", "010195067890", "0912345678", "Tổ 5"]) assert.ok(!text.includes(secret), secret);
  await check(portal, "detail");
  await portal.goto(`${app.url}/cong-dan/hoi-dap`);
  await check(portal, "faq");
  await portal.goto(`${app.url}/cong-dan/du-lieu-mo`);
  await check(portal, "open-data");
  await citizen.close();
  await context.close();
});
