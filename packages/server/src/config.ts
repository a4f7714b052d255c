/** Configuration from the environment, read once at start. No secret has a default. */
import path from "node:path";

export interface Config {
  port: number;
  host: string;
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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl,
    dataDir: path.resolve(cwd, env.DATA_DIR ?? "data"),
    // Demo data is the default on the embedded database only; a server gets it by `seed demo`.
    demo: env.DEMO ? env.DEMO === "1" || env.DEMO === "true" : !databaseUrl,
    webDist: env.WEB_DIST ?? path.resolve(import.meta.dirname, "../../web/dist"),
    cookieSecure: env.COOKIE_SECURE === "1" || env.COOKIE_SECURE === "true",
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    bodyLimit: Number(env.BODY_LIMIT ?? 1_048_576),
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
