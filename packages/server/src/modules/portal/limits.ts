/**
 * The portal's rate limits and its receipt-code guessing counter, kept in the database
 * (portal_rate_hit) so that every server process behind a load balancer counts the same hits and
 * a restart does not hand a guesser fresh tries.
 *
 * Each limit counts hits per client in fixed windows and judges a request by a sliding
 * estimate: the hits of the current window plus the previous window's, weighted by how much of
 * it still lies within one window before now. A burst across a window's edge is thus no longer
 * worth twice the limit, and one row per client and window is all that is stored. The client is
 * kept as a keyed hash of its address, never the address itself (the audit trail keeps that).
 *
 * Cost: one upsert and one index probe by primary key per limited request (see
 * portal-limits.test.ts, which measures it on both databases).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { keyRing } from "../../platform/vault.ts";

export interface LimitRule {
  /** The counter's name: routes with the same bucket count together (e.g. every page taking a code). */
  bucket: string;
  max: number;
  windowMs: number;
  /** Called once per client and window, on the first refused request (the audit of guessing). */
  onFirstRefusal?: (request: FastifyRequest) => Promise<unknown>;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Rows older than this are deleted (the longest window is an hour; a day leaves room). */
const KEEP_MS = 24 * HOUR;
/** One prune every this many hits of a process. */
const PRUNE_EVERY = 500;

export interface Take {
  allowed: boolean;
  /** The sliding estimate of hits, this one included. */
  count: number;
  /** Whether this is the first refusal of the client in the window. */
  firstRefusal: boolean;
}

export class SharedLimits {
  private hitsSincePrune = 0;
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit of `client` under `rule`; refused when the sliding count passes the limit. */
  async take(rule: Pick<LimitRule, "bucket" | "max" | "windowMs">, client: string): Promise<Take> {
    const t = this.now();
    const startMs = Math.floor(t / rule.windowMs) * rule.windowMs;
    const start = new Date(startMs);
    const previous = new Date(startMs - rule.windowMs);
    const hash = keyRing().blind(`portal-rate:${client}`);
    const row = await sql<{ current: number; previous: number | null }>`
      with hit as (
        insert into portal_rate_hit (bucket, client_hash, window_start, hits)
        values (${rule.bucket}, ${hash}, ${start}, 1)
        on conflict (bucket, client_hash, window_start) do update set hits = portal_rate_hit.hits + 1
        returning hits
      )
      select (select hits from hit) as current,
        (select hits from portal_rate_hit
          where bucket = ${rule.bucket} and client_hash = ${hash} and window_start = ${previous}) as previous`.execute(
      this.db,
    );
    const current = Number(row.rows[0]!.current);
    const before = Number(row.rows[0]!.previous ?? 0);
    const weight = 1 - (t - startMs) / rule.windowMs;
    const count = current + Math.floor(before * weight);
    if (++this.hitsSincePrune >= PRUNE_EVERY) {
      this.hitsSincePrune = 0;
      await this.prune();
    }
    const allowed = count <= rule.max;
    // The first refusal: the count just passed the limit with this hit.
    const firstRefusal = !allowed && count - 1 <= rule.max;
    return { allowed, count, firstRefusal };
  }

  /** Deletes the windows no limit looks at any more. */
  async prune(): Promise<number> {
    const result = await this.db
      .deleteFrom("portal_rate_hit")
      .where("window_start", "<", new Date(this.now() - KEEP_MS))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

const byDb = new WeakMap<Kysely<DB>, SharedLimits>();

/** The limits of a database: one instance per process and database (its prune counter). */
export function sharedLimits(db: Kysely<DB>): SharedLimits {
  let limits = byDb.get(db);
  if (!limits) {
    limits = new SharedLimits(db);
    byDb.set(db, limits);
  }
  return limits;
}

/** The error a refused request raises: the scopes' error handlers answer it with their 429. */
export function tooManyRequests(): Error {
  return Object.assign(new Error("Quá nhiều yêu cầu"), { statusCode: 429, code: "FST_ERR_RATE_LIMIT_EXCEEDED" });
}

/**
 * A route's onRequest hook counting its hits under each rule (before the body is read); the
 * request is refused by the first rule it passes. All rules count, so a refused request still
 * uses up a try.
 */
export function limitHook(db: Kysely<DB>, ...rules: LimitRule[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const limits = sharedLimits(db);
    let refused = false;
    for (const rule of rules) {
      const taken = await limits.take(rule, request.ip);
      if (taken.allowed) continue;
      refused = true;
      if (taken.firstRefusal && rule.onFirstRefusal) await rule.onFirstRefusal(request);
    }
    if (refused) {
      request.log.warn({ url: request.url.split("?")[0] }, "portal rate limit");
      throw tooManyRequests();
    }
  };
}
