export const DASHBOARD_TEXT = {
  title: "Bảng điều khiển báo cáo",
  description:
    "Số liệu của năm báo cáo tính từ hồ sơ theo cùng định nghĩa chỉ tiêu của các biểu mẫu: diễn biến theo kỳ, đơn theo lĩnh vực và theo địa bàn, việc quá hạn, thu hồi tiền qua thanh tra, kiểm tra; so sánh với cùng kỳ năm trước. Bấm vào một cột hoặc một số liệu trong bảng để xem danh sách hồ sơ.",
  year: "Năm báo cáo",
  agency: "Cơ quan, đơn vị",
  chooseAgency: "Chọn cơ quan, đơn vị để xem số liệu.",
  subtree: "Gồm các đơn vị trực thuộc",
  compare: "So sánh cùng kỳ năm trước",
  toReports: "Về trang báo cáo định kỳ",
  yearLine: (from: string, to: string, kind: string) =>
    `Năm báo cáo: số liệu từ ngày ${from} đến ngày ${to}; diễn biến theo ${kind === "month" ? "tháng" : "quý"}.`,
  showTable: "Xem dạng bảng",
  hideTable: "Ẩn bảng",
  point: "Kỳ / nhóm",
  lastYear: "cùng kỳ năm trước",
  lastYearShort: "Năm trước",
  summary: (name: string, value: string, last: string) => `${name}: ${value} (cùng kỳ năm trước: ${last})`,
  figureLabel: (series: string, point: string, value: string, lastYear: boolean) =>
    `${series}, ${point}${lastYear ? ", cùng kỳ năm trước" : ""}: ${value} — xem danh sách hồ sơ`,
  empty: "Không có số liệu trong năm này.",
  overdueTitle: "Việc quá hạn hiện nay",
  overdueLine: (today: string) =>
    `Đơn và vụ việc chưa xong, đã quá thời hạn luật định tính đến ngày ${today} (như danh sách đơn và vụ việc đếm).`,
  overduePetitions: "Đơn quá hạn xử lý",
  overdueCases: "Vụ việc quá hạn giải quyết",
  openPetitions: "Mở danh sách đơn quá hạn",
  openComplaints: "Khiếu nại quá hạn",
  openDenunciations: "Tố cáo quá hạn",
  listsNote: "Danh sách mở trong phạm vi hồ sơ bạn được xem.",
  unit: "Đơn vị",
  chartNote: "Biểu đồ; số liệu đầy đủ trong bảng bên dưới.",
};
