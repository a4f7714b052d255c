/**
 * Published results on the public portal (issue 20, docs/LAW.md §5.4, §6.3, §6.6, §8.4): a
 * complaint decision, a denunciation's conclusion or an inspection conclusion, once issued, is
 * shown on the portal only as a text an officer of the issuing agency has redacted and reviewed,
 * for a window of at least 15 consecutive days. The identity of a denouncer is never in it
 * (Điều 9 khoản 1 Luật Tố cáo 2018), nor the personal data of the other writers.
 */
import { addDays, formatVietnameseDate, isValidIsoDate, toDayNumber } from "../calendar/iso-date.ts";
import { cite } from "../law/acts.ts";
import { redactorFor, REDACTION_MASK, type RedactionSubject } from "../text/redact.ts";

/** What may be published, by the form of the issued paper. */
export const PUBLICATION_KINDS = {
  complaint_decision: "Quyết định giải quyết khiếu nại",
  denunciation_conclusion: "Kết luận nội dung tố cáo",
  inspection_conclusion: "Kết luận thanh tra",
} as const;
export type PublicationKind = keyof typeof PUBLICATION_KINDS;

/** The issued forms that may be published, and what each is. */
export const PUBLISHABLE_FORMS: Readonly<Record<string, PublicationKind>> = {
  "KN-QD": "complaint_decision",
  "TC-KL": "denunciation_conclusion",
  "TTr-KL": "inspection_conclusion",
};

export function publicationKindOf(formCode: string): PublicationKind | null {
  return PUBLISHABLE_FORMS[formCode] ?? null;
}

/**
 * The least window of publication: 15 consecutive (calendar) days, the day of publication counted.
 * Posting a denunciation's conclusion for at least 15 consecutive days is NĐ 31/2019's rule; the
 * same 15 days are applied to complaint decisions and inspection conclusions (docs/LAW.md §6.3,
 * §8.4; marked [P] there: the 2025 rule on inspection conclusions is not yet read).
 */
export const PUBLICATION_MIN_DAYS = 15;
/** A window longer than a year is a mistake in the date, not a publication. */
export const PUBLICATION_MAX_DAYS = 366;

export const PUBLICATION_BASIS: Readonly<Record<PublicationKind, string>> = {
  complaint_decision: `Điều 31, Điều 40 ${cite("LKN")}; ${cite("ND124")}`,
  denunciation_conclusion: `Điều 35 ${cite("LTC")}; ${cite("ND31")}`,
  inspection_conclusion: `Điều 37 ${cite("LTTR")}`,
};

/** The last day of the least window: published on the 1st, shown through the 15th. */
export function publicationMinEnd(publishedOn: string): string {
  return addDays(publishedOn, PUBLICATION_MIN_DAYS - 1);
}

export type WindowProblem = { field: "visibleUntil" | "publishedOn"; message: string };

/**
 * How far ahead a publication may be planned: the result is published soon after it is issued,
 * not held back; a quarter is room for a planned day (e.g. after the parties were notified).
 */
export const PUBLICATION_MAX_LEAD_DAYS = 90;

/**
 * The planned first day of a publication, checked: today or later (a window is never counted from
 * a day already past: the 15 days must all be shown), at most PUBLICATION_MAX_LEAD_DAYS ahead.
 * Null when it holds.
 */
export function checkPublicationStart(publishedOn: string, today: string): WindowProblem | null {
  if (!isValidIsoDate(publishedOn))
    return { field: "publishedOn", message: "Ngày bắt đầu công khai: ngày không hợp lệ (dd/mm/yyyy)." };
  if (publishedOn < today)
    return {
      field: "publishedOn",
      message: `Ngày bắt đầu công khai: không được trước hôm nay (${formatVietnameseDate(today)}); thời hạn công khai tính từ ngày bắt đầu.`,
    };
  if (toDayNumber(publishedOn) - toDayNumber(today) > PUBLICATION_MAX_LEAD_DAYS)
    return {
      field: "publishedOn",
      message: `Ngày bắt đầu công khai: không quá ${PUBLICATION_MAX_LEAD_DAYS} ngày kể từ hôm nay.`,
    };
  return null;
}

/** The window an officer chose, checked: null when it holds, else the problem with the field. */
export function checkPublicationWindow(publishedOn: string, visibleUntil: string): WindowProblem | null {
  if (!isValidIsoDate(visibleUntil))
    return { field: "visibleUntil", message: "Công khai đến ngày: ngày không hợp lệ (dd/mm/yyyy)." };
  const days = toDayNumber(visibleUntil) - toDayNumber(publishedOn) + 1;
  if (days < PUBLICATION_MIN_DAYS)
    return {
      field: "visibleUntil",
      message: `Công khai đến ngày: phải công khai ít nhất ${PUBLICATION_MIN_DAYS} ngày liên tục, tức là đến hết ngày ${formatVietnameseDate(publicationMinEnd(publishedOn))} trở đi.`,
    };
  if (days > PUBLICATION_MAX_DAYS)
    return {
      field: "visibleUntil",
      message: `Công khai đến ngày: không quá ${PUBLICATION_MAX_DAYS} ngày kể từ ngày công khai.`,
    };
  return null;
}

/** Whether a publication is shown on a day: from its day of publication through its last day. */
export function isVisibleOn(p: { publishedOn: string; visibleUntil: string; withdrawn: boolean }, today: string) {
  return !p.withdrawn && p.publishedOn <= today && today <= p.visibleUntil;
}

/** The mask the public reads where personal data was: no hint of whose it was. */
export const PUBLIC_MASK = "[thông tin cá nhân đã được che]";

/**
 * The text proposed for publication: every mention of the parties' personal data (name, address,
 * identity numbers, phones, e-mails, in the shapes people write them), and every phone, e-mail and
 * identity number by its shape alone, replaced by the mask.
 */
export function proposePublicText(text: string, subjects: readonly RedactionSubject[]): string {
  return redactorFor(subjects)(text).split(REDACTION_MASK).join(PUBLIC_MASK);
}

/**
 * What of the parties' personal data a text still holds, as pieces of the text ("Nguyễn Văn A",
 * "0912 345 678"), in order; empty when the text may be published. The check is the same masking
 * as the proposal: whatever it would still mask is personal data.
 */
export function personalDataLeft(text: string, subjects: readonly RedactionSubject[]): string[] {
  const masked = redactorFor(subjects)(text);
  if (masked === text) return [];
  // The pieces the masking replaced: walk both texts, the mask standing for what it hid.
  const found: string[] = [];
  const parts = masked.split(REDACTION_MASK);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const start = text.indexOf(part, at);
    if (start < 0) break;
    if (i > 0 && start > at) found.push(text.slice(at, start).trim());
    at = start + part.length;
  }
  if (found.length === 0) found.push("(dữ liệu cá nhân)");
  return [...new Set(found.filter(Boolean))];
}
