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
  {
    id: "TTr-BBCB",
    formCode: "TTr-BBCB",
    fields: {
      activity: "check",
      deciderTitle: "Giám đốc Sở Công Thương",
      decision: {
        number: "45/QĐ-SCT",
        date: "2026-03-05",
        title: "việc chấp hành pháp luật về kinh doanh xăng dầu",
      },
      heldOn: "2026-03-10",
      startTime: "08:00",
      endTime: "09:30",
      place: "trụ sở Công ty TNHH Thương mại Sông Lô, tổ 5, phường Minh Xuân",
      leader: { honorific: "Ông", name: "Đỗ Mạnh Cường", position: "Chánh Thanh tra Sở" },
      members: [{ honorific: "Bà", name: "Ma Thị Lan", position: "Thanh tra viên chính" }],
      subject: "Công ty TNHH Thương mại Sông Lô",
      representatives: [{ honorific: "Ông", name: "Lý Văn Phúc", position: "Giám đốc Công ty" }],
      requests: [
        "Báo cáo bằng văn bản việc chấp hành pháp luật về kinh doanh xăng dầu từ 01/01/2025 đến 28/02/2026, gửi Đoàn kiểm tra trước ngày 13/3/2026",
        "Cung cấp hồ sơ kiểm định cột đo xăng dầu và hóa đơn nhập hàng",
      ],
      opinions: "Công ty nhất trí với nội dung Quyết định kiểm tra, sẽ bố trí cán bộ làm việc với Đoàn",
      copies: 2,
    },
  },
  {
    id: "TTr-GH",
    formCode: "TTr-GH",
    fields: {
      activity: "check",
      deciderTitle: "Giám đốc Sở Công Thương",
      decision: {
        number: "45/QĐ-SCT",
        date: "2026-03-05",
        title: "việc chấp hành pháp luật về kinh doanh xăng dầu",
      },
      subjects,
      originalDays: 30,
      extensionDays: 15,
      announcedOn: "2026-03-10",
      newEndOn: "2026-05-01",
      ground: "Cần trưng cầu giám định chất lượng xăng dầu lấy mẫu tại cửa hàng số 2; chờ kết quả giám định",
      proposal: "Trưởng đoàn kiểm tra",
      signer: director,
    },
  },
  {
    id: "TTr-CD",
    formCode: "TTr-CD",
    fields: {
      activity: "check",
      conclusion: {
        number: "08/KL-SCT",
        date: "2026-04-20",
        title: "việc chấp hành pháp luật về kinh doanh xăng dầu",
      },
      to: ["Công ty TNHH Thương mại Sông Lô", "Phòng Quản lý thương mại, Sở Công Thương"],
      recommendations: [
        {
          text: "Nộp vào ngân sách nhà nước số tiền thu lợi bất hợp pháp 46.237.500 đồng",
          unit: "Công ty TNHH Thương mại Sông Lô",
          dueOn: "2026-05-20",
        },
        {
          text: "Tăng cường kiểm tra việc niêm yết giá bán xăng dầu tại các cửa hàng trên địa bàn",
          unit: "Phòng Quản lý thương mại, Sở Công Thương",
        },
      ],
      reportBy: "2026-06-30",
      signer: director,
    },
  },
  {
    id: "TTr-TBCK",
    formCode: "TTr-TBCK",
    fields: {
      conclusion: {
        number: "08/KL-SCT",
        date: "2026-04-20",
        title: "việc chấp hành pháp luật về kinh doanh xăng dầu",
      },
      subjects: ["Công ty TNHH Thương mại Sông Lô"],
      summary: [
        "Công ty bán xăng RON 95 cao hơn giá tối đa từ 01/3/2025 đến 15/4/2025, thu lợi bất hợp pháp 46.237.500 đồng",
        "Đã xử phạt vi phạm hành chính Công ty 35 triệu đồng; kiến nghị nộp ngân sách nhà nước số lợi bất hợp pháp",
      ],
      portal: "Cổng thông tin điện tử Sở Công Thương tỉnh Tuyên Quang",
      publishFrom: "2026-04-25",
      publishTo: "2026-05-10",
      otherForms: ["Niêm yết tại trụ sở Công ty TNHH Thương mại Sông Lô trong 15 ngày liên tục"],
      signer: director,
    },
  },
  {
    id: "TTr-XP",
    formCode: "TTr-XP",
    fields: {
      deciderTitle: "Chánh Thanh tra Sở Công Thương",
      sanctionDecree:
        "Nghị định số 99/2020/NĐ-CP ngày 26 tháng 8 năm 2020 của Chính phủ quy định xử phạt vi phạm hành chính trong lĩnh vực dầu khí, kinh doanh xăng dầu và khí",
      record: { number: "03/BB-VPHC", date: "2026-03-20" },
      violator: {
        kind: "organisation",
        name: "Công ty TNHH Thương mại Sông Lô",
        taxCode: "5000123456",
        address: "tổ 5, phường Minh Xuân, tỉnh Tuyên Quang",
        representative: { honorific: "Ông", name: "Lý Văn Phúc", position: "Giám đốc" },
      },
      violations: [
        {
          text: "Bán xăng RON 95 cao hơn giá bán tối đa do cơ quan nhà nước có thẩm quyền công bố",
          rule: "khoản 5 Điều 18 Nghị định số 99/2020/NĐ-CP",
        },
      ],
      fineVnd: 35_000_000,
      remedialMeasures: ["Buộc nộp lại số lợi bất hợp pháp 46.237.500 đồng"],
      payWithinDays: 10,
      payAt: "Kho bạc Nhà nước tỉnh Tuyên Quang",
      signer: { position: "CHÁNH THANH TRA", name: "Đỗ Mạnh Cường" },
    },
  },
];
