import type { Permission } from "@minhbach/domain";
import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChartBar,
  IconClockHour4,
  IconEyeCheck,
  IconFileSearch,
  IconGavel,
  IconHome,
  IconListDetails,
  IconMessageReport,
  IconMessages,
  IconScale,
  IconShieldLock,
  IconTags,
  IconUsers,
  IconUsersGroup,
  IconWorld,
  IconWorldUpload,
  IconHelpCircle,
  IconHierarchy2,
  type Icon,
} from "@tabler/icons-react";

export interface NavItem {
  path: string;
  label: string;
  icon: Icon;
  /** Hidden from users who lack it. */
  permission?: Permission;
  /** Not built yet: shown with a "Sắp có" badge and opens a page that says what is coming. */
  comingSoon?: boolean;
}

export const PATHS = {
  home: "/",
  reception: "/tiep-cong-dan",
  petitions: "/xu-ly-don",
  complaints: "/giai-quyet-khieu-nai",
  denunciations: "/giai-quyet-to-cao",
  inspections: "/thanh-tra",
  anticorruption: "/phong-chong-tham-nhung",
  reports: "/bao-cao",
  portal: "/cong-cong-dan",
  agencies: "/quan-tri/co-quan",
  users: "/quan-tri/tai-khoan",
  calendar: "/quan-tri/lich-lam-viec",
  deadlines: "/quan-tri/tinh-thoi-han",
  audit: "/quan-tri/nhat-ky",
  identityRequests: "/quan-tri/de-nghi-xem-danh-tinh",
  petitionFields: "/quan-tri/danh-muc-linh-vuc",
  // public consultation on draft regulations (issue 20)
  consultations: "/lay-y-kien",
} as const;

export const WORK_NAV: NavItem[] = [
  { path: PATHS.home, label: "Tổng quan", icon: IconHome },
  { path: PATHS.reception, label: "Tiếp công dân", icon: IconUsersGroup, permission: "reception.read" },
  { path: PATHS.petitions, label: "Xử lý đơn", icon: IconMessageReport, permission: "petition.read" },
  { path: PATHS.complaints, label: "Giải quyết khiếu nại", icon: IconScale, permission: "case.read" },
  { path: PATHS.denunciations, label: "Giải quyết tố cáo", icon: IconShieldLock, permission: "case.read" },
  { path: PATHS.inspections, label: "Thanh tra", icon: IconFileSearch, permission: "inspection.read" },
  // Inspection plans and overlaps (issue 17).
  { path: "/ke-hoach-thanh-tra", label: "Kế hoạch thanh tra", icon: IconCalendarEvent, permission: "inspection.read" },
  // anticorruption: every user sees it (a declarant reads his own declarations there).
  { path: PATHS.anticorruption, label: "Phòng, chống tham nhũng", icon: IconGavel },
  { path: PATHS.reports, label: "Báo cáo", icon: IconChartBar, permission: "report.read" },
  { path: PATHS.portal, label: "Cổng công dân", icon: IconWorld },
  // public consultation on draft regulations (issue 20)
  { path: PATHS.consultations, label: "Lấy ý kiến dự thảo", icon: IconMessages, permission: "consultation.manage" },
  // portal publications and Q&A (issue 20)
  { path: "/cong-khai-ket-qua", label: "Công khai kết quả", icon: IconWorldUpload, permission: "document.read" },
  { path: "/hoi-dap-cong-dan", label: "Hỏi đáp trên cổng", icon: IconHelpCircle, permission: "reception.write" },
  // reports dashboard with charts (issue 19)
  { path: "/bang-dieu-khien-bao-cao", label: "Bảng điều khiển báo cáo", icon: IconChartBar, permission: "report.read" },
];

export const ADMIN_NAV: NavItem[] = [
  { path: PATHS.agencies, label: "Cơ quan, đơn vị", icon: IconBuildingCommunity, permission: "agency.read" },
  { path: PATHS.users, label: "Tài khoản", icon: IconUsers, permission: "user.read" },
  { path: PATHS.calendar, label: "Lịch làm việc", icon: IconCalendarEvent, permission: "calendar.read" },
  { path: PATHS.deadlines, label: "Tính thời hạn", icon: IconClockHour4, permission: "deadline.compute" },
  { path: PATHS.audit, label: "Nhật ký hệ thống", icon: IconListDetails, permission: "audit.read" },
  { path: PATHS.petitionFields, label: "Danh mục lĩnh vực", icon: IconTags, permission: "agency.manage" },
  {
    path: PATHS.identityRequests,
    label: "Đề nghị xem danh tính",
    icon: IconEyeCheck,
    permission: "case.approve_reveal",
  },
  // reporting graph (issue 19)
  { path: "/quan-tri/quan-he-bao-cao", label: "Quan hệ báo cáo", icon: IconHierarchy2, permission: "agency.read" },
];
