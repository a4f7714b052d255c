import { variantLabel } from "@minhbach/domain/deadlines/rules";
import type { DeadlineStatusCode, DeadlineUnit } from "./types.ts";

const UNIT_WORDS: Record<DeadlineUnit, string> = {
  calendar_day: "ngày",
  working_day: "ngày làm việc",
  month: "tháng",
  year: "năm",
  fixed_date: "ngày",
};

export function unitWord(unit: string): string {
  return UNIT_WORDS[unit as DeadlineUnit] ?? unit;
}

/** "45 ngày làm việc"; a fixed date has no length to show. */
export function lengthText(length: number, unit: string): string {
  return `${length} ${unitWord(unit)}`;
}

export const UNIT_LABELS: Record<DeadlineUnit, string> = {
  calendar_day: "Ngày (tính cả ngày nghỉ)",
  working_day: "Ngày làm việc",
  month: "Tháng",
  year: "Năm",
  fixed_date: "Ngày cố định",
};

/** The domain's wording of a variant ("vụ việc phức tạp"), capitalised for a form option. */
export function variantText(variant: string): string {
  const label = variantLabel(variant);
  return label.charAt(0).toLocaleUpperCase("vi") + label.slice(1);
}

export const STATUS_TEXT: Record<DeadlineStatusCode, (remaining: number, unit: string) => string> = {
  on_time: (n, unit) => `Còn ${n} ${unitWord(unit)}`,
  due_soon: (n, unit) => (n <= 0 ? "Đến hạn hôm nay" : `Sắp đến hạn: còn ${n} ${unitWord(unit)}`),
  overdue: (n, unit) => `Quá hạn ${Math.abs(n)} ${unitWord(unit)}`,
};

export const DEADLINE_TEXT = {
  title: "Tính thời hạn",
  description:
    "Tính hạn giải quyết theo quy định pháp luật, có tính ngày nghỉ lễ, Tết, nghỉ bù, gia hạn và thời gian tạm đình chỉ. Mỗi bước tính đều được giải thích.",
  rule: "Quy tắc thời hạn",
  rulePlaceholder: "Chọn loại việc cần tính hạn",
  ruleRequired: "Chọn quy tắc thời hạn.",
  fromRequired: "Nhập ngày bắt đầu tính.",
  suspensionFromRequired: "Nhập ngày bắt đầu tạm đình chỉ.",
  suspensionToRequired: "Nhập ngày kết thúc tạm đình chỉ.",
  startEvent: "Tính từ",
  provisional:
    "Hạn này tính theo lịch làm việc tạm tính (chưa có thông báo chính thức về ngày nghỉ); hạn có thể thay đổi khi lịch được cập nhật.",
  basis: "Căn cứ",
  length: "Thời hạn",
  unit: "Đơn vị tính",
  from: "Ngày bắt đầu tính",
  fromHint: "Ngày thụ lý, ngày nhận đơn hoặc ngày ban hành quyết định, tùy quy tắc.",
  variant: "Trường hợp",
  variantNormal: (length: string) => `Thông thường (${length})`,
  variantOption: (label: string, length: string) => `${label} (${length})`,
  extensions: "Số lần gia hạn",
  extensionsHint: (length: string, max: number) => `Mỗi lần gia hạn không quá ${length}; tối đa ${max} lần.`,
  suspensions: "Thời gian tạm đình chỉ",
  suspensionsHint: "Khoảng thời gian tạm đình chỉ giải quyết không tính vào thời hạn.",
  suspensionFrom: (n: number) => `Tạm đình chỉ ${n}: từ ngày`,
  suspensionTo: (n: number) => `Tạm đình chỉ ${n}: đến ngày`,
  addSuspension: "Thêm khoảng tạm đình chỉ",
  removeSuspension: (n: number) => `Xóa khoảng tạm đình chỉ ${n}`,
  compute: "Tính hạn",
  computing: "Đang tính…",
  probable: "(cách hiểu chưa được đối chiếu văn bản gốc)",
  resultTitle: "Hạn xử lý",
  dueLabel: "Hạn cuối",
  ruleLine: (title: string, version: string) => `${title} (phiên bản quy tắc ${version})`,
  startedOn: (date: string) => `Bắt đầu tính từ ngày ${date}`,
  emptyResult: "Chọn quy tắc, nhập ngày bắt đầu rồi bấm “Tính hạn”.",
  explanationTitle: "Cách tính hạn",
  showExplanation: "Hiện cách tính hạn",
  hideExplanation: "Ẩn cách tính hạn",
  dueBadgeLabel: (date: string, status: string) => `Hạn ${date}: ${status}`,
  noRules: "Chưa có quy tắc thời hạn nào.",
  rulesTitle: "Các quy tắc thời hạn",
} as const;
