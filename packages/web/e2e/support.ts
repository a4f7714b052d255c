/**
 * What every browser test needs: the built web app, Debian's Chromium through playwright-core
 * (never a downloaded browser), pages in Vietnamese at Vietnam time, signing in and out, labelled
 * fields, Mantine selects, and screenshots at desktop and phone widths (E2E_SCREENSHOTS=/dir).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";

export const PASSWORD = "MinhBach@2026";
export const SHOTS = process.env.E2E_SCREENSHOTS ?? "";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `npm test` builds the web app first; a direct run builds it here if it is missing. */
export function ensureWebBuilt(): void {
  if (!existsSync(path.join(webRoot, "dist/index.html"))) {
    const built = spawnSync("npm", ["run", "build", "-w", "@minhbach/web"], {
      cwd: path.resolve(webRoot, "../.."),
      stdio: "inherit",
    });
    assert.equal(built.status, 0, "vite build failed");
  }
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newPage(browser: Browser, width = 1366, height = 900): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

export async function login(page: Page, baseUrl: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await page.getByRole("heading", { name: "Đăng nhập" }).waitFor();
}

/**
 * Screenshots at desktop and phone widths, when E2E_SCREENSHOTS is set. The viewport is made as
 * tall as the page so the fixed header stays at the top of the picture.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  const size = page.viewportSize()!;
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(400);
    const height = await page.evaluate<number>("document.documentElement.scrollHeight");
    await page.setViewportSize({ width, height: Math.min(Math.max(height, 600), width < 500 ? 1800 : 4000) });
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`) });
  }
  await page.setViewportSize(size);
  await page.waitForTimeout(200);
}

/** The input labelled exactly `label` (a required field's label ends with an asterisk). */
export function field(scope: Page | Locator, label: string) {
  return scope.getByLabel(new RegExp(`^${label.replace(/[()²]/g, "\\$&")}( \\*)?$`));
}

/** Picks an option of a Mantine select by its label. */
export async function choose(page: Page, scope: Page | Locator, label: string, option: string) {
  const box = scope.getByRole("textbox", { name: label, exact: true }).or(scope.getByRole("combobox", { name: label }));
  const wanted = page.getByRole("option", { name: option, exact: true });
  // A form that re-renders while the list opens (an answer arriving, such as the plan item's
  // overlap check) may close it again, also between the option showing and the click: open it once
  // more rather than wait on a hidden option.
  for (let attempt = 1; ; attempt++) {
    await box.first().click();
    try {
      await wanted.waitFor({ state: "visible", timeout: 4_000 });
      await wanted.click({ timeout: 4_000 });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

/** Types a 24-hour time ("08:30") into a TimeField: its hours and minutes fields. */
export async function fillTime(scope: Page | Locator, label: string, time: string) {
  const [hours, minutes] = time.split(":");
  await scope.getByLabel(`${label}: giờ`, { exact: true }).fill(hours!);
  await scope.getByLabel(`${label}: phút`, { exact: true }).fill(minutes!);
}

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * axe-core's serious and critical violations on the page (WCAG 2.1 A and AA rules). axe is
 * injected as a script, so a page under the portal's CSP needs a context with `bypassCSP`.
 */
export async function axeProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  // Evaluated in the page (this file is compiled without the DOM's types).
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

/** A public page on a phone: no serious or critical axe-core violation, no sideways scroll; its screenshot. */
export async function checkPhonePage(page: Page, shot: string): Promise<void> {
  assert.deepEqual(await axeProblems(page), [], `axe on ${shot}`);
  const overflow = await page.evaluate<number>(`document.documentElement.scrollWidth - window.innerWidth`);
  assert.ok(overflow <= 0, `${shot} scrolls sideways by ${overflow}px`);
  await shoot(page, shot);
}
