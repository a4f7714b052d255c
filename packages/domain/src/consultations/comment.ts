/**
 * A citizen's comment on a passage of a draft, as the portal form posts it, and the drafting
 * body's answer to comments (tiếp thu / tiếp thu một phần / không tiếp thu, with explanation).
 */
import type { Phase } from "./phases.ts";

export const COMMENT_LIMITS = { body: 4000, quote: 1000, name: 120, contact: 200 } as const;

export const COMMENT_LABELS = {
  anchor: "Đoạn góp ý",
  quote: "Đoạn trích",
  body: "Nội dung góp ý",
  authorName: "Tên hiển thị",
  contact: "Thông tin liên hệ",
} as const;
export type CommentField = keyof typeof COMMENT_LABELS;

export interface CommentProblem {
  field: CommentField | "consultation";
  message: string;
}

export interface CommentForm {
  anchor: string;
  quote: string | null;
  body: string;
  authorName: string | null;
  contact: string | null;
}

const blankToNull = (v: unknown): string | null => {
  const t = typeof v === "string" ? v.trim() : "";
  return t ? t : null;
};

/**
 * Checks a posted comment against the consultation's phase and the anchors of its current
 * version. Every problem names its field; the phase refusal comes alone (nothing else matters).
 */
export function checkComment(
  input: Record<string, unknown>,
  phase: Phase,
  anchors: ReadonlySet<string>,
): { ok: true; value: CommentForm } | { ok: false; problems: CommentProblem[] } {
  if (phase === "drafting")
    return {
      ok: false,
      problems: [{ field: "consultation", message: "Dự thảo chưa mở lấy ý kiến: chưa thể gửi góp ý." }],
    };
  if (phase !== "open")
    return {
      ok: false,
      problems: [{ field: "consultation", message: "Dự thảo đã hết thời gian lấy ý kiến: không nhận thêm góp ý." }],
    };
  const problems: CommentProblem[] = [];
  const anchor = typeof input.anchor === "string" ? input.anchor.trim() : "";
  if (!anchor) problems.push({ field: "anchor", message: "Đoạn góp ý: chọn điều, khoản hoặc đoạn của dự thảo." });
  else if (!anchors.has(anchor))
    problems.push({
      field: "anchor",
      message: "Đoạn góp ý: không có đoạn này trong phiên bản hiện hành của dự thảo, vui lòng chọn lại.",
    });
  const body = typeof input.body === "string" ? input.body.trim() : "";
  if (!body) problems.push({ field: "body", message: "Nội dung góp ý: nhập ý kiến của bạn." });
  const long = (field: CommentField, value: string | null, max: number) => {
    if (value !== null && value.length > max)
      problems.push({ field, message: `${COMMENT_LABELS[field]}: tối đa ${max} ký tự.` });
  };
  const value: CommentForm = {
    anchor,
    quote: blankToNull(input.quote),
    body,
    authorName: blankToNull(input.authorName),
    contact: blankToNull(input.contact),
  };
  long("body", body, COMMENT_LIMITS.body);
  long("quote", value.quote, COMMENT_LIMITS.quote);
  long("authorName", value.authorName, COMMENT_LIMITS.name);
  long("contact", value.contact, COMMENT_LIMITS.contact);
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

export const COMMENT_STATUSES = ["pending", "published", "hidden"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const COMMENT_STATUS_LABELS: Readonly<Record<CommentStatus, string>> = {
  pending: "Chờ duyệt",
  published: "Đã đăng",
  hidden: "Đã ẩn",
};

export const RESPONSE_OUTCOMES = ["accepted", "partly", "not_accepted"] as const;
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number];
export const RESPONSE_OUTCOME_LABELS: Readonly<Record<ResponseOutcome, string>> = {
  accepted: "Tiếp thu",
  partly: "Tiếp thu một phần",
  not_accepted: "Không tiếp thu (giải trình)",
};
