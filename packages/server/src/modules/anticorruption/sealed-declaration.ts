/**
 * A declaration's content sealed at rest by the key ring (platform/vault.ts, SEALED.declaration),
 * bound to its row id. Opened by declarations.ts for an allowed reader (audited there) and by the
 * campaign's computation of the supplementary duty (totals only, never shown; campaigns.ts).
 */
import { assetTotal, type DeclarationContent } from "@minhbach/domain";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { SEALED } from "../../platform/sealed-columns.ts";
import { keyRing } from "../../platform/vault.ts";

export function sealDeclaration(id: string, content: DeclarationContent): string {
  return keyRing().seal(JSON.stringify(content), SEALED.declaration.context(id));
}

export function openDeclaration(id: string, sealed: string): DeclarationContent {
  return JSON.parse(keyRing().open(sealed, SEALED.declaration.context(id))) as DeclarationContent;
}

/**
 * The declarations on record up to the end of `year` of the officials of an agency who made one
 * in that year: day, kind and total of assets, by official. Only those people's declarations are
 * opened.
 */
export async function declarationTotals(
  db: Kysely<DB> | Transaction<DB>,
  agencyId: string,
  year: number,
  officialId?: string,
) {
  let query = db
    .selectFrom("ac_declaration as d")
    .select(["d.id", "d.official_id", "d.declared_on", "d.kind", "d.content_sealed"])
    .where("d.agency_id", "=", agencyId);
  if (officialId) query = query.where("d.official_id", "=", officialId);
  const rows = await query
    .where("d.declared_on", "<=", `${year}-12-31`)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("ac_declaration as y")
          .select("y.id")
          .whereRef("y.official_id", "=", "d.official_id")
          .where("y.declared_on", ">=", `${year}-01-01`)
          .where("y.declared_on", "<=", `${year}-12-31`),
      ),
    )
    .execute();
  const byOfficial = new Map<string, { declaredOn: string; kind: string; total: number }[]>();
  for (const r of rows) {
    const list = byOfficial.get(r.official_id) ?? [];
    list.push({ declaredOn: r.declared_on, kind: r.kind, total: assetTotal(openDeclaration(r.id, r.content_sealed)) });
    byOfficial.set(r.official_id, list);
  }
  return byOfficial;
}
