/**
 * The realistic inputs of the golden documents (documents-golden.test.ts): one complaint of Bà
 * Phạm Thị Hường against a fine of the market surveillance, walked from the petition to the
 * decision, one denunciation against a market controller walked to its conclusion, and the
 * petition-handling slips around them, all issued by the Sở Công Thương tỉnh Tuyên Quang.
 *
 * The fields are those the server fills (cases/documents.ts, petitions/documents.ts) and an officer
 * then edits: summaries written the way officers write them ("Bà Hường khiếu nại …"), the legal
 * bases the case module adds on top of the template's own, amounts in đồng, dates of 2026.
 *
 * Each case has an id (the golden file's name: test/golden/<id>.txt) and a form code; a form has
 * its main case under its own code and may have variants ("KN-QD.lan-hai") for its optional parts.
 */
import { formalCitation, lawOfDate } from "@minhbach/domain";
import type { AgencyFacts } from "../../src/modules/documents/letterhead.ts";
// inspections (issue 17)
import { INSPECTION_GOLDEN_CASES } from "./golden-inspections.ts";

export const GOLDEN_PROVINCE: AgencyFacts = {
  id: "00000000-0000-4000-8000-000000000001",
  name: "UBND tỉnh Tuyên Quang",
  shortName: "UBND tỉnh",
  kind: "province_committee",
  docAbbreviation: null,
  docPlace: null,
  docParentName: null,
};

export const GOLDEN_AGENCY: AgencyFacts = {
  id: "00000000-0000-4000-8000-000000000002",
  name: "Sở Công Thương tỉnh Tuyên Quang",
  shortName: "Sở Công Thương",
  kind: "department",
  docAbbreviation: null,
  docPlace: null,
  docParentName: null,
};

/** The issue every golden document gets: number 15, signed on 16/3/2026. */
export const GOLDEN_ISSUE = { number: 15, issuedOn: "2026-03-16" };

// ---------------------------------------------------------------------------------------------
// The people and papers of the two cases.

const huong = { honorific: "Bà", fullName: "Phạm Thị Hường", address: "tổ 7, phường Minh Xuân, tỉnh Tuyên Quang" };
const huongUnknown = { fullName: "Phạm Thị Hường", address: "tổ 7, phường Minh Xuân, tỉnh Tuyên Quang" };
const director = { position: "GIÁM ĐỐC", name: "Nguyễn Thị Thu Hà" };
const deputy = { authority: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Hoàng Văn Nam" };
/** A deputy whose officer wrote only the position: the authority line must still be printed. */
const deputyBare = { position: "Phó Giám đốc", name: "Hoàng Văn Nam" };
const resolverTitle = "Giám đốc Sở Công Thương";
const respondent = "Đội trưởng Đội Quản lý thị trường số 2";
/** As an officer summarises the letter, and the case module copies it into `subject`. */
const complaintSummary =
  "Bà Hường khiếu nại Quyết định số 125/QĐ-XPHC ngày 10/02/2026 của Đội trưởng Đội Quản lý thị trường số 2 về việc xử phạt vi phạm hành chính đối với hộ kinh doanh Phạm Thị Hường.";
const complaint = {
  complainant: huong,
  receivedOn: "2026-03-02",
  letterDate: "2026-02-26",
  subject: complaintSummary,
  respondent,
  instance: "first",
};
const caseComplaint = { ...complaint, complainant: huongUnknown };
/** What cases/documents.ts adds as the decision's legal bases (LEGAL_BASIS_COMPLAINT). */
const caseLegalBasis = [lawOfDate("LKN"), formalCitation("ND124", { inWords: true })];
const denounced = "ông Lương Văn Toàn, Kiểm soát viên thị trường, Đội Quản lý thị trường số 2";
const acceptanceDecision = "Quyết định số 18/QĐ-SCT ngày 09/3/2026 của Giám đốc Sở Công Thương";
const team = [
  { honorific: "Ông", name: "Đỗ Mạnh Cường", position: "Chánh Thanh tra Sở", role: "leader" },
  { honorific: "Bà", name: "Ma Thị Lan", position: "Thanh tra viên chính", role: "deputy" },
  { honorific: "Ông", name: "Nông Văn Khải", position: "Thanh tra viên", role: "member" },
];

export interface GoldenCase {
  id: string;
  formCode: string;
  fields: Record<string, unknown>;
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  // ---- Thông tư 05/2021/TT-TTCP, Mẫu 01–07 ---------------------------------------------------
  {
    id: "TT05-01",
    formCode: "TT05-01",
    fields: {
      to: "Giám đốc Sở Công Thương",
      receivedOn: "2026-03-02",
      letterDate: "2026-02-26",
      petitionKind: "complaint",
      petitioner: huong,
      summary: complaintSummary,
      attachments: "Bản sao Quyết định số 125/QĐ-XPHC; 03 hóa đơn giá trị gia tăng",
      signer: { position: "Chuyên viên", name: "Trần Thị Mai" },
    },
  },
  {
    id: "TT05-01.to-cao",
    formCode: "TT05-01",
    fields: {
      to: "Giám đốc Sở Công Thương",
      receivedOn: "2026-03-03",
      petitionKind: "denunciation",
      summary: `Tố cáo ${denounced} nhận 5.000.000 đồng của hộ kinh doanh khi kiểm tra.`,
    },
  },
  {
    id: "TT05-02",
    formCode: "TT05-02",
    fields: {
      complainant: huong,
      receivedOn: "2026-03-02",
      letterDate: "2026-02-26",
      subject: complaintSummary,
      reasons: [
        "Đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại.",
        "Thời hiệu khiếu nại đã hết mà không có lý do chính đáng (khoản 6 Điều 11 Luật Khiếu nại năm 2011).",
      ],
      signer: deputy,
    },
  },
  {
    id: "TT05-03",
    formCode: "TT05-03",
    fields: {
      person: { honorific: "Ông", fullName: "Nguyễn Văn Tâm", address: "thôn Đồng Bèn, xã Yên Sơn, tỉnh Tuyên Quang" },
      receivedOn: "2026-03-04",
      summary:
        "Ông Tâm khiếu nại việc Ủy ban nhân dân xã Yên Sơn cấp giấy chứng nhận quyền sử dụng đất cho hộ liền kề.",
      competentBody: "Chủ tịch Ủy ban nhân dân xã Yên Sơn",
      signer: deputyBare,
    },
  },
  {
    id: "TT05-04",
    formCode: "TT05-04",
    fields: {
      forwardingBody: "Ủy ban nhân dân xã Yên Sơn",
      forwardingReference: "Phiếu chuyển đơn số 07/PC-UBND ngày 27/02/2026",
      receivedOn: "2026-03-04",
      petitioner: { honorific: "Ông", fullName: "Nguyễn Văn Tâm", address: "thôn Đồng Bèn, xã Yên Sơn" },
      summary: "Kiến nghị giải quyết tranh chấp ranh giới đất với hộ liền kề",
      reason: "Tranh chấp đất đai do Ủy ban nhân dân cấp xã hòa giải và Tòa án giải quyết.",
      signer: director,
    },
  },
  {
    id: "TT05-05",
    formCode: "TT05-05",
    fields: {
      competentBody: "Chủ tịch Ủy ban nhân dân xã Yên Sơn",
      receivedOn: "2026-03-05",
      letterDate: "2026-03-01",
      denounced: "ông Hà Văn Lực, công chức địa chính - xây dựng xã Yên Sơn",
      summary: "Tố cáo ông Hà Văn Lực nhận tiền của người dân khi đo đạc đất.",
      signer: deputy,
    },
  },
  {
    id: "TT05-06",
    formCode: "TT05-06",
    fields: {
      competentBody: "Công ty Điện lực Tuyên Quang",
      receivedOn: "2026-03-05",
      petitionKind: "feedback",
      petitioner: { honorific: "Bà", fullName: "Lý Thị Dung", address: "thôn Khuôn Khán, xã Tân Trào" },
      summary: "Phản ánh hóa đơn tiền điện tháng 01/2026 là 2.345.000 đồng, tăng bất thường.",
      attachments: "Hóa đơn tiền điện tháng 12/2025 và tháng 01/2026",
      signer: director,
    },
  },
  {
    id: "TT05-07",
    formCode: "TT05-07",
    fields: {
      person: { honorific: "Ông", fullName: "Triệu Văn Sình", address: "thôn Nà Héc, xã Minh Quang" },
      receivedOn: "2026-03-06",
      items: [
        {
          content: "khiếu nại Quyết định thu hồi đất số 412/QĐ-UBND;",
          competentBody: "Chủ tịch Ủy ban nhân dân xã Minh Quang",
        },
        { content: "phản ánh giá điện sinh hoạt tăng.", competentBody: "Công ty Điện lực Tuyên Quang" },
      ],
      signer: deputy,
    },
  },
  {
    // As the petition module fills it: one line per body, the officer writes each content in.
    id: "TT05-07.tu-don",
    formCode: "TT05-07",
    fields: {
      person: { fullName: "Triệu Văn Sình", address: "thôn Nà Héc, xã Minh Quang" },
      receivedOn: "2026-03-06",
      items: [
        { content: "Nội dung 1 của đơn", competentBody: "Chủ tịch Ủy ban nhân dân xã Minh Quang" },
        { content: "Nội dung 2 của đơn", competentBody: "Công ty Điện lực Tuyên Quang" },
      ],
    },
  },
  // ---- Other notices --------------------------------------------------------------------------
  {
    id: "TCD-KL",
    formCode: "TCD-KL",
    fields: {
      chairedBy: { name: "Nguyễn Thị Thu Hà", position: "Giám đốc Sở Công Thương" },
      receptionDate: "2026-03-10",
      receptionKind: "periodic",
      place: "Trụ sở tiếp công dân tỉnh Tuyên Quang",
      participants: ["Chánh Thanh tra Sở", "Chi cục trưởng Chi cục Quản lý thị trường"],
      citizens: [huong],
      summary: complaintSummary,
      conclusions: [
        "Đơn của bà Hường thuộc thẩm quyền giải quyết của Giám đốc Sở Công Thương.",
        "Hộ kinh doanh đã nộp phạt 15.000.000 đồng; việc hoàn trả được xem xét khi giải quyết khiếu nại.",
      ],
      assignments: [
        { unit: "Thanh tra Sở", task: "tham mưu thụ lý, giải quyết khiếu nại theo quy định.", dueOn: "2026-03-20" },
      ],
      signer: { authority: "TL. GIÁM ĐỐC", position: "CHÁNH VĂN PHÒNG", name: "Bùi Thị Hạnh" },
    },
  },
  {
    id: "TB",
    formCode: "TB",
    fields: {
      subject: "Về việc lịch tiếp công dân định kỳ tháng 4 năm 2026",
      to: ["Các phòng, đơn vị thuộc Sở", "Chi cục Quản lý thị trường"],
      paragraphs: [
        "Giám đốc Sở Công Thương tiếp công dân định kỳ vào ngày 10/4/2026 tại Trụ sở tiếp công dân tỉnh Tuyên Quang.",
        "Đề nghị các đơn vị chuẩn bị hồ sơ các vụ việc có liên quan.",
      ],
      signer: { authority: "TL. GIÁM ĐỐC", position: "CHÁNH VĂN PHÒNG", name: "Bùi Thị Hạnh" },
    },
  },
  // ---- Follow-up of handled petitions --------------------------------------------------------
  {
    id: "DD",
    formCode: "DD",
    fields: {
      targetBody: "Công ty Điện lực Tuyên Quang",
      receivedOn: "2026-01-05",
      letterDate: "2026-01-02",
      petitionKind: "feedback",
      handledAs: "transfer",
      reference: "Phiếu chuyển đơn số 15/PC-SCT",
      referenceDate: "2026-01-12",
      petitioner: { honorific: "Bà", fullName: "Lý Thị Dung", address: "thôn Khuôn Khán, xã Tân Trào" },
      summary: "Phản ánh hóa đơn tiền điện tháng 12/2025 là 2.345.000 đồng, tăng bất thường.",
      reportBy: "2026-03-31",
      urgeCount: 2,
      signer: deputy,
    },
  },
  {
    id: "DD.to-cao",
    formCode: "DD",
    fields: {
      targetBody: "Chủ tịch Ủy ban nhân dân xã Yên Sơn",
      receivedOn: "2026-01-05",
      petitionKind: "denunciation",
      handledAs: "transfer",
      summary: "Tố cáo công chức địa chính xã nhận tiền khi đo đạc đất.",
      reportBy: "2026-03-31",
    },
  },
  {
    id: "QD-HUY",
    formCode: "QD-HUY",
    fields: {
      petitions: [
        {
          code: "TQ.SCT-2025-000012",
          receivedOn: "2025-01-10",
          archiveReason: "Đơn không đủ điều kiện xử lý.",
          retentionUntil: "2026-01-20",
        },
        {
          code: "TQ.SCT-2025-000031",
          receivedOn: "2025-02-03",
          archiveReason: "Đơn trùng nội dung đã được xử lý",
          retentionUntil: "2026-02-10",
        },
      ],
      decidedBy: "Nguyễn Thị Thu Hà",
      deciderTitle: resolverTitle,
      executingUnit: "Văn phòng Sở",
    },
  },
  // ---- Complaint of Bà Hường, as the case module fills the fields -----------------------------
  {
    id: "KN-TL",
    formCode: "KN-TL",
    fields: {
      ...caseComplaint,
      acceptedOn: "2026-03-09",
      dueOn: "2026-04-08",
      forwardedBy: "Ủy ban nhân dân phường Minh Xuân",
      inspectorate: "Thanh tra tỉnh Tuyên Quang",
      signer: deputy,
    },
  },
  {
    id: "KN-KTL",
    formCode: "KN-KTL",
    fields: {
      ...caseComplaint,
      grounds: ["limitation_expired", "unsigned"],
      explanation: "Đơn đề ngày 26/02/2026, quá 90 ngày kể từ ngày bà nhận được quyết định xử phạt.",
      signer: director,
    },
  },
  {
    id: "KN-GXM",
    formCode: "KN-GXM",
    fields: {
      resolverTitle,
      ...caseComplaint,
      team,
      contents: [
        "Trình tự, thủ tục ban hành Quyết định số 125/QĐ-XPHC;",
        "căn cứ xác định hành vi kinh doanh hàng hóa không rõ nguồn gốc.",
      ],
      durationDays: 15,
      proposedBy: "Chánh Thanh tra Sở",
      signer: director,
    },
  },
  {
    id: "KN-GXM.ca-nhan",
    formCode: "KN-GXM",
    fields: {
      resolverTitle,
      ...caseComplaint,
      respondent: undefined,
      letterDate: undefined,
      assignee: "Chánh Thanh tra Sở",
      contents: ["Hồ sơ xử phạt và hóa đơn, chứng từ của hàng hóa bị tạm giữ."],
      durationDays: 20,
    },
  },
  {
    id: "KN-BBDT",
    formCode: "KN-BBDT",
    fields: {
      heldOn: "2026-03-20",
      startTime: "08:30",
      endTime: "10:15",
      place: "Trụ sở Sở Công Thương tỉnh Tuyên Quang",
      chair: { honorific: "Ông", name: "Đỗ Mạnh Cường", position: "Chánh Thanh tra Sở" },
      recorder: { honorific: "Bà", name: "Ma Thị Lan", position: "Thanh tra viên chính" },
      complainant: huong,
      respondent: { honorific: "Ông", name: "Hà Quang Minh", position: respondent },
      others: [{ honorific: "Ông", name: "Lương Văn Toàn", position: "Kiểm soát viên thị trường" }],
      subject: complaintSummary,
      contents: [
        "Bà Hường trình bày: hàng hóa có đủ hóa đơn nhưng đoàn kiểm tra không xem xét.",
        "Ông Minh giải trình căn cứ xử phạt 15.000.000 đồng.",
      ],
      agreed: ["Hoàn trả số tiền phạt đã nộp là 15.000.000 đồng."],
      disputed: ["Việc tạm giữ hàng hóa trong 30 ngày."],
    },
  },
  {
    id: "KN-TDC",
    formCode: "KN-TDC",
    fields: {
      resolverTitle,
      ...caseComplaint,
      acceptedOn: "2026-03-09",
      reason: "Cần đợi kết quả giám định hàng hóa bị tạm giữ của Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng.",
      from: "2026-03-23",
      signer: deputy,
    },
  },
  {
    id: "KN-DC",
    formCode: "KN-DC",
    fields: {
      resolverTitle,
      ...caseComplaint,
      acceptedOn: "2026-03-09",
      ground: "withdrawn",
      withdrawnOn: "2026-03-25",
      signer: deputy,
    },
  },
  {
    id: "KN-QD",
    formCode: "KN-QD",
    fields: {
      resolverTitle,
      ...caseComplaint,
      claims:
        "Tôi khiếu nại Quyết định xử phạt vi phạm hành chính số 125/QĐ-XPHC ngày 10/02/2026 xử phạt tôi 15.000.000 đồng. Đề nghị hủy quyết định xử phạt và trả lại hàng hóa bị tạm giữ.",
      verification: ["Hộ kinh doanh xuất trình đủ hóa đơn, chứng từ hợp lệ của 120 thùng hàng bị tạm giữ."],
      // As the case module wrote it before the dialogue points were joined as clauses ("đồng.;"):
      // the kit's punctuation makes it read right however it was typed.
      dialogue:
        "Ngày 20/3/2026: các bên thống nhất: Hoàn trả số tiền phạt đã nộp là 15.000.000 đồng.; còn ý kiến khác nhau: Việc tạm giữ hàng hóa trong 30 ngày.",
      legalBasis: [
        "Căn cứ Quyết định số 25/2025/QĐ-UBND ngày 30/6/2025 của Ủy ban nhân dân tỉnh Tuyên Quang quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Công Thương",
        ...caseLegalBasis,
        "Nghị định số 98/2020/NĐ-CP ngày 26/8/2020 của Chính phủ quy định xử phạt vi phạm hành chính trong hoạt động thương mại, sản xuất, buôn bán hàng giả, hàng cấm và bảo vệ quyền lợi người tiêu dùng",
        "Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012",
      ],
      verdict: "partly_right",
      reasoning:
        "Khiếu nại đúng một phần: hàng hóa có nguồn gốc hợp pháp; việc tạm giữ hàng hóa đúng thẩm quyền và thời hạn.",
      action: "amend",
      actionDetail: "Các nội dung được sửa đổi, bổ sung theo kết luận nêu tại Quyết định này.",
      returnToOthersMoneyVnd: 15_000_000,
      returnToOthersWho: "bà Phạm Thị Hường",
      nextResolver: "Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang",
      executors: [respondent],
      signer: deputy,
    },
  },
  {
    id: "KN-QD.lan-hai",
    formCode: "KN-QD",
    fields: {
      resolverTitle: "Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang",
      ...caseComplaint,
      respondent: undefined,
      instance: "second",
      claims: "Đề nghị hủy Quyết định giải quyết khiếu nại lần đầu và trả lại hàng hóa bị tạm giữ.",
      firstDecision: "Quyết định số 31/QĐ-SCT ngày 03/4/2026 của Giám đốc Sở Công Thương",
      verification: ["Kết quả xác minh lại phù hợp với kết quả giải quyết lần đầu."],
      dialogue: "Các bên giữ nguyên ý kiến.",
      legalBasis: caseLegalBasis,
      verdict: "wrong",
      reasoning: "Việc tạm giữ hàng hóa đúng quy định.",
      action: "keep",
      executors: ["Giám đốc Sở Công Thương"],
      signer: { authority: "KT. CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", name: "Vương Ngọc Hà" },
    },
  },
  // ---- Denunciation against ông Lương Văn Toàn (never naming the denouncer) -------------------
  {
    id: "TC-TL",
    formCode: "TC-TL",
    fields: {
      resolverTitle,
      receivedOn: "2026-03-03",
      denounced,
      contents: [`Tố cáo ${denounced} nhận 5.000.000 đồng của hộ kinh doanh khi kiểm tra.`],
      executors: ["Chánh Thanh tra Sở"],
      signer: director,
    },
  },
  {
    id: "TC-KTL",
    formCode: "TC-KTL",
    fields: {
      receivedOn: "2026-03-03",
      denounced,
      summary: "Tố cáo ông Toàn nhận tiền của hộ kinh doanh khi kiểm tra.",
      grounds: ["already_resolved_no_new_facts"],
      signer: deputy,
    },
  },
  {
    id: "TC-GXM",
    formCode: "TC-GXM",
    fields: {
      resolverTitle,
      acceptanceDecision,
      receivedOn: "2026-03-03",
      denounced,
      team,
      contents: ["Việc nhận 5.000.000 đồng của hộ kinh doanh khi kiểm tra."],
      durationDays: 20,
      proposedBy: "Chánh Thanh tra Sở",
      signer: director,
    },
  },
  {
    id: "TC-GH",
    formCode: "TC-GH",
    fields: {
      resolverTitle,
      acceptanceDecision,
      acceptedOn: "2026-03-09",
      receivedOn: "2026-03-03",
      denounced,
      extension: 1,
      days: 30,
      criteria: ["a"],
      reason: "Phải xác minh tại 03 hộ kinh doanh ở hai xã.",
      until: "2026-05-08",
      signer: director,
    },
  },
  {
    id: "TC-TDC",
    formCode: "TC-TDC",
    fields: {
      resolverTitle,
      acceptanceDecision,
      receivedOn: "2026-03-03",
      denounced,
      ground: "awaiting_assessment",
      reason: "Chờ kết quả giám định chữ ký trên giấy biên nhận tiền.",
      from: "2026-03-25",
      signer: director,
    },
  },
  {
    id: "TC-DC",
    formCode: "TC-DC",
    fields: {
      resolverTitle,
      acceptanceDecision,
      receivedOn: "2026-03-03",
      denounced,
      ground: "withdrawn",
      withdrawnOn: "2026-03-20",
      signer: director,
    },
  },
  {
    id: "TC-KL",
    formCode: "TC-KL",
    fields: {
      resolverTitle,
      acceptanceDecision,
      receivedOn: "2026-03-03",
      denounced,
      verificationReport: "Báo cáo kết quả xác minh ngày 08/4/2026",
      findings: [
        {
          content: `Tố cáo ${denounced} nhận 5.000.000 đồng của hộ kinh doanh khi kiểm tra.`,
          result: "Ông Toàn đã nhận 5.000.000 đồng của hộ kinh doanh Đặng Văn Phúc ngày 12/01/2026.",
          verdict: "right",
        },
      ],
      verdict: "right",
      violations: "Ông Lương Văn Toàn vi phạm quy định về những việc công chức không được làm.",
      returnToOthersMoneyVnd: 5_000_000,
      returnToOthersWho: "hộ kinh doanh Đặng Văn Phúc",
      measures: ["Tạm đình chỉ công tác đối với ông Lương Văn Toàn trong 15 ngày."],
      recommendations: ["Chi cục Quản lý thị trường kiểm điểm trách nhiệm của Đội trưởng Đội Quản lý thị trường số 2."],
      signer: director,
    },
  },
  // Inspection plans (issue 17): a Department's yearly specialised-check plan and its adjustment.
  {
    id: "KH-TT-QD",
    formCode: "KH-TT-QD",
    fields: {
      authority: resolverTitle,
      year: 2026,
      activity: "check",
      items: [
        {
          seq: 1,
          subjects: "Công ty TNHH Xăng dầu Minh Xuân (MST 5000123456)",
          content: "Kiểm tra việc chấp hành pháp luật về kinh doanh xăng dầu",
          period: "từ 01/01/2024 đến 31/12/2025",
          time: "Quý II",
          leadingUnit: "Phòng Quản lý thương mại",
          standby: false,
        },
        {
          seq: 2,
          subjects: "Hộ kinh doanh Vàng Thị Mỷ",
          content: "Kiểm tra an toàn thực phẩm tại cơ sở sản xuất",
          period: "",
          time: "Quý III (tháng 7–8)",
          leadingUnit: null,
          standby: true,
        },
      ],
      signer: director,
    },
  },
  {
    id: "KH-TT-QD.dieu-chinh",
    formCode: "KH-TT-QD",
    fields: {
      authority: resolverTitle,
      year: 2026,
      activity: "both",
      adjustment: {
        revision: 1,
        previous: "12/QĐ-SCT ngày 20/12/2025",
        reason: "Thanh tra tỉnh đã có kế hoạch thanh tra Công ty TNHH Xăng dầu Minh Xuân trong năm 2026",
      },
      items: [
        {
          seq: 1,
          subjects: "Công ty TNHH Xăng dầu Minh Xuân (MST 5000123456)",
          content: "Kiểm tra việc chấp hành pháp luật về kinh doanh xăng dầu",
          period: "từ 01/01/2024 đến 31/12/2025",
          time: "Quý II",
          leadingUnit: "Phòng Quản lý thương mại",
          standby: false,
          cancelled: true,
        },
        {
          seq: 2,
          subjects: "Công ty Cổ phần Thủy điện Na Hang (MST 5000234567)",
          content: "Thanh tra việc chấp hành pháp luật về an toàn đập, hồ chứa",
          period: "năm 2025",
          time: "Quý IV",
          leadingUnit: "Thanh tra Sở",
          standby: false,
        },
      ],
      signer: deputy,
    },
  },
  // inspections (issue 17)
  ...INSPECTION_GOLDEN_CASES,
  // anticorruption
  {
    id: "PCTN-BB-BT",
    formCode: "PCTN-BB-BT",
    fields: {
      year: 2026,
      heldOn: "2026-02-05",
      place: "Hội trường Sở Công Thương",
      seed: "Hội nghị 05/02/2026 — 7391",
      unitPercent: 20,
      personPercent: 10,
      witnesses: [
        { fullName: "Hoàng Văn Minh", organisation: "Ủy viên Ủy ban kiểm tra Đảng ủy Sở" },
        { fullName: "Lý Thị Dung", organisation: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tuyên Quang" },
      ],
      inputsSha256: "3f1c0c1e5b0a2f7e9d6a4b8c2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f",
      candidates: 48,
      exclusions: [{ code: "CB-017", name: "Trần Văn Hải", detail: "Đã được xác minh trong 4 năm trước (năm 2023)" }],
      units: [
        {
          code: "TQ.SCT.QLTT",
          name: "Chi cục Quản lý thị trường",
          hash: "0a4d1f7c9e2b5a8d3c6f1e4b7a0d3c6f9e2b5a8d1c4f7e0b3a6d9c2f5e8b1a4d",
          selected: true,
          toSelect: 3,
        },
        {
          code: "TQ.SCT.VP",
          name: "Văn phòng Sở",
          hash: "7e2b5a8d1c4f7e0b3a6d9c2f5e8b1a4d0a4d1f7c9e2b5a8d3c6f1e4b7a0d3c6f",
          selected: false,
          toSelect: 0,
        },
      ],
      persons: [
        {
          code: "CB-004",
          name: "Nguyễn Thị Thu",
          unitCode: "TQ.SCT.QLTT",
          hash: "01b9e3a7c5d2f8e4a6b0c9d1e7f3a5b2c8d4e0f6a2b9c5d1e7f3a0b6c2d8e4f1",
        },
      ],
      chair: "Nguyễn Văn Hùng",
    },
  },
  {
    id: "PCTN-DS-KK",
    formCode: "PCTN-DS-KK",
    fields: {
      year: 2026,
      due: "2026-12-31",
      units: [
        {
          name: "Chi cục Quản lý thị trường",
          persons: [
            {
              code: "CB-D",
              name: "Đoàn Minh Dũng",
              kind: "Kê khai lần đầu",
              reason: "tuyển dụng vào vị trí Kiểm soát viên thị trường từ 02/3/2026",
            },
          ],
        },
        {
          name: "Văn phòng Sở",
          persons: [
            {
              code: "CB-A",
              name: "Phan Văn An",
              kind: "Kê khai hằng năm",
              reason: "giữ chức danh Kế toán viên (khoản 1 Điều 10 Nghị định 130/2020/NĐ-CP)",
            },
          ],
        },
      ],
    },
  },
  {
    id: "PCTN-KH-XM",
    formCode: "PCTN-KH-XM",
    fields: {
      year: 2026,
      issuedOn: "2026-01-20",
      namedBody: false,
      unitPercent: 20,
      personPercent: 10,
      selectionDue: "2026-03-31",
    },
  },
  {
    id: "PCTN-KH-CD",
    formCode: "PCTN-KH-CD",
    fields: {
      year: 2026,
      on: "2026-03-01",
      persons: [
        {
          name: "Phan Văn An",
          code: "CB-A",
          unit: "Văn phòng Sở",
          position: "Kế toán viên",
          sector: "Tài chính, kế toán",
          from: "2022-03-01",
          tenureMonths: 48,
          status: "Sắp hết thời hạn tối đa",
        },
      ],
      deferred: [
        {
          name: "Chu Thị Cúc",
          code: "CB-C",
          detail: "Đang mang thai, nuôi con dưới 36 tháng tuổi đến 30/6/2027 (Điều 39 Nghị định 59/2019/NĐ-CP)",
        },
      ],
      exempt: [],
    },
  },
];
