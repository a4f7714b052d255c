/**
 * Errors of the deadline engine: a stable `code` for programs, a Vietnamese `message` for people
 * and the `field` of the input at fault (`rule`, `from`, `suspensions[0].to`, `extensions`...).
 * All messages live here; the exhaustive switch turns a forgotten code into a compile error.
 */
export type DeadlineErrorCode =
  | "INVALID_INPUT"
  | "UNKNOWN_RULE"
  | "RULE_NOT_IN_FORCE"
  | "INVALID_DATE"
  | "DATE_OUT_OF_RANGE"
  | "VARIANT_NOT_ALLOWED"
  | "INVALID_EXTENSIONS"
  | "EXTENSIONS_NOT_ALLOWED"
  | "TOO_MANY_EXTENSIONS"
  | "INVALID_SUSPENSIONS"
  | "SUSPENSION_ENDS_BEFORE_START"
  | "SUSPENSION_BEFORE_START"
  | "SUSPENSIONS_OVERLAP";

export interface DeadlineErrorParams {
  rule?: string;
  date?: string;
  variant?: string;
  allowed?: readonly string[];
  max?: number;
  requested?: number;
  value?: unknown;
  other?: string;
  from?: string;
  to?: string;
  minYear?: number;
  maxYear?: number;
}

export function deadlineErrorMessage(code: DeadlineErrorCode, p: DeadlineErrorParams = {}): string {
  switch (code) {
    case "INVALID_INPUT":
      return "Dữ liệu tính thời hạn không hợp lệ: cần một đối tượng có quy tắc (rule) và ngày bắt đầu (from).";
    case "UNKNOWN_RULE":
      return `Không có quy tắc thời hạn "${String(p.rule)}".`;
    case "RULE_NOT_IN_FORCE":
      return `Quy tắc thời hạn "${String(p.rule)}" không có phiên bản nào có hiệu lực vào ngày ${String(p.date)}.`;
    case "INVALID_DATE":
      return p.value === undefined || p.value === null || p.value === ""
        ? "Thiếu ngày (định dạng YYYY-MM-DD)."
        : `Ngày ${JSON.stringify(p.value)} không hợp lệ (định dạng phải là YYYY-MM-DD và là ngày có thật).`;
    case "DATE_OUT_OF_RANGE":
      return `Ngày ${String(p.date)} nằm ngoài phạm vi lịch được hỗ trợ (${p.minYear}–${p.maxYear}).`;
    case "VARIANT_NOT_ALLOWED":
      return (p.allowed ?? []).length === 0
        ? `Quy tắc "${String(p.rule)}" không có trường hợp riêng "${String(p.variant)}".`
        : `Quy tắc "${String(p.rule)}" không có trường hợp riêng "${String(p.variant)}"; chỉ chấp nhận: ${(p.allowed ?? []).join(", ")}.`;
    case "INVALID_EXTENSIONS":
      return `Số lần gia hạn phải là số nguyên không âm (nhận được ${JSON.stringify(p.value)}).`;
    case "EXTENSIONS_NOT_ALLOWED":
      return `Quy tắc "${String(p.rule)}" không cho phép gia hạn.`;
    case "TOO_MANY_EXTENSIONS":
      return p.max === 0
        ? `Trường hợp này không được gia hạn (yêu cầu ${p.requested} lần); chỉ vụ việc phức tạp mới được gia hạn.`
        : `Chỉ được gia hạn tối đa ${p.max} lần (yêu cầu ${p.requested} lần).`;
    case "INVALID_SUSPENSIONS":
      return "Danh sách tạm đình chỉ phải là một mảng các khoảng {from, to}.";
    case "SUSPENSION_ENDS_BEFORE_START":
      return `Khoảng tạm đình chỉ kết thúc (${String(p.to)}) trước khi bắt đầu (${String(p.from)}).`;
    case "SUSPENSION_BEFORE_START":
      return `Khoảng tạm đình chỉ bắt đầu (${String(p.from)}) trước ngày bắt đầu tính thời hạn (${String(p.date)}).`;
    case "SUSPENSIONS_OVERLAP":
      return `Các khoảng tạm đình chỉ chồng lên nhau (${String(p.from)}–${String(p.to)} và ${String(p.other)}).`;
  }
}

export class DeadlineError extends Error {
  override readonly name = "DeadlineError";
  readonly code: DeadlineErrorCode;
  readonly field: string;
  readonly params: DeadlineErrorParams;

  constructor(code: DeadlineErrorCode, field: string, params: DeadlineErrorParams = {}) {
    super(deadlineErrorMessage(code, params));
    this.code = code;
    this.field = field;
    this.params = params;
  }

  toJSON(): { code: DeadlineErrorCode; field: string; message: string } {
    return { code: this.code, field: this.field, message: this.message };
  }
}
