/**
 * The documents of petition follow-up (DD, QD-HUY) and of complaint and denunciation cases
 * (KN-…, TC-…): each builds, renders in the NĐ 30/2020 layout and says what it must; through the
 * API each is drafted, issued and downloaded on each database; the denunciation forms cannot
 * carry the denouncer.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { z } from "zod";
import { issuingAgencyOf, type AgencyFacts } from "../src/modules/documents/letterhead.ts";
import { renderDocument } from "../src/modules/documents/render.ts";
import { composeModel } from "../src/modules/documents/service.ts";
import { receiveMany } from "../src/modules/petitions/intake.ts";
import { SYSTEM_ACTOR } from "../src/platform/audit.ts";
import { findTemplate, formatArea, formatMoney, TEMPLATES } from "../src/modules/documents/templates.ts";
import { startTestApp, testDatabases, type TestApp, type TestClient } from "../src/testing.ts";
import { docxText } from "./support/zip.ts";

// ---------------------------------------------------------------------------------------------
// Samples, as the case module would fill them.

const complainant = { honorific: "Ông", fullName: "Nguyễn Văn An", address: "thôn Nậm Sài, xã Bắc Hà, tỉnh Lào Cai" };
const signer = { position: "GIÁM ĐỐC", name: "Nguyễn Văn Thành" };
const resolverTitle = "Giám đốc Sở Công Thương";
const contested =
  "Quyết định số 45/QĐ-SCT ngày 10/02/2026 của Giám đốc Sở Công Thương về việc xử phạt vi phạm hành chính";
const complaintBase = {
  complainant,
  receivedOn: "2026-03-02",
  letterDate: "2026-02-27",
  subject: contested,
  respondent: "Chi cục trưởng Chi cục Quản lý thị trường",
};
const denounced = "ông Trần Văn Bình, Đội trưởng Đội Quản lý thị trường số 3";
const acceptanceDecision = "Quyết định số 12/QĐ-SCT ngày 05/3/2026 của Giám đốc Sở Công Thương";

const SAMPLES: Record<string, Record<string, unknown>> = {
  DD: {
    targetBody: "Ủy ban nhân dân xã Bắc Hà",
    receivedOn: "2026-01-05",
    petitionKind: "recommendation",
    handledAs: "transfer",
    reference: "Phiếu chuyển đơn số 15/PC-SCT",
    referenceDate: "2026-01-12",
    petitioner: complainant,
    summary: "Kiến nghị xem xét việc cơ sở kinh doanh gây tiếng ồn ảnh hưởng đến các hộ dân",
    reportBy: "2026-03-31",
    urgeCount: 2,
    signer,
  },
  "QD-HUY": {
    petitions: [
      {
        code: "LC.SCT-2025-000012",
        receivedOn: "2025-01-10",
        archiveReason: "Đơn không đủ điều kiện xử lý",
        retentionUntil: "2026-01-20",
      },
      {
        code: "LC.SCT-2025-000031",
        receivedOn: "2025-02-03",
        archiveReason: "Đơn trùng nội dung đã được xử lý",
        retentionUntil: "2026-02-10",
      },
    ],
    decidedBy: "Nguyễn Văn Thành",
    deciderTitle: resolverTitle,
  },
  "KN-TL": {
    ...complaintBase,
    acceptedOn: "2026-03-09",
    dueOn: "2026-04-08",
    inspectorate: "Thanh tra tỉnh Lào Cai",
    signer,
  },
  "KN-KTL": {
    ...complaintBase,
    grounds: ["unsigned", "limitation_expired"],
    explanation: "Đơn gửi ngày 27/02/2026, quá 90 ngày kể từ ngày nhận quyết định",
    signer,
  },
  "KN-GXM": {
    resolverTitle,
    ...complaintBase,
    team: [
      { honorific: "Ông", name: "Lê Văn Hùng", position: "Chánh Thanh tra Sở", role: "leader" },
      { honorific: "Bà", name: "Phạm Thu Hằng", position: "Thanh tra viên", role: "member" },
    ],
    contents: ["trình tự, thủ tục ban hành Quyết định số 45/QĐ-SCT", "căn cứ xác định hành vi vi phạm"],
    durationDays: 15,
    proposedBy: "Chánh Thanh tra Sở",
    signer,
  },
  "KN-BBDT": {
    heldOn: "2026-03-20",
    startTime: "08:30",
    endTime: "10:15",
    place: "Trụ sở Sở Công Thương tỉnh Lào Cai",
    chair: { honorific: "Ông", name: "Nguyễn Văn Thành", position: "Giám đốc Sở Công Thương" },
    recorder: { honorific: "Bà", name: "Phạm Thu Hằng", position: "Thanh tra viên" },
    complainant,
    respondent: { honorific: "Ông", name: "Hoàng Minh Đức", position: "Chi cục trưởng Chi cục Quản lý thị trường" },
    others: [{ honorific: "Bà", name: "Lò Thị Mai", position: "Chủ tịch Ủy ban nhân dân xã Bắc Hà" }],
    subject: contested,
    contents: [
      "Người khiếu nại trình bày: việc xử phạt không đúng đối tượng",
      "Người bị khiếu nại giải trình căn cứ xử phạt",
    ],
    agreed: ["Người bị khiếu nại rà soát lại biên bản vi phạm hành chính"],
    disputed: ["Mức phạt tiền"],
  },
  "KN-TDC": {
    resolverTitle,
    ...complaintBase,
    acceptedOn: "2026-03-09",
    reason: "Cần đợi kết quả giải quyết vụ việc có liên quan của Tòa án nhân dân khu vực 3",
    signer,
  },
  "KN-DC": {
    resolverTitle,
    ...complaintBase,
    ground: "withdrawn",
    withdrawnOn: "2026-03-25",
    signer,
  },
  "KN-QD": {
    resolverTitle,
    ...complaintBase,
    instance: "first",
    claims: "Đề nghị hủy Quyết định số 45/QĐ-SCT và trả lại số tiền đã nộp phạt",
    verification: ["Biên bản vi phạm hành chính lập không đúng thẩm quyền", "Số tiền phạt đã nộp 46.500.000 đồng"],
    dialogue: "Các bên thống nhất rà soát lại hồ sơ xử phạt",
    legalBasis: ["Luật Xử lý vi phạm hành chính năm 2012 (sửa đổi, bổ sung năm 2020)"],
    verdict: "partly_right",
    reasoning: "Việc lập biên bản không đúng thẩm quyền; hành vi vi phạm có xảy ra",
    action: "annul",
    actionDetail: "Giao Chi cục Quản lý thị trường lập lại hồ sơ theo đúng quy định",
    returnToOthersMoneyVnd: 46_500_000,
    returnToOthersWho: "ông Nguyễn Văn An",
    returnToStateLandM2: 1234,
    nextResolver: "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai",
    executors: ["Chi cục trưởng Chi cục Quản lý thị trường", "Chánh Văn phòng Sở"],
    signer,
  },
  "TC-TL": {
    resolverTitle,
    receivedOn: "2026-03-02",
    denounced,
    contents: ["Nhận tiền của hộ kinh doanh khi kiểm tra", "Không lập biên bản vi phạm hành chính"],
    executors: ["Chánh Thanh tra Sở"],
    signer,
  },
  "TC-KTL": {
    receivedOn: "2026-03-02",
    denounced,
    summary: "Tố cáo việc nhận tiền của hộ kinh doanh",
    grounds: ["already_resolved_no_new_facts"],
    signer,
  },
  "TC-GXM": {
    resolverTitle,
    acceptanceDecision,
    receivedOn: "2026-03-02",
    denounced,
    team: [{ honorific: "Ông", name: "Lê Văn Hùng", position: "Chánh Thanh tra Sở", role: "leader" }],
    contents: ["Việc nhận tiền của hộ kinh doanh"],
    durationDays: 20,
    signer,
  },
  "TC-GH": {
    resolverTitle,
    acceptanceDecision,
    acceptedOn: "2026-03-05",
    receivedOn: "2026-03-02",
    denounced,
    extension: 2,
    days: 30,
    criteria: ["b", "a"],
    reason: "Phải xác minh tại 03 xã và làm việc với nhiều hộ kinh doanh",
    until: "2026-06-03",
    signer,
  },
  "TC-TDC": {
    resolverTitle,
    acceptanceDecision,
    receivedOn: "2026-03-02",
    denounced,
    ground: "awaiting_assessment",
    reason: "Chờ kết quả giám định chữ ký trên biên lai",
    signer,
  },
  "TC-DC": {
    resolverTitle,
    acceptanceDecision,
    receivedOn: "2026-03-02",
    denounced,
    ground: "withdrawn",
    withdrawnOn: "2026-03-20",
    signer,
  },
  "TC-KL": {
    resolverTitle,
    acceptanceDecision,
    receivedOn: "2026-03-02",
    denounced,
    findings: [
      { content: "Nhận tiền của hộ kinh doanh", result: "Không có căn cứ", verdict: "wrong" },
      { content: "Không lập biên bản vi phạm", result: "Có xảy ra tại 02 cơ sở", verdict: "right" },
    ],
    verdict: "partly_right",
    returnToStateMoneyVnd: 12_000_000,
    measures: ["Kiểm điểm trách nhiệm đối với người bị tố cáo"],
    recommendations: ["Chi cục Quản lý thị trường chấn chỉnh việc lập biên bản"],
    signer,
  },
};

const NEW_CODES = Object.keys(SAMPLES);
const DENUNCIATION_CODES = NEW_CODES.filter((c) => c.startsWith("TC-"));

/** What each document must say, besides the letterhead. */
const PHRASES: Record<string, (string | RegExp)[]> = {
  DD: [
    "V/v đôn đốc giải quyết đơn",
    "Kính gửi: Ủy ban nhân dân xã Bắc Hà",
    "Phiếu chuyển đơn số 15/PC-SCT",
    "31/3/2026",
    "lần thứ 2",
  ],
  "QD-HUY": [
    "QUYẾT ĐỊNH",
    "Về việc hủy đơn đã hết thời hạn lưu",
    // The head signs under the title of the authority line, not as "THỦ TRƯỞNG CƠ QUAN".
    "- Lưu: VT, hồ sơ.\nGIÁM ĐỐC\nNguyễn Văn Thành",
    "GIÁM ĐỐC SỞ CÔNG THƯƠNG",
    "Điều 28",
    "1. Đơn số LC.SCT-2025-000012, nhận ngày 10/01/2025",
    "hết thời hạn lưu ngày 10/02/2026",
    "- Như Điều 3;",
  ],
  "KN-TL": [
    "THÔNG BÁO",
    "Về việc thụ lý giải quyết khiếu nại",
    "Kính gửi: Ông Nguyễn Văn An",
    "09/3/2026",
    "Điều 27 Luật Khiếu nại",
    "- Thanh tra tỉnh Lào Cai (để biết);",
  ],
  "KN-KTL": [
    "Về việc không thụ lý giải quyết khiếu nại",
    "khoản 5 Điều 11",
    "khoản 6 Điều 11",
    "Đơn khiếu nại không có chữ ký",
  ],
  "KN-GXM": [
    "Về việc giao nhiệm vụ xác minh nội dung khiếu nại",
    "GIÁM ĐỐC SỞ CÔNG THƯƠNG",
    "QUYẾT ĐỊNH:",
    "Điều 1.",
    "Ông Lê Văn Hùng, Chánh Thanh tra Sở - Tổ trưởng",
    "15 ngày",
    "Căn cứ Nghị định số 124/2020/NĐ-CP",
  ],
  "KN-BBDT": [
    "BIÊN BẢN",
    "08 giờ 30 phút",
    "NGƯỜI KHIẾU NẠI",
    "NGƯỜI BỊ KHIẾU NẠI",
    "NGƯỜI CHỦ TRÌ ĐỐI THOẠI",
    "NGƯỜI GHI BIÊN BẢN",
    "Những nội dung đã thống nhất",
    "Những nội dung còn ý kiến khác nhau",
    "Mức phạt tiền",
    "Hoàng Minh Đức",
  ],
  "KN-TDC": ["Về việc tạm đình chỉ việc giải quyết khiếu nại", "Tòa án nhân dân khu vực 3"],
  "KN-DC": [
    "Về việc đình chỉ việc giải quyết khiếu nại",
    "đã rút toàn bộ nội dung khiếu nại",
    "25/3/2026",
    "Điều 10 Luật Khiếu nại",
  ],
  "KN-QD": [
    "Về việc giải quyết khiếu nại của ông Nguyễn Văn An (lần đầu)",
    "I. NỘI DUNG KHIẾU NẠI",
    "KẾT QUẢ XÁC MINH NỘI DUNG KHIẾU NẠI",
    "KẾT QUẢ ĐỐI THOẠI",
    "là khiếu nại đúng một phần",
    "Hủy bỏ Quyết định số 45/QĐ-SCT",
    "Trả lại cho ông Nguyễn Văn An số tiền 46,5 triệu đồng",
    "Thu hồi cho Nhà nước diện tích 1.234 m² đất",
    "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai",
    "khởi kiện vụ án hành chính",
    "Căn cứ Luật Xử lý vi phạm hành chính",
  ],
  "TC-TL": [
    "Về việc thụ lý tố cáo",
    `Thụ lý tố cáo đối với ${denounced} (người bị tố cáo)`,
    "30 ngày",
    "Người tố cáo (thông báo riêng)",
  ],
  "TC-KTL": ["Về việc không thụ lý tố cáo", "Kính gửi: Người tố cáo", "thông báo để người tố cáo biết"],
  "TC-GXM": ["Về việc thành lập Tổ xác minh nội dung tố cáo", "giữ bí mật họ tên, địa chỉ, bút tích", "20 ngày"],
  "TC-GH": [
    "Về việc gia hạn giải quyết tố cáo",
    "lần thứ hai",
    "đặc biệt phức tạp",
    "điểm a, b khoản 1 Điều 3",
    "30 ngày",
    "03/6/2026",
  ],
  "TC-TDC": ["Về việc tạm đình chỉ việc giải quyết tố cáo", "giám định bổ sung, giám định lại"],
  "TC-DC": ["Về việc đình chỉ việc giải quyết tố cáo", "Người tố cáo đã rút toàn bộ nội dung tố cáo"],
  "TC-KL": [
    "KẾT LUẬN",
    "Nội dung tố cáo đối với ông Trần Văn Bình",
    "là tố cáo đúng một phần",
    "Nội dung 2:",
    "Thu hồi cho Nhà nước số tiền 12 triệu đồng",
    "IV. KIẾN NGHỊ",
  ],
};

const province: AgencyFacts = {
  id: randomUUID(),
  name: "UBND tỉnh Lào Cai",
  shortName: "UBND tỉnh",
  kind: "province_committee",
  docAbbreviation: null,
  docPlace: null,
  docParentName: null,
};
const agency = issuingAgencyOf(
  {
    ...province,
    id: randomUUID(),
    name: "Sở Công Thương tỉnh Lào Cai",
    shortName: "Sở Công Thương",
    kind: "department",
  },
  [province],
);

function mustContain(text: string, code: string): void {
  for (const phrase of PHRASES[code] ?? []) {
    if (typeof phrase === "string") assert.ok(text.includes(phrase), `${code}: missing "${phrase}" in:\n${text}`);
    else assert.match(text, phrase, code);
  }
}

describe("case and follow-up documents: build and render", () => {
  test("money and land read the Vietnamese way", () => {
    assert.equal(formatMoney(46_500_000), "46,5 triệu đồng");
    assert.equal(formatMoney(1_234_567_000), "1.234,567 triệu đồng");
    assert.equal(formatMoney(46_512_345), "46.512.345 đồng");
    assert.equal(formatArea(1234), "1.234 m²");
    assert.equal(formatArea(12.5), "12,5 m²");
  });

  test("every new form is in the catalogue, marked [P], with its legal basis", () => {
    for (const code of NEW_CODES) {
      const template = findTemplate(code);
      assert.ok(template, code);
      assert.equal(template.wordingVerified, false, code);
      assert.match(template.basis, /Luật|Thông tư|Nghị định/, code);
    }
    assert.equal(new Set(TEMPLATES.map((t) => t.formCode)).size, TEMPLATES.length, "codes are unique");
  });

  for (const code of NEW_CODES) {
    test(`${code} builds and renders with the letterhead and its key phrases`, async () => {
      const template = findTemplate(code)!;
      const content = template.build(SAMPLES[code], agency);
      const file = await renderDocument(
        composeModel(content, agency, template.series, { number: 7, issuedOn: "2026-03-05" }),
      );
      const text = docxText(file);
      for (const line of [
        "UBND TỈNH LÀO CAI",
        "SỞ CÔNG THƯƠNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
      ]) {
        assert.ok(text.includes(line), `${code}: no "${line}"`);
      }
      assert.match(text, /Lào Cai, ngày 05 tháng 3 năm 2026/, code);
      // A công văn's symbol has no type name: "Số: 7/SCT".
      assert.ok(text.includes(template.series === "CV" ? "Số: 7/SCT" : `Số: 7/${template.series}-SCT`), code);
      if (content.title) assert.ok(text.includes(content.title.toLocaleUpperCase("vi")), code);
      assert.doesNotMatch(text, /undefined|null|\[object|NaN/, code);
      mustContain(text, code);
      if (code === "KN-BBDT") assert.doesNotMatch(text, /Nơi nhận/, "a biên bản has no Nơi nhận");
      else assert.match(text, /Nơi nhận:/, code);
    });
  }

  test("a công văn prints no type name; a decision its articles in order", async () => {
    const dd = findTemplate("DD")!.build(SAMPLES.DD, agency);
    assert.equal(dd.letter, true);
    const ddText = docxText(await renderDocument(composeModel(dd, agency, "CV", { draftYear: 2026 })));
    assert.doesNotMatch(ddText, /CÔNG VĂN/);
    assert.match(ddText, /Số:\s+\/SCT/);
    const qd = docxText(
      await renderDocument(
        composeModel(findTemplate("KN-QD")!.build(SAMPLES["KN-QD"], agency), agency, "QĐ", { draftYear: 2026 }),
      ),
    );
    const order = ["Điều 1.", "Điều 2.", "Điều 3.", "Điều 4."].map((a) => qd.indexOf(a));
    assert.ok(
      order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)),
      order.join(","),
    );
    assert.ok(qd.indexOf("QUYẾT ĐỊNH:") < order[0]!);
  });

  test("a denunciation urging letter names no writer", () => {
    const schema = findTemplate("DD")!.fieldsSchema;
    assert.equal(schema.safeParse({ ...SAMPLES.DD, petitionKind: "denunciation" }).success, false);
    const { petitioner: _p, ...anonymous } = SAMPLES.DD!;
    const content = findTemplate("DD")!.build({ ...anonymous, petitionKind: "denunciation" }, agency);
    const text = JSON.stringify(content);
    assert.doesNotMatch(text, /Nguyễn Văn An/);
    assert.match(text, /giữ bí mật họ tên/);
  });

  test("denunciation forms are strict: no field can carry the denouncer", () => {
    const identityKeys = [
      "denouncer",
      "denouncerName",
      "denouncerAddress",
      "denouncers",
      "petitioner",
      "complainant",
      "person",
      "reporter",
      "nguoiToCao",
    ];
    for (const code of DENUNCIATION_CODES) {
      const schema = findTemplate(code)!.fieldsSchema;
      assert.equal(schema.safeParse(SAMPLES[code]).success, true, `${code} sample`);
      for (const key of identityKeys) {
        const withIdentity = { ...SAMPLES[code], [key]: { fullName: "Phạm Thị Tố", address: "Bắc Hà" } };
        assert.equal(schema.safeParse(withIdentity).success, false, `${code} accepted "${key}"`);
      }
      // Nothing in the field catalogue names a denouncer or a writer (only the denounced person).
      const json = JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
      assert.doesNotMatch(json, /denouncer|petitioner|complainant|fullName|"address"/, code);
    }
  });

  test("the verification team, the extension and the decision refuse what the law does not allow", () => {
    const gh = findTemplate("TC-GH")!.fieldsSchema;
    // A second extension needs an especially complex case: two criteria or more.
    assert.equal(gh.safeParse({ ...SAMPLES["TC-GH"], criteria: ["b"] }).success, false);
    assert.equal(gh.safeParse({ ...SAMPLES["TC-GH"], extension: 1, criteria: ["b"] }).success, true);
    assert.equal(gh.safeParse({ ...SAMPLES["TC-GH"], extension: 3 }).success, false);
    assert.equal(gh.safeParse({ ...SAMPLES["TC-GH"], days: 31 }).success, false);
    const qd = findTemplate("KN-QD")!.fieldsSchema;
    const { dialogue: _d, ...noDialogue } = SAMPLES["KN-QD"]!;
    assert.equal(
      qd.safeParse({ ...noDialogue, instance: "second" }).success,
      false,
      "dialogue is required at second instance",
    );
    assert.equal(qd.safeParse(noDialogue).success, true);
    const gxm = findTemplate("KN-GXM")!.fieldsSchema;
    assert.equal(gxm.safeParse({ ...SAMPLES["KN-GXM"], team: [] }).success, false);
    assert.equal(gxm.safeParse({ ...SAMPLES["KN-GXM"], team: [], assignee: "Chánh Thanh tra Sở" }).success, true);
  });
});

// ---------------------------------------------------------------------------------------------
// Through the API, on each database.

for (const db of testDatabases()) {
  describe(`case and follow-up documents through the API (${db.kind})`, () => {
    let t: TestApp;
    let handler: TestClient;
    let leader: TestClient;
    let leaderId: string;
    let agencyId: string;

    before(async () => {
      t = await startTestApp({ db, listen: false });
      handler = await t.login("xulydon");
      leader = await t.login("lanhdao");
      leaderId = (await leader.get("/api/auth/me")).body.user.id;
      const admin = await t.login("admin");
      const list = await admin.get("/api/agencies");
      agencyId = list.body.items.find((a: { code: string }) => a.code === "LC.SCT").id;
      // A document belongs to a real record of its agency (POST /documents checks it): the
      // forms are rendered here over petitions, one per draft.
      const rows = await receiveMany(
        t.system.database.db,
        SYSTEM_ACTOR,
        agencyId,
        Array.from({ length: 40 }, (_, i) => ({
          channel: "post" as const,
          receivedOn: "2026-03-02",
          petitioners: [{ kind: "person" as const, fullName: "Nguyễn Văn An", address: "xã Bắc Hà" }],
          anonymous: false,
          impersonated: false,
          respondents: [{ name: "UBND xã Bắc Hà" }],
          content: `Khiếu nại quyết định hành chính, thư số ${i + 1}.`,
          language: "vi" as const,
          attachments: [],
        })),
      );
      records = rows.map((r) => r.id);
    });
    after(() => t.close());

    let records: string[] = [];
    const record = () => {
      const id = records.shift();
      assert.ok(id, "no petition left");
      return id;
    };

    async function download(id: string): Promise<string> {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/documents/${id}/file`,
        headers: { cookie: `mb_session=${handler.session}` },
      });
      assert.equal(res.statusCode, 200);
      return docxText(res.rawPayload);
    }

    test("the catalogue lists the new forms with their field schemas", async () => {
      const res = await handler.get("/api/documents/templates");
      assert.equal(res.status, 200);
      const byCode = new Map(res.body.items.map((i: { formCode: string }) => [i.formCode, i]));
      for (const code of NEW_CODES) {
        const item = byCode.get(code) as { wordingVerified: boolean; fieldsSchema: { type: string } } | undefined;
        assert.ok(item, code);
        assert.equal(item.wordingVerified, false);
        assert.equal(item.fieldsSchema.type, "object", code);
      }
    });

    for (const code of NEW_CODES) {
      test(`${code}: draft → issue → download the .docx`, async () => {
        const created = await handler.post("/api/documents", {
          formCode: code,
          entityType: "petition",
          entityId: record(),
          agencyId,
          fields: SAMPLES[code],
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        assert.equal(created.body.status, "draft");
        const draftText = await download(created.body.id);
        assert.match(draftText, /DỰ THẢO/);
        const template = findTemplate(code)!;
        // A decision or conclusion is the head's: the drafter submits it, the leader signs it.
        let issuer = handler;
        if (template.signedByHead) {
          const self = await handler.post(`/api/documents/${created.body.id}/issue`, {});
          assert.equal(self.body.code, "DOCUMENT_NEEDS_SIGNATURE", code);
          const submitted = await handler.post(`/api/documents/${created.body.id}/submit`, {
            version: created.body.version,
            signerId: leaderId,
          });
          assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
          issuer = leader;
        }
        const issued = await issuer.post(`/api/documents/${created.body.id}/issue`, {});
        assert.equal(issued.status, 200, JSON.stringify(issued.body));
        const suffix = template.series === "CV" ? "SCT" : `${template.series}-SCT`;
        assert.match(issued.body.symbol, new RegExp(`^\\d+/${suffix}$`));
        const text = await download(created.body.id);
        assert.ok(text.includes(`Số: ${issued.body.symbol}`), text);
        assert.ok(text.includes("SỞ CÔNG THƯƠNG"));
        mustContain(text, code);
        if (DENUNCIATION_CODES.includes(code)) {
          assert.doesNotMatch(created.body.title, /Phạm Thị Tố|Nguyễn Văn An/);
        }
      });
    }

    test("a denunciation form refuses a denouncer field through the API", async () => {
      for (const code of DENUNCIATION_CODES) {
        const res = await handler.post("/api/documents", {
          formCode: code,
          entityType: "petition",
          entityId: record(),
          agencyId,
          fields: { ...SAMPLES[code], denouncerName: "Phạm Thị Tố" },
        });
        assert.equal(res.status, 400, code);
        assert.equal(res.body.code, "VALIDATION_FAILED");
        assert.match(res.body.message, /denouncerName/);
      }
    });

    test("a minutes document is issued only with its chair named", async () => {
      const { chair: _c, ...noChair } = SAMPLES["KN-BBDT"]!;
      const res = await handler.post("/api/documents", {
        formCode: "KN-BBDT",
        entityType: "petition",
        entityId: record(),
        agencyId,
        fields: noChair,
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.field, "fields.chair");
    });
  });
}
