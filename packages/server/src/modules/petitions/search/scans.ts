/**
 * Which scans the planner may use, set for the rest of one transaction. A search finds its rows
 * through bitmaps of the search indexes: the planner does not know that testing a row's tsvector
 * reads it from the TOAST table, and would otherwise scan the table or walk another index testing
 * each row.
 */
import { sql, type Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";

/**
 * Until the end of the transaction, rows are found through bitmaps of the search indexes only: no
 * table scan, and no walk down another index testing each row's tsvector. (More work_mem, to keep
 * the bitmap of a very common word exact, made it slower to build.)
 */
export async function throughBitmaps(trx: Transaction<DB>): Promise<void> {
  await scansLocally(trx, { seqscan: false, indexscan: false });
}

/** In a transaction kept to bitmaps (throughBitmaps), one query with other scans, then bitmaps only again. */
export async function besideBitmaps<T>(
  trx: Transaction<DB>,
  scans: Partial<Record<"indexscan" | "bitmapscan", boolean>>,
  run: () => Promise<T>,
): Promise<T> {
  await scansLocally(trx, scans);
  const result = await run();
  await scansLocally(trx, { indexscan: false, bitmapscan: true });
  return result;
}

/** Allows or forbids kinds of scan to the planner until the end of the transaction, in one query. */
export async function scansLocally(
  trx: Transaction<DB>,
  scans: Partial<Record<"seqscan" | "indexscan" | "bitmapscan", boolean>>,
): Promise<void> {
  const settings = Object.entries(scans).map(
    ([scan, on]) => sql`set_config(${`enable_${scan}`}, ${on ? "on" : "off"}, true)`,
  );
  await sql`select ${sql.join(settings)}`.execute(trx);
}
