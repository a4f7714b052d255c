/**
 * Browser test of the portal's satisfaction survey on a phone (390 × 844) with JavaScript off: a
 * visitor of the reception chooses the agency, answers by the labels, and is thanked; the pages
 * have no serious or critical axe-core violation and do not scroll sideways.
 */
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, checkPhonePage } from "./support.ts";
import { startTestApp, type TestApp } from "@minhbach/server/testing";

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

const check = (page: Page, name: string) => checkPhonePage(page, `portal-survey-${name}`);

test("a visitor rates the reception on a phone, without JavaScript", async () => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${app.url}/cong-dan/khao-sat`);
  await check(page, "choice");
  await page.getByRole("link", { name: "Sở Công Thương tỉnh Lào Cai" }).click();
  await page.getByRole("heading", { name: "Khảo sát mức độ hài lòng" }).waitFor();
  await check(page, "form");

  // Without JavaScript: a plain form post.
  const noJs = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(page.url());
  await plain.getByRole("button", { name: "Gửi đánh giá" }).click();
  await plain.getByText("Mức độ hài lòng: chọn một mức đánh giá.").first().waitFor();
  await plain.getByLabel("Rất hài lòng").check();
  await plain.getByLabel("Góp ý thêm (không bắt buộc)").fill("Cán bộ tiếp đón chu đáo.");
  await plain.getByRole("button", { name: "Gửi đánh giá" }).click();
  await plain.getByRole("heading", { name: "Cảm ơn bạn đã đánh giá" }).waitFor();
  await noJs.close();
  await context.close();
});
