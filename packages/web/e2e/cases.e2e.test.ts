/**
 * Browser tests of complaint and denunciation resolution against a real server (fresh embedded
 * database with demo data), driving Debian's Chromium through playwright-core.
 *
 * The petitions are received, classified and proposed for acceptance through the API by the
 * petition handler (xulydon) of the Department of Industry and Trade; the browser part is the
 * resolution: the leader (lanhdao) opens the case from the petition page and assigns the resolver
 * (xacminh), who works it step by step. A same-agency resolver who is not assigned sees the
 * denouncer masked and can only ask a leader for access.
 *
 * Set E2E_SCREENSHOTS=/some/dir to keep screenshots (desktop 1366 px, phone 390 px) of each page.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { ELIGIBLE_ANSWERS, todayInVietnam } from "@minhbach/domain";
import {
  choose,
  ensureWebBuilt,
  field,
  PASSWORD,
  launchBrowser,
  login as signIn,
  logout,
  newPage as openPage,
  shoot,
} from "./support.ts";
import { startTestApp, type TestApp, type TestClient } from "@minhbach/server/testing";

const WRITER = { complaint: "Nguyễn Văn An", denunciation: "Hoàng Thị Diệu" } as const;
/** Citizen identity numbers carry the year of birth (digits 4–6): 1988 and 1990. */
const IDENTITY = {
  complaint: { kind: "cccd", number: "010088012345", birthYear: 1988 },
  denunciation: { kind: "cccd", number: "010190054321", birthYear: 1990 },
} as const;
const COMPLAINT =
  "Khiếu nại Quyết định số 12/QĐ-XPHC ngày 05/10/2026 của Chi cục Quản lý thị trường xử phạt cửa hàng tạp hóa của tôi " +
  "tại xã Bắc Hà về hành vi bán hàng không rõ nguồn gốc, trong khi tôi có đủ hóa đơn chứng từ; đề nghị hủy quyết định.";
const DENUNCIATION =
  "Tố cáo ông Trần Văn Cán, kiểm soát viên thị trường, nhiều lần nhận tiền của các cửa hàng tại chợ Bắc Hà để bỏ qua " +
  "hành vi bán hàng giả, hàng không rõ nguồn gốc; có người làm chứng và tin nhắn đòi tiền.";

let app: TestApp;
let browser: Browser;
let handler: TestClient;

before(async () => {
  ensureWebBuilt();
  app = await startTestApp();
  handler = await app.login("xulydon");
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

const newPage = (width?: number, height?: number) => openPage(browser, width, height);
const login = (page: Page, username: string, password?: string) => signIn(page, app.url, username, password);

/** A petition of the Department of Industry and Trade, classified and proposed for acceptance. */
async function proposedPetition(kind: "complaint" | "denunciation"): Promise<{ id: string; code: string }> {
  const today = todayInVietnam();
  const created = await handler.post("/api/petitions", {
    channel: "post",
    receivedOn: today,
    writtenOn: today,
    petitioners: [
      {
        kind: "person",
        fullName: WRITER[kind],
        address: "Thôn Na Hối, xã Bắc Hà, tỉnh Lào Cai",
        identity: IDENTITY[kind],
      },
    ],
    respondents: [
      kind === "complaint"
        ? { name: "Chi cục Quản lý thị trường", address: "Thành phố Lào Cai" }
        : { name: "Ông Trần Văn Cán", address: "Chi cục Quản lý thị trường" },
    ],
    content: kind === "complaint" ? COMPLAINT : DENUNCIATION,
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const petition = (await handler.get(`/api/petitions/${created.body.id}`)).body;
  const classified = await handler.post(`/api/petitions/${petition.id}/classify`, {
    version: petition.version,
    kind,
    competence: "within",
    fieldCode: "CT.QUAN_LY_THI_TRUONG",
    ...(kind === "complaint" ? { complaintAcceptable: true } : {}),
    eligibilityAnswers: ELIGIBLE_ANSWERS,
  });
  assert.equal(classified.status, 200, JSON.stringify(classified.body));
  const proposed = await handler.post(`/api/petitions/${petition.id}/outcome`, {
    version: classified.body.version,
    outcome: "propose_acceptance",
    on: today,
  });
  assert.equal(proposed.status, 200, JSON.stringify(proposed.body));
  return { id: created.body.id, code: created.body.code };
}

/** The leader opens the case from the petition page, assigning Phạm Thu Hằng (xacminh) to lead. */
async function openCaseFromPetition(page: Page, petitionId: string, kind: "complaint" | "denunciation") {
  await page.goto(`${app.url}/xu-ly-don/${petitionId}`);
  const card = page.getByTestId("petition-case");
  await card.getByRole("button", { name: "Mở vụ việc giải quyết" }).click();
  const form = page.getByTestId("open-case-form");
  await form.waitFor();
  if (kind === "complaint") assert.equal(await form.getByRole("radio", { name: "Lần đầu" }).isChecked(), true);
  await choose(page, form, "Người chủ trì giải quyết", "Phạm Thu Hằng");
  await shoot(page, `${kind}-01-mo-vu-viec`);
  await form.getByRole("button", { name: "Mở vụ việc" }).click();
  const base = kind === "complaint" ? "giai-quyet-khieu-nai" : "giai-quyet-to-cao";
  await page.waitForURL((url) => new RegExp(`^/${base}/[0-9a-f-]{36}$`).test(url.pathname));
  const heading = page.getByRole("heading", { level: 1, name: /^Vụ việc / });
  await heading.waitFor();
  return { url: page.url(), code: (await heading.innerText()).replace(/^Vụ việc /, "") };
}

/** Opens the step `label` from the tasks card and returns its form. */
async function startAction(page: Page, label: string): Promise<Locator> {
  await page.getByTestId("case-tasks").getByRole("button", { name: label, exact: true }).click();
  const form = page.getByTestId("case-action-form");
  await form.waitFor();
  return form;
}

async function submitAction(page: Page, form: Locator, label: string): Promise<void> {
  await form.getByRole("button", { name: label, exact: true }).click();
  try {
    await form.waitFor({ state: "detached" });
  } catch (error) {
    // Say what the form shows (a server refusal, a field error) rather than only "timeout".
    const shown = await form.innerText().catch(() => "");
    throw new Error(`"${label}" did not go through:\n${shown}`, { cause: error });
  }
}

async function expectState(page: Page, label: string): Promise<void> {
  await page.getByTestId("case-status").getByText(label, { exact: true }).waitFor();
}

/** A date some days before today (Viet Nam), as the officer types it: dd/mm/yyyy. */
function daysAgo(days: number): string {
  const [y, m, d] = todayInVietnam().split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d - days));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

function documentRow(page: Page, form: string, status?: string) {
  return page.locator(`[data-testid="document-row"][data-form="${form}"]${status ? `[data-status="${status}"]` : ""}`);
}

/** The resolver submits the case's draft of `form` to the leader (the only signer of the demo agency). */
async function submitForSignature(page: Page, form: string) {
  await documentRow(page, form, "draft").first().getByRole("button", { name: "Trình ký" }).click();
  const dialog = page.getByRole("dialog", { name: "Trình ký văn bản" });
  // The agency's only leader is chosen already: his name and position, printed under the signature.
  await dialog.getByText(/Thủ trưởng hoặc cấp phó được giao ký/).waitFor();
  const chosen = await dialog
    .locator("input")
    .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
  assert.ok(chosen.includes("Nguyễn Văn Thành — Giám đốc"), JSON.stringify(chosen));
  await dialog.getByRole("button", { name: "Trình ký" }).click();
  await dialog.waitFor({ state: "detached" });
  await documentRow(page, form, "submitted").first().waitFor();
}

/** The leader, in a session of his own, signs what was submitted to him on the case page. */
async function leaderSigns(url: string, forms: string[]) {
  const leader = await newPage();
  try {
    await login(leader, "lanhdao");
    await leader.goto(url);
    for (const form of forms) {
      const row = documentRow(leader, form, "submitted").first();
      await row.getByRole("button", { name: "Ký ban hành" }).click();
      const dialog = leader.getByRole("dialog", { name: "Ban hành văn bản" });
      await dialog.getByRole("button", { name: "Ban hành" }).click();
      await dialog.waitFor({ state: "detached" });
    }
    for (const form of forms) await documentRow(leader, form, "issued").first().waitFor();
  } finally {
    await leader.context().close();
  }
}

// ---------------------------------------------------------------------------------------------

test("đơn đã đề xuất thụ lý: không có bước thụ lý riêng của đơn; người xử lý đơn được biết lãnh đạo mở vụ việc, lãnh đạo thấy nút mở", async () => {
  const petition = await proposedPetition("complaint");
  for (const [user, canOpen] of [
    ["xulydon", false],
    ["lanhdao", true],
  ] as const) {
    const page = await newPage();
    try {
      await login(page, user);
      await page.goto(`${app.url}/xu-ly-don/${petition.id}`);
      const card = page.getByTestId("petition-case");
      await card.waitFor();
      // Acceptance is the case's opening: a petition step that accepted without a case left the
      // complaint with no holder and no due date.
      assert.equal(await page.getByRole("button", { name: "Thụ lý giải quyết" }).count(), 0, user);
      if (canOpen) await card.getByRole("button", { name: "Mở vụ việc giải quyết" }).waitFor();
      else {
        await card.getByText(`Đơn ${petition.code} đã được đề xuất thụ lý.`, { exact: false }).waitFor();
        assert.equal(await card.getByRole("button").count(), 0);
      }
    } finally {
      await page.context().close();
    }
  }
});

test("trang tổng quan: lãnh đạo thấy số đơn, tiếp công dân và vụ việc, mỗi ô mở đúng danh sách; người mới được giao vụ việc được báo ngay", async () => {
  const petition = await proposedPetition("complaint");
  const leader = await app.login("lanhdao");
  const resolver = await app.login("xacminh2");
  const resolverId = (await resolver.get("/api/auth/me")).body.user.id;
  const opened = await leader.post("/api/cases", { petitionId: petition.id, instance: 1, assignees: [resolverId] });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const overview = (await leader.get("/api/petitions/overview")).body;
  assert.ok(overview.newThisWeek.n > 0);

  const page = await newPage();
  try {
    await login(page, "lanhdao");
    const tile = page.getByTestId("petitions-new");
    await tile.getByText(String(overview.newThisWeek.n), { exact: true }).waitFor();
    await page.getByTestId("reception-overview").waitFor();
    await page.getByTestId("cases-overview").waitFor();
    await tile.getByRole("link", { name: "Xem danh sách" }).click();
    await page.waitForURL((url) => url.pathname === "/xu-ly-don" && url.searchParams.get("to") === overview.today);
    await page.locator("tbody tr").first().waitFor();
    assert.equal(await page.locator("tbody tr").count(), overview.newThisWeek.n);
  } finally {
    await page.context().close();
  }

  // The resolver learns of the case on their home page at once, though it is due after the week.
  const theirs = await newPage();
  try {
    await login(theirs, "xacminh2");
    const reminders = theirs.getByTestId("case-reminders");
    const row = reminders.locator("tr", { hasText: opened.body.code });
    await row.getByText("Mới giao").waitFor();
  } finally {
    await theirs.context().close();
  }
});

test("khiếu nại lần đầu: lãnh đạo mở vụ việc từ đơn, giao người giải quyết; thụ lý → giao xác minh → kết quả xác minh → quyết định giải quyết", async () => {
  const petition = await proposedPetition("complaint");
  const page = await newPage();
  try {
    // 1. The leader opens the case from the petition and assigns the resolver.
    await login(page, "lanhdao");
    const kase = await openCaseFromPetition(page, petition.id, "complaint");
    assert.equal(kase.code, `KN-${petition.code}`);
    await expectState(page, "Chờ thụ lý");
    // The leader assigns but does not act: no step buttons.
    await page.getByTestId("case-tasks").getByText("Bạn chỉ có quyền xem vụ việc này.").waitFor();
    const assignments = page.getByTestId("case-assignments");
    await assignments.getByText("Phạm Thu Hằng").waitFor();
    // A member joins the lead.
    await assignments.getByRole("button", { name: "Thay đổi người giải quyết" }).click();
    const assign = page.getByTestId("assignments-form");
    // The list may close as the form re-renders (choose opens it again); the member is in the field
    // (its pill) before the list is closed and the form saved, or the save changes nothing.
    await choose(page, assign, "Thành viên tham gia", "Đinh Văn Khoa");
    await assign.getByText("Đinh Văn Khoa", { exact: true }).waitFor();
    await page.keyboard.press("Escape");
    await assign.getByRole("button", { name: "Lưu phân công" }).click();
    await assign.waitFor({ state: "detached" });
    await assignments.getByText("Đinh Văn Khoa").waitFor();
    await page.getByTestId("case-timeline").getByText("Giao người giải quyết").waitFor();
    // The petition page now leads to the case.
    await page.getByRole("link", { name: `Đơn ${petition.code}` }).click();
    await page.getByTestId("petition-case").getByRole("link", { name: "Xem vụ việc giải quyết của đơn này" }).click();
    await page.getByRole("heading", { level: 1, name: `Vụ việc ${kase.code}` }).waitFor();
    await logout(page);

    // 2. The resolver finds it among the cases assigned to her.
    await login(page, "xacminh");
    await page
      .getByRole("navigation", { name: "Danh mục chức năng" })
      .getByRole("link", { name: /Giải quyết khiếu nại/ })
      .click();
    await page.getByRole("heading", { name: "Giải quyết khiếu nại", level: 1 }).waitFor();
    await page.getByText("Được giao cho tôi", { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("assignedToMe") === "true");
    const table = page.getByTestId("cases-table");
    const row = table.locator(`tr[data-code="${kase.code}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(WRITER.complaint));
    assert.match(await row.innerText(), /Chờ thụ lý/);
    await shoot(page, "complaint-02-danh-sach");
    await row.getByRole("link", { name: kase.code }).click();
    await page.getByRole("heading", { level: 1, name: `Vụ việc ${kase.code}` }).waitFor();
    // The acceptance clock with its explanation.
    const due = page.getByTestId("case-due");
    await due.getByText(/Thời hạn đang chạy/).waitFor();
    await due.getByText("Cách tính hạn").click();
    await due.getByTestId("deadline-explanation").locator("li").first().waitFor();

    // 3. Acceptance: the Điều 11 checklist, none ticked. The day the complainant learned of the
    //    decision is needed for the limitation period: the server says so beside the field.
    let form = await startAction(page, "Thụ lý");
    await form.getByText("Hệ thống lập dự thảo: Thông báo về việc thụ lý giải quyết khiếu nại.").waitFor();
    await form.getByRole("checkbox", { name: /Đơn khiếu nại không có chữ ký hoặc điểm chỉ/ }).waitFor();
    await form.getByRole("button", { name: "Thụ lý", exact: true }).click();
    const learned = field(form, "Ngày người khiếu nại nhận được hoặc biết được quyết định, hành vi bị khiếu nại");
    await form
      .getByTestId("case-action-error")
      .getByText(/quyết định, hành vi hành chính/)
      .waitFor();
    assert.equal(await learned.getAttribute("aria-invalid"), "true", "the server's error is on the date field");
    await learned.fill(daysAgo(20));
    await learned.press("Tab");
    await shoot(page, "complaint-03-thu-ly");
    await submitAction(page, form, "Thụ lý");
    await expectState(page, "Đã thụ lý");
    await documentRow(page, "KN-TL").waitFor();

    // 4. Verification assigned while the acceptance notice is still a draft: the form says so and
    //    asks why it goes ahead (the reason is kept on the timeline and in the audit trail).
    form = await startAction(page, "Giao xác minh");
    await form
      .getByTestId("papers-pending")
      .getByText(/— Dự thảo$/)
      .waitFor();
    await field(form, "Người được giao xác minh (hoặc tổ trưởng)").fill("Phạm Thu Hằng");
    await field(form, "Lý do ghi nhận khi văn bản trước chưa ban hành").fill(
      "Đã giao xác minh tại cuộc họp ngày hôm nay; thông báo thụ lý đang trình ký.",
    );
    await field(form, "Kế hoạch xác minh").fill("Làm việc với Chi cục Quản lý thị trường, kiểm tra hóa đơn chứng từ.");
    await submitAction(page, form, "Giao xác minh");
    await expectState(page, "Đang xác minh");
    await documentRow(page, "KN-GXM").waitFor();
    await page
      .getByTestId("case-timeline")
      .getByText(/thông báo thụ lý đang trình ký/)
      .waitFor();

    // The two papers go to the leader, who signs them in the system: the numbers come from the register.
    await submitForSignature(page, "KN-TL");
    await submitForSignature(page, "KN-GXM");
    await leaderSigns(kase.url, ["KN-TL", "KN-GXM"]);
    await page.reload();
    await documentRow(page, "KN-GXM", "issued")
      .getByTestId("document-symbol")
      .getByText(/\d+\/QĐ-SCT/)
      .waitFor();
    await page.getByTestId("case-timeline").getByText("Ký ban hành văn bản của bước").first().waitFor();

    form = await startAction(page, "Ghi kết quả xác minh");
    await field(form, "Tóm tắt kết quả xác minh").fill(
      "Cửa hàng có hóa đơn cho phần lớn hàng hóa; một số mặt hàng không có chứng từ hợp lệ.",
    );
    await submitAction(page, form, "Ghi kết quả xác minh");
    await expectState(page, "Đã có kết quả xác minh");

    // 5. The decision, with its figures in million VND and m²; negatives cannot be typed.
    form = await startAction(page, "Ra quyết định giải quyết khiếu nại");
    // No number nor signer to type: the register and the signing leader give them.
    assert.equal(await form.getByRole("textbox", { name: "Số quyết định" }).count(), 0);
    assert.equal(await form.getByTestId("papers-pending").count(), 0);
    await form.getByRole("radio", { name: "Khiếu nại có đúng, có sai" }).check();
    const money = field(form, "Số tiền trả lại cho tổ chức, cá nhân (triệu đồng)");
    await money.pressSequentially("-12,5");
    assert.equal(await money.inputValue(), "12,5", "a negative amount cannot be typed");
    const land = field(form, "Diện tích đất trả lại cho tổ chức, cá nhân (m²)");
    await land.pressSequentially("1200");
    assert.equal(await land.inputValue(), "1.200");
    await shoot(page, "complaint-04-quyet-dinh");
    await submitAction(page, form, "Ra quyết định giải quyết khiếu nại");
    await expectState(page, "Đã có quyết định giải quyết");
    await page.getByTestId("case-status").getByText("Khiếu nại có đúng, có sai").waitFor();
    const timeline = page.getByTestId("case-timeline");
    await timeline.getByText("Số tiền: 12,5 triệu đồng").waitFor();
    await timeline.getByText("Diện tích đất: 1.200 m²").waitFor();

    // The papers signed so far, and the decision's draft waiting for its signature.
    for (const [code, status] of [
      ["KN-TL", "issued"],
      ["KN-GXM", "issued"],
      ["KN-QD", "draft"],
    ] as const) {
      const doc = documentRow(page, code);
      await doc.waitFor();
      assert.equal(await doc.getAttribute("data-status"), status, code);
    }
    await shoot(page, "complaint-05-da-quyet-dinh");
  } finally {
    await page.context().close();
  }
});

test("tố cáo: thụ lý → đặc biệt phức tạp (2 tiêu chí) → gia hạn 2 lần, lần thứ ba bị từ chối → kết luận; người không được giao chỉ thấy thông tin được bảo mật", async () => {
  const petition = await proposedPetition("denunciation");
  const page = await newPage();
  try {
    // 1. The leader opens the case; the denouncer is masked on the petition page.
    await login(page, "lanhdao");
    await page.goto(`${app.url}/xu-ly-don/${petition.id}`);
    await page.getByText("Người tố cáo (thông tin được bảo mật)").first().waitFor();
    assert.doesNotMatch(await page.locator("main").innerText(), new RegExp(WRITER.denunciation));
    const kase = await openCaseFromPetition(page, petition.id, "denunciation");
    assert.equal(kase.code, `TC-${petition.code}`);
    await expectState(page, "Đang xử lý ban đầu");
    await logout(page);

    // 2. The assigned resolver may look at the denouncer; the look is audited.
    await login(page, "xacminh");
    await page.goto(kase.url);
    const identity = page.getByTestId("case-identity");
    await identity.getByText("Mỗi lần xem được ghi nhật ký").waitFor();
    await identity.getByRole("button", { name: "Xem danh tính người tố cáo" }).click();
    await identity.getByTestId("revealed-writers").getByText(WRITER.denunciation).waitFor();
    await identity.getByRole("button", { name: "Ẩn danh tính" }).click();
    await identity.getByTestId("revealed-writers").waitFor({ state: "detached" });

    // 3. Acceptance with the conditions of Điều 29.
    let form = await startAction(page, "Thụ lý");
    for (const name of [
      /thuộc thẩm quyền giải quyết/,
      /Xác định được người tố cáo/,
      /có cơ sở để xác định người vi phạm/,
    ]) {
      await form.getByRole("checkbox", { name }).check();
    }
    await submitAction(page, form, "Thụ lý");
    await expectState(page, "Đã thụ lý");
    await documentRow(page, "TC-TL").waitFor();
    // The acceptance decision is the head's: submitted, signed by the leader.
    await submitForSignature(page, "TC-TL");
    await leaderSigns(kase.url, ["TC-TL"]);
    await page.reload();

    // 4. Two criteria of Điều 3 Nghị định 31/2019/NĐ-CP: especially complex.
    form = await startAction(page, "Xác định mức độ phức tạp");
    await form.getByRole("checkbox", { name: "Có một nội dung nhưng phải xác minh từ 02 địa điểm trở lên" }).check();
    await form.getByRole("checkbox", { name: "Có từ 02 nội dung trở lên phải xác minh" }).check();
    await form.getByTestId("complexity-level").getByText("Mức độ: Đặc biệt phức tạp (2 tiêu chí)").waitFor();
    await shoot(page, "denunciation-02-phuc-tap");
    await submitAction(page, form, "Xác định mức độ phức tạp");
    await page
      .getByTestId("case-complexity")
      .getByText(/Đặc biệt phức tạp/)
      .waitFor();

    // 5. A second tab keeps the case as it is now, before any extension.
    const extend = async (target: Page, reason: string) => {
      const f = await startAction(target, "Gia hạn giải quyết tố cáo");
      assert.equal(await f.getByRole("textbox", { name: "Số quyết định gia hạn" }).count(), 0);
      await field(f, "Lý do gia hạn").fill(reason);
      return f;
    };
    const other = await page.context().newPage();
    other.setDefaultTimeout(15_000);
    await other.goto(kase.url);
    await other.getByTestId("case-extensions").getByText("Đã gia hạn 0/2 lần được phép.").waitFor();

    // 6. First extension, in the first tab.
    form = await extend(page, "Phải xác minh tại nhiều địa điểm, chờ ý kiến của cơ quan chuyên môn.");
    await submitAction(page, form, "Gia hạn giải quyết tố cáo");
    await page.getByTestId("case-extensions").getByText("Đã gia hạn 1/2 lần được phép.").waitFor();
    await documentRow(page, "TC-GH").first().waitFor();
    await submitForSignature(page, "TC-GH");
    await leaderSigns(kase.url, ["TC-GH"]);

    // 7. Second extension from the stale tab: the concurrent change is reported, what was typed is
    //    kept, and after reloading the case the same form goes through.
    const stale = await extend(other, "Chờ kết quả giám định hàng hóa.");
    await stale.getByRole("button", { name: "Gia hạn giải quyết tố cáo", exact: true }).click();
    const conflict = stale.getByTestId("case-conflict");
    await conflict.getByText(/Vụ việc đã được người khác cập nhật/).waitFor();
    await shoot(other, "denunciation-03-xung-dot");
    await conflict.getByRole("button", { name: "Tải lại dữ liệu vụ việc" }).click();
    await conflict.waitFor({ state: "detached" });
    assert.equal(await field(stale, "Lý do gia hạn").inputValue(), "Chờ kết quả giám định hàng hóa.");
    await submitAction(other, stale, "Gia hạn giải quyết tố cáo");
    await other.getByTestId("case-extensions").getByText("Đã gia hạn 2/2 lần được phép.").waitFor();
    await submitForSignature(other, "TC-GH");
    await leaderSigns(kase.url, ["TC-GH"]);
    assert.equal(
      await other.getByTestId("case-tasks").getByRole("button", { name: "Gia hạn giải quyết tố cáo" }).count(),
      0,
      "no third extension is offered",
    );
    await other.close();

    // 8. A third one from the first tab, which still shows one extension: the law refuses it.
    form = await extend(page, "Thêm thời gian.");
    await form.getByRole("button", { name: "Gia hạn giải quyết tố cáo", exact: true }).click();
    await form
      .getByTestId("case-action-error")
      .getByText(/Không thể gia hạn lần thứ ba/)
      .waitFor();
    await shoot(page, "denunciation-04-gia-han-lan-ba");
    await form.getByRole("button", { name: "Hủy" }).click();
    await form.waitFor({ state: "detached" });

    // 9. Verification and conclusion.
    await page.reload();
    form = await startAction(page, "Giao xác minh");
    await form.getByRole("radio", { name: "Tổ xác minh" }).check();
    await field(form, "Người được giao xác minh (hoặc tổ trưởng)").fill("Phạm Thu Hằng");
    await field(form, "Thành viên tổ xác minh").fill("Đinh Văn Khoa");
    await field(form, "Thành viên tổ xác minh").press("Enter");
    await submitAction(page, form, "Giao xác minh");
    await expectState(page, "Đang xác minh");
    await submitForSignature(page, "TC-GXM");
    await leaderSigns(kase.url, ["TC-GXM"]);
    await page.reload();

    form = await startAction(page, "Ghi kết quả xác minh");
    await field(form, "Tóm tắt kết quả xác minh").fill(
      "Có căn cứ xác định ông Trần Văn Cán đã nhận tiền của 03 cửa hàng trong các tháng 7, 8/2026.",
    );
    await submitAction(page, form, "Ghi kết quả xác minh");
    await expectState(page, "Đã có kết quả xác minh");

    form = await startAction(page, "Kết luận nội dung tố cáo");
    await form.getByRole("radio", { name: "Tố cáo đúng" }).check();
    await field(form, "Kết luận về nội dung tố cáo").fill(
      "Nội dung tố cáo ông Trần Văn Cán nhận tiền của các cửa hàng là đúng.",
    );
    await field(form, "Số tiền kiến nghị thu hồi cho Nhà nước (triệu đồng)").pressSequentially("45");
    await submitAction(page, form, "Kết luận nội dung tố cáo");
    await expectState(page, "Đã có kết luận nội dung tố cáo");
    await documentRow(page, "TC-KL").waitFor();
    assert.equal(await documentRow(page, "TC-GH").count(), 2);
    await shoot(page, "denunciation-05-ket-luan");
    await logout(page);

    // 10. A resolver of the same agency who is not assigned: the mask and the request, not the identity.
    const admin = await app.login("admin");
    const sct = ((await admin.get("/api/agencies")).body.items as { id: string; code: string }[]).find(
      (a) => a.code === "LC.SCT",
    )!;
    const created = await admin.post("/api/users", {
      username: "xacminh3",
      fullName: "Lò Văn Sơn",
      agencyId: sct.id,
      roles: ["resolver"],
      password: "KhoiTao@2026",
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const newcomer = await app.login("xacminh3", "KhoiTao@2026");
    const changed = await newcomer.post("/api/auth/change-password", {
      currentPassword: "KhoiTao@2026",
      newPassword: PASSWORD,
    });
    assert.ok(changed.status < 300, JSON.stringify(changed.body));

    await login(page, "xacminh3");
    await page.goto(kase.url);
    await page.getByRole("heading", { level: 1, name: `Vụ việc ${kase.code}` }).waitFor();
    const masked = page.getByTestId("case-identity");
    await masked.getByText("Người tố cáo (thông tin được bảo mật)").waitFor();
    assert.equal(await masked.getByRole("button", { name: "Xem danh tính người tố cáo" }).count(), 0);
    await page
      .getByTestId("case-tasks")
      .getByText("Bạn không được giao giải quyết vụ việc này nên chỉ xem được.")
      .waitFor();
    assert.doesNotMatch(await page.locator("main").innerText(), new RegExp(WRITER.denunciation));
    await masked.getByRole("button", { name: "Đề nghị xem danh tính" }).click();
    const request = page.getByTestId("identity-request-form");
    await field(request, "Lý do cần xem danh tính").fill(
      "Cần liên hệ người tố cáo để bổ sung chứng cứ về tin nhắn đòi tiền.",
    );
    await request.getByRole("button", { name: "Gửi đề nghị" }).click();
    await request.waitFor({ state: "detached" });
    await masked.getByText("Đề nghị của bạn đang chờ lãnh đạo phê duyệt").waitFor();
    await shoot(page, "denunciation-06-nguoi-khong-duoc-giao");
    await logout(page);

    // 11. The leader approves it from the list of requests.
    await login(page, "lanhdao");
    await page.goto(`${app.url}/`);
    await page.getByTestId("cases-pending-requests").getByRole("link", { name: "Xem đề nghị" }).click();
    await page.getByRole("heading", { name: "Đề nghị xem danh tính người tố cáo", level: 1 }).waitFor();
    const requests = page.getByTestId("identity-requests-table");
    await requests.getByText("Lò Văn Sơn").waitFor();
    await requests.getByRole("button", { name: `Phê duyệt đề nghị của Lò Văn Sơn (vụ việc ${kase.code})` }).click();
    const decision = page.getByTestId("identity-decision-form");
    await field(decision, "Ghi chú của lãnh đạo (nếu có)").fill("Chỉ dùng để liên hệ bổ sung chứng cứ.");
    await decision.getByRole("button", { name: "Phê duyệt" }).click();
    await decision.waitFor({ state: "detached" });
    await page.getByText("Không có đề nghị nào chờ phê duyệt.").waitFor();
    await logout(page);

    // 12. Now the newcomer may look, and the look is audited like any other.
    await login(page, "xacminh3");
    await page.goto(kase.url);
    await page.getByTestId("case-identity").getByRole("button", { name: "Xem danh tính người tố cáo" }).click();
    await page.getByTestId("revealed-writers").getByText(WRITER.denunciation).waitFor();
  } finally {
    await page.context().close();
  }
});
