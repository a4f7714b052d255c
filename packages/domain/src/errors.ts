/**
 * The error catalogue: every stable error code the system answers with, its Vietnamese message
 * and its HTTP status, in one place. Clients get the code (for programs) and the message (for
 * people); the server takes the status from here, so there is no default status to fall back on.
 * Each family of errors has its own table. The legal clock's, the calendar's and the identity
 * papers' tables are typed by their family's codes, so a code missing from them (or one the
 * family does not have) is a compile error; a rule Problem's code must be a key of the rule
 * tables (problem.ts), so a rule with a code that has no entry here does not compile either.
 */
import type { CalendarErrorCode } from "./calendar/errors.ts";
import type { DeadlineErrorCode } from "./deadlines/errors.ts";
import type { IdentityProblemCode } from "./reception/identity.ts";

/** The statuses the API answers errors with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 414 | 415 | 423 | 429 | 500 | 503;

export interface ErrorEntry {
  readonly status: ErrorStatus;
  readonly message: string;
}

/** The API's own codes: requests, sessions, access and the business refusals of the services. */
const API_ERRORS = {
  VALIDATION_FAILED: { status: 400, message: "Dữ liệu gửi lên không hợp lệ." },
  // Fastify's other client errors keep the status they come with (platform/errors.ts).
  BAD_REQUEST: { status: 400, message: "Dữ liệu gửi lên không hợp lệ." },
  MALFORMED_JSON: { status: 400, message: "Nội dung gửi lên không phải JSON hợp lệ." },
  MALFORMED_MULTIPART: {
    status: 400,
    message: "Biểu mẫu tải tệp (multipart/form-data) không hợp lệ hoặc bị cắt giữa chừng. Vui lòng gửi lại.",
  },
  BODY_TOO_LARGE: { status: 413, message: "Nội dung gửi lên quá lớn." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Định dạng nội dung không được hỗ trợ." },
  NOT_FOUND: { status: 404, message: "Không tìm thấy." },
  ROUTE_NOT_FOUND: { status: 404, message: "Không có chức năng này." },
  URL_INVALID: { status: 400, message: "Địa chỉ yêu cầu không hợp lệ (mã hóa phần trăm sai)." },
  URL_TOO_LONG: { status: 414, message: "Địa chỉ yêu cầu có một thành phần quá dài." },
  UNAUTHENTICATED: { status: 401, message: "Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại." },
  FORBIDDEN: { status: 403, message: "Bạn không có quyền thực hiện thao tác này." },
  OUT_OF_SCOPE: { status: 403, message: "Dữ liệu này thuộc cơ quan ngoài phạm vi của bạn." },
  CSRF_INVALID: { status: 403, message: "Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang." },
  INVALID_CREDENTIALS: { status: 401, message: "Tên đăng nhập hoặc mật khẩu không đúng." },
  ACCOUNT_LOCKED: {
    status: 423,
    message: "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ít phút.",
  },
  ACCOUNT_DISABLED: { status: 401, message: "Tên đăng nhập hoặc mật khẩu không đúng." },
  TOO_MANY_REQUESTS: { status: 429, message: "Quá nhiều yêu cầu. Vui lòng thử lại sau." },
  WRONG_CURRENT_PASSWORD: { status: 400, message: "Mật khẩu hiện tại không đúng." },
  WEAK_PASSWORD: { status: 400, message: "Mật khẩu phải có ít nhất 10 ký tự, gồm chữ hoa, chữ thường và chữ số." },
  USERNAME_TAKEN: { status: 409, message: "Tên đăng nhập đã được sử dụng." },
  AGENCY_CODE_TAKEN: { status: 409, message: "Mã cơ quan đã được sử dụng." },
  AGENCY_NOT_FOUND: { status: 404, message: "Không tìm thấy cơ quan." },
  USER_NOT_FOUND: { status: 404, message: "Không tìm thấy tài khoản." },
  CANNOT_DISABLE_SELF: { status: 400, message: "Không thể tự khóa tài khoản của chính mình." },
  VERSION_CONFLICT: {
    status: 409,
    message: "Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và nhập lại thay đổi của bạn.",
  },
  UNKNOWN_RULE: { status: 400, message: "Không có quy tắc thời hạn này." },
  INVALID_DATE: { status: 400, message: "Ngày không hợp lệ." },
  CALENDAR_INVALID: { status: 400, message: "Lịch làm việc không hợp lệ." },
  DOCUMENT_FORM_UNKNOWN: { status: 400, message: "Không có mẫu văn bản này." },
  DOCUMENT_FORM_UNNUMBERED: {
    status: 400,
    message: "Mẫu này là biên bản in từ hồ sơ của nó và ký tại buổi làm việc; không lập thành văn bản có số.",
  },
  DOCUMENT_ALREADY_ISSUED: { status: 409, message: "Văn bản đã được ban hành: không thể sửa hoặc ban hành lại." },
  DOCUMENT_CANCELLED: { status: 409, message: "Văn bản đã bị hủy: không thể sửa hoặc ban hành." },
  DOCUMENT_INCOMPLETE: { status: 400, message: "Văn bản còn thiếu thông tin bắt buộc để ban hành." },
  DOCUMENT_NEEDS_SIGNATURE: {
    status: 409,
    message:
      "Quyết định, kết luận ban hành nhân danh thủ trưởng cơ quan: trình lãnh đạo (thủ trưởng hoặc cấp phó được giao) ký, không tự ban hành.",
  },
  DOCUMENT_NOT_SIGNER: { status: 403, message: "Chỉ người được trình ký mới ký ban hành hoặc trả lại văn bản này." },
  DOCUMENT_SIGNER_INVALID: {
    status: 400,
    message: "Người ký phải là lãnh đạo (thủ trưởng hoặc cấp phó) đang làm việc tại cơ quan ban hành văn bản.",
  },
  CASE_PAPERS_PENDING: {
    status: 409,
    message:
      "Văn bản của bước trước chưa ban hành: trình ký, ban hành văn bản đó trước, hoặc ghi lý do để ghi nhận bước này.",
  },
  DOCUMENT_NOT_SUBMITTED: { status: 409, message: "Văn bản chưa được trình ký." },
  DOCUMENT_NOT_CANCELLABLE: {
    status: 409,
    message: "Dự thảo này gắn với một bước đã ghi nhận: không hủy được; sửa dự thảo rồi trình ký.",
  },
  DOCUMENT_SUBMITTED: {
    status: 409,
    message: "Văn bản đang trình ký: không sửa được; đề nghị người ký trả lại nếu cần sửa.",
  },
  DOCUMENT_ISSUE_DATE_IN_FUTURE: { status: 400, message: "Ngày ban hành không được sau ngày hôm nay." },
  DOCUMENT_ISSUE_DATE_OUT_OF_ORDER: {
    status: 400,
    message: "Ngày ban hành không được trước ngày của văn bản đã ban hành gần nhất trong cùng sổ đăng ký.",
  },
  VISIT_WRONG_STATE: { status: 409, message: "Lượt tiếp công dân không ở trạng thái cho phép thao tác này." },
  VISIT_DATE_IN_FUTURE: { status: 400, message: "Ngày tiếp công dân không được sau ngày hôm nay." },
  VISIT_YEAR_LOCKED: {
    status: 400,
    message:
      "Không đổi được năm của ngày tiếp: số thứ tự trong sổ tiếp công dân đã được cấp theo năm. Hủy lượt tiếp này và ghi lượt mới.",
  },
  VISIT_ALREADY_PETITION: { status: 409, message: "Lượt tiếp đã được chuyển thành đơn." },
  VISIT_PETITION_NOT_ALLOWED: {
    status: 400,
    message: "Lượt tiếp bị từ chối hoặc chưa có nội dung nên không chuyển thành đơn được.",
  },
  REFUSAL_NOTICE_DATE_IN_FUTURE: {
    status: 400,
    message: "Ngày Thông báo từ chối tiếp công dân không được sau ngày hôm nay.",
  },
  EARLIER_MATTER_NOT_FOUND: { status: 400, message: "Không tìm thấy vụ việc đã giải quyết trước đó." },
  SCHEDULE_WRONG_STATUS: { status: 409, message: "Lịch tiếp công dân không ở trạng thái cho phép thao tác này." },
  SCHEDULE_NOT_HELD_YET: { status: 400, message: "Buổi tiếp công dân chưa diễn ra: chưa lập được thông báo kết luận." },
  SCHEDULE_CONCLUSION_EXISTS: { status: 409, message: "Buổi tiếp công dân đã có thông báo kết luận." },
  IDENTITY_PROTECTED: {
    status: 403,
    message:
      "Danh tính người tố cáo được bảo mật: chỉ người được giao giải quyết vụ việc, hoặc người có yêu cầu đã được lãnh đạo phê duyệt, mới được xem.",
  },
  IDENTITY_REQUEST_PENDING: {
    status: 409,
    message: "Bạn đã có một yêu cầu xem danh tính đang chờ phê duyệt cho vụ việc này.",
  },
  IDENTITY_REQUEST_NOT_PENDING: { status: 409, message: "Yêu cầu này đã được xử lý." },
  IDENTITY_REQUEST_SELF: { status: 403, message: "Không được tự phê duyệt yêu cầu xem danh tính của chính mình." },
  IDENTITY_NOT_NEEDED: { status: 409, message: "Bạn đã được xem danh tính trong vụ việc này, không cần gửi yêu cầu." },
  CASE_NOT_FOUND: { status: 404, message: "Không tìm thấy vụ việc." },
  CASE_EXISTS: { status: 409, message: "Đơn này đã được chuyển thành vụ việc giải quyết." },
  CASE_PETITION_NOT_READY: { status: 409, message: "Chỉ mở vụ việc giải quyết từ đơn đã được đề xuất thụ lý." },
  CASE_NOT_ASSIGNED: { status: 403, message: "Bạn không được giao giải quyết vụ việc này." },
  CASE_ASSIGNEE_INVALID: {
    status: 400,
    message: "Người được giao phải là cán bộ đang hoạt động của cơ quan giải quyết, có quyền giải quyết vụ việc.",
  },
  KEYS_UNAVAILABLE: { status: 503, message: "Chưa nạp khóa bảo vệ danh tính; liên hệ quản trị viên." },
  INTERNAL_ERROR: { status: 500, message: "Hệ thống gặp lỗi. Vui lòng thử lại; nếu lỗi lặp lại, báo quản trị viên." },
  // Inspection plans, subjects and overlaps (issue 17).
  SUBJECT_NOT_FOUND: { status: 404, message: "Không tìm thấy đối tượng thanh tra, kiểm tra." },
  SUBJECT_TAX_CODE_TAKEN: { status: 409, message: "Mã số thuế đã có trong danh mục đối tượng." },
  SUBJECT_AGENCY_TAKEN: { status: 409, message: "Cơ quan này đã có trong danh mục đối tượng." },
  SUBJECT_MERGED: {
    status: 409,
    message: "Đối tượng đã được gộp vào một đối tượng khác: sửa, chọn đối tượng được giữ lại.",
  },
  PLAN_NOT_FOUND: { status: 404, message: "Không tìm thấy kế hoạch thanh tra, kiểm tra." },
  PLAN_ITEM_NOT_FOUND: { status: 404, message: "Không tìm thấy cuộc thanh tra, kiểm tra trong kế hoạch." },
  PLAN_EXISTS: { status: 409, message: "Cơ quan đã có kế hoạch thanh tra, kiểm tra của năm này." },
  PLAN_WRONG_STATUS: {
    status: 409,
    message: "Kế hoạch không ở trạng thái cho phép thao tác này (đã ban hành thì phải mở điều chỉnh trước).",
  },
  PLAN_EMPTY: { status: 400, message: "Kế hoạch chưa có cuộc thanh tra, kiểm tra nào: chưa ban hành được." },
  PLAN_OVERLAP: {
    status: 409,
    message: "Đối tượng đã có trong kế hoạch thanh tra, kiểm tra cùng năm: xử lý trùng lặp trước khi lưu.",
  },
  OVERLAP_NOT_FOUND: { status: 400, message: "Không có trùng lặp này để xử lý (cuộc kia đã thay đổi hoặc bị hủy)." },
  // periodic reports (issue 19)
  REPORT_FORM_UNKNOWN: { status: 400, message: "Biểu mẫu báo cáo không tồn tại." },
  REPORT_PERIOD_INVALID: {
    status: 400,
    message:
      "Kỳ báo cáo không đúng kỳ chốt số liệu của chế độ báo cáo đang áp dụng (từ ngày 15 tháng trước đến ngày 14 tháng cuối kỳ).",
  },
  REPORT_FORM_NOT_IN_REGIME: {
    status: 400,
    message: "Biểu mẫu này không thuộc chế độ báo cáo áp dụng cho kỳ đã chọn.",
  },
  REPORT_CELL_UNKNOWN: { status: 400, message: "Ô số liệu không có trong biểu mẫu." },
  // report submissions (issue 19)
  REPORT_SUBMISSION_NOT_FOUND: { status: 404, message: "Không tìm thấy báo cáo đã lập." },
  REPORT_SUBMISSION_NOT_OWN: {
    status: 403,
    message: "Chỉ cơ quan lập báo cáo mới được lưu và gửi báo cáo của mình (cơ quan báo cáo).",
  },
  REPORT_SUBMISSION_NOT_SUPERIOR: {
    status: 403,
    message: "Chỉ cơ quan cấp trên trực tiếp của đơn vị báo cáo mới được trả lại hoặc tiếp nhận báo cáo.",
  },
  REPORT_SUBMISSION_WRONG_STATE: {
    status: 409,
    message: "Báo cáo không ở trạng thái cho phép thao tác này (báo cáo đã tiếp nhận thì đã khóa).",
  },
  REPORT_SUBMISSION_SUPERSEDED: {
    status: 409,
    message: "Đây không phải lần lập mới nhất của báo cáo: thao tác trên lần lập mới nhất.",
  },
  REPORT_RETURN_REASON_REQUIRED: { status: 400, message: "Nhập lý do trả lại báo cáo." },
  REPORT_CORRECTION_REASON_REQUIRED: {
    status: 400,
    message: "Báo cáo đã gửi hoặc đã tiếp nhận: nhập lý do điều chỉnh để lập lần mới.",
  },
  PLAN_DECISION_PENDING: {
    status: 409,
    message:
      "Quyết định ban hành kế hoạch đang dự thảo hoặc trình ký: hủy dự thảo quyết định (nếu đã trình thì người ký trả lại trước) để sửa kế hoạch.",
  },
  PLAN_NO_PENDING_DECISION: { status: 409, message: "Kế hoạch không có dự thảo quyết định nào đang chờ ký." },
  // published results on the portal (issue 20)
  PUBLICATION_NOT_PUBLISHABLE: {
    status: 409,
    message:
      "Chỉ công khai được quyết định giải quyết khiếu nại, kết luận nội dung tố cáo và kết luận thanh tra đã ban hành.",
  },
  PUBLICATION_EXISTS: {
    status: 409,
    message: "Văn bản này đang được công khai trên cổng: rút công khai trước khi công khai lại.",
  },
  PUBLICATION_PERSONAL_DATA: {
    status: 400,
    message:
      "Nội dung công khai còn thông tin cá nhân của người khiếu nại, tố cáo: che các thông tin đó trước khi công khai.",
  },
  PUBLICATION_WINDOW: { status: 400, message: "Công khai đến ngày: phải công khai ít nhất 15 ngày liên tục." },
  PUBLICATION_WITHDRAWN: { status: 409, message: "Kết quả này đã được rút khỏi cổng." },
  // reporting graph, clusters, roll-up (issue 19)
  REPORTING_LINE_OVERLAP: {
    status: 409,
    message:
      "Đơn vị đã có quan hệ báo cáo trong khoảng thời gian này: đóng quan hệ cũ trước ngày bắt đầu của quan hệ mới.",
  },
  REPORTING_LINE_SELF: { status: 400, message: "Đơn vị không thể báo cáo cho chính mình." },
  REPORTING_LINE_RANGE: { status: 400, message: "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu của quan hệ báo cáo." },
  REPORTING_LINE_NOT_FOUND: { status: 404, message: "Không tìm thấy quan hệ báo cáo." },
  REPORTING_LINE_CLOSED: { status: 409, message: "Quan hệ báo cáo này đã kết thúc." },
  AGENCY_GROUP_NOT_FOUND: { status: 404, message: "Không tìm thấy cụm thi đua." },
  REPORT_SCOPE_GROUP_REQUIRED: { status: 400, message: "Chọn cụm thi đua để lập báo cáo toàn Cụm." },
  // uploaded Excel reports (issue 19)
  REPORT_UPLOAD_NOT_ALLOWED: {
    status: 403,
    message:
      "Chỉ đơn vị báo cáo hoặc cơ quan cấp trên trực tiếp của đơn vị mới được tải lên báo cáo trên biểu mẫu Excel.",
  },
  REPORT_REUPLOAD_REASON_REQUIRED: {
    status: 400,
    message:
      "Báo cáo này đã có tệp Excel gốc tải lên: nhập lý do điều chỉnh để lập lần mới (tệp gốc của lần trước được giữ).",
  },
  REPORT_UPLOAD_UNIT_ON_SYSTEM: {
    status: 409,
    message:
      "Đơn vị đã dùng hệ thống trong kỳ này (có tài khoản người dùng đang hoạt động từ đầu kỳ, hoặc có hồ sơ trong kỳ): báo cáo của đơn vị được lập từ hồ sơ trên hệ thống, không nhận biểu mẫu Excel tải lên.",
  },
  REPORT_ORIGINAL_NOT_FOUND: { status: 404, message: "Báo cáo này không có tệp Excel gốc (báo cáo tính từ hồ sơ)." },
  // enforcement of complaint decisions and denunciation handling decisions (issue 19, 05/KQTH)
  ENFORCEMENT_NOT_FOUND: { status: 404, message: "Vụ việc chưa có hồ sơ tổ chức thi hành quyết định." },
  ENFORCEMENT_EXISTS: { status: 409, message: "Vụ việc đã có hồ sơ tổ chức thi hành quyết định." },
  ENFORCEMENT_NO_DECISION: {
    status: 409,
    message:
      "Chưa có quyết định giải quyết khiếu nại (hoặc quyết định xử lý kết luận nội dung tố cáo): chưa tổ chức thi hành được.",
  },
  ENFORCEMENT_NOT_ALLOWED: {
    status: 403,
    message: "Chỉ người được giao giải quyết vụ việc hoặc cán bộ theo dõi thi hành mới ghi việc tổ chức thi hành.",
  },
  ENFORCEMENT_STEP_ORDER: { status: 409, message: "Bước thi hành không đúng thứ tự (bắt đầu, một phần, xong)." },
  ENFORCEMENT_DATE_INVALID: { status: 400, message: "Ngày thi hành không hợp lệ." },
  ENFORCEMENT_OVER_DUE: { status: 400, message: "Số đã thực hiện vượt số quyết định yêu cầu." },
  ENFORCEMENT_DONE_UNEXPLAINED: {
    status: 400,
    message: "Còn nội dung chưa thực hiện hết: ghi căn cứ, lý do kết thúc việc thi hành.",
  },
  // manual cells of the periodic forms (issue 19, 06/QLKNTC)
  REPORT_MANUAL_CELL_UNKNOWN: { status: 400, message: "Biểu mẫu không có ô nhập tay này." },
  REPORT_MANUAL_CELL_INVALID: { status: 400, message: "Ô nhập tay phải là một số không âm." },
  // consolidated reports computed as a job (issue 19)
  REPORT_JOB_NOT_FOUND: { status: 404, message: "Không tìm thấy việc tính báo cáo tổng hợp." },
  REPORT_JOB_SCOPE: {
    status: 400,
    message: "Chỉ báo cáo tổng hợp (cơ quan và các đơn vị trực thuộc, hoặc toàn Cụm) mới tính theo từng bước.",
  },
  REPORT_JOB_LIMIT: {
    status: 429,
    message: "Bạn đang có quá nhiều việc tính báo cáo tổng hợp chưa xong: chờ một việc xong rồi mới bắt đầu việc mới.",
  },
  REPORT_JOB_INTERRUPTED: {
    status: 409,
    message: "Việc tính báo cáo bị gián đoạn (máy chủ đã khởi động lại). Hãy bấm tính lại.",
  },
} as const satisfies Record<string, ErrorEntry>;

/**
 * The legal clock's input errors (deadlines/errors.ts words each one with its parameters; the
 * message here is the sentence for the code alone).
 */
const DEADLINE_ERRORS = {
  INVALID_INPUT: {
    status: 400,
    message: "Dữ liệu tính thời hạn không hợp lệ: cần một đối tượng có quy tắc (rule) và ngày bắt đầu (from).",
  },
  UNKNOWN_RULE: API_ERRORS.UNKNOWN_RULE,
  RULE_NOT_IN_FORCE: { status: 400, message: "Quy tắc thời hạn không có phiên bản nào có hiệu lực vào ngày này." },
  INVALID_DATE: API_ERRORS.INVALID_DATE,
  DATE_OUT_OF_RANGE: { status: 400, message: "Ngày nằm ngoài phạm vi lịch được hỗ trợ." },
  VARIANT_NOT_ALLOWED: { status: 400, message: "Quy tắc thời hạn không có trường hợp riêng này." },
  INVALID_EXTENSIONS: { status: 400, message: "Số lần gia hạn phải là số nguyên không âm." },
  EXTENSIONS_NOT_ALLOWED: { status: 400, message: "Quy tắc thời hạn này không cho phép gia hạn." },
  TOO_MANY_EXTENSIONS: { status: 400, message: "Số lần gia hạn vượt quá mức cho phép." },
  INVALID_SUSPENSIONS: { status: 400, message: "Danh sách tạm đình chỉ phải là một mảng các khoảng {from, to}." },
  SUSPENSION_ENDS_BEFORE_START: { status: 400, message: "Khoảng tạm đình chỉ kết thúc trước khi bắt đầu." },
  SUSPENSION_BEFORE_START: {
    status: 400,
    message: "Khoảng tạm đình chỉ bắt đầu trước ngày bắt đầu tính thời hạn.",
  },
  SUSPENSIONS_OVERLAP: { status: 400, message: "Các khoảng tạm đình chỉ chồng lên nhau." },
} as const satisfies Record<DeadlineErrorCode, ErrorEntry>;

/** The working-day calendar's errors (calendar/errors.ts words them with their parameters). */
const CALENDAR_ERRORS = {
  INVALID_DATE: API_ERRORS.INVALID_DATE,
  DATE_OUT_OF_RANGE: DEADLINE_ERRORS.DATE_OUT_OF_RANGE,
  DUPLICATE_NOTICE_YEAR: { status: 400, message: "Có hai thông báo lịch nghỉ cho cùng một năm." },
  INVALID_NOTICE: { status: 400, message: "Thông báo lịch nghỉ không hợp lệ." },
} as const satisfies Record<CalendarErrorCode, ErrorEntry>;

/** The key ring that protects identities (the server's vault): only its absence reaches clients. */
const VAULT_ERRORS = {
  KEYS_UNAVAILABLE: API_ERRORS.KEYS_UNAVAILABLE,
} as const satisfies Record<string, ErrorEntry>;

/** The checks of an identity paper (reception/identity.ts). */
const IDENTITY_ERRORS = {
  KIND_UNKNOWN: { status: 400, message: "Loại không hợp lệ." },
  NUMBER_REQUIRED: { status: 400, message: "Nhập số giấy tờ tùy thân." },
  CCCD_FORMAT: { status: 400, message: "Số căn cước công dân phải gồm 12 chữ số." },
  CCCD_PLACE_CODE: { status: 400, message: "Mã nơi đăng ký khai sinh trong số căn cước công dân không đúng." },
  CCCD_CENTURY_CODE: { status: 400, message: "Mã thế kỷ và giới tính trong số căn cước công dân không đúng." },
  CCCD_BIRTH_YEAR_MISMATCH: { status: 400, message: "Năm sinh không khớp với số căn cước công dân." },
  CCCD_GENDER_MISMATCH: { status: 400, message: "Giới tính không khớp với số căn cước công dân." },
  CCCD_BIRTH_IN_FUTURE: { status: 400, message: "Năm sinh trong số căn cước công dân sau năm hiện tại." },
  CMND_FORMAT: { status: 400, message: "Số chứng minh nhân dân phải gồm 9 hoặc 12 chữ số." },
  PASSPORT_VN_FORMAT: { status: 400, message: "Số hộ chiếu Việt Nam không đúng định dạng." },
  PASSPORT_FOREIGN_FORMAT: { status: 400, message: "Số hộ chiếu nước ngoài không đúng định dạng." },
  OTHER_FORMAT: { status: 400, message: "Số giấy tờ tùy thân không đúng định dạng." },
  BIRTH_YEAR_INVALID: { status: 400, message: "Năm sinh không hợp lệ." },
} as const satisfies Record<IdentityProblemCode, ErrorEntry>;

/** The same checks on a visitor's paper, where the visit's rules prefix them (reception/visit-machine.ts). */
const VISITOR_IDENTITY_ERRORS = Object.fromEntries(
  Object.entries(IDENTITY_ERRORS).map(([code, entry]) => [`IDENTITY_${code}`, entry]),
) as { readonly [C in IdentityProblemCode as `IDENTITY_${C}`]: (typeof IDENTITY_ERRORS)[C] };

/**
 * The rules of the procedures (Problem codes, problem.ts): each problem words its own sentence
 * with the facts at hand, the message here is the sentence for the code alone. A broken rule
 * answers 400, a step asked of a matter in the wrong state 409.
 */
const RULE_ERRORS = {
  // Shared by several procedures.
  WRONG_STATE: { status: 409, message: "Hồ sơ không ở trạng thái cho phép thao tác này." },
  ACTION_UNKNOWN: { status: 400, message: "Không có thao tác này." },
  KIND_UNKNOWN: IDENTITY_ERRORS.KIND_UNKNOWN,
  DECISION_NUMBER_REQUIRED: { status: 400, message: "Nhập số quyết định." },
  DECISION_DATE_REQUIRED: { status: 400, message: "Nhập ngày quyết định." },
  DOCUMENT_NUMBER_REQUIRED: { status: 400, message: "Nhập số văn bản." },
  ON_REQUIRED: { status: 400, message: "Nhập ngày thực hiện." },
  // Reception: visits and groups.
  PEOPLE_COUNT_INVALID: { status: 400, message: "Số người không hợp lệ." },
  MEMBERS_EXCEED_COUNT: { status: 400, message: "Số người được ghi vượt quá số người của đoàn." },
  REPRESENTATIVE_REQUIRED: { status: 400, message: "Đoàn đông người phải cử người đại diện." },
  TOO_MANY_REPRESENTATIVES: { status: 400, message: "Đoàn đông người cử quá số người đại diện được phép." },
  REPRESENTATIVE_NOT_MEMBER: { status: 400, message: "Người đại diện phải là người trong đoàn." },
  REPRESENTATIVE_DUPLICATE: { status: 400, message: "Một người được ghi làm đại diện hai lần." },
  WRITTEN_APPOINTMENT_MISSING: { status: 400, message: "Chưa có văn bản cử người đại diện." },
  VISIT_KIND_UNKNOWN: { status: 400, message: "Loại lượt tiếp không hợp lệ." },
  VISITOR_REQUIRED: { status: 400, message: "Ghi ít nhất một người đến." },
  VISITOR_NAME_REQUIRED: { status: 400, message: "Nhập họ tên người đến." },
  VISITOR_ADDRESS_REQUIRED: { status: 400, message: "Nhập địa chỉ người đến." },
  IDENTITY_REQUIRED: { status: 400, message: "Ghi giấy tờ tùy thân của người đến." },
  AUTHORISATION_PAPER_REQUIRED: { status: 400, message: "Ghi giấy ủy quyền của người được ủy quyền." },
  PRESIDING_HEAD_REQUIRED: { status: 400, message: "Ghi người đứng đầu chủ trì buổi tiếp." },
  CONTENT_KIND_REQUIRED: { status: 400, message: "Chọn loại nội dung." },
  CONTENT_SUMMARY_REQUIRED: { status: 400, message: "Ghi tóm tắt nội dung." },
  ROUTE_UNKNOWN: { status: 400, message: "Hướng xử lý không hợp lệ." },
  FOLLOW_UP_REQUIRED: { status: 400, message: "Chọn hướng xử lý tiếp theo." },
  REFUSED_NO_FOLLOW_UP: { status: 400, message: "Lượt tiếp bị từ chối không có hướng xử lý tiếp theo." },
  REFUSAL_REASON_REQUIRED: { status: 400, message: "Chọn lý do từ chối tiếp." },
  REFUSAL_REASON_UNKNOWN: { status: 400, message: "Lý do từ chối tiếp không hợp lệ." },
  REFUSAL_NOTICE_REQUIRED: { status: 400, message: "Ghi Thông báo từ chối tiếp công dân." },
  REFUSAL_LEGAL_BASIS_REQUIRED: { status: 400, message: "Ghi căn cứ pháp luật của việc từ chối tiếp." },
  REFUSAL_EARLIER_MATTER_REQUIRED: { status: 400, message: "Ghi vụ việc đã được giải quyết trước đó." },
  WITHIN_COMPETENCE: {
    status: 400,
    message: "Vụ việc thuộc thẩm quyền của cơ quan thì thụ lý giải quyết, không chuyển đơn hay hướng dẫn.",
  },
  ACCEPT_NEEDS_COMPETENCE: { status: 400, message: "Chỉ thụ lý khi vụ việc thuộc thẩm quyền giải quyết của cơ quan." },
  TARGET_BODY_REQUIRED: { status: 400, message: "Ghi cơ quan có thẩm quyền." },
  DOCUMENT_NUMBER_MISSING: { status: 400, message: "Chưa có số văn bản." },
  // Petitions: classification, handling outcomes and the steps after them.
  NOT_CLASSIFIED: { status: 400, message: "Đơn chưa được phân loại." },
  FIELD_UNKNOWN: { status: 400, message: "Lĩnh vực không có trong danh mục." },
  CONTENT_KINDS_REQUIRED: { status: 400, message: "Chọn loại của từng nội dung đơn." },
  COMPETENCE_REQUIRED: { status: 400, message: "Xác định thẩm quyền giải quyết." },
  SEVERAL_BODIES_REQUIRED: { status: 400, message: "Ghi các cơ quan có thẩm quyền đối với từng nội dung." },
  REGULATION_ONLY_FOR_RECOMMENDATION: {
    status: 400,
    message: "Chỉ kiến nghị, phản ánh mới có thể là về quy định hành chính.",
  },
  NEW_EVIDENCE_WITHOUT_RESOLUTION: { status: 400, message: "Có tình tiết mới nhưng chưa ghi vụ việc đã giải quyết." },
  ELIGIBILITY_UNANSWERED: { status: 400, message: "Chưa trả lời đủ các câu hỏi về điều kiện xử lý đơn." },
  RECEIVED_ON_REQUIRED: { status: 400, message: "Nhập ngày nhận đơn." },
  SENT_ON_REQUIRED: { status: 400, message: "Nhập ngày gửi." },
  SENT_BEFORE_DECISION: { status: 400, message: "Ngày gửi không được trước ngày ký phiếu chuyển đơn." },
  URGE_BEFORE_SINCE: { status: 400, message: "Ngày đôn đốc không được trước ngày chuyển đơn, hướng dẫn." },
  RESULT_REQUIRED: { status: 400, message: "Ghi tóm tắt kết quả xử lý được phản hồi." },
  ON_BEFORE_RECEIPT: { status: 400, message: "Ngày xử lý không được trước ngày nhận đơn." },
  TARGETBODIES_REQUIRED: { status: 400, message: "Ghi các cơ quan có thẩm quyền đối với từng nội dung." },
  TARGETBODY_REQUIRED: { status: 400, message: "Ghi tên cơ quan có thẩm quyền." },
  REASONS_REQUIRED: { status: 400, message: "Nêu rõ lý do khiếu nại không đủ điều kiện thụ lý." },
  REPLYSUMMARY_REQUIRED: { status: 400, message: "Ghi tóm tắt nội dung trả lời người kiến nghị, phản ánh." },
  DUPLICATEOF_REQUIRED: { status: 400, message: "Lưu đơn trùng: chọn đơn cùng nội dung đã được xử lý." },
  RESOLVEDBY_REQUIRED: {
    status: 400,
    message: "Ghi số, ngày quyết định giải quyết khiếu nại hoặc kết luận nội dung tố cáo đã ban hành.",
  },
  ARCHIVE_REASON_REQUIRED: { status: 400, message: "Chọn lý do lưu đơn." },
  ARCHIVE_REASON_MISMATCH: { status: 400, message: "Lý do lưu đơn không phù hợp với đơn này." },
  NO_ARCHIVE_REASON: { status: 400, message: "Không có lý do lưu đơn phù hợp." },
  KIND_MISMATCH: { status: 400, message: "Cách xử lý này không dùng cho loại đơn này." },
  COMPETENCE_MISMATCH: { status: 400, message: "Cách xử lý này không phù hợp với thẩm quyền đã xác định." },
  ALREADY_GUIDED: { status: 400, message: "Đơn đã được hướng dẫn trước đó." },
  MULTI_CONTENT: { status: 400, message: "Đơn có nhiều nội dung: tách từng nội dung hoặc phân loại lại." },
  ALREADY_RESOLVED: { status: 400, message: "Vụ việc đã được giải quyết trước đó." },
  HIDDEN_WRITER: { status: 400, message: "Đơn nặc danh, mạo danh không được thụ lý." },
  COMPLAINT_NOT_ACCEPTABLE: { status: 400, message: "Khiếu nại thuộc trường hợp không thụ lý." },
  COMPLAINT_ACCEPTABILITY_UNKNOWN: { status: 400, message: "Chưa xác định khiếu nại có đủ điều kiện thụ lý." },
  COMPLAINT_ACCEPTABLE: { status: 400, message: "Khiếu nại không thuộc trường hợp không thụ lý." },
  ALREADY_PROPOSED: { status: 400, message: "Đơn đã được đề xuất thụ lý." },
  NOT_HIDDEN: { status: 400, message: "Chỉ áp dụng cho tố cáo nặc danh, mạo danh." },
  NO_EVIDENCE: { status: 400, message: "Chưa ghi thông tin, tài liệu, chứng cứ cụ thể." },
  FORWARDED_USE_RETURN: { status: 400, message: "Đơn do cơ quan khác chuyển đến thì trả lại cơ quan đã chuyển." },
  NOT_SEVERAL_BODIES: { status: 400, message: "Các nội dung không thuộc thẩm quyền của nhiều cơ quan." },
  NOT_FORWARDED: { status: 400, message: "Chỉ trả lại đơn do cơ quan, tổ chức, đơn vị khác chuyển đến." },
  ALREADY_TRANSFERRED: { status: 400, message: "Đơn đã được chuyển trước đó." },
  ADMINISTRATIVE_REGULATION: {
    status: 400,
    message: "Kiến nghị, phản ánh về quy định hành chính được xử lý theo Nghị định 20/2008/NĐ-CP.",
  },
  TRANSFERRED_BEFORE: { status: 400, message: "Nội dung này đã được chuyển đơn trước đó." },
  FILED_ON_MISSING: { status: 400, message: "Đơn chưa có ngày lưu đơn." },
  RETENTION_NOT_OVER: { status: 400, message: "Đơn chưa hết thời hạn lưu trữ." },
  DECIDED_BY_REQUIRED: { status: 400, message: "Ghi người ký quyết định." },
  TAX_CODE_FORMAT: {
    status: 400,
    message: "Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số.",
  },
  TAX_CODE_CHECK_DIGIT: { status: 400, message: "Mã số thuế sai chữ số kiểm tra (chữ số thứ 10)." },
  TAX_CODE_BRANCH: { status: 400, message: "Ba chữ số của đơn vị phụ thuộc phải từ 001 đến 999." },
  // Cases: the resolution of complaints and denunciations.
  CASE_KIND_MISMATCH: { status: 400, message: "Bước này không dùng cho loại vụ việc này." },
  CASE_WRONG_STATE: { status: 400, message: "Vụ việc không ở trạng thái cho phép bước này." },
  CASE_NOT_ACCEPTED: { status: 400, message: "Vụ việc chưa được thụ lý." },
  CASE_NOT_VERIFIED: { status: 400, message: "Vụ việc chưa được xác minh." },
  INSTANCE_REQUIRED: { status: 400, message: "Chọn lần giải quyết." },
  INSTANCE_NOT_FOR_DENUNCIATION: { status: 400, message: "Tố cáo không có lần giải quyết." },
  FIRST_INSTANCE_REQUIRED: { status: 400, message: "Ghi quyết định giải quyết lần đầu." },
  FIRST_INSTANCE_NOT_ALLOWED: { status: 400, message: "Khiếu nại lần đầu không có quyết định giải quyết lần đầu." },
  REPEATED_ONLY_FOR_DENUNCIATION: { status: 400, message: "Chỉ tố cáo tiếp mới được ghi là tố cáo lặp lại." },
  DATE_INVALID: { status: 400, message: "Ngày không hợp lệ." },
  DATE_IN_FUTURE: { status: 400, message: "Ngày không được sau ngày hôm nay." },
  DATE_TOO_EARLY: { status: 400, message: "Ngày không được trước bước trước đó." },
  DATE_AFTER_RECEIPT: { status: 400, message: "Ngày không được sau ngày nhận đơn." },
  TEXT_REQUIRED: { status: 400, message: "Nhập nội dung bắt buộc." },
  VALUE_INVALID: { status: 400, message: "Giá trị không hợp lệ." },
  GROUND_TICKED: { status: 400, message: "Khiếu nại thuộc trường hợp không thụ lý." },
  GROUND_REQUIRED: { status: 400, message: "Chọn ít nhất một trường hợp không thụ lý." },
  GROUND_UNKNOWN: { status: 400, message: "Trường hợp không thụ lý không hợp lệ." },
  LIMITATION_EXPIRED: { status: 400, message: "Đã hết thời hiệu." },
  LIMITATION_EXCUSED: { status: 400, message: "Quá thời hiệu nhưng có trở ngại khách quan." },
  ACCEPTANCE_LATE: { status: 400, message: "Thụ lý quá thời hạn." },
  INITIAL_PROCESSING_LATE: { status: 400, message: "Xử lý ban đầu quá thời hạn." },
  CONDITIONS_REQUIRED: { status: 400, message: "Xác định các điều kiện thụ lý tố cáo." },
  CONDITION_NOT_MET: { status: 400, message: "Tố cáo chưa đủ điều kiện thụ lý." },
  INITIAL_ALREADY_EXTENDED: { status: 400, message: "Thời hạn xử lý ban đầu đã được gia hạn." },
  INITIAL_EXTENSION_LATE: { status: 400, message: "Gia hạn xử lý ban đầu sau khi đã hết thời hạn." },
  NOTIFY_DENOUNCER_REQUIRED: { status: 400, message: "Xác định việc thông báo cho người tố cáo." },
  TRANSFER_LATE: { status: 400, message: "Chuyển đơn quá thời hạn." },
  JUSTIFICATION_REQUIRED: { status: 400, message: "Ghi lý do." },
  DIFFERS_FROM_DEMAND_REQUIRED: { status: 400, message: "Ghi nội dung khác với yêu cầu của người khiếu nại." },
  PARTICIPANTS_REQUIRED: { status: 400, message: "Ghi thành phần tham gia." },
  DIALOGUE_REQUIRED: { status: 400, message: "Chưa tổ chức đối thoại." },
  OUTCOME_REQUIRED: { status: 400, message: "Ghi kết quả." },
  UPHELD_REQUIRED: { status: 400, message: "Xác định khiếu nại, tố cáo đúng, sai." },
  UPHELD_NOT_ALLOWED: { status: 400, message: "Không ghi đúng, sai cho trường hợp này." },
  AMOUNT_INVALID: { status: 400, message: "Số tiền, số lượng không hợp lệ." },
  CADRES_EXCEED_TOTAL: { status: 400, message: "Số cán bộ vượt quá tổng số." },
  RESOLUTION_LATE: { status: 400, message: "Giải quyết quá thời hạn." },
  CRITERION_UNKNOWN: { status: 400, message: "Tiêu chí không hợp lệ." },
  COMPLEXITY_BELOW_EXTENSIONS: { status: 400, message: "Vụ việc không phức tạp không được gia hạn thêm." },
  EXTENSION_NOT_ALLOWED: { status: 400, message: "Không được gia hạn." },
  EXTENSION_LIMIT_REACHED: { status: 400, message: "Đã gia hạn tối đa số lần cho phép." },
  EXTENSION_AFTER_DUE: { status: 400, message: "Gia hạn sau khi đã hết thời hạn." },
  PUBLICATION_METHOD_UNKNOWN: { status: 400, message: "Hình thức công khai không hợp lệ." },
  PUBLICATION_TOO_SHORT: { status: 400, message: "Thời gian công khai chưa đủ." },
  DENOUNCER_DATA_NOT_REMOVED: { status: 400, message: "Nội dung công khai còn thông tin về người tố cáo." },
  PUBLICATION_REQUIRED: { status: 400, message: "Chưa công khai." },
  ENFORCEMENT_EXCEEDS_DECISION: { status: 400, message: "Số đã thi hành vượt quá số trong quyết định." },
  ENFORCEMENT_NOT_RECORDED: { status: 400, message: "Chưa ghi nhận việc thi hành quyết định." },
  HANDLING_REQUIRED: { status: 400, message: "Ghi ít nhất một biện pháp xử lý." },
  WITHDRAWAL_CONTINUED: { status: 400, message: "Người tố cáo rút tố cáo nhưng vẫn tiếp tục giải quyết." },
  NUMBER_FROM_REGISTER: {
    status: 400,
    message:
      "Số và người ký của văn bản do hệ thống lấy khi lãnh đạo ký ban hành; chỉ nhập khi văn bản đã ban hành ngoài hệ thống.",
  },
  // Refusals of the server's services that are not rules of a domain machine.
  FIELD_CODE_TAKEN: { status: 409, message: "Mã lĩnh vực đã có trong danh mục." },
  FIELD_BUILT_IN: { status: 409, message: "Lĩnh vực có sẵn của chương trình không xóa được; chỉ ngừng sử dụng." },
  FIELD_IN_USE: { status: 409, message: "Lĩnh vực đã được dùng: không xóa được, chỉ ngừng sử dụng." },
  DESTRUCTION_MIXED_AGENCIES: { status: 400, message: "Mỗi quyết định tiêu hủy chỉ gồm đơn của một cơ quan." },
  DESTRUCTION_PENDING: {
    status: 409,
    message: "Đơn đã có dự thảo quyết định tiêu hủy đang chờ ký; hủy dự thảo đó trước khi lập quyết định khác.",
  },
  ATTACHMENTS_LOCKED: { status: 409, message: "Hồ sơ đã kết thúc: không thêm, sửa hoặc xóa tệp đính kèm được." },
  // Inspections: the record, its steps, findings and follow-up (issue 17).
  INSPECTION_NOT_FOUND: { status: 404, message: "Không tìm thấy cuộc thanh tra, kiểm tra." },
  INSPECTION_STEP_OUT_OF_ORDER: {
    status: 409,
    message: "Bước này chưa thực hiện được ở giai đoạn hiện tại của cuộc thanh tra.",
  },
  INSPECTION_DATE_INVALID: { status: 400, message: "Ngày thực hiện bước không hợp lệ." },
  INSPECTION_NOT_DECIDER: {
    status: 403,
    message: "Chỉ lãnh đạo cơ quan tiến hành thanh tra (người ra quyết định) được thực hiện bước này.",
  },
  INSPECTION_NOT_TEAM_LEADER: { status: 403, message: "Chỉ Trưởng đoàn thanh tra được thực hiện bước này." },
  INSPECTION_TEAM_INVALID: {
    status: 400,
    message: "Thành viên Đoàn thanh tra phải là thanh tra viên đang hoạt động của cơ quan tiến hành thanh tra.",
  },
  INSPECTION_CONFLICT_OF_INTEREST: {
    status: 400,
    message: "Người có xung đột lợi ích với đối tượng thanh tra không được tham gia Đoàn thanh tra.",
  },
  INSPECTION_VIOLATION_SIGN_REQUIRED: {
    status: 409,
    message:
      "Đối tượng đã được thanh tra, kiểm tra trong năm: quyết định đột xuất phải ghi rõ dấu hiệu vi phạm rõ ràng.",
  },
  INSPECTION_SUBJECT_INVALID: { status: 400, message: "Đối tượng thanh tra không có trong danh mục đối tượng." },
  INSPECTION_LINK_INVALID: { status: 400, message: "Hồ sơ liên kết không hợp lệ." },
  INSPECTION_FINDINGS_LOCKED: {
    status: 409,
    message: "Kết luận thanh tra đã ký: không sửa kết quả thanh tra, kiến nghị được nữa.",
  },
  INSPECTION_EXTENSION_LIMIT: { status: 409, message: "Cuộc thanh tra đã được gia hạn tối đa số lần cho phép." },
  RECOMMENDATION_NOT_FOUND: { status: 404, message: "Không tìm thấy kiến nghị." },
  RECOMMENDATION_CLOSED: { status: 409, message: "Kiến nghị đã hoàn thành hoặc đã kết thúc theo dõi." },
  RECOVERY_ABOVE_OUTSTANDING: { status: 400, message: "Số đã thu hồi vượt quá số còn phải thu hồi theo kiến nghị." },
  RECOVERY_EMPTY: { status: 400, message: "Nhập số tiền hoặc diện tích đã thu hồi, hoặc đánh dấu đã thực hiện." },
  // anticorruption
  AC_POSITION_NOT_FOUND: { status: 404, message: "Không tìm thấy vị trí, chức danh trong danh mục." },
  AC_POSITION_CODE_TAKEN: { status: 409, message: "Mã vị trí đã có trong danh mục." },
  AC_OFFICIAL_NOT_FOUND: { status: 404, message: "Không tìm thấy cán bộ." },
  AC_OFFICIAL_CODE_TAKEN: { status: 409, message: "Mã cán bộ đã có trong cơ quan." },
  AC_UNIT_INVALID: { status: 400, message: "Đơn vị công tác phải là cơ quan kiểm soát hoặc đơn vị trực thuộc." },
  AC_USER_INVALID: { status: 400, message: "Tài khoản liên kết không tồn tại hoặc đã gắn với cán bộ khác." },
  AC_CAMPAIGN_NOT_FOUND: { status: 404, message: "Không tìm thấy đợt kê khai." },
  AC_CAMPAIGN_EXISTS: { status: 409, message: "Cơ quan đã mở đợt kê khai của năm này." },
  AC_OBLIGATION_NOT_FOUND: { status: 404, message: "Không tìm thấy người trong danh sách kê khai." },
  AC_OBLIGATION_EXISTS: { status: 409, message: "Người này đã có trong danh sách với loại kê khai này." },
  AC_OBLIGATION_REMOVED: { status: 409, message: "Người này đã được bỏ khỏi danh sách kê khai." },
  AC_SUPPLEMENTARY_ANNUAL: {
    status: 400,
    message: "Người kê khai hằng năm trong năm không phải kê khai bổ sung (Điều 36 khoản 2 Luật PCTN 2018).",
  },
  AC_APPOINTMENT_DATE_REQUIRED: {
    status: 400,
    message: "Kê khai phục vụ công tác cán bộ: nhập ngày dự kiến bầu, bổ nhiệm.",
  },
  AC_DECLARATION_NOT_FOUND: { status: 404, message: "Không tìm thấy bản kê khai." },
  AC_DECLARATION_EXISTS: { status: 409, message: "Bản kê khai này đã được nhập." },
  AC_DATE_IN_FUTURE: { status: 400, message: "Ngày không được sau ngày hôm nay." },
  AC_DECLARATION_FORBIDDEN: {
    status: 403,
    message: "Chỉ cán bộ phòng, chống tham nhũng của cơ quan kiểm soát và chính người kê khai được xem bản kê khai.",
  },
  AC_PLAN_NOT_FOUND: { status: 404, message: "Không tìm thấy kế hoạch xác minh." },
  AC_PLAN_EXISTS: { status: 409, message: "Cơ quan đã có kế hoạch xác minh của năm này." },
  AC_PLAN_RATE_TOO_LOW: { status: 400, message: "Tỷ lệ thấp hơn mức tối thiểu pháp luật quy định." },
  AC_LOTTERY_DONE: { status: 409, message: "Kế hoạch đã bốc thăm; kết quả không được bốc lại." },
  AC_LOTTERY_NOT_DONE: { status: 409, message: "Kế hoạch chưa bốc thăm." },
  AC_LOTTERY_NO_CANDIDATES: {
    status: 409,
    message: "Chưa có danh sách kê khai hằng năm của năm trước (đợt kê khai) để bốc thăm.",
  },
  AC_VERIFICATION_NOT_FOUND: { status: 404, message: "Không tìm thấy người được xác minh." },
  AC_HANDLING_REQUIRED: { status: 400, message: "Kê khai không trung thực: nhập hình thức xử lý." },
  AC_IMPORT_FILE_INVALID: { status: 400, message: "Tệp không phải tệp Excel (.xlsx) đọc được." },
  AC_DECLARATION_FILE_NOT_FORM: {
    status: 400,
    message:
      "Tệp không phải mẫu bản kê khai tài sản, thu nhập của hệ thống: tải mẫu (.xlsx) của người kê khai, điền vào các ô, không đổi tên các mục.",
  },
  AC_NOT_ROTATION_POSITION: {
    status: 400,
    message: "Cán bộ không giữ vị trí thuộc diện chuyển đổi định kỳ.",
  },
  AC_CASE_NOT_FOUND: { status: 404, message: "Không tìm thấy vụ việc tham nhũng." },
  AC_RECORD_NOT_FOUND: { status: 404, message: "Không tìm thấy bản ghi phòng, chống tham nhũng." },
  AC_LINK_INVALID: { status: 400, message: "Hồ sơ được liên kết không có hoặc không thuộc cơ quan." },
  AC_EXEMPTION_TOO_SHORT: {
    status: 400,
    message: "Đi học tập, công tác ở nước ngoài chỉ được loại trừ khi từ 12 tháng trở lên.",
  },
  AC_ROTATION_NOT_FOUND: { status: 404, message: "Không tìm thấy người trong kế hoạch chuyển đổi vị trí công tác." },
  AC_ROTATION_EXISTS: { status: 409, message: "Cán bộ đã có trong kế hoạch chuyển đổi vị trí công tác của năm này." },
  AC_ROTATION_CLOSED: {
    status: 409,
    message: "Người này đã có kết quả chuyển đổi (đã chuyển, không chuyển hoặc tạm hoãn); không ghi lại được.",
  },
  AC_ROTATION_SAME_POSITION: { status: 400, message: "Vị trí mới phải khác vị trí đang giữ." },
  AC_ROTATION_DATE_ORDER: { status: 400, message: "Ngày thực hiện không được trước ngày quyết định." },
  AC_ROTATION_PLAN_NOT_ANNOUNCED: {
    status: 409,
    message:
      "Kế hoạch chuyển đổi vị trí công tác của năm chưa được công khai trong cơ quan: ghi ngày, hình thức, nơi công khai trước khi thực hiện chuyển đổi.",
  },
  AC_ROTATION_BEFORE_ANNOUNCEMENT: {
    status: 400,
    message: "Ngày thực hiện chuyển đổi không được trước ngày công khai kế hoạch chuyển đổi.",
  },
} as const satisfies Record<string, ErrorEntry>;

/** Every family, for whoever needs to go through them (the catalogue's own tests). */
export const ERROR_FAMILIES = {
  api: API_ERRORS,
  deadline: DEADLINE_ERRORS,
  calendar: CALENDAR_ERRORS,
  vault: VAULT_ERRORS,
  identity: IDENTITY_ERRORS,
  visitorIdentity: VISITOR_IDENTITY_ERRORS,
  rule: RULE_ERRORS,
} as const;

/** The catalogue: one entry per code, whichever family raises it. */
export const ERRORS = {
  ...API_ERRORS,
  ...DEADLINE_ERRORS,
  ...CALENDAR_ERRORS,
  ...VAULT_ERRORS,
  ...IDENTITY_ERRORS,
  ...VISITOR_IDENTITY_ERRORS,
  ...RULE_ERRORS,
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;
export type VaultErrorCode = keyof typeof VAULT_ERRORS;
/** The codes a rule Problem may carry. */
export type RuleCode = keyof typeof RULE_ERRORS | keyof typeof IDENTITY_ERRORS | keyof typeof VISITOR_IDENTITY_ERRORS;

/** The Vietnamese message of each code (what the web client falls back on). */
export const ERROR_MESSAGES = Object.fromEntries(
  Object.entries(ERRORS).map(([code, entry]) => [code, entry.message]),
) as { readonly [C in ErrorCode]: (typeof ERRORS)[C]["message"] };

export function statusOf(code: ErrorCode): ErrorStatus {
  return ERRORS[code].status;
}

export interface ApiErrorBody {
  code: ErrorCode | (string & {});
  message: string;
  field?: string;
}

/** A business error with a stable code; the server answers it with the code's status here. */
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
