/**
 * Golden inputs of the inspection documents (documents-golden.test.ts): an ad hoc inspection of
 * a district hospital's procurement by the Department's inspectors, its conclusion with a
 * violation, a sanction and recommendations, and a letter urging the recovery still due, issued
 * by the golden agency (Sở Công Thương tỉnh Tuyên Quang), the fields as the server fills them.
 */
import type { GoldenCase } from "./golden-cases.ts";

const director = { position: "GIÁM ĐỐC", name: "Nguyễn Thị Thu Hà" };
const subjects = ["Công ty TNHH Thương mại Sông Lô (mã số doanh nghiệp 5000123456)"];

export const INSPECTION_GOLDEN_CASES: readonly GoldenCase[] = [
  {
    id: "TTr-QD",
    formCode: "TTr-QD",
    fields: {
      deciderTitle: "Giám đốc Sở Công Thương",
      activity: "check",
      title: "việc chấp hành pháp luật về kinh doanh xăng dầu",
      ground:
        "Xét dấu hiệu vi phạm rõ ràng: cửa hàng bán xăng dầu không niêm yết giá, có phản ánh đo lường thiếu tại Văn bản số 35/QLTT ngày 02/3/2026",
      subjects,
      content: "Kiểm tra việc chấp hành quy định về điều kiện kinh doanh, đo lường, chất lượng, niêm yết giá xăng dầu",
      periodCovered: "01/01/2025 - 28/02/2026",
      durationDays: 30,
      leader: { honorific: "Ông", name: "Đỗ Mạnh Cường", position: "Chánh Thanh tra Sở" },
      members: [
        { honorific: "Bà", name: "Ma Thị Lan", position: "Thanh tra viên chính" },
        { honorific: "Ông", name: "Nông Văn Khải", position: "Thanh tra viên" },
      ],
      supervisor: { honorific: "Ông", name: "Hoàng Văn Nam", position: "Phó Giám đốc Sở" },
      signer: director,
    },
  },
  {
    id: "TTr-KL",
    formCode: "TTr-KL",
    fields: {
      deciderTitle: "Giám đốc Sở Công Thương",
      title: "việc chấp hành pháp luật về kinh doanh xăng dầu",
      decision: { number: "12/QĐ-SCT", date: "2026-03-05" },
      subjects,
      periodCovered: "01/01/2025 - 28/02/2026",
      onsiteFrom: "2026-03-09",
      onsiteTo: "2026-04-03",
      reportDate: "2026-04-10",
      violations: [
        {
          subject: "Công ty TNHH Thương mại Sông Lô",
          kind: "Sai phạm về kinh tế",
          text: "Bán xăng RON95 cao hơn giá bán lẻ tối đa trong 12 kỳ điều hành giá",
          moneyVnd: 46_237_500,
        },
      ],
      sanctions: [
        {
          number: "25/QĐ-XPHC",
          date: "2026-04-15",
          target: "Công ty TNHH Thương mại Sông Lô",
          fineVnd: 35_000_000,
          measures: "buộc nộp lại số lợi bất hợp pháp có được do vi phạm",
        },
      ],
      recommendations: [
        {
          type: "Thu hồi tiền về ngân sách nhà nước",
          text: "Nộp vào ngân sách nhà nước số lợi bất hợp pháp do bán cao hơn giá tối đa",
          amountVnd: 46_237_500,
          unit: "Công ty TNHH Thương mại Sông Lô",
          dueOn: "2026-05-31",
        },
        {
          type: "Kiểm điểm, xử lý trách nhiệm tập thể, cá nhân",
          text: "Kiểm điểm trách nhiệm Cửa hàng trưởng Cửa hàng xăng dầu số 3",
          unit: "Công ty TNHH Thương mại Sông Lô",
        },
      ],
      reservations: [{ name: "Bà Ma Thị Lan", text: "Đề nghị kiểm tra thêm hệ thống đo lường cột bơm số 2" }],
      signer: director,
    },
  },
  {
    id: "TTr-DD",
    formCode: "TTr-DD",
    fields: {
      to: "Công ty TNHH Thương mại Sông Lô",
      conclusion: {
        number: "08/KL-SCT",
        date: "2026-04-20",
        title: "việc chấp hành pháp luật về kinh doanh xăng dầu",
      },
      recommendation: "Nộp vào ngân sách nhà nước số lợi bất hợp pháp do bán cao hơn giá tối đa",
      amountVnd: 46_237_500,
      recoveredVnd: 20_000_000,
      dueOn: "2026-05-31",
      urgeCount: 2,
      reportBy: "2026-06-30",
      signer: director,
    },
  },
];
