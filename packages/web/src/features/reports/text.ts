export const REPORT_TEXT = {
  title: "Báo cáo định kỳ",
  description:
    "Tính các biểu mẫu thống kê tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo, thanh tra, kiểm tra và phòng, chống tham nhũng từ hồ sơ trong hệ thống; bấm vào một số liệu để xem các hồ sơ tạo nên số liệu đó.",
  form: "Biểu mẫu",
  year: "Năm báo cáo",
  period: "Kỳ báo cáo",
  agency: "Cơ quan, đơn vị",
  subtree: "Gồm các đơn vị trực thuộc",
  compute: "Tính báo cáo",
  download: "Tải Excel",
  downloadNarrative: "Tải dự thảo báo cáo (Word)",
  unit: "Đơn vị",
  no: "STT",
  periodLine: (label: string, from: string, to: string) => `${label}: số liệu từ ngày ${from} đến ngày ${to}`,
  reconciliationBroken: (carried: number, previous: number) =>
    `Số liệu kỳ trước chuyển sang (${carried}) không khớp số đang xử lý cuối kỳ trước (${previous}).`,
  drillTitle: (name: string, n: string) => `${name}: ${n} hồ sơ`,
  code: "Số, ký hiệu",
  date: "Ngày",
  content: "Nội dung",
  state: "Trạng thái",
  empty: "Không có hồ sơ nào.",
  /** Where a row standing on a sent report takes its list from (drilldown.ts `sources`). */
  drillSource: (kind: "frozen" | "upload" | "today", unit: string, revision: number, status: string) =>
    kind === "frozen"
      ? `${unit}: số liệu theo báo cáo đã gửi (lần ${revision}, ${status}); danh sách là các hồ sơ đã đếm khi lập báo cáo đó.`
      : kind === "upload"
        ? `${unit}: số liệu theo biểu mẫu Excel đơn vị tải lên (lần ${revision}, ${status}); không có hồ sơ trên hệ thống để liệt kê.`
        : `${unit}: số liệu theo báo cáo đã gửi (lần ${revision}, ${status}), lập trước khi hệ thống lưu danh sách hồ sơ; danh sách là hồ sơ hiện nay, có thể khác số đã gửi.`,
  choosePeriod: "Chọn kỳ báo cáo.",
  figureLabel: (column: string, row: string, n: string) => `${column}, ${row}: ${n} — xem danh sách hồ sơ`,
  // ad hoc range (issue 19)
  kind: "Loại báo cáo",
  kindPeriodic: "Định kỳ",
  kindAdhoc: "Đột xuất",
  from: "Từ ngày",
  to: "Đến ngày",
  rangeOrder: "Đến ngày phải sau hoặc bằng từ ngày.",
  toDashboard: "Xem bảng điều khiển báo cáo (biểu đồ)",
  amount: "Giá trị",
};

export const SUBMISSION_TEXT = {
  title: "Báo cáo đã lập và gửi",
  saveAndSubmit: "Lưu và gửi báo cáo",
  saveHint: "Số liệu được chốt tại thời điểm lưu; hồ sơ phát sinh sau đó không làm thay đổi báo cáo đã gửi.",
  correctionReason: "Lý do điều chỉnh (báo cáo kỳ này đã gửi hoặc đã tải lên từ Excel)",
  returnReason: "Lý do trả lại",
  submit: "Gửi",
  return: "Trả lại",
  accept: "Tiếp nhận",
  confirmReturn: "Trả lại báo cáo",
  sent: "Đã lưu và gửi báo cáo lên cấp trên.",
  empty: "Chưa có báo cáo nào được lập.",
  agency: "Đơn vị báo cáo",
  form: "Biểu mẫu",
  period: "Kỳ",
  revision: "Lần lập",
  status: "Trạng thái",
  reason: "Lý do",
  actions: "Thao tác",
  view: "Xem",
  viewLabel: (form: string, agency: string, revision: number) => `Xem báo cáo ${form} của ${agency}, lần ${revision}`,
  viewTitle: (form: string, agency: string, revision: number, status: string) =>
    `Báo cáo ${form} của ${agency} — lần ${revision} (${status})`,
  frozenHint:
    "Số liệu đã chốt khi lập báo cáo. Bấm vào một số để xem các hồ sơ đã được đếm vào số đó tại thời điểm lập.",
  uploadedHint:
    "Báo cáo do đơn vị điền trên biểu mẫu Excel và tải lên: số liệu theo biểu mẫu, không có hồ sơ để liệt kê.",
};

export const TIMELINESS_TEXT = {
  title: (period: string, form: string) => `Tình hình gửi báo cáo của các đơn vị trực thuộc — ${form}, ${period}`,
  empty: "Cơ quan không có đơn vị trực thuộc báo cáo lên trong kỳ này.",
  agency: "Đơn vị",
  level: "Cấp báo cáo",
  due: "Hạn gửi",
  submittedOn: "Ngày gửi",
  standing: "Tình trạng",
  report: "Báo cáo",
  filter: "Lọc theo tình trạng",
  all: "Tất cả",
  daysLate: (n: number) => `trễ ${n} ngày`,
  overdueBy: (n: number) => `quá hạn ${n} ngày`,
  counts: (c: { on_time: number; late: number; overdue: number; not_due: number }) =>
    `Đúng hạn: ${c.on_time} · Gửi trễ: ${c.late} · Chưa gửi, quá hạn: ${c.overdue} · Chưa đến hạn: ${c.not_due}`,
  unverified: "Số ngày làm việc của từng cấp là giả định, chưa đối chiếu thông tư:",
};

export const SUBMISSION_LIST_TEXT = {
  status: "Lọc theo trạng thái",
  form: "Lọc theo biểu mẫu",
  all: "Tất cả",
  sortBy: "Sắp xếp",
  sortPeriod: "Kỳ mới nhất trước",
  sortAgency: "Theo tên đơn vị",
  sortStatus: "Theo trạng thái",
  from: "Từ ngày",
  to: "Đến ngày",
  noMatch: "Không có báo cáo nào khớp bộ lọc.",
  progress: (done: number, total: number) => `Đang xuất ${done}/${total} báo cáo…`,
  done: (n: number) => `Đã xuất ${n} báo cáo.`,
};

// ---- Reporting graph, clusters, consolidated reports (issue 19) --------------------------------

export const LINES_TEXT = {
  title: "Quan hệ báo cáo",
  description:
    "Đơn vị nào báo cáo về cơ quan nào, từ ngày nào đến ngày nào. Đơn vị không có quan hệ báo cáo trong một ngày thì báo cáo về cơ quan cấp trên trực tiếp trong cây tổ chức. Báo cáo tổng hợp, hạn gửi và việc tiếp nhận báo cáo theo quan hệ báo cáo vào ngày cuối kỳ.",
  addTitle: "Thêm quan hệ báo cáo",
  agency: "Đơn vị báo cáo",
  reportsTo: "Báo cáo về",
  validFrom: "Từ ngày",
  validTo: "Đến ngày",
  validToOptional: "Đến ngày (để trống nếu chưa kết thúc)",
  lastDay: "Ngày cuối cùng của quan hệ báo cáo",
  basis: "Căn cứ (quyết định, văn bản)",
  add: "Thêm quan hệ",
  added: "Đã thêm quan hệ báo cáo.",
  open: "Đang áp dụng",
  close: "Kết thúc",
  closeTitle: "Kết thúc quan hệ báo cáo",
  closedBy: "kết thúc theo",
  closing: (agency: string, to: string, from: string) => `${agency} báo cáo về ${to} từ ngày ${from}.`,
  actions: "Thao tác",
  filter: "Tìm theo đơn vị, căn cứ",
  sortBy: "Sắp xếp",
  sortAgency: "Theo đơn vị",
  sortFrom: "Theo ngày bắt đầu",
  sortTo: "Theo ngày kết thúc",
  empty: "Chưa có quan hệ báo cáo nào: các đơn vị báo cáo theo cây tổ chức.",
};

export const SCOPE_TEXT = {
  scope: "Phạm vi",
  unit: "Đơn vị",
  subtree: "Đơn vị và các đơn vị báo cáo về",
  cluster: "Cụm thi đua",
  chooseCluster: "Cụm thi đua",
  units: "Nguồn số liệu của từng đơn vị",
  source: "Nguồn số liệu",
  sent: "Đã gửi báo cáo",
  unsent: "Tính từ hồ sơ",
  agencies: (n: number) => (n > 1 ? `gồm ${n} đơn vị` : ""),
  lastYearTitle: (from: string, to: string) => `So sánh với cùng kỳ năm trước (${from} – ${to})`,
  indicator: "Chỉ tiêu",
  current: "Kỳ này",
  lastYear: "Cùng kỳ năm trước",
  change: "Tăng (+), giảm (−)",
  successors: (unit: string, names: string) => `${unit}: gồm số liệu của ${names}`,
  // Where a row's last-year figures come from: last year's sent reports (docs/LAW.md §11.9).
  lastYearSent: (unit: string, parts: string, mixed: boolean) =>
    `Cùng kỳ năm trước của ${unit}: ${parts}${mixed ? "; các đơn vị còn lại tính từ hồ sơ" : ""}`,
  lastYearReport: (p: {
    sender: string | null;
    revision: number;
    status: string;
    subtree: boolean;
    heldBy: string | null;
  }) => {
    const status = p.status === "accepted" ? "đã tiếp nhận" : "chờ cấp trên tiếp nhận";
    const what = `báo cáo đã gửi${p.sender ? ` của ${p.sender}` : ""} (lần ${p.revision}, ${status}${p.subtree ? ", gồm các đơn vị báo cáo về" : ""})`;
    return p.heldBy ? `đã tính trong ${what}, ở dòng ${p.heldBy}` : `theo ${what}`;
  },
  linesLink: "Quan hệ báo cáo",
  jobProgress: (done: number, total: number) => `Đang tính: ${done}/${total} bước`,
  jobStarting: "Đang bắt đầu tính báo cáo tổng hợp…",
  jobFailed: "Không tính được báo cáo tổng hợp.",
};
export const UPLOAD_TEXT = {
  title: "Báo cáo của đơn vị chưa dùng hệ thống (biểu mẫu Excel)",
  hint: "Chọn biểu mẫu, kỳ và đơn vị ở trên (đơn vị mình hoặc đơn vị trực thuộc), tải biểu mẫu trống (chỉ cho đơn vị chưa dùng hệ thống), để đơn vị điền số liệu vào dòng của đơn vị rồi tải tệp đã điền lên. Hệ thống kiểm tra từng ô (số, tổng, số chuyển kỳ); có lỗi thì không lưu gì.",
  choose: "Chọn biểu mẫu, kỳ báo cáo và đơn vị ở trên trước.",
  blank: "Tải biểu mẫu trống",
  file: "Tệp Excel đã điền (.xlsx)",
  filePlaceholder: "Chọn tệp",
  reason: "Lý do điều chỉnh (khi đơn vị đã có báo cáo kỳ này đã gửi, đã tiếp nhận hoặc đã tải lên)",
  upload: "Tải lên báo cáo đã điền",
  accepted: (unit: string) => `Đã nhận báo cáo của ${unit}: số liệu hợp lệ, báo cáo đã được lưu.`,
  refused: (n: number) => `Tệp không được nhận: ${n} lỗi. Sửa các ô dưới đây rồi tải lên lại.`,
  errorsCaption: "Các lỗi trong tệp đã tải lên",
  cell: "Ô",
  column: "Cột",
  message: "Lỗi",
  wholeFile: "Cả tệp",
  badge: "Tải lên từ Excel",
  original: "Tải tệp gốc",
};
