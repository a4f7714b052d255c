/**
 * Stable error codes with their Vietnamese messages, in one place. Clients get the code (for
 * programs) and the message (for people). A code missing from the table is a compile error.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: "Dữ liệu gửi lên không hợp lệ.",
  MALFORMED_JSON: "Nội dung gửi lên không phải JSON hợp lệ.",
  MALFORMED_MULTIPART: "Biểu mẫu tải tệp (multipart/form-data) không hợp lệ hoặc bị cắt giữa chừng. Vui lòng gửi lại.",
  BODY_TOO_LARGE: "Nội dung gửi lên quá lớn.",
  UNSUPPORTED_MEDIA_TYPE: "Định dạng nội dung không được hỗ trợ.",
  NOT_FOUND: "Không tìm thấy.",
  ROUTE_NOT_FOUND: "Không có chức năng này.",
  URL_INVALID: "Địa chỉ yêu cầu không hợp lệ (mã hóa phần trăm sai).",
  URL_TOO_LONG: "Địa chỉ yêu cầu có một thành phần quá dài.",
  UNAUTHENTICATED: "Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại.",
  FORBIDDEN: "Bạn không có quyền thực hiện thao tác này.",
  OUT_OF_SCOPE: "Dữ liệu này thuộc cơ quan ngoài phạm vi của bạn.",
  CSRF_INVALID: "Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.",
  INVALID_CREDENTIALS: "Tên đăng nhập hoặc mật khẩu không đúng.",
  ACCOUNT_LOCKED: "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ít phút.",
  ACCOUNT_DISABLED: "Tên đăng nhập hoặc mật khẩu không đúng.",
  TOO_MANY_REQUESTS: "Quá nhiều yêu cầu. Vui lòng thử lại sau.",
  WRONG_CURRENT_PASSWORD: "Mật khẩu hiện tại không đúng.",
  WEAK_PASSWORD: "Mật khẩu phải có ít nhất 10 ký tự, gồm chữ hoa, chữ thường và chữ số.",
  USERNAME_TAKEN: "Tên đăng nhập đã được sử dụng.",
  AGENCY_CODE_TAKEN: "Mã cơ quan đã được sử dụng.",
  AGENCY_NOT_FOUND: "Không tìm thấy cơ quan.",
  USER_NOT_FOUND: "Không tìm thấy tài khoản.",
  CANNOT_DISABLE_SELF: "Không thể tự khóa tài khoản của chính mình.",
  VERSION_CONFLICT: "Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và nhập lại thay đổi của bạn.",
  UNKNOWN_RULE: "Không có quy tắc thời hạn này.",
  INVALID_DATE: "Ngày không hợp lệ.",
  CALENDAR_INVALID: "Lịch làm việc không hợp lệ.",
  DOCUMENT_FORM_UNKNOWN: "Không có mẫu văn bản này.",
  DOCUMENT_ALREADY_ISSUED: "Văn bản đã được ban hành: không thể sửa hoặc ban hành lại.",
  DOCUMENT_CANCELLED: "Văn bản đã bị hủy: không thể sửa hoặc ban hành.",
  DOCUMENT_INCOMPLETE: "Văn bản còn thiếu thông tin bắt buộc để ban hành.",
  DOCUMENT_ISSUE_DATE_IN_FUTURE: "Ngày ban hành không được sau ngày hôm nay.",
  DOCUMENT_ISSUE_DATE_OUT_OF_ORDER:
    "Ngày ban hành không được trước ngày của văn bản đã ban hành gần nhất trong cùng sổ đăng ký.",
  VISIT_WRONG_STATE: "Lượt tiếp công dân không ở trạng thái cho phép thao tác này.",
  VISIT_DATE_IN_FUTURE: "Ngày tiếp công dân không được sau ngày hôm nay.",
  VISIT_YEAR_LOCKED:
    "Không đổi được năm của ngày tiếp: số thứ tự trong sổ tiếp công dân đã được cấp theo năm. Hủy lượt tiếp này và ghi lượt mới.",
  VISIT_ALREADY_PETITION: "Lượt tiếp đã được chuyển thành đơn.",
  VISIT_PETITION_NOT_ALLOWED: "Lượt tiếp bị từ chối hoặc chưa có nội dung nên không chuyển thành đơn được.",
  REFUSAL_NOTICE_DATE_IN_FUTURE: "Ngày Thông báo từ chối tiếp công dân không được sau ngày hôm nay.",
  EARLIER_MATTER_NOT_FOUND: "Không tìm thấy vụ việc đã giải quyết trước đó.",
  SCHEDULE_WRONG_STATUS: "Lịch tiếp công dân không ở trạng thái cho phép thao tác này.",
  SCHEDULE_NOT_HELD_YET: "Buổi tiếp công dân chưa diễn ra: chưa lập được thông báo kết luận.",
  SCHEDULE_CONCLUSION_EXISTS: "Buổi tiếp công dân đã có thông báo kết luận.",
  IDENTITY_PROTECTED:
    "Danh tính người tố cáo được bảo mật: chỉ người được giao giải quyết vụ việc, hoặc người có yêu cầu đã được lãnh đạo phê duyệt, mới được xem.",
  IDENTITY_REQUEST_PENDING: "Bạn đã có một yêu cầu xem danh tính đang chờ phê duyệt cho vụ việc này.",
  IDENTITY_REQUEST_NOT_PENDING: "Yêu cầu này đã được xử lý.",
  IDENTITY_REQUEST_SELF: "Không được tự phê duyệt yêu cầu xem danh tính của chính mình.",
  IDENTITY_NOT_NEEDED: "Bạn đã được xem danh tính trong vụ việc này, không cần gửi yêu cầu.",
  CASE_NOT_FOUND: "Không tìm thấy vụ việc.",
  CASE_EXISTS: "Đơn này đã được chuyển thành vụ việc giải quyết.",
  CASE_PETITION_NOT_READY: "Chỉ mở vụ việc giải quyết từ đơn đã được đề xuất thụ lý.",
  CASE_NOT_ASSIGNED: "Bạn không được giao giải quyết vụ việc này.",
  CASE_ASSIGNEE_INVALID:
    "Người được giao phải là cán bộ đang hoạt động của cơ quan giải quyết, có quyền giải quyết vụ việc.",
  KEYS_UNAVAILABLE: "Chưa nạp khóa bảo vệ danh tính; liên hệ quản trị viên.",
  INTERNAL_ERROR: "Hệ thống gặp lỗi. Vui lòng thử lại; nếu lỗi lặp lại, báo quản trị viên.",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ApiErrorBody {
  code: ErrorCode | (string & {});
  message: string;
  field?: string;
}

/** A business error with a stable code; the server maps it to an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
