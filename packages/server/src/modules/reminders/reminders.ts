/**
 * Reminders before a due date by e-mail (issue 5; the in-app list is cases/service.ts myReminders):
 * once a day, each user with an e-mail address who is assigned to open cases due within
 * REMINDER_DAYS days, or overdue, gets one digest of them.
 *
 * reminder_mail holds one row per user and Vietnamese day. A run first claims the row (insert, or
 * take over a failed one), then sends, then records `sent` with its audit event: a user gets at
 * most one digest a day even when the server restarts or two servers share the database, and a
 * failed send stays visible (status, error) until a later run of the same day sends it.
 *
 * The same digest reminds a declarant (an official linked to a user) of an asset and income
 * declaration not received yet as its due date approaches (DECLARATION_REMINDER_DAYS before) and
 * after it: the due date is the one the deadline engine set on the obligation (31/12 for the yearly
 * declaration); the mail names the declaration's year, kind and status, never its content. An
 * official with no linked user, or whose user has no e-mail address, is reminded at the address
 * recorded on his own official record (ac_official.email), one digest a day kept in
 * ac_official_reminder as reminder_mail keeps the users'.
 */
import { FINAL_STATES, todayInVietnam, VN_OFFSET_MS, type CaseKind, type DeclarationKind } from "@minhbach/domain";
import { addDays } from "@minhbach/domain/legal-clock";
import { sql, type Kysely } from "kysely";
import type { Config } from "../../config.ts";
import type { DB } from "../../db/schema.ts";
import { recordAudit, SYSTEM_ACTOR, type Actor } from "../../platform/audit.ts";
import {
  composeDigest,
  createMailTransport,
  type DigestCase,
  type DigestDeclaration,
  type MailTransport,
} from "./mail.ts";

export const REMINDER_ACTOR: Actor = { ...SYSTEM_ACTOR, name: "Nhắc hạn tự động" };

/** A claim older than this belongs to a run that died: the next run takes the row over. */
const STALE_CLAIM_MS = 15 * 60 * 1000;

/**
 * Declarations not received are reminded this many days before their due date, then every day
 * after it until received (a reminder policy of the system, not a legal time limit).
 */
export const DECLARATION_REMINDER_DAYS = 15;

export interface ReminderOptions {
  /** Cases due within this many days, plus overdue ones (REMINDER_DAYS, default 3). */
  days?: number;
  /** Sender (MAIL_FROM). */
  from?: string;
  /** Base of the links (PUBLIC_URL). */
  publicUrl?: string;
  /** List who would get what; send and record nothing. */
  dryRun?: boolean;
  /** Declarations due within this many days, plus late ones (default DECLARATION_REMINDER_DAYS). */
  declarationDays?: number;
}

export interface PlannedDigest {
  userId: string;
  username: string;
  email: string;
  fullName: string;
  cases: DigestCase[];
  declarations: DigestDeclaration[];
}

/** sent, failed: by this run; already_sent: earlier today; in_progress: another run holds it. */
export type DigestStatus = "sent" | "failed" | "already_sent" | "in_progress" | "would_send";

export interface ReminderRunResult {
  today: string;
  days: number;
  dryRun: boolean;
  sent: number;
  failed: number;
  skipped: number;
  digests: {
    /** The user reminded; null for an official reached at his own record's address. */
    userId: string | null;
    officialId?: string;
    username: string;
    email: string;
    caseCodes: string[];
    /** Declarations reminded: how many, never which. */
    declarations: number;
    status: DigestStatus;
  }[];
}

/**
 * Users with an e-mail address, the open cases assigned to them that are due soon or overdue, and
 * their own declarations not received that are due within `declarationDays` or late.
 */
export async function plannedDigests(
  db: Kysely<DB>,
  today: string,
  days: number,
  declarationDays: number = DECLARATION_REMINDER_DAYS,
): Promise<PlannedDigest[]> {
  const rows = await db
    .selectFrom("case_assignment as ca")
    .innerJoin("resolution_case as c", "c.id", "ca.case_id")
    .innerJoin("app_user as u", "u.id", "ca.user_id")
    .select([
      "u.id as user_id",
      "u.username",
      "u.email",
      "u.full_name",
      "c.id",
      "c.code",
      "c.kind",
      "c.state",
      "c.due_on",
    ])
    .where("u.email", "is not", null)
    .where("u.email", "<>", "")
    .where("u.disabled", "=", false)
    .where("c.state", "not in", [...FINAL_STATES])
    .where("c.due_on", "is not", null)
    .where("c.due_on", "<=", addDays(today, days))
    .orderBy("u.username")
    .orderBy("c.due_on")
    .orderBy("c.code")
    .execute();
  const byUser = new Map<string, PlannedDigest>();
  for (const r of rows) {
    let digest = byUser.get(r.user_id);
    if (!digest) {
      digest = {
        userId: r.user_id,
        username: r.username,
        email: r.email!,
        fullName: r.full_name,
        cases: [],
        declarations: [],
      };
      byUser.set(r.user_id, digest);
    }
    digest.cases.push({ id: r.id, code: r.code, kind: r.kind as CaseKind, state: r.state, dueOn: r.due_on! });
  }
  const declarations = await db
    .selectFrom("ac_obligation as b")
    .innerJoin("ac_campaign as c", "c.id", "b.campaign_id")
    .innerJoin("ac_official as o", "o.id", "b.official_id")
    .innerJoin("app_user as u", "u.id", "o.user_id")
    .select(["u.id as user_id", "u.username", "u.email", "u.full_name", "b.id", "c.year", "b.kind", "b.due_on"])
    .where("u.email", "is not", null)
    .where("u.email", "<>", "")
    .where("u.disabled", "=", false)
    .where("b.removed", "=", false)
    .where("b.received_on", "is", null)
    .where("b.due_on", "<=", addDays(today, declarationDays))
    .orderBy("u.username")
    .orderBy("b.due_on")
    .orderBy("c.year")
    .execute();
  for (const r of declarations) {
    let digest = byUser.get(r.user_id);
    if (!digest) {
      digest = {
        userId: r.user_id,
        username: r.username,
        email: r.email!,
        fullName: r.full_name,
        cases: [],
        declarations: [],
      };
      byUser.set(r.user_id, digest);
    }
    digest.declarations.push({ obligationId: r.id, year: r.year, kind: r.kind as DeclarationKind, dueOn: r.due_on });
  }
  return [...byUser.values()];
}

/** A declarant reached at the address of his official record: no user has an address for him. */
export interface PlannedOfficialDigest {
  officialId: string;
  code: string;
  email: string;
  fullName: string;
  declarations: DigestDeclaration[];
}

/**
 * Declarations not received, due within `declarationDays` or late, of officials who have an e-mail
 * address of their own and no linked, enabled user with one (those are in plannedDigests).
 */
export async function plannedOfficialDigests(
  db: Kysely<DB>,
  today: string,
  declarationDays: number = DECLARATION_REMINDER_DAYS,
): Promise<PlannedOfficialDigest[]> {
  const rows = await db
    .selectFrom("ac_obligation as b")
    .innerJoin("ac_campaign as c", "c.id", "b.campaign_id")
    .innerJoin("ac_official as o", "o.id", "b.official_id")
    .leftJoin("app_user as u", "u.id", "o.user_id")
    .select(["o.id as official_id", "o.code", "o.email", "o.full_name", "b.id", "c.year", "b.kind", "b.due_on"])
    .where("o.email", "is not", null)
    .where("o.email", "<>", "")
    .where((eb) =>
      eb.or([eb("u.id", "is", null), eb("u.email", "is", null), eb("u.email", "=", ""), eb("u.disabled", "=", true)]),
    )
    .where("b.removed", "=", false)
    .where("b.received_on", "is", null)
    .where("b.due_on", "<=", addDays(today, declarationDays))
    .orderBy("o.code")
    .orderBy("b.due_on")
    .orderBy("c.year")
    .execute();
  const byOfficial = new Map<string, PlannedOfficialDigest>();
  for (const r of rows) {
    let digest = byOfficial.get(r.official_id);
    if (!digest) {
      digest = { officialId: r.official_id, code: r.code, email: r.email!, fullName: r.full_name, declarations: [] };
      byOfficial.set(r.official_id, digest);
    }
    digest.declarations.push({ obligationId: r.id, year: r.year, kind: r.kind as DeclarationKind, dueOn: r.due_on });
  }
  return [...byOfficial.values()];
}

/** The day's row of a digest: the users' case digest, or the officials' own declaration digest. */
const DIGEST_ROWS = {
  user: { table: "reminder_mail", owner: "user_id", ids: "case_ids" },
  official: { table: "ac_official_reminder", owner: "official_id", ids: "obligation_ids" },
} as const;

/**
 * Takes the day's row of a digest for this run: inserted, or taken back when it failed earlier or
 * a run that held it went stale; false when it was sent or another run holds it.
 */
async function claim(
  db: Kysely<DB>,
  kind: keyof typeof DIGEST_ROWS,
  ownerId: string,
  today: string,
  ids: string[],
): Promise<boolean> {
  const { table, owner, ids: idsColumn } = DIGEST_ROWS[kind];
  const staleBefore = new Date(Date.now() - STALE_CLAIM_MS);
  const t = sql.table(table);
  const result = await sql`
    insert into ${t} (${sql.ref(owner)}, sent_on, status, ${sql.ref(idsColumn)})
    values (${ownerId}, ${today}, 'sending', ${ids})
    on conflict (${sql.ref(owner)}, sent_on) do update
      set status = 'sending', ${sql.ref(idsColumn)} = excluded.${sql.ref(idsColumn)},
        attempts = ${t}.attempts + 1, updated_at = ${new Date()}
      where ${t}.status = 'failed' or (${t}.status = 'sending' and ${t}.updated_at < ${staleBefore})
    returning ${sql.ref(owner)}`.execute(db);
  return result.rows.length > 0;
}

/** Marks the day's row of a digest failed with the transport's message, so the next run retries it. */
async function markFailed(
  db: Kysely<DB>,
  kind: keyof typeof DIGEST_ROWS,
  ownerId: string,
  today: string,
  error: unknown,
): Promise<void> {
  const { table, owner } = DIGEST_ROWS[kind];
  const message = String((error as Error)?.message ?? error).slice(0, 1000);
  await sql`
    update ${sql.table(table)} set status = 'failed', error = ${message}, updated_at = ${new Date()}
    where ${sql.ref(owner)} = ${ownerId} and sent_on = ${today}`.execute(db);
}

/**
 * Sends today's digests that are not sent yet (or failed earlier today). `today` is the Vietnamese
 * date the cases are counted against and the day the digest is recorded for.
 */
export async function runReminderDigest(
  db: Kysely<DB>,
  transport: MailTransport | null,
  today: string = todayInVietnam(),
  options: ReminderOptions = {},
): Promise<ReminderRunResult> {
  const days = options.days ?? 3;
  const from = options.from ?? "Minh Bạch <no-reply@localhost>";
  const publicUrl = options.publicUrl ?? "http://localhost:3000";
  const dryRun = options.dryRun === true || transport === null;
  const planned = await plannedDigests(db, today, days, options.declarationDays ?? DECLARATION_REMINDER_DAYS);
  const result: ReminderRunResult = { today, days, dryRun, sent: 0, failed: 0, skipped: 0, digests: [] };
  const userIds = planned.map((p) => p.userId);
  const sentToday = userIds.length
    ? await db
        .selectFrom("reminder_mail")
        .select("user_id")
        .where("sent_on", "=", today)
        .where("status", "=", "sent")
        .where("user_id", "in", userIds)
        .execute()
    : [];
  const done = new Set(sentToday.map((r) => r.user_id));
  for (const digest of planned) {
    const entry = {
      userId: digest.userId,
      username: digest.username,
      email: digest.email,
      caseCodes: digest.cases.map((c) => c.code),
      declarations: digest.declarations.length,
    };
    if (done.has(digest.userId)) {
      result.skipped++;
      result.digests.push({ ...entry, status: "already_sent" });
      continue;
    }
    if (dryRun) {
      result.digests.push({ ...entry, status: "would_send" });
      continue;
    }
    const caseIds = digest.cases.map((c) => c.id);
    if (!(await claim(db, "user", digest.userId, today, caseIds))) {
      result.skipped++;
      result.digests.push({ ...entry, status: "in_progress" });
      continue;
    }
    const mail = composeDigest({
      recipientName: digest.fullName,
      cases: digest.cases,
      declarations: digest.declarations,
      today,
      days,
      publicUrl,
    });
    try {
      const info = await transport!.sendMail({ from, to: digest.email, ...mail });
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("reminder_mail")
          .set({ status: "sent", error: null, message_id: info.messageId ?? null, updated_at: new Date() })
          .where("user_id", "=", digest.userId)
          .where("sent_on", "=", today)
          .execute();
        const obligationIds = digest.declarations.map((d) => d.obligationId);
        // The campaign counts the reminders each declarant was sent (the officer's and these).
        if (obligationIds.length)
          await trx
            .updateTable("ac_obligation")
            .set((eb) => ({ reminders: eb("reminders", "+", 1), last_reminded_at: new Date() }))
            .where("id", "in", obligationIds)
            .execute();
        // Who and how many, never what: the codes are in reminder_mail, the names nowhere.
        await recordAudit(trx, REMINDER_ACTOR, {
          action: "reminder.mailed",
          entityType: "user",
          entityId: digest.userId,
          summary: {
            userId: digest.userId,
            cases: caseIds.length,
            ...(obligationIds.length ? { declarations: obligationIds.length } : {}),
            on: today,
          },
        });
      });
      result.sent++;
      result.digests.push({ ...entry, status: "sent" });
    } catch (error) {
      await markFailed(db, "user", digest.userId, today, error);
      result.failed++;
      result.digests.push({ ...entry, status: "failed" });
    }
  }
  await sendOfficialDigests(db, transport, today, options, result);
  return result;
}

/** The declarants reached at their own record's address: the same digest, the same once-a-day rule. */
async function sendOfficialDigests(
  db: Kysely<DB>,
  transport: MailTransport | null,
  today: string,
  options: ReminderOptions,
  result: ReminderRunResult,
) {
  const from = options.from ?? "Minh Bạch <no-reply@localhost>";
  const publicUrl = options.publicUrl ?? "http://localhost:3000";
  const planned = await plannedOfficialDigests(db, today, options.declarationDays ?? DECLARATION_REMINDER_DAYS);
  const ids = planned.map((p) => p.officialId);
  const sentToday = ids.length
    ? await db
        .selectFrom("ac_official_reminder")
        .select("official_id")
        .where("sent_on", "=", today)
        .where("status", "=", "sent")
        .where("official_id", "in", ids)
        .execute()
    : [];
  const done = new Set(sentToday.map((r) => r.official_id));
  for (const digest of planned) {
    const entry = {
      userId: null,
      officialId: digest.officialId,
      username: digest.code,
      email: digest.email,
      caseCodes: [],
      declarations: digest.declarations.length,
    };
    if (done.has(digest.officialId)) {
      result.skipped++;
      result.digests.push({ ...entry, status: "already_sent" });
      continue;
    }
    if (result.dryRun) {
      result.digests.push({ ...entry, status: "would_send" });
      continue;
    }
    const obligationIds = digest.declarations.map((d) => d.obligationId);
    if (!(await claim(db, "official", digest.officialId, today, obligationIds))) {
      result.skipped++;
      result.digests.push({ ...entry, status: "in_progress" });
      continue;
    }
    const mail = composeDigest({
      recipientName: digest.fullName,
      cases: [],
      declarations: digest.declarations,
      today,
      days: result.days,
      publicUrl,
    });
    try {
      const info = await transport!.sendMail({ from, to: digest.email, ...mail });
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("ac_official_reminder")
          .set({ status: "sent", error: null, message_id: info.messageId ?? null, updated_at: new Date() })
          .where("official_id", "=", digest.officialId)
          .where("sent_on", "=", today)
          .execute();
        await trx
          .updateTable("ac_obligation")
          .set((eb) => ({ reminders: eb("reminders", "+", 1), last_reminded_at: new Date() }))
          .where("id", "in", obligationIds)
          .execute();
        await recordAudit(trx, REMINDER_ACTOR, {
          action: "reminder.mailed",
          entityType: "ac_official",
          entityId: digest.officialId,
          summary: { officialId: digest.officialId, cases: 0, declarations: obligationIds.length, on: today },
        });
      });
      result.sent++;
      result.digests.push({ ...entry, status: "sent" });
    } catch (error) {
      await markFailed(db, "official", digest.officialId, today, error);
      result.failed++;
      result.digests.push({ ...entry, status: "failed" });
    }
  }
}

/** The hour of the day in Vietnam (UTC+7, no daylight saving). */
export function vietnamHour(now: Date = new Date()): number {
  return new Date(now.getTime() + VN_OFFSET_MS).getUTCHours();
}

export interface ReminderLog {
  info(message: string): void;
  error(message: string): void;
}

export interface ReminderSchedule {
  /** Runs one check now (what the timer does every hour). */
  check(now?: Date): Promise<ReminderRunResult | null>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;

/** What is wrong with REMINDER_DAYS or REMINDER_HOUR, in Vietnamese; null when both are usable. */
export function reminderConfigProblem(config: Pick<Config, "reminderDays" | "reminderHour">): string | null {
  if (!Number.isInteger(config.reminderHour) || config.reminderHour < 0 || config.reminderHour > 23)
    return "REMINDER_HOUR phải là số nguyên từ 0 đến 23 (giờ Việt Nam).";
  if (!Number.isInteger(config.reminderDays) || config.reminderDays < 0 || config.reminderDays > 90)
    return "REMINDER_DAYS phải là số nguyên từ 0 đến 90.";
  return null;
}

/**
 * The daily digest: every hour, once the Vietnamese hour has reached REMINDER_HOUR, a run sends
 * the digests of the day not sent yet (none after the first successful run; failed ones again).
 */
export function scheduleReminders(
  db: Kysely<DB>,
  config: Pick<Config, "smtpUrl" | "mailFrom" | "reminderDays" | "reminderHour" | "publicUrl">,
  log: ReminderLog,
  transport: MailTransport = createMailTransport(config.smtpUrl!),
): ReminderSchedule {
  const problem = reminderConfigProblem(config);
  if (problem) throw new Error(problem);
  let running: Promise<ReminderRunResult | null> | null = null;
  let stopped = false;

  async function run(now: Date): Promise<ReminderRunResult | null> {
    if (vietnamHour(now) < config.reminderHour) return null;
    const result = await runReminderDigest(db, transport, todayInVietnam(now), {
      days: config.reminderDays,
      from: config.mailFrom,
      publicUrl: config.publicUrl,
    });
    if (result.sent || result.failed)
      log.info(`Nhắc hạn qua thư điện tử ngày ${result.today}: đã gửi ${result.sent}, lỗi ${result.failed}.`);
    return result;
  }

  function check(now = new Date()): Promise<ReminderRunResult | null> {
    if (stopped) return Promise.resolve(null);
    if (running) return running;
    running = run(now)
      .catch((error: unknown) => {
        log.error(`Nhắc hạn qua thư điện tử thất bại: ${(error as Error)?.message ?? String(error)}`);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  // A first check soon after start (a server started after the hour sends that day), then hourly.
  const first = setTimeout(() => void check(), 10_000);
  const timer = setInterval(() => void check(), HOUR_MS);
  first.unref();
  timer.unref();
  return {
    check,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
      transport.close?.();
    },
  };
}
