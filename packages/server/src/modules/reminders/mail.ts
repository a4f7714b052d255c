/**
 * The reminder e-mail: the transport (nodemailer, from SMTP_URL) and the daily digest's text, in
 * Vietnamese, plain and HTML. A digest names only what the recipient needs to find the case — its
 * code, kind, state and due date, and a link — never a petitioner, a respondent or a letter's
 * words: the mail leaves the system, and a letter's text may name the denouncer.
 */
import { CASE_KINDS, CASE_STATES, type CaseKind, type CaseState } from "@minhbach/domain";
import { daysBetween, formatVietnameseDate } from "@minhbach/domain/legal-clock";
import nodemailer from "nodemailer";

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** What the digest needs of a transport: nodemailer's (SMTP, or jsonTransport/streamTransport in tests). */
export interface MailTransport {
  sendMail(message: MailMessage): Promise<{ messageId?: string }>;
  close?(): void;
}

/** The SMTP transport of SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS from the start). */
export function createMailTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport(smtpUrl);
}

/** One case of a digest: nothing more than this leaves the system. */
export interface DigestCase {
  id: string;
  code: string;
  kind: CaseKind;
  state: string;
  dueOn: string;
}

export interface Digest {
  subject: string;
  text: string;
  html: string;
}

/** Where each kind of case opens in the web app. */
const CASE_PATHS: Record<CaseKind, string> = {
  complaint: "/giai-quyet-khieu-nai",
  denunciation: "/giai-quyet-to-cao",
};

export function caseLink(publicUrl: string, c: Pick<DigestCase, "id" | "kind">): string {
  return `${publicUrl}${CASE_PATHS[c.kind]}/${c.id}`;
}

const TEXT = {
  subject: (overdue: number, dueSoon: number, today: string) => {
    const date = formatVietnameseDate(today);
    if (overdue && dueSoon)
      return `Nhắc hạn ngày ${date}: ${overdue} vụ việc quá hạn, ${dueSoon} vụ việc sắp đến hạn giải quyết`;
    if (overdue) return `Nhắc hạn ngày ${date}: ${overdue} vụ việc quá hạn giải quyết`;
    return `Nhắc hạn ngày ${date}: ${dueSoon} vụ việc sắp đến hạn giải quyết`;
  },
  greeting: (name: string) => `Kính gửi: ${name}`,
  intro: (days: number, today: string) =>
    `Các vụ việc được giao cho đồng chí dưới đây đã quá hạn hoặc sẽ đến hạn trong ${days} ngày tới (tính đến ngày ${formatVietnameseDate(today)}):`,
  remaining: (left: number) =>
    left > 0 ? `còn ${left} ngày` : left === 0 ? "đến hạn hôm nay" : `quá hạn ${-left} ngày`,
  due: "Hạn",
  columns: ["Mã vụ việc", "Loại", "Trạng thái", "Hạn", "Thời gian còn lại"],
  footer:
    "Thư này do hệ thống Minh Bạch gửi tự động mỗi ngày khi có vụ việc sắp đến hạn hoặc quá hạn; vui lòng không trả lời thư này.",
  signature: "Hệ thống Minh Bạch",
} as const;

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** The digest of one recipient (cases in due-date order, the overdue ones first). */
export function composeDigest(input: {
  recipientName: string;
  cases: readonly DigestCase[];
  today: string;
  days: number;
  publicUrl: string;
}): Digest {
  const { today, publicUrl } = input;
  const rows = input.cases.map((c) => ({
    code: c.code,
    kind: CASE_KINDS[c.kind],
    state: CASE_STATES[c.state as CaseState] ?? c.state,
    due: formatVietnameseDate(c.dueOn),
    remaining: TEXT.remaining(daysBetween(today, c.dueOn)),
    overdue: c.dueOn < today,
    link: caseLink(publicUrl, c),
  }));
  const overdue = rows.filter((r) => r.overdue).length;
  const subject = TEXT.subject(overdue, rows.length - overdue, today);
  const text = [
    `${TEXT.greeting(input.recipientName)},`,
    "",
    TEXT.intro(input.days, today),
    "",
    ...rows.flatMap((r, i) => [
      `${i + 1}. ${r.code} — ${r.kind} — ${r.state}`,
      `   ${TEXT.due}: ${r.due} (${r.remaining})`,
      `   ${r.link}`,
      "",
    ]),
    TEXT.footer,
    TEXT.signature,
    "",
  ].join("\n");
  const cell = "border:1px solid #ccc;padding:4px 8px;text-align:left";
  const html = [
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,sans-serif;font-size:14px">',
    `<p>${escapeHtml(TEXT.greeting(input.recipientName))},</p>`,
    `<p>${escapeHtml(TEXT.intro(input.days, today))}</p>`,
    '<table style="border-collapse:collapse">',
    `<thead><tr>${TEXT.columns.map((c) => `<th style="${cell}">${escapeHtml(c)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...rows.map(
      (r) =>
        `<tr><td style="${cell}"><a href="${escapeHtml(r.link)}">${escapeHtml(r.code)}</a></td>` +
        `<td style="${cell}">${escapeHtml(r.kind)}</td><td style="${cell}">${escapeHtml(r.state)}</td>` +
        `<td style="${cell}">${escapeHtml(r.due)}</td>` +
        `<td style="${cell}${r.overdue ? ";color:#b00020;font-weight:bold" : ""}">${escapeHtml(r.remaining)}</td></tr>`,
    ),
    "</tbody></table>",
    `<p style="color:#666">${escapeHtml(TEXT.footer)}<br>${escapeHtml(TEXT.signature)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
