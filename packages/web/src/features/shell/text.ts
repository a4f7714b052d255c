export const SHELL_TEXT = {
  skipToContent: "Bỏ qua thanh điều hướng",
  openNavigation: "Mở danh mục chức năng",
  closeNavigation: "Đóng danh mục chức năng",
  mainNavigation: "Danh mục chức năng",
  sectionWork: "Nghiệp vụ",
  sectionAdmin: "Quản trị",
  userMenu: "Tài khoản của tôi",
  home: "Minh Bạch — về trang Tổng quan",
  notFoundTitle: "Không tìm thấy trang",
  notFoundBody: "Địa chỉ này không có trong hệ thống. Hãy chọn chức năng ở danh mục bên trái.",
  backHome: "Về trang Tổng quan",
} as const;
