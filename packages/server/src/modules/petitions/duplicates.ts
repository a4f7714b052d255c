/**
 * The duplicate check (kiểm tra đơn trùng): which letters of the whole installation may be the same
 * matter as a new or stored one — the same writer, the same respondent, near-identical wording —
 * and what the caller may be told of each (a letter that may be a denunciation is matched by its
 * writer only for those who may see that writer).
 */
import {
  contentShingles,
  matterSignature,
  sameMatterScore,
  type PetitionKind,
  type SameMatterVerdict,
} from "@minhbach/domain";
import type { CreatePetitionBody } from "@minhbach/domain/api/petitions";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../../db/schema.ts";
import { assertAgencyInScope, inScope, type AuthContext } from "../../platform/access.ts";
import { identityAccess, mayBeDenunciation } from "../identity/access.ts";
import { clearLetterTexts, openLetterTexts } from "../identity/letter-texts.ts";
import { listedTexts } from "../identity/masks.ts";
import { readParties } from "../identity/parties.ts";
import { personKeys, respondentKeys } from "./facts.ts";
import { loadRow } from "./rows.ts";

export interface DuplicateCandidate {
  petitioners: CreatePetitionBody["petitioners"];
  respondents: CreatePetitionBody["respondents"];
  content: string;
  fieldCode?: string | null;
  excludeId?: string;
  excludeMatterId?: string;
}

/**
 * Petitions that look like the same matter, anywhere in the installation. Those outside the
 * caller's scope come back without content, code or names: only that a similar petition exists
 * in which agency and since when, so the officers can coordinate.
 *
 * A letter whose writer is protected (a denunciation, or a letter not yet classified, which may
 * be one) is matched by its writer only for those who may see that writer (identity/access.ts):
 * "same identity document as letter X" would tell anyone else who denounced. For them it is
 * scored on its respondent and wording alone, as any letter; found only through the writer, it is
 * reported as "a related letter exists at this agency", with no code, date, excerpt or reason.
 */
export async function findDuplicates(db: Kysely<DB>, auth: AuthContext, candidate: DuplicateCandidate, limit = 10) {
  const keys = personKeys(candidate.petitioners);
  const rkeys = respondentKeys(candidate.respondents);
  // The letter's fingerprint, computed once: its simhash finds candidates, its shingles score them.
  const mine = {
    ...matterSignature({
      petitioners: [],
      respondent: candidate.respondents[0]?.name ?? null,
      content: candidate.content,
      fieldCode: candidate.fieldCode ?? null,
    }),
    // Stored keys are keyed hashes: compare like with like.
    personKeys: keys,
  };
  // A letter that may be a denunciation is stored with its writers' data masked (identity/letter-texts.ts):
  // its wording is compared with this letter's masked the same way (the same writers mask alike).
  const masked = clearLetterTexts({ title: null, summary: null, content: candidate.content }, null, [
    ...candidate.petitioners,
  ]).content;
  const mineMasked = { ...mine, content: { ...mine.content, shingles: contentShingles(masked) } };
  const scope = await visibleAgencies(db, auth);
  const ids = await duplicateCandidateIds(db, keys, rkeys, mine.content.simhash);
  const rows = !ids.length
    ? []
    : await db
        .selectFrom("petition as p")
        .innerJoin("agency as a", "a.id", "p.agency_id")
        .select([
          "p.id",
          "p.code",
          "p.agency_id",
          "a.name as agency_name",
          "p.received_on",
          "p.state",
          "p.kind",
          "p.outcome",
          "p.field_code",
          "p.matter_id",
          "p.person_keys",
          "p.respondent_keys",
          "p.content",
          "p.content_simhash",
          "p.excerpt",
          "p.petitioner_display",
        ])
        .where("p.id", "in", ids)
        .$if(candidate.excludeId !== undefined, (qb) => qb.where("p.id", "<>", candidate.excludeId!))
        .execute();
  const isVisible = (agencyId: string) => scope === "all" || scope.has(agencyId);
  // Whose protected writer the caller may see, asked only of letters that share a writer's key.
  const writerSeen = new Set<string>();
  for (const r of rows) {
    if (!mayBeDenunciation(r.kind) || !isVisible(r.agency_id)) continue;
    if (!r.person_keys.some((k) => keys.includes(k))) continue;
    if ((await identityAccess(db, auth, r)).canView) writerSeen.add(r.id);
  }
  const scored = rows
    .map((r) => {
      const sharesPerson = r.person_keys.some((k) => keys.includes(k));
      const byWriter = !mayBeDenunciation(r.kind) || writerSeen.has(r.id);
      const theirs = {
        personKeys: r.person_keys,
        respondentKey: r.respondent_keys[0] ?? "",
        // Only the shingles are compared; the simhash is the stored one.
        content: { shingles: contentShingles(r.content), simhash: r.content_simhash ?? "" },
        fieldCode: r.field_code,
        kind: r.kind as PetitionKind | null,
      };
      // Shared identity keys make a strong signal even where the wording differs.
      const kept = (s: { verdict: string; score: number }, shared: boolean) =>
        s.verdict !== "different" || (shared && s.score >= 0.35);
      const ours = mayBeDenunciation(r.kind) ? mineMasked : mine;
      const full = sameMatterScore(ours, theirs);
      const s = byWriter ? full : sameMatterScore(ours, { ...theirs, personKeys: [] });
      const hiddenWriter = !byWriter && sharesPerson && !kept(s, false) && kept(full, true);
      return {
        row: r,
        score: s.score,
        verdict: s.verdict as SameMatterVerdict,
        reasons: s.reasons,
        keep: kept(s, byWriter && sharesPerson),
        hiddenWriter,
        // Ordered by what the match is worth, also where the caller is not told.
        rank: hiddenWriter ? full.score : s.score,
      };
    })
    .filter((s) => s.keep || s.hiddenWriter)
    .sort((a, b) => b.rank - a.rank);
  const seenAgencies = new Set<string>();
  const matches = scored
    // One note per agency for letters found only through a protected writer: how many there are
    // is not the caller's to know either.
    .filter((s) => !s.hiddenWriter || (!seenAgencies.has(s.row.agency_id) && !!seenAgencies.add(s.row.agency_id)))
    .slice(0, limit);
  return matches.map(({ row: r, score, verdict, reasons, hiddenWriter }) => {
    const visible = isVisible(r.agency_id) && !hiddenWriter;
    const base = {
      visible,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      receivedOn: r.received_on as string | null,
      score: Math.round(score * 100) / 100,
      verdict,
    };
    const hidden = { id: null, code: null, state: null, petitioner: null, excerpt: null, reasons: [] };
    if (hiddenWriter) {
      return {
        ...base,
        ...hidden,
        receivedOn: null,
        score: 0,
        verdict: "possible" as SameMatterVerdict,
        coordinate: `Có đơn liên quan tại ${r.agency_name}. Liên hệ bộ phận xử lý đơn của cơ quan này để phối hợp.`,
      };
    }
    if (!visible) {
      return {
        ...base,
        ...hidden,
        coordinate: `Có đơn tương tự tại ${r.agency_name} (nhận ngày ${r.received_on.split("-").reverse().join("/")}). Liên hệ bộ phận xử lý đơn của cơ quan này để phối hợp.`,
      };
    }
    return {
      ...base,
      id: r.id,
      code: r.code,
      state: r.state,
      matterId: r.matter_id,
      ...listedTexts(auth, r),
      reasons,
      coordinate: null,
    };
  });
}

/**
 * The letters that may be the same matter as a stored one (its duplicates panel). Its writers
 * are matched only when the caller may see them: "same person as letter X" would otherwise tell
 * who wrote a letter that may be a denunciation.
 */
export async function duplicatesOfPetition(db: Kysely<DB>, auth: AuthContext, id: string) {
  const row = await loadRow(db, id);
  await assertAgencyInScope(db, auth, "petition.read", row.agency_id);
  const identity = await identityAccess(db, auth, row);
  const parties = await readParties(db, id);
  const texts = identity.protected && !identity.canView ? row : openLetterTexts(row);
  const items = await findDuplicates(db, auth, {
    petitioners: identity.protected && !identity.canView ? [] : parties.petitioners,
    respondents: parties.respondents,
    content: texts.content,
    fieldCode: row.field_code,
    excludeId: row.id,
  });
  return items.filter((d) => !d.visible || !("matterId" in d) || d.matterId !== row.matter_id);
}

/** How many petitions of the same writer, of the same respondent, and of the nearest wording are scored. */
const SAME_PERSON_CANDIDATES = 50;
const SAME_RESPONDENT_CANDIDATES = 30;
const NEAR_CONTENT_CANDIDATES = 20;
/**
 * Letters sharing a simhash band by chance differ in about 32 of the 64 bits, letters written on
 * one pattern in 5 to 16, near-identical wording in at most 3 (which is why it shares a band).
 */
const NEAR_CONTENT_BITS = 12;
const EMPTY_SIMHASH = "0000000000000000";
/**
 * How many letters of a band the check reads on each side of its own simhash, in the band's
 * order (0017_duplicate_simhash_rotations.sql). A band holds a few dozen letters by chance, but
 * tens of thousands when they are written on one pattern; the window then keeps those sharing
 * the following band as well, nearest first. Letters one bit apart are always found: three of
 * their bands in a row are the same, so one band and the next are.
 */
export const DUPLICATE_LIMITS = { window: 1_000 };

/** Band k's rotation of the stored simhash (k × 16 bits to the left), as its index holds it (0017). */
function simhashRotation(k: number): RawBuilder<string> {
  return k === 0
    ? sql<string>`('x' || p.content_simhash)::bit(64)::bigint`
    : sql<string>`('x' || substr(p.content_simhash || p.content_simhash, ${sql.lit(4 * k + 1)}, 16))::bit(64)::bigint`;
}

/** The same rotation of a simhash in hex, as a signed 64-bit integer in decimal. */
function rotatedSimhash(simhash: string, k: number): bigint {
  return BigInt.asIntN(64, BigInt(`0x${(simhash + simhash).slice(4 * k, 4 * k + 16)}`));
}

/**
 * The candidates of the duplicate check, each kind read from its own index and bounded, so the
 * check costs about the same with a thousand petitions or millions: the newest 50 of the same
 * writer, the newest 30 about each respondent (petition_respondent_key, 0013), and the 20 nearest
 * in wording among the letters of each simhash band nearest its own (0017).
 */
export async function duplicateCandidateIds(
  db: Kysely<DB>,
  keys: readonly string[],
  rkeys: readonly string[],
  simhash: string,
): Promise<string[]> {
  const parts = [];
  if (keys.length)
    parts.push(sql`(select p.id from petition p where p.person_keys && ${sql.val(keys)}::text[]
      order by p.received_on desc limit ${SAME_PERSON_CANDIDATES})`);
  if (rkeys.length)
    parts.push(sql`(select r.petition_id as id from unnest(${sql.val(rkeys)}::text[]) as k (key)
      cross join lateral (select petition_id from petition_respondent_key rk where rk.key = k.key
        order by rk.received_on desc, rk.petition_id desc limit ${SAME_RESPONDENT_CANDIDATES}) r)`);
  if (simhash !== EMPTY_SIMHASH) {
    // Per band, two index-only scans from the letter's own place in the band's order, one each
    // way, each keeping its own nearest: gathering every branch's rows before choosing spent
    // 18 ms removing the rows two bands share.
    const bands = [0, 1, 2, 3].map((k) => {
      const rotation = simhashRotation(k);
      const own = rotatedSimhash(simhash, k);
      // The band is the top 16 bits: a range of the signed 64-bit rotation.
      const low = BigInt.asIntN(64, BigInt(`0x${simhash.slice(4 * k, 4 * k + 4)}`) << 48n);
      const high = low + (1n << 48n) - 1n;
      const side = (up: boolean) => sql`(select p.id, bit_count((${rotation} # ${own.toString()}::bigint)::bit(64)) as d
        from petition p
        where ${rotation} between ${low.toString()}::bigint and ${high.toString()}::bigint
          and ${rotation} ${up ? sql`>=` : sql`<`} ${own.toString()}::bigint
          and p.content_simhash <> ${sql.lit(EMPTY_SIMHASH)}
        order by ${rotation} ${up ? sql`asc` : sql`desc`} limit ${DUPLICATE_LIMITS.window})`;
      return sql`(select w.id, w.d from (${side(true)} union all ${side(false)}) w
        where w.d <= ${NEAR_CONTENT_BITS} order by w.d, w.id limit ${NEAR_CONTENT_CANDIDATES})`;
    });
    parts.push(sql`(select b.id from (${sql.join(bands, sql` union all `)}) b
      group by b.id order by min(b.d), b.id limit ${NEAR_CONTENT_CANDIDATES})`);
  }
  if (!parts.length) return [];
  const { rows } = await sql<{ id: string }>`${sql.join(parts, sql` union `)}`.execute(db);
  return rows.map((r) => r.id);
}

async function visibleAgencies(db: Kysely<DB>, auth: AuthContext): Promise<Set<string> | "all"> {
  const rows = await db
    .selectFrom("agency")
    .select("id")
    .where(inScope(auth, "petition.read", "agency.id"))
    .execute();
  return new Set(rows.map((r) => r.id));
}
