export const DASHBOARD_TEXT = {
  title: "Tổng quan",
  greeting: (name: string) => `Xin chào, ${name}`,
  agency: "Cơ quan, đơn vị",
  roles: "Vai trò",
  username: "Tên đăng nhập",
  lastSection: "Chức năng",
  ready: "Đã sử dụng được",
  comingSoon: "Sắp có",
  movedTitle: "Hạn xử lý đã thay đổi do điều chỉnh lịch làm việc",
  movedIntro: "Lịch nghỉ lễ, Tết của một năm đã được sửa; các hạn dưới đây trong phạm vi của bạn đã được tính lại.",
  movedWhat: "Việc",
  movedOld: "Hạn cũ",
  movedNew: "Hạn mới",
  movedWhy: "Lý do",
  intro:
    "Đây là trang tổng quan. Khi các phân hệ nghiệp vụ hoàn thành, trang sẽ hiển thị vụ việc sắp đến hạn, quá hạn và điểm nóng trong phạm vi của bạn.",
} as const;
