import { PATHS } from "../shell/nav.ts";

export interface ComingArea {
  title: string;
  summary: string;
  items: string[];
}

export const COMING_SOON_TEXT = {
  badge: "Sắp có",
  lead: "Chức năng này đang được xây dựng. Khi hoàn thành, tại đây bạn sẽ có thể:",
  meanwhile:
    "Trong thời gian chờ, các chức năng quản trị (cơ quan, tài khoản, lịch làm việc, tính thời hạn) đã sử dụng được.",
} as const;

export const COMING_AREAS: Record<string, ComingArea> = {
  [PATHS.reception]: {
    title: "Tiếp công dân",
    summary: "Sổ tiếp công dân điện tử cho tiếp thường xuyên, tiếp định kỳ và đột xuất của lãnh đạo.",
    items: [
      "Ghi sổ từng lượt tiếp công dân, in phiếu hẹn, giấy biên nhận",
      "Quản lý lịch tiếp công dân định kỳ và đột xuất của lãnh đạo, công khai lịch tiếp",
      "Ghi nhận đoàn đông người, người đại diện và nội dung trình bày",
      "Tiếp nhận đơn ngay tại buổi tiếp và chuyển sang xử lý đơn",
    ],
  },
  [PATHS.petitions]: {
    title: "Xử lý đơn",
    summary: "Tiếp nhận, phân loại và xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh từ mọi nguồn.",
    items: [
      "Tiếp nhận đơn trực tiếp, qua bưu chính, thư điện tử, cổng trực tuyến, đơn chuyển đến",
      "Phân loại đơn, kiểm tra điều kiện thụ lý và thẩm quyền",
      "Phát hiện đơn trùng, đơn tái diễn trên toàn bộ dữ liệu",
      "Thụ lý, chuyển đơn, hướng dẫn, trả lại, lưu đơn và ban hành văn bản theo mẫu",
      "Theo dõi thời hạn xử lý từng bước theo quy định",
    ],
  },
  [PATHS.complaints]: {
    title: "Giải quyết khiếu nại",
    summary: "Theo dõi vụ việc khiếu nại từ khi thụ lý đến khi ban hành quyết định giải quyết và tổ chức thi hành.",
    items: [
      "Thụ lý, giao xác minh, đối thoại, gia hạn, tạm đình chỉ, đình chỉ",
      "Tính và cảnh báo thời hạn giải quyết theo Luật Khiếu nại",
      "Quyết định giải quyết, theo dõi thi hành; số tiền, đất đai, số người liên quan",
    ],
  },
  [PATHS.denunciations]: {
    title: "Giải quyết tố cáo",
    summary: "Giải quyết tố cáo đúng thời hạn và bảo vệ bí mật danh tính người tố cáo.",
    items: [
      "Thụ lý, xác minh, gia hạn, kết luận nội dung tố cáo và xử lý kết luận",
      "Chỉ người được giao mới xem được danh tính người tố cáo; mọi lần xem đều được ghi nhật ký",
      "Theo dõi thời hạn giải quyết theo Luật Tố cáo",
    ],
  },
  [PATHS.inspections]: {
    title: "Thanh tra",
    summary: "Kế hoạch thanh tra hằng năm, các cuộc thanh tra, kiểm tra và theo dõi thực hiện kết luận.",
    items: [
      "Lập kế hoạch thanh tra năm, đối chiếu tránh trùng lặp doanh nghiệp theo Chỉ thị 20/CT-TTg",
      "Theo dõi cuộc thanh tra từ quyết định đến kết luận",
      "Ghi nhận vi phạm, xử phạt hành chính, kiến nghị; theo dõi thu hồi qua các năm",
    ],
  },
  [PATHS.anticorruption]: {
    title: "Phòng, chống tham nhũng",
    summary: "Kê khai tài sản, thu nhập; chuyển đổi vị trí công tác; theo dõi vụ việc tham nhũng.",
    items: [
      "Danh sách người có nghĩa vụ kê khai tài sản, thu nhập hằng năm",
      "Tiếp nhận, xác minh, công khai bản kê khai",
      "Kế hoạch chuyển đổi vị trí công tác đối với vị trí nhạy cảm",
    ],
  },
  [PATHS.reports]: {
    title: "Báo cáo",
    summary: "Báo cáo định kỳ quý, 6 tháng, 9 tháng, năm được tính trực tiếp từ dữ liệu.",
    items: [
      "Các biểu mẫu thống kê theo thông tư hiện hành, tổng hợp theo cây cơ quan",
      "Kiểm tra số liệu đơn vị cấp dưới, ký duyệt, chốt số liệu",
      "Xuất biểu mẫu Excel chính thức và dự thảo báo cáo bằng văn bản",
      "Bảng điều khiển: xu hướng, vụ việc quá hạn, điểm nóng",
    ],
  },
  [PATHS.portal]: {
    title: "Cổng công dân",
    summary: "Cửa sổ trực tuyến để người dân, doanh nghiệp gửi đơn và theo dõi kết quả.",
    items: [
      "Gửi đơn trực tuyến và tra cứu tình trạng bằng mã hồ sơ",
      "Xem lịch tiếp công dân, kết quả giải quyết và kết luận thanh tra đã công khai",
      "Góp ý dự thảo văn bản, hỏi đáp, khảo sát mức độ hài lòng",
    ],
  },
};
