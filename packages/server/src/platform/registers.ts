/**
 * The yearly registers an agency numbers its records in: the petitions' register (sổ tiếp nhận
 * đơn), the reception register (sổ tiếp công dân, Mẫu số 03), and each series of official
 * documents. Numbering restarts every year and has no gap: the row lock of the update queues
 * concurrent writers until the transaction ends, and a rollback gives the number back.
 */
import { sql, type Transaction } from "kysely";
import type { DB } from "../db/schema.ts";

const REGISTERS = {
  petition: { table: "petition_register", counter: "next_seq" },
  reception: { table: "reception_register", counter: "next_seq" },
  document: { table: "document_register", counter: "next_number" },
} as const;

export type RegisterKind = keyof typeof REGISTERS;

export interface RegisterKey {
  agencyId: string;
  year: number;
  /** The documents' register has one series per kind of document. */
  series?: string;
}

/** Takes the next number of the register for the agency and year (and series). */
export async function takeRegisterNumber(trx: Transaction<DB>, kind: RegisterKind, key: RegisterKey): Promise<number> {
  const { table, counter } = REGISTERS[kind];
  const series = key.series === undefined ? sql`` : sql` and series = ${key.series}`;
  await sql`insert into ${sql.table(table)} (agency_id, year, ${sql.ref(counter)}${key.series === undefined ? sql`` : sql`, series`})
    values (${key.agencyId}, ${key.year}, 1${key.series === undefined ? sql`` : sql`, ${key.series}`})
    on conflict do nothing`.execute(trx);
  const { rows } = await sql<{ n: number }>`update ${sql.table(table)} set ${sql.ref(counter)} = ${sql.ref(counter)} + 1
    where agency_id = ${key.agencyId} and year = ${key.year}${series}
    returning ${sql.ref(counter)} - 1 as n`.execute(trx);
  return Number(rows[0]!.n);
}
