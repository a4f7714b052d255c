export const DASHBOARD_TEXT = {
  title: "Tổng quan",
  greeting: (name: string) => `Xin chào, ${name}`,
  agency: "Cơ quan, đơn vị",
  roles: "Vai trò",
  username: "Tên đăng nhập",
  lastSection: "Chức năng",
  ready: "Đã sử dụng được",
  comingSoon: "Sắp có",
  intro:
    "Đây là trang tổng quan. Khi các phân hệ nghiệp vụ hoàn thành, trang sẽ hiển thị vụ việc sắp đến hạn, quá hạn và điểm nóng trong phạm vi của bạn.",
} as const;
