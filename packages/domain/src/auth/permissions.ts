/**
 * The permission vocabulary (`resource.action`) and the roles that grant it. Roles are data so
 * that an installation can read them, but the permissions themselves are code: every route
 * names the permission it needs, and an unknown name is a compile error.
 */
export const PERMISSIONS = [
  "agency.read",
  "agency.manage",
  "user.read",
  "user.manage",
  "audit.read",
  "calendar.read",
  "calendar.manage",
  "deadline.compute",
  "reception.read",
  "reception.write",
  "petition.read",
  "petition.write",
  "petition.transfer",
  "case.read",
  "case.write",
  "case.assign",
  "case.reveal_identity",
  "case.approve_reveal",
  "inspection.read",
  "inspection.write",
  // the follow-up of conclusions: recoveries, urging, follow-up checks, closing (issue 17)
  "inspection.follow_up",
  "anticorruption.read",
  "anticorruption.write",
  "report.read",
  "report.write",
  "report.submit",
  "dashboard.read",
  "document.read",
  "document.issue",
  // public consultation on draft regulations (issue 20)
  "consultation.manage",
  // enforcement of complaint decisions and denunciation handling decisions (issue 19, 05/KQTH)
  "case.enforce",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** How far a role's permissions reach in the agency tree. */
export type Scope = "own" | "subtree";

export const ROLE_CODES = [
  "admin",
  "leader",
  "reception_officer",
  "petition_handler",
  "resolver",
  "inspector",
  "reporting_officer",
  "anticorruption_officer",
  "viewer",
  // enforcement of complaint decisions and denunciation handling decisions (issue 19, 05/KQTH)
  "enforcement_officer",
  // the follow-up of inspection conclusions (issue 17)
  "followup_officer",
] as const;

export type RoleCode = (typeof ROLE_CODES)[number];

export interface RoleDefinition {
  code: RoleCode;
  name: string;
  description: string;
  scope: Scope;
  permissions: readonly Permission[];
}

const BASE_READ: Permission[] = ["agency.read", "calendar.read", "deadline.compute", "dashboard.read"];

export const ROLES: Record<RoleCode, RoleDefinition> = {
  admin: {
    code: "admin",
    name: "Quản trị hệ thống",
    description: "Quản lý cơ quan, tài khoản, lịch làm việc, xem nhật ký hệ thống",
    scope: "subtree",
    permissions: [...BASE_READ, "agency.manage", "user.read", "user.manage", "audit.read", "calendar.manage"],
  },
  leader: {
    code: "leader",
    name: "Lãnh đạo",
    description: "Tiếp công dân định kỳ, ký quyết định, theo dõi vụ việc quá hạn",
    scope: "subtree",
    permissions: [
      ...BASE_READ,
      "user.read",
      "reception.read",
      "reception.write",
      "petition.read",
      "case.read",
      "case.assign",
      "case.approve_reveal",
      "inspection.read",
      "anticorruption.read",
      "report.read",
      "report.submit",
      "document.read",
      "document.issue",
      // public consultation on draft regulations (issue 20)
      "consultation.manage",
    ],
  },
  reception_officer: {
    code: "reception_officer",
    name: "Cán bộ tiếp công dân",
    description: "Ghi sổ tiếp công dân, tiếp nhận đơn",
    scope: "own",
    permissions: [
      ...BASE_READ,
      "reception.read",
      "reception.write",
      "petition.read",
      "petition.write",
      "document.read",
      "document.issue",
    ],
  },
  petition_handler: {
    code: "petition_handler",
    name: "Chuyên viên xử lý đơn",
    description: "Phân loại, xử lý đơn, ban hành văn bản xử lý đơn",
    scope: "own",
    permissions: [
      ...BASE_READ,
      "reception.read",
      "petition.read",
      "petition.write",
      "petition.transfer",
      "document.read",
      "document.issue",
    ],
  },
  resolver: {
    code: "resolver",
    name: "Người giải quyết, tổ xác minh",
    description: "Giải quyết khiếu nại, tố cáo được giao",
    scope: "own",
    permissions: [
      ...BASE_READ,
      "petition.read",
      "case.read",
      "case.write",
      "case.reveal_identity",
      "document.read",
      "document.issue",
      // enforcement of the decisions of the cases assigned to them (issue 19)
      "case.enforce",
    ],
  },
  inspector: {
    code: "inspector",
    name: "Thanh tra viên",
    description: "Kế hoạch thanh tra, cuộc thanh tra, theo dõi kết luận",
    scope: "own",
    permissions: [
      ...BASE_READ,
      "inspection.read",
      "inspection.write",
      "inspection.follow_up",
      "document.read",
      "document.issue",
    ],
  },
  reporting_officer: {
    code: "reporting_officer",
    name: "Cán bộ tổng hợp",
    description: "Lập, kiểm tra, gửi báo cáo định kỳ",
    scope: "subtree",
    permissions: [
      ...BASE_READ,
      "reception.read",
      "petition.read",
      "case.read",
      "inspection.read",
      "anticorruption.read",
      "report.read",
      "report.write",
      // public consultation on draft regulations (issue 20)
      "consultation.manage",
    ],
  },
  anticorruption_officer: {
    code: "anticorruption_officer",
    name: "Cán bộ phòng, chống tham nhũng",
    description: "Kê khai tài sản, thu nhập; chuyển đổi vị trí công tác",
    scope: "own",
    permissions: [...BASE_READ, "anticorruption.read", "anticorruption.write"],
  },
  viewer: {
    code: "viewer",
    name: "Chỉ xem",
    description: "Xem dữ liệu trong phạm vi cơ quan",
    scope: "own",
    permissions: [
      ...BASE_READ,
      "reception.read",
      "petition.read",
      "case.read",
      "inspection.read",
      "anticorruption.read",
      "report.read",
    ],
  },
  // enforcement of complaint decisions and denunciation handling decisions (issue 19, 05/KQTH)
  enforcement_officer: {
    code: "enforcement_officer",
    name: "Cán bộ theo dõi thi hành quyết định",
    description: "Theo dõi, ghi kết quả thi hành quyết định giải quyết khiếu nại, quyết định xử lý tố cáo",
    scope: "own",
    permissions: [...BASE_READ, "case.read", "case.enforce", "document.read"],
  },
  // The follow-up of inspection conclusions (issue 17): reads the inspections of its agency and
  // records what is done on their recommendations (recoveries, urging letters drafted for a
  // leader to sign, follow-up checks, closing by decision); never decides, signs or edits findings.
  followup_officer: {
    code: "followup_officer",
    name: "Cán bộ theo dõi, đôn đốc thực hiện kết luận",
    description: "Theo dõi, đôn đốc, kiểm tra việc thực hiện kết luận thanh tra; ghi nhận số đã thu hồi",
    scope: "own",
    permissions: [...BASE_READ, "inspection.read", "inspection.follow_up", "document.read", "document.issue"],
  },
};

export interface Grant {
  permission: Permission;
  scope: Scope;
}

/** The permissions a set of roles grants, each with the widest scope any of the roles gives it. */
export function grantsOf(roles: readonly RoleCode[]): Grant[] {
  const widest = new Map<Permission, Scope>();
  for (const code of roles) {
    const role = ROLES[code];
    for (const permission of role.permissions) {
      if (widest.get(permission) !== "subtree") widest.set(permission, role.scope);
    }
  }
  return [...widest].map(([permission, scope]) => ({ permission, scope }));
}

export function isRoleCode(value: string): value is RoleCode {
  return (ROLE_CODES as readonly string[]).includes(value);
}
