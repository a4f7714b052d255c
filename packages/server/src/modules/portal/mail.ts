/**
 * The optional e-mail to a portal filer (issue 20): "your letter was received on …" and "there is
 * a new message on your letter", nothing more. The mail leaves the system and sits in a mailbox
 * others may read, so it carries no word of the letter or the message, no agency, no register
 * number — and never the receipt code: whoever holds the code reads the letter and answers in the
 * filer's name, and a mail is no place for that (GlobaLeaks never mails its receipt either). Only
 * the code's last four digits (three random and the check digit) tell the filer which of their
 * letters it is about; the twelve digits left keep 10^12 codes to guess, against a limit of a few
 * tries per address and ten minutes.
 *
 * The address is sealed (portal_notify, bound to the petition); what to send is queued in
 * portal_mail in the same transaction as the event, and sent after it by the project's mail
 * transport (reminders/mail.ts, SMTP_URL). A failed mail is retried by the next sending, five
 * times at most. The holder of the code stops the mails from the tracking page.
 */
import { randomUUID } from "node:crypto";
import { formatVietnameseDate } from "@minhbach/domain/legal-clock";
import type { Kysely, Transaction } from "kysely";
import type { Config } from "../../config.ts";
import type { DB } from "../../db/schema.ts";
import { recordAudit } from "../../platform/audit.ts";
import { SEALED } from "../../platform/sealed-columns.ts";
import { keyRing } from "../../platform/vault.ts";
import { createMailTransport, type MailTransport } from "../reminders/mail.ts";

export type PortalMailKind = "received" | "message";

/** Sending attempts before a mail is given up. */
export const PORTAL_MAIL_ATTEMPTS = 5;

const FOOTER =
  "Thư này do cổng thông tin gửi tự động; vui lòng không trả lời thư này. " +
  "Nếu không muốn nhận thư nữa, nhập mã tra cứu tại trang tra cứu và chọn «Ngừng nhận thư thông báo».";

export interface PortalMailText {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** The mail of a kind: the day the letter was received and the code's last four digits only. */
export function composePortalMail(
  kind: PortalMailKind,
  input: { receivedOn: string; codeTail: string; publicUrl: string },
): PortalMailText {
  const link = `${input.publicUrl}/cong-dan/tra-cuu`;
  const letter = `đơn bạn gửi qua cổng thông tin ngày ${formatVietnameseDate(input.receivedOn)} (mã tra cứu kết thúc bằng ${input.codeTail})`;
  const { subject, lines } =
    kind === "received"
      ? {
          subject: "Đơn của bạn đã được tiếp nhận",
          lines: [
            `Cơ quan đã tiếp nhận ${letter}.`,
            "Vì an toàn, thư này không ghi đầy đủ mã tra cứu và không ghi nội dung đơn. Hãy giữ mã tra cứu in trên phiếu tiếp nhận: mã không được cấp lại.",
            `Xem tình trạng đơn, hạn xử lý và văn bản cơ quan gửi bạn tại: ${link}`,
          ],
        }
      : {
          subject: "Có tin nhắn mới về đơn của bạn",
          lines: [
            `Cán bộ xử lý vừa gửi một tin nhắn về ${letter}.`,
            "Nội dung tin nhắn không được gửi qua thư điện tử. Nhập mã tra cứu tại trang dưới đây để đọc và trả lời:",
            link,
          ],
        };
  const text = [...lines, "", FOOTER, ""].join("\n");
  const html = [
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,sans-serif;font-size:14px">',
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p style="color:#555">${escapeHtml(FOOTER)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}

/** Keeps the filer's address, sealed to the petition (in the filing's transaction). */
export async function keepNotifyAddress(
  trx: Transaction<DB>,
  petitionId: string,
  email: string,
  code: string,
): Promise<void> {
  await trx
    .insertInto("portal_notify")
    .values({
      id: petitionId,
      email_sealed: keyRing().seal(email, SEALED.portalNotify.context(petitionId)),
      code_tail: code.slice(-4),
    })
    .execute();
}

/** Queues a mail to the filer, when they gave an address and did not stop the mails. */
export async function queuePortalMail(
  trx: Transaction<DB>,
  petitionId: string,
  kind: PortalMailKind,
): Promise<boolean> {
  const notify = await trx
    .selectFrom("portal_notify")
    .select("stopped_at")
    .where("id", "=", petitionId)
    .executeTakeFirst();
  if (!notify || notify.stopped_at) return false;
  await trx
    .insertInto("portal_mail")
    .values({ id: randomUUID(), petition_id: petitionId, kind, sent_at: null, message_id: null })
    .execute();
  return true;
}

/** Whether the code holder gets mails: "none" (no address given), "active" or "stopped". */
export async function notifyState(db: Kysely<DB>, petitionId: string): Promise<"none" | "active" | "stopped"> {
  const row = await db.selectFrom("portal_notify").select("stopped_at").where("id", "=", petitionId).executeTakeFirst();
  return !row ? "none" : row.stopped_at ? "stopped" : "active";
}

/** The code holder stops the mails (the code was checked by the caller); pending ones are dropped. */
export async function stopPortalMail(db: Kysely<DB>, petitionId: string, clientIp: string, agencyId: string | null) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("portal_notify")
      .set({ stopped_at: new Date() })
      .where("id", "=", petitionId)
      .where("stopped_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!row) return;
    await trx
      .updateTable("portal_mail")
      .set({ status: "skipped" })
      .where("petition_id", "=", petitionId)
      .where("status", "=", "pending")
      .execute();
    await recordAudit(
      trx,
      { userId: null, name: "Công dân (cổng trực tuyến)", agencyId, clientIp },
      {
        action: "portal.mail_stopped",
        entityType: "petition",
        entityId: petitionId,
        summary: {},
      },
    );
  });
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * Sends the pending mails (oldest first, `limit` at most): each is claimed by a conditional
 * update, so two processes never send the same one; the address is opened only to send.
 */
export async function deliverPortalMail(
  db: Kysely<DB>,
  transport: MailTransport,
  config: Pick<Config, "mailFrom" | "publicUrl">,
  limit = 50,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, skipped: 0 };
  const pending = await db
    .selectFrom("portal_mail as m")
    .innerJoin("petition as p", "p.id", "m.petition_id")
    .leftJoin("portal_notify as n", "n.id", "m.petition_id")
    .select([
      "m.id",
      "m.kind",
      "m.attempts",
      "m.petition_id",
      "p.received_on",
      "n.email_sealed",
      "n.code_tail",
      "n.stopped_at",
    ])
    .where("m.status", "=", "pending")
    .orderBy("m.created_at")
    .limit(limit)
    .execute();
  for (const m of pending) {
    // Claim: one more attempt, if no one else took it meanwhile.
    const claimed = await db
      .updateTable("portal_mail")
      .set({ attempts: m.attempts + 1 })
      .where("id", "=", m.id)
      .where("status", "=", "pending")
      .where("attempts", "=", m.attempts)
      .returning("id")
      .executeTakeFirst();
    if (!claimed) continue;
    if (!m.email_sealed || m.stopped_at) {
      await db.updateTable("portal_mail").set({ status: "skipped" }).where("id", "=", m.id).execute();
      result.skipped++;
      continue;
    }
    const to = keyRing().open(m.email_sealed, SEALED.portalNotify.context(m.petition_id));
    const mail = composePortalMail(m.kind as PortalMailKind, {
      receivedOn: String(m.received_on),
      codeTail: m.code_tail!,
      publicUrl: config.publicUrl,
    });
    try {
      const info = await transport.sendMail({ from: config.mailFrom, to, ...mail });
      await db
        .updateTable("portal_mail")
        .set({ status: "sent", sent_at: new Date(), message_id: info.messageId ?? null })
        .where("id", "=", m.id)
        .execute();
      result.sent++;
    } catch {
      const givenUp = m.attempts + 1 >= PORTAL_MAIL_ATTEMPTS;
      if (givenUp) await db.updateTable("portal_mail").set({ status: "failed" }).where("id", "=", m.id).execute();
      result.failed++;
    }
  }
  return result;
}

/**
 * The process's sender: after a filing or a message, sends what is pending in the background
 * (one run at a time), when SMTP_URL is set. The tests send with their own transport instead.
 */
export interface PortalMailer {
  kick(): void;
}

const mailers = new WeakMap<Kysely<DB>, PortalMailer>();

/** The sender of a database in this process (the filing pages and the back office share it). */
export function portalMailerOf(
  db: Kysely<DB>,
  config: Pick<Config, "smtpUrl" | "mailFrom" | "publicUrl">,
  log: { error(obj: unknown, msg: string): void },
): PortalMailer {
  let mailer = mailers.get(db);
  if (!mailer) {
    mailer = portalMailer(db, config, log);
    mailers.set(db, mailer);
  }
  return mailer;
}

export function portalMailer(
  db: Kysely<DB>,
  config: Pick<Config, "smtpUrl" | "mailFrom" | "publicUrl">,
  log: { error(obj: unknown, msg: string): void },
): PortalMailer {
  let transport: MailTransport | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    do {
      again = false;
      await deliverPortalMail(db, transport!, config);
    } while (again);
  };
  return {
    kick() {
      if (!config.smtpUrl) return;
      transport ??= createMailTransport(config.smtpUrl);
      if (running) {
        again = true;
        return;
      }
      running = run()
        .catch((error: unknown) => log.error({ err: error }, "portal mail"))
        .finally(() => {
          running = null;
        });
    },
  };
}
