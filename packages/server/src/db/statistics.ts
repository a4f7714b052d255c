/**
 * The planner's statistics of the embedded database. A PostgreSQL server's autovacuum analyses a
 * table once enough of it has changed; PGlite runs no background worker, so its tables were never
 * analysed: every estimate was the planner's default, and the search's own figures
 * (petitions/search/statistics.ts searchStatistics: the share of the letters holding each common word, the
 * number of letters) were empty, where the benchmark, which analyses after its load, had them.
 * The embedded database is analysed each night, and at start when that has not happened for a
 * day (an office's computer may be off at night).
 */
import { VN_OFFSET_MS } from "@minhbach/domain";
import { sql } from "kysely";
import type { Database } from "./connection.ts";

/** app_setting key of the last analyse: when (updated_at) and how long it took (value.ms). */
const SETTING = "statistics.analysed";

/** How old the last analyse may be at start before the database is analysed then. */
const STALE_MS = 20 * 3_600_000;

/** The hour, in Vietnam time, of the nightly analyse: before the working day. */
export const NIGHTLY_HOUR = 2;

/** Analyses every table and records when; returns how long it took (ms). */
export async function analyzeDatabase(database: Database): Promise<number> {
  const started = performance.now();
  await database.session((raw) => raw.exec("analyze"));
  const ms = performance.now() - started;
  await database.db
    .insertInto("app_setting")
    .values({ key: SETTING, value: JSON.stringify({ ms: Math.round(ms) }) })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({ value: (eb) => eb.ref("excluded.value"), updated_at: sql`now()` }),
    )
    .execute();
  return ms;
}

/** When the database was last analysed by analyzeDatabase, or null. */
export async function lastAnalysed(database: Database): Promise<Date | null> {
  const row = await database.db
    .selectFrom("app_setting")
    .select("updated_at")
    .where("key", "=", SETTING)
    .executeTakeFirst();
  return row ? new Date(row.updated_at as unknown as string) : null;
}

/** Milliseconds from `now` to the next NIGHTLY_HOUR o'clock in Vietnam (UTC+7). */
export function untilNight(now: Date = new Date()): number {
  const vietnam = new Date(now.getTime() + VN_OFFSET_MS);
  const next = Date.UTC(vietnam.getUTCFullYear(), vietnam.getUTCMonth(), vietnam.getUTCDate(), NIGHTLY_HOUR);
  const target = next > vietnam.getTime() ? next : next + 86_400_000;
  return target - vietnam.getTime();
}

export interface StatisticsSchedule {
  stop(): Promise<void>;
}

/**
 * Analyses the embedded database now when the last analyse is more than STALE_MS old, then every
 * night; `analysed` is told each time (the search then reads its figures again). Nothing on a
 * server, whose autovacuum keeps them.
 */
export async function scheduleStatistics(
  database: Database,
  analysed: (ms: number) => void,
  failed: (error: unknown) => void,
): Promise<StatisticsSchedule | null> {
  if (database.kind !== "pglite") return null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        analysed(await analyzeDatabase(database));
      } catch (error) {
        failed(error);
      }
    });
    return running;
  };
  const last = await lastAnalysed(database);
  if (!last || Date.now() - last.getTime() > STALE_MS) await run();
  let timer: NodeJS.Timeout;
  const arm = () => {
    timer = setTimeout(() => void run().then(() => !stopped && arm()), untilNight());
    timer.unref();
  };
  arm();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
