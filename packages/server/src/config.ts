/** Configuration from the environment, read once at start. No secret has a default. */
import path from "node:path";

export interface Config {
  port: number;
  /**
   * Where the server listens (HOST). Unset: every address, except in demo mode, whose accounts
   * share a published password: there only this machine (127.0.0.1).
   */
  host: string;
  /** HOST was unset and demo mode chose 127.0.0.1 (the start-up message says how to open it up). */
  demoLocalOnly: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Seed demo data and demo accounts on an empty database. */
  demo: boolean;
  /** Serve the built web app from this folder, if it exists. */
  webDist: string | undefined;
  cookieSecure: boolean;
  trustProxy: boolean;
  loginRateLimit: number;
  bodyLimit: number;
  logLevel: string;
  /** Where attachment files are kept (ATTACHMENT_DIR, default `<DATA_DIR>/files`). */
  storageDir: string;
  /** Largest attachment accepted, in bytes (MAX_UPLOAD_MB, default 20). */
  maxUploadBytes: number;
  /** The identity key ring (platform/vault.ts): JSON from MINHBACH_KEYS, else this file. */
  keysJson: string | undefined;
  keyFile: string;
  /** Reminder e-mails (modules/reminders): the SMTP server (SMTP_URL); unset = no e-mail, nothing scheduled. */
  smtpUrl: string | undefined;
  /** Sender of the reminder e-mails (MAIL_FROM). */
  mailFrom: string;
  /** Cases due within this many days (and overdue ones) are in the daily digest (REMINDER_DAYS, default 3). */
  reminderDays: number;
  /** Hour of the day, Vietnam time, from which the daily digest is sent (REMINDER_HOUR, default 7). */
  reminderHour: number;
  /** The address users open the app at, for links in e-mails (PUBLIC_URL). */
  publicUrl: string;
  // portal (issue 20)
  /** Petitions one address may file on the portal per hour (PORTAL_FILING_LIMIT, default 5). */
  portalFilingLimit: number;
  /** Receipt-code look-ups and replies one address may make per 10 minutes (PORTAL_LOOKUP_LIMIT, default 10). */
  portalLookupLimit: number;
  /** Leading zero bits the filing page's proof of work needs (PORTAL_POW_BITS, default 16). */
  portalPowBits: number;
  // portal survey (issue 20)
  /** Survey answers one address may post per hour (PORTAL_SURVEY_LIMIT, default 10). */
  portalSurveyLimit: number;
  // public consultation (issue 20)
  /** Comments on drafts one address may post per hour (CONSULTATION_COMMENT_LIMIT, default 10). */
  consultationCommentLimit: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  // Demo data is the default on the embedded database only; a server gets it by `seed demo`.
  const demo = env.DEMO ? env.DEMO === "1" || env.DEMO === "true" : !databaseUrl;
  const demoLocalOnly = demo && !env.HOST;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST || (demoLocalOnly ? "127.0.0.1" : "0.0.0.0"),
    demoLocalOnly,
    databaseUrl,
    dataDir: path.resolve(cwd, env.DATA_DIR ?? "data"),
    demo,
    webDist: env.WEB_DIST ?? path.resolve(import.meta.dirname, "../../web/dist"),
    cookieSecure: env.COOKIE_SECURE === "1" || env.COOKIE_SECURE === "true",
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    bodyLimit: Number(env.BODY_LIMIT ?? 1_048_576),
    logLevel: env.LOG_LEVEL ?? "info",
    storageDir: path.resolve(cwd, env.ATTACHMENT_DIR ?? path.join(env.DATA_DIR ?? "data", "files")),
    maxUploadBytes: Math.round(Number(env.MAX_UPLOAD_MB ?? 20) * 1024 * 1024),
    keysJson: env.MINHBACH_KEYS || undefined,
    keyFile: path.resolve(
      cwd,
      env.MINHBACH_KEY_FILE ?? path.join(env.DATA_DIR ?? "data", "keys", "identity-keys.json"),
    ),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || "Minh Bạch <no-reply@localhost>",
    reminderDays: Number(env.REMINDER_DAYS ?? 3),
    reminderHour: Number(env.REMINDER_HOUR ?? 7),
    publicUrl: (env.PUBLIC_URL || "http://localhost:3000").replace(/\/+$/, ""),
    // portal (issue 20)
    portalFilingLimit: Number(env.PORTAL_FILING_LIMIT ?? 5),
    portalLookupLimit: Number(env.PORTAL_LOOKUP_LIMIT ?? 10),
    portalPowBits: Number(env.PORTAL_POW_BITS ?? 16),
    // portal survey (issue 20)
    portalSurveyLimit: Number(env.PORTAL_SURVEY_LIMIT ?? 10),
    // public consultation (issue 20)
    consultationCommentLimit: Number(env.CONSULTATION_COMMENT_LIMIT ?? 10),
  };
}
