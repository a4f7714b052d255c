/**
 * Browser test of the portal's satisfaction survey on a phone (390 × 844) with JavaScript off: a
 * visitor of the reception chooses the agency, answers by the labels, and is thanked; the pages
 * have no serious or critical axe-core violation and do not scroll sideways.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, shoot } from "./support.ts";
import { startTestApp, type TestApp } from "@minhbach/server/testing";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

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

async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate<{ id: string; impact: string; nodes: number; help: string }[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  })()`);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.nodes}): ${v.help}`);
}

async function check(page: Page, name: string) {
  // axe-core is injected as a script; the page itself runs none.
  assert.deepEqual(await axeProblems(page), [], `axe on ${name}`);
  const overflow = await page.evaluate<number>(`document.documentElement.scrollWidth - window.innerWidth`);
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px`);
  await shoot(page, `portal-survey-${name}`);
}

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
