/**
 * The words for what the audit trail and the timelines record. The server writes short codes
 * ("petition.classified", "case.decide"); officers read the labels below. The codes are typed:
 * `AuditAction` and `TimelineAction` are the keys of these catalogues, and the server's
 * `recordAudit` and `writeEvent` accept only those, so a new code without its label does not compile.
 */
import { ROLES, type RoleCode } from "../auth/permissions.ts";
import { CASE_ACTIONS, type CaseAction } from "../cases/actions.ts";
import { CASE_STATES, type CaseState } from "../cases/case.ts";
import { INSPECTION_STEPS, type InspectionAction } from "../inspections/inspection-steps.ts";
import { OUTCOMES } from "../petitions/outcomes.ts";
import { PETITION_STATES, type PetitionOutcome, type PetitionState } from "../petitions/petition.ts";

/** The petition steps after the outcome (workflow's StepInput) and the old acceptance step. */
type PetitionStepAction = "dispatch" | "urge" | "record_feedback" | "close_guided" | "destroy" | "accept";

const PETITION_STEPS: Readonly<Record<PetitionStepAction, string>> = {
  dispatch: "Gửi phiếu chuyển đơn",
  urge: "Đôn đốc giải quyết",
  record_feedback: "Ghi nhận phản hồi kết quả",
  close_guided: "Kết thúc theo dõi đơn đã hướng dẫn",
  destroy: "Tiêu hủy đơn",
  accept: "Thụ lý giải quyết",
};

function prefixed<P extends string, K extends string>(
  prefix: P,
  labels: Readonly<Record<K, string>>,
): Record<`${P}${K}`, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [`${prefix}${k}`, v])) as Record<`${P}${K}`, string>;
}

const OUTCOME_LABELS = Object.fromEntries(Object.entries(OUTCOMES).map(([k, v]) => [k, v.label])) as Record<
  PetitionOutcome,
  string
>;
const CASE_ACTION_LABELS = Object.fromEntries(Object.entries(CASE_ACTIONS).map(([k, v]) => [k, v.label])) as Record<
  CaseAction,
  string
>;

/** Inspections (issue 17): the steps of the procedure and the writes on findings and follow-up. */
const INSPECTION_STEP_LABELS = Object.fromEntries(
  Object.entries(INSPECTION_STEPS).map(([k, v]) => [k, v.label]),
) as Record<InspectionAction, string>;
const INSPECTION_RECORD_LABELS = {
  proposed: "Lập dự thảo quyết định thanh tra, kiểm tra",
  violation_added: "Ghi nhận vi phạm phát hiện qua thanh tra",
  violation_removed: "Xóa vi phạm đã ghi nhận",
  sanction_added: "Ghi nhận quyết định xử phạt vi phạm hành chính",
  sanction_paid: "Ghi nhận đã chấp hành quyết định xử phạt",
  recommendation_added: "Ghi nhận kiến nghị trong kết luận thanh tra",
  recommendation_removed: "Xóa kiến nghị",
  recovery_recorded: "Ghi nhận kết quả thực hiện kiến nghị (thu hồi)",
  urged: "Đôn đốc thực hiện kiến nghị",
  follow_up_checked: "Kiểm tra việc thực hiện kết luận thanh tra",
  recommendation_closed: "Kết thúc theo dõi kiến nghị theo quyết định",
  follow_up_exported: "Xuất danh sách theo dõi thực hiện kiến nghị",
  paper_drafted: "Lập dự thảo văn bản trình lãnh đạo ký",
  paper_issued: "Văn bản của cuộc thanh tra được ban hành",
  sanction_drafted: "Lập dự thảo quyết định xử phạt vi phạm hành chính trình người có thẩm quyền ký",
  sanction_issued: "Quyết định xử phạt vi phạm hành chính được ký ban hành",
  paper_cancelled: "Hủy dự thảo quyết định thanh tra: bỏ Đoàn thanh tra đã dự kiến",
} as const;
type InspectionRecordAction = keyof typeof INSPECTION_RECORD_LABELS;

const FIXED_AUDIT_ACTIONS = {
  "auth.login": "Đăng nhập",
  "auth.login_failed": "Đăng nhập không thành công",
  "auth.locked": "Tạm khóa tài khoản do đăng nhập sai nhiều lần",
  "auth.logout": "Đăng xuất",
  "user.created": "Tạo tài khoản người dùng",
  "user.updated": "Sửa thông tin người dùng",
  "user.disabled": "Khóa tài khoản người dùng",
  "user.enabled": "Mở khóa tài khoản người dùng",
  "user.password_reset": "Đặt lại mật khẩu",
  "user.password_changed": "Đổi mật khẩu",
  "agency.created": "Thêm cơ quan, đơn vị",
  "agency.updated": "Sửa thông tin cơ quan, đơn vị",
  "calendar.updated": "Cập nhật lịch ngày nghỉ, ngày làm bù",
  "attachment.upload": "Tải lên tệp đính kèm",
  "attachment.download": "Tải xuống tệp đính kèm",
  "attachment.delete": "Xóa tệp đính kèm",
  "identity.view": "Xem danh tính người tố cáo",
  "identity.view_refused": "Bị từ chối xem danh tính người tố cáo",
  "identity.requested": "Đề nghị xem danh tính người tố cáo",
  "identity.request_approved": "Phê duyệt đề nghị xem danh tính người tố cáo",
  "identity.request_refused": "Từ chối đề nghị xem danh tính người tố cáo",
  "reminder.mailed": "Gửi thư nhắc hạn",
  "reception.schedule.created": "Lập lịch tiếp công dân",
  "reception.schedule.updated": "Sửa lịch tiếp công dân",
  "reception.schedule.published": "Công bố lịch tiếp công dân",
  "reception.schedule.cancelled": "Hủy buổi tiếp công dân",
  "reception.schedule.held": "Ghi nhận đã tổ chức buổi tiếp công dân",
  "reception.schedule.concluded": "Kết thúc buổi tiếp công dân",
  "reception.visit.created": "Ghi lượt tiếp công dân",
  "reception.visit.updated": "Sửa lượt tiếp công dân",
  "reception.visit.handled": "Ghi kết quả xử lý lượt tiếp",
  "reception.visit.followed_up": "Ghi kết quả theo dõi lượt tiếp",
  "reception.visit.identity_viewed": "Xem danh tính người được tiếp",
  "reception.visit.petition_created": "Vào sổ đơn từ lượt tiếp công dân",
  "reception.visits.exported": "Xuất danh sách lượt tiếp công dân",
  "reception.register.exported": "Xuất sổ tiếp công dân",
  "petition.received": "Tiếp nhận, vào sổ đơn",
  "petition.classified": "Phân loại đơn",
  "petition.joined_matter": "Ghép đơn vào cùng vụ việc",
  "petition.reopened_for_case": "Trả đơn về chờ mở vụ việc",
  "petition.destroy_batch": "Tiêu hủy đơn hết thời hạn lưu (theo lô)",
  "petition.destruction_drafted": "Lập dự thảo quyết định tiêu hủy đơn, chờ lãnh đạo ký",
  "petition.exported": "Xuất danh sách đơn",
  "petition_field.created": "Thêm lĩnh vực đơn",
  "petition_field.updated": "Sửa lĩnh vực đơn",
  "petition_field.deleted": "Xóa lĩnh vực đơn",
  "case.opened": "Mở vụ việc giải quyết (thụ lý)",
  "case.assigned": "Giao người giải quyết vụ việc",
  "document.drafted": "Lập dự thảo văn bản",
  "document.updated": "Sửa dự thảo văn bản",
  "document.issued": "Ban hành văn bản",
  "document.submitted": "Trình ký văn bản",
  "document.returned": "Trả lại văn bản trình ký",
  "document.cancelled": "Hủy dự thảo văn bản không ban hành",
  "document.downloaded": "Tải tệp văn bản",
  "seed.demo": "Nạp dữ liệu mẫu",
  // Inspection plans, subjects and overlaps (issue 17).
  "inspection.subject.created": "Thêm đối tượng thanh tra, kiểm tra",
  "inspection.subject.updated": "Sửa đối tượng thanh tra, kiểm tra",
  "inspection.subject.merged": "Gộp đối tượng thanh tra, kiểm tra trùng",
  "inspection.subject.imported": "Nhập danh mục đối tượng thanh tra, kiểm tra",
  "inspection.plan.created": "Lập dự thảo kế hoạch thanh tra, kiểm tra năm",
  "inspection.plan.item_added": "Thêm cuộc thanh tra, kiểm tra vào kế hoạch",
  "inspection.plan.item_updated": "Sửa cuộc thanh tra, kiểm tra trong kế hoạch",
  "inspection.plan.item_cancelled": "Hủy cuộc thanh tra, kiểm tra khỏi kế hoạch",
  "inspection.plan.issued": "Ban hành kế hoạch thanh tra, kiểm tra",
  "inspection.plan.adjustment_opened": "Mở điều chỉnh kế hoạch thanh tra, kiểm tra",
  "inspection.plan.decision_drafted": "Lập dự thảo quyết định ban hành kế hoạch thanh tra, kiểm tra",
  "inspection.plan.decision_withdrawn": "Hủy dự thảo quyết định ban hành kế hoạch thanh tra, kiểm tra",
  "inspection.overlap.resolved": "Xử lý trùng lặp thanh tra, kiểm tra",
  "inspection.state_audit.imported": "Nhập kế hoạch kiểm toán của Kiểm toán nhà nước",
  // anticorruption
  "anticorruption.position.created": "Thêm vị trí, chức danh vào danh mục PCTN",
  "anticorruption.position.updated": "Sửa vị trí, chức danh của danh mục PCTN",
  "anticorruption.official.created": "Thêm hồ sơ cán bộ (PCTN)",
  "anticorruption.official.updated": "Sửa hồ sơ cán bộ (PCTN)",
  "anticorruption.official.exemption_added": "Ghi trường hợp không xác minh tài sản, thu nhập",
  "anticorruption.officials.imported": "Nhập danh sách cán bộ từ tệp Excel",
  "anticorruption.campaign.opened": "Mở đợt kê khai tài sản, thu nhập",
  "anticorruption.campaign.recomputed": "Tính lại danh sách người có nghĩa vụ kê khai",
  "anticorruption.obligation.added": "Thêm người vào danh sách kê khai",
  "anticorruption.obligation.removed": "Bỏ người khỏi danh sách kê khai",
  "anticorruption.campaign.reminded": "Nhắc nộp bản kê khai",
  "anticorruption.declaration.received": "Ghi nhận đã nhận bản kê khai",
  "anticorruption.declaration.published": "Ghi nhận công khai bản kê khai",
  "anticorruption.declaration.entered": "Nhập nội dung bản kê khai",
  "anticorruption.declaration.imported": "Nhập nội dung bản kê khai từ tệp Excel theo mẫu",
  "anticorruption.declaration.viewed": "Xem bản kê khai tài sản, thu nhập",
  "anticorruption.declaration.downloaded": "Tải bản kê khai tài sản, thu nhập",
  "anticorruption.declaration.view_refused": "Bị từ chối xem bản kê khai tài sản, thu nhập",
  "anticorruption.plan.created": "Lập kế hoạch xác minh tài sản, thu nhập",
  "anticorruption.lottery.drawn": "Bốc thăm người được xác minh tài sản, thu nhập",
  "anticorruption.minutes.downloaded": "Tải biên bản bốc thăm",
  "anticorruption.verification.concluded": "Ghi kết luận xác minh tài sản, thu nhập",
  "anticorruption.rotation.deferred": "Ghi tạm hoãn chuyển đổi vị trí công tác",
  // portal (issue 20)
  "portal.petition_filed": "Công dân gửi đơn qua cổng trực tuyến",
  "portal.code_refused": "Tra cứu bằng mã không đúng trên cổng trực tuyến",
  "portal.code_used": "Công dân tra cứu đơn bằng mã",
  "portal.message_from_citizen": "Công dân gửi tin nhắn qua cổng trực tuyến",
  "portal.message_to_citizen": "Gửi câu hỏi cho người gửi đơn qua cổng",
  "portal.messages_viewed": "Xem trao đổi với người gửi đơn qua cổng",
  // satisfaction survey (issue 20)
  "portal.survey_answered": "Công dân gửi phiếu khảo sát mức độ hài lòng qua cổng",
  "anticorruption.case.created": "Ghi vụ việc tham nhũng được phát hiện",
  "anticorruption.case.updated": "Sửa vụ việc tham nhũng",
  "anticorruption.cases.exported": "Xuất danh sách vụ việc tham nhũng",
  "anticorruption.loophole.created": "Ghi văn bản có sơ hở, bất cập",
  "anticorruption.loophole.updated": "Sửa văn bản có sơ hở, bất cập",
  "anticorruption.prevention_document.created": "Ghi văn bản phòng ngừa tham nhũng ban hành, sửa đổi",
  "anticorruption.gift.created": "Ghi quà tặng nộp lại",
  "anticorruption.paper.downloaded":
    "Tải văn bản phòng, chống tham nhũng (danh sách kê khai, kế hoạch xác minh, kế hoạch chuyển đổi)",
  "anticorruption.training.created": "Ghi lớp tập huấn, buổi tuyên truyền về phòng, chống tham nhũng",
  // report submissions (issue 19)
  "report.submission.drafted": "Lưu báo cáo định kỳ (chốt số liệu bản nháp)",
  "report.submission.corrected": "Lập lần mới của báo cáo đã gửi (điều chỉnh, có lý do)",
  "report.submission.submitted": "Gửi báo cáo định kỳ lên cấp trên",
  "report.submission.returned": "Cấp trên trả lại báo cáo (có lý do)",
  "report.submission.accepted": "Cấp trên tiếp nhận báo cáo (khóa số liệu)",
  // public consultation on draft regulations (issue 20)
  "consultation.created": "Tạo dự thảo văn bản lấy ý kiến",
  "consultation.updated": "Sửa tên, ngày các giai đoạn của dự thảo lấy ý kiến",
  "consultation.version_added": "Đăng phiên bản mới của dự thảo lấy ý kiến",
  "consultation.opened": "Đăng dự thảo lên cổng để lấy ý kiến",
  "consultation.closed": "Kết thúc lấy ý kiến dự thảo",
  "consultation.comment_received": "Công dân gửi góp ý dự thảo qua cổng",
  "consultation.comment_published": "Duyệt đăng góp ý dự thảo",
  "consultation.comment_hidden": "Ẩn góp ý dự thảo (có lý do)",
  "consultation.response_added": "Tiếp thu, giải trình góp ý dự thảo",
  "consultation.summary_published": "Công bố kết quả tiếp thu, giải trình góp ý dự thảo",
  "consultation.contacts_read": "Xem thông tin liên hệ của người góp ý dự thảo",
  // report drill-down and narrative (issue 19)
  "report.drilldown.viewed": "Xem danh sách hồ sơ tạo nên một số liệu báo cáo",
  "report.narrative.downloaded": "Tải dự thảo báo cáo bằng lời (tệp Word)",
  "report.job.started": "Bắt đầu tính báo cáo tổng hợp theo từng đơn vị (có tiến độ)",
  // published results and Q&A on the portal (issue 20)
  "portal.publication.published": "Công khai kết quả giải quyết, kết luận trên cổng",
  "portal.publication.refused": "Bị từ chối công khai: nội dung còn thông tin cá nhân của các bên",
  "portal.publication.withdrawn": "Rút kết quả công khai khỏi cổng",
  "portal.faq.created": "Thêm câu hỏi thường gặp trên cổng",
  "portal.faq.updated": "Sửa, ẩn, hiện câu hỏi thường gặp trên cổng",
  // reporting graph (issue 19)
  "report.line.added": "Thêm quan hệ báo cáo (đơn vị báo cáo về cơ quan cấp trên từ ngày)",
  "report.line.closed": "Kết thúc quan hệ báo cáo",
  // portal: survey comments, mails to filers (issue 20)
  "portal.survey_comments_viewed": "Xem ý kiến góp ý trong phiếu khảo sát mức độ hài lòng",
  "portal.mail_stopped": "Người gửi đơn ngừng nhận thư thông báo qua cổng",
  // job rotation plan and its execution (issue 18)
  "anticorruption.rotation.planned": "Đưa cán bộ vào kế hoạch chuyển đổi vị trí công tác",
  "anticorruption.rotation.announced": "Ghi việc công khai kế hoạch chuyển đổi vị trí công tác",
  "anticorruption.rotation.recorded": "Ghi kết quả chuyển đổi vị trí công tác (đã chuyển, không chuyển, tạm hoãn)",
  // uploaded Excel reports of units not on the system (issue 19)
  "report.blank.downloaded": "Tải biểu mẫu báo cáo trống để đơn vị điền số liệu",
  "report.upload.accepted": "Tải lên báo cáo đã điền trên biểu mẫu Excel (được chấp nhận)",
  "report.upload.refused": "Tải lên báo cáo trên biểu mẫu Excel bị từ chối (có lỗi số liệu)",
  "report.upload.original_downloaded": "Tải tệp Excel gốc của báo cáo đã tải lên",
  // enforcement of decisions and manual report cells (issue 19, 05/KQTH and 06/QLKNTC)
  "case.enforcement.created": "Lập hồ sơ tổ chức thi hành quyết định giải quyết khiếu nại, xử lý tố cáo",
  "case.enforcement.updated": "Sửa nội dung phải thi hành của quyết định",
  "case.enforcement.step": "Ghi bước tổ chức thi hành quyết định",
  "report.manual_cells.saved": "Nhập, sửa ô số liệu nhập tay của biểu báo cáo",
} as const;

/** Every code the server writes to the audit trail, with its label. */
export const AUDIT_ACTIONS = {
  ...FIXED_AUDIT_ACTIONS,
  ...prefixed("petition.", PETITION_STEPS),
  ...prefixed("petition.outcome.", OUTCOME_LABELS),
  ...prefixed("case.", CASE_ACTION_LABELS),
  // inspections (issue 17)
  ...prefixed("inspection.", INSPECTION_STEP_LABELS),
  ...prefixed("inspection.", INSPECTION_RECORD_LABELS),
} as const satisfies Record<string, string>;

export type AuditAction =
  | keyof typeof FIXED_AUDIT_ACTIONS
  | `petition.${PetitionStepAction}`
  | `petition.outcome.${PetitionOutcome}`
  | `case.${CaseAction}`
  | `inspection.${InspectionAction | InspectionRecordAction}`;

// The catalogue and the type describe the same codes.
const _auditKeys: Record<AuditAction, string> = AUDIT_ACTIONS;
void _auditKeys;

const FIXED_TIMELINE_ACTIONS = {
  received: "Tiếp nhận, vào sổ",
  classified: "Phân loại, xác định điều kiện xử lý",
  joined_matter: "Ghép vào cùng vụ việc",
  transferred_in: "Nhận đơn chuyển đến",
  handed_to_case: "Mở vụ việc giải quyết (thụ lý)",
  reopened_for_case: "Trả về chờ mở vụ việc",
  opened: "Mở vụ việc giải quyết",
  assigned: "Giao người giải quyết",
  identity_requested: "Đề nghị xem danh tính người tố cáo",
  identity_approved: "Phê duyệt xem danh tính người tố cáo",
  identity_refused: "Từ chối xem danh tính người tố cáo",
  paper_issued: "Ký ban hành văn bản của bước",
  // portal (issue 20)
  portal_message_out: "Hỏi thêm người gửi đơn qua cổng trực tuyến",
  portal_message_in: "Người gửi đơn trả lời qua cổng trực tuyến",
} as const;

/** Every code the server writes on a petition's or a case's timeline, with its label. */
export const TIMELINE_ACTIONS = {
  ...FIXED_TIMELINE_ACTIONS,
  ...PETITION_STEPS,
  ...prefixed("outcome.", OUTCOME_LABELS),
  ...CASE_ACTION_LABELS,
  // inspections (issue 17)
  ...prefixed("inspection.", INSPECTION_STEP_LABELS),
  ...prefixed("inspection.", INSPECTION_RECORD_LABELS),
} as const satisfies Record<string, string>;

export type TimelineAction =
  | keyof typeof FIXED_TIMELINE_ACTIONS
  | PetitionStepAction
  | `outcome.${PetitionOutcome}`
  | CaseAction
  | `inspection.${InspectionAction | InspectionRecordAction}`;

const _timelineKeys: Record<TimelineAction, string> = TIMELINE_ACTIONS;
void _timelineKeys;

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, code);
}

/** The label of an audit code; a code written by an older version and since retired shows as written. */
export function auditActionLabel(code: string): string {
  return isAuditAction(code) ? AUDIT_ACTIONS[code] : code;
}

export function timelineActionLabel(code: string): string {
  return Object.hasOwn(TIMELINE_ACTIONS, code) ? TIMELINE_ACTIONS[code as TimelineAction] : code;
}

/** What the audit trail's entity types are called. */
export const AUDIT_ENTITY_TYPES: Readonly<Record<string, string>> = {
  petition: "Đơn",
  case: "Vụ việc",
  document: "Văn bản",
  user: "Người dùng",
  agency: "Cơ quan, đơn vị",
  attachment: "Tệp đính kèm",
  calendar_year: "Lịch năm",
  petition_field: "Lĩnh vực đơn",
  reception_schedule: "Lịch tiếp công dân",
  reception_visit: "Lượt tiếp công dân",
  system: "Hệ thống",
  // Inspection plans, subjects and overlaps (issue 17).
  inspection_subject: "Đối tượng thanh tra, kiểm tra",
  inspection_subject_import: "Nhập danh mục đối tượng",
  inspection_plan: "Kế hoạch thanh tra, kiểm tra",
  inspection_overlap_resolution: "Xử lý trùng lặp",
  state_audit_import: "Kế hoạch kiểm toán nhà nước",
  // portal (issue 20)
  portal_lookup: "Tra cứu bằng mã trên cổng",
  // anticorruption
  ac_position: "Vị trí, chức danh (PCTN)",
  ac_official: "Cán bộ (PCTN)",
  ac_campaign: "Đợt kê khai tài sản, thu nhập",
  ac_obligation: "Người có nghĩa vụ kê khai",
  ac_declaration: "Bản kê khai tài sản, thu nhập",
  ac_plan: "Kế hoạch xác minh tài sản, thu nhập",
  ac_verification: "Xác minh tài sản, thu nhập",
  ac_corruption_case: "Vụ việc tham nhũng",
  ac_loophole_document: "Văn bản có sơ hở, bất cập",
  ac_prevention_document: "Văn bản phòng ngừa tham nhũng",
  ac_gift: "Quà tặng nộp lại",
  ac_training: "Tập huấn, tuyên truyền phòng, chống tham nhũng",
  // report submissions (issue 19)
  report_submission: "Báo cáo định kỳ đã lập",
  // reporting graph (issue 19)
  reporting_line: "Quan hệ báo cáo",
};

export function auditEntityTypeLabel(type: string): string {
  return AUDIT_ENTITY_TYPES[type] ?? type;
}

// ---- The summary as lines ---------------------------------------------------------------------

const SUMMARY_KEYS: Readonly<Record<string, string>> = {
  code: "Số",
  petition: "Đơn",
  petitionCode: "Đơn",
  sameAs: "Cùng vụ việc với đơn",
  before: "Trước",
  after: "Sau",
  state: "Trạng thái",
  kind: "Loại",
  channel: "Nguồn đơn",
  receivedOn: "Ngày nhận",
  username: "Tên đăng nhập",
  fullName: "Họ và tên",
  roles: "Vai trò",
  reason: "Lý do",
  failedLogins: "Số lần đăng nhập sai",
  formCode: "Mẫu",
  number: "Số",
  symbol: "Số, ký hiệu",
  issuedOn: "Ngày ban hành",
  sha256: "Mã băm tệp",
  fieldsChanged: "Các mục đã sửa",
  titleChanged: "Sửa trích yếu",
  rows: "Số dòng",
  format: "Định dạng",
  filters: "Bộ lọc",
  from: "Từ ngày",
  to: "Đến ngày",
  on: "Ngày",
  cases: "Số vụ việc",
  seqNo: "Số thứ tự",
  year: "Năm",
  name: "Tên",
  group: "Nhóm",
  reportGroup: "Nhóm báo cáo",
  assignees: "Người được giao",
  writers: "Số người viết đơn",
  ground: "Căn cứ",
  expiresAt: "Hiệu lực đến",
  transferredTo: "Chuyển đến",
  agencies: "Số cơ quan",
  groups: "Số nhóm",
  disabled: "Khóa tài khoản",
  status: "Tình trạng",
  startsAt: "Bắt đầu",
  fileName: "Tên tệp",
  size: "Dung lượng (byte)",
  decisionNumber: "Số quyết định",
  decisionDate: "Ngày quyết định",
  decidedBy: "Người quyết định",
  // anticorruption
  reader: "Người xem",
  units: "Số đơn vị được chọn",
  persons: "Số người",
  damage: "Thiệt hại",
  recovered: "Đã thu hồi",
  value: "Giá trị",
  remediedOn: "Ngày khắc phục",
  sessions: "Số lớp, số cuộc",
  participants: "Số lượt người",
};

const SUMMARY_VALUES: Readonly<Record<string, string>> = {
  unknown_user: "Không có tài khoản này",
  disabled: "Tài khoản đã bị khóa",
  wrong_password: "Sai mật khẩu",
  draft: "Dự thảo",
  published: "Đã công bố",
  held: "Đã tổ chức",
  cancelled: "Đã hủy",
  // anticorruption
  first_time: "Kê khai lần đầu",
  annual: "Kê khai hằng năm",
  supplementary: "Kê khai bổ sung",
  appointment: "Kê khai phục vụ công tác cán bộ",
  declarant: "Người kê khai",
  officer: "Cán bộ phòng, chống tham nhũng",
  honest: "Kê khai trung thực",
  dishonest: "Kê khai không trung thực",
  investigation: "Đang bị điều tra, truy tố, xét xử",
  grave_illness: "Đang điều trị bệnh hiểm nghèo",
  abroad: "Học tập, công tác ở nước ngoài từ 12 tháng",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

function humanKey(key: string): string {
  return SUMMARY_KEYS[key] ?? key;
}

function humanValue(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (typeof value === "number") return value.toLocaleString("vi-VN");
  if (typeof value === "string") {
    if (UUID.test(value)) return null;
    if (key === "roles" && Object.hasOwn(ROLES, value)) return ROLES[value as RoleCode].name;
    if (key === "state") {
      if (Object.hasOwn(PETITION_STATES, value)) return PETITION_STATES[value as PetitionState];
      if (Object.hasOwn(CASE_STATES, value)) return CASE_STATES[value as CaseState];
    }
    const date = ISO_DATE.exec(value);
    if (date) return `${date[3]}/${date[2]}/${date[1]}`;
    if (ISO_TIME.test(value)) {
      const d = new Date(value);
      if (!Number.isNaN(d.getTime())) {
        const vn = new Date(d.getTime() + 7 * 3_600_000);
        const p = (n: number) => String(n).padStart(2, "0");
        return `${p(vn.getUTCDate())}/${p(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()} ${p(vn.getUTCHours())}:${p(vn.getUTCMinutes())}`;
      }
    }
    return SUMMARY_VALUES[value] ?? value;
  }
  if (Array.isArray(value)) {
    const parts = value.map((v) => humanValue(key, v)).filter((v): v is string => v !== null);
    return parts.length ? parts.join(", ") : null;
  }
  return null;
}

/**
 * What an audit event recorded, as "field: value" lines in the officers' words. Nested objects
 * read "Trước – Trạng thái: …"; internal ids are left out (the entity column names the object).
 */
export function auditSummaryLines(summary: unknown, path: string[] = []): string[] {
  if (summary === null || typeof summary !== "object" || Array.isArray(summary)) return [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(summary as Record<string, unknown>)) {
    const here = [...path, humanKey(key)];
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      lines.push(...auditSummaryLines(value, here));
      continue;
    }
    const text = humanValue(key, value);
    if (text !== null) lines.push(`${here.join(" – ")}: ${text}`);
  }
  return lines;
}
