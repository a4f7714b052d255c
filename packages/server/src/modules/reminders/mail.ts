/**
 * The reminder e-mail: the transport (nodemailer, from SMTP_URL) and the daily digest's text, in
 * Vietnamese, plain and HTML. A digest names only what the recipient needs to find the case — its
 * code, kind, state and due date, and a link — never a petitioner, a respondent or a letter's
 * words: the mail leaves the system, and a letter's text may name the denouncer. A declarant's
 * asset declaration not yet received is named by its year, kind, due date and status only, never
 * its content (docs/LAW.md §10).
 */
import {
  CASE_KINDS,
  CASE_STATES,
  DECLARATION_KIND_LABELS,
  type CaseKind,
  type CaseState,
  type DeclarationKind,
} from "@minhbach/domain";
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

/**
 * One asset and income declaration its declarant has not handed in yet: what it is and when it is
 * due (ac_obligation.due_on, set by the deadline engine), nothing of its content.
 */
export interface DigestDeclaration {
  obligationId: string;
  year: number;
  kind: DeclarationKind;
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
  declarationsSubject: (overdue: number, pending: number) => {
    if (overdue && pending)
      return `${overdue} bản kê khai tài sản, thu nhập quá hạn, ${pending} bản kê khai sắp đến hạn chưa nộp`;
    if (overdue) return `${overdue} bản kê khai tài sản, thu nhập quá hạn chưa nộp`;
    return `${pending} bản kê khai tài sản, thu nhập sắp đến hạn chưa nộp`;
  },
  declarationsIntro: (today: string) =>
    `Bản kê khai tài sản, thu nhập dưới đây của đồng chí chưa được cơ quan nhận (tính đến ngày ${formatVietnameseDate(today)}); đề nghị đồng chí hoàn thành và nộp cho bộ phận phụ trách kê khai của cơ quan, đơn vị:`,
  declarationStatus: (overdue: boolean) => (overdue ? "Quá hạn, chưa nộp" : "Chưa nộp"),
  declarationColumns: ["Bản kê khai", "Trạng thái", "Hạn", "Thời gian còn lại"],
  mixedFooter:
    "Thư này do hệ thống Minh Bạch gửi tự động mỗi ngày khi có việc sắp đến hạn hoặc quá hạn; vui lòng không trả lời thư này.",
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

/**
 * The digest of one recipient: the cases in due-date order (the overdue ones first), then the
 * declarations he has not handed in. A digest of cases alone reads as it always has.
 */
export function composeDigest(input: {
  recipientName: string;
  cases: readonly DigestCase[];
  declarations?: readonly DigestDeclaration[];
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
  const declarations = (input.declarations ?? []).map((d) => ({
    name: `${DECLARATION_KIND_LABELS[d.kind]} năm ${d.year}`,
    status: TEXT.declarationStatus(d.dueOn < today),
    due: formatVietnameseDate(d.dueOn),
    remaining: TEXT.remaining(daysBetween(today, d.dueOn)),
    overdue: d.dueOn < today,
  }));
  const declarationsLink = `${publicUrl}/phong-chong-tham-nhung`;
  const overdue = rows.filter((r) => r.overdue).length;
  const lateDeclarations = declarations.filter((d) => d.overdue).length;
  const subjects: string[] = [];
  if (rows.length) subjects.push(TEXT.subject(overdue, rows.length - overdue, today));
  if (declarations.length) {
    const what = TEXT.declarationsSubject(lateDeclarations, declarations.length - lateDeclarations);
    subjects.push(rows.length ? what : `Nhắc hạn ngày ${formatVietnameseDate(today)}: ${what}`);
  }
  const subject = subjects.join("; ");
  const footer = declarations.length ? TEXT.mixedFooter : TEXT.footer;
  const text = [
    `${TEXT.greeting(input.recipientName)},`,
    "",
    ...(rows.length
      ? [
          TEXT.intro(input.days, today),
          "",
          ...rows.flatMap((r, i) => [
            `${i + 1}. ${r.code} — ${r.kind} — ${r.state}`,
            `   ${TEXT.due}: ${r.due} (${r.remaining})`,
            `   ${r.link}`,
            "",
          ]),
        ]
      : []),
    ...(declarations.length
      ? [
          TEXT.declarationsIntro(today),
          "",
          ...declarations.flatMap((d, i) => [
            `${i + 1}. ${d.name} — ${d.status}`,
            `   ${TEXT.due}: ${d.due} (${d.remaining})`,
            "",
          ]),
          `   ${declarationsLink}`,
          "",
        ]
      : []),
    footer,
    TEXT.signature,
    "",
  ].join("\n");
  const cell = "border:1px solid #ccc;padding:4px 8px;text-align:left";
  const late = ";color:#b00020;font-weight:bold";
  const head = (columns: readonly string[]) =>
    `<thead><tr>${columns.map((c) => `<th style="${cell}">${escapeHtml(c)}</th>`).join("")}</tr></thead>`;
  const html = [
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,sans-serif;font-size:14px">',
    `<p>${escapeHtml(TEXT.greeting(input.recipientName))},</p>`,
    ...(rows.length
      ? [
          `<p>${escapeHtml(TEXT.intro(input.days, today))}</p>`,
          '<table style="border-collapse:collapse">',
          head(TEXT.columns),
          "<tbody>",
          ...rows.map(
            (r) =>
              `<tr><td style="${cell}"><a href="${escapeHtml(r.link)}">${escapeHtml(r.code)}</a></td>` +
              `<td style="${cell}">${escapeHtml(r.kind)}</td><td style="${cell}">${escapeHtml(r.state)}</td>` +
              `<td style="${cell}">${escapeHtml(r.due)}</td>` +
              `<td style="${cell}${r.overdue ? late : ""}">${escapeHtml(r.remaining)}</td></tr>`,
          ),
          "</tbody></table>",
        ]
      : []),
    ...(declarations.length
      ? [
          `<p>${escapeHtml(TEXT.declarationsIntro(today))}</p>`,
          '<table style="border-collapse:collapse">',
          head(TEXT.declarationColumns),
          "<tbody>",
          ...declarations.map(
            (d) =>
              `<tr><td style="${cell}"><a href="${escapeHtml(declarationsLink)}">${escapeHtml(d.name)}</a></td>` +
              `<td style="${cell}">${escapeHtml(d.status)}</td><td style="${cell}">${escapeHtml(d.due)}</td>` +
              `<td style="${cell}${d.overdue ? late : ""}">${escapeHtml(d.remaining)}</td></tr>`,
          ),
          "</tbody></table>",
        ]
      : []),
    `<p style="color:#666">${escapeHtml(footer)}<br>${escapeHtml(TEXT.signature)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
