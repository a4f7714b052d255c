/**
 * The fields of the official document an outcome prints (the forms of Thông tư 05/2021/TT-TTCP),
 * filled from the petition.
 */
import type { ApplyOutcomeBody } from "@minhbach/domain/api/petitions";
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { mayBeDenunciation } from "../identity/access.ts";
import { ANONYMOUS_LABEL } from "../identity/masks.ts";
import { documentTextMasker } from "./follow-up-documents.ts";
import { openLetterTexts } from "../identity/letter-texts.ts";
import { readParties } from "../identity/parties.ts";
import type { PetitionRow } from "./rows.ts";
import { textDate } from "../documents/template-kit.ts";

/** The fields of the official document an outcome prints, filled from the petition. */
export async function documentFields(
  trx: Transaction<DB>,
  row: PetitionRow,
  form: string,
  input: ApplyOutcomeBody extends infer T ? Omit<T & object, "version"> : never,
  targetName: string | null,
) {
  const parties = await readParties(trx, row.id);
  const first = parties.petitioners[0];
  const respondent = parties.respondents[0];
  const person = first
    ? {
        fullName: first.kind === "person" ? first.fullName : first.name,
        ...(first.address ? { address: first.address } : {}),
      }
    : { fullName: ANONYMOUS_LABEL };
  const agency = await trx
    .selectFrom("agency")
    .select(["name"])
    .where("id", "=", row.agency_id)
    .executeTakeFirstOrThrow();
  // The documents of a letter that may be a denunciation are stored with their original sealed
  // and read masked by whoever may not see the writer (identity/protected-records.ts). What
  // leaves the agency without being addressed to the writer quotes the letter masked even as
  // signed: the denunciation transfer slip (the letter itself travels with it).
  const protectedWriter = mayBeDenunciation(row.kind);
  // The letter's own words: its documents are sealed and masked for each reader (documents/).
  const letter = openLetterTexts(row);
  const summary = (letter.summary ?? letter.content).slice(0, 3900);
  const quoted = documentTextMasker(row.kind, parties.petitioners)(letter.summary ?? letter.content).slice(0, 3900);
  const receipt = { receivedOn: row.received_on, ...(row.written_on ? { letterDate: row.written_on } : {}) };
  const i = input as Record<string, unknown>;
  switch (form) {
    case "TT05-01":
      return {
        to: `Thủ trưởng ${agency.name}`,
        ...receipt,
        petitionKind: row.kind === "denunciation" ? "denunciation" : "complaint",
        ...(protectedWriter ? {} : { petitioner: person }),
        summary,
      };
    case "TT05-02":
      return {
        complainant: person,
        ...receipt,
        subject: summary.slice(0, 1900),
        reasons: [String(i.reasons ?? "")].filter(Boolean),
      };
    case "TT05-03":
      return { person, ...receipt, summary, competentBody: String(i.targetBody ?? "") };
    case "TT05-04": {
      const fwd = row.forwarded_by as { agencyName: string; documentNumber: string; documentDate: string } | null;
      return {
        forwardingBody: fwd?.agencyName ?? "Cơ quan chuyển đơn",
        ...(fwd
          ? {
              forwardingReference: `Văn bản số ${fwd.documentNumber} ngày ${textDate(fwd.documentDate)}`,
            }
          : {}),
        receivedOn: row.received_on,
        petitioner: person,
        summary,
      };
    }
    case "TT05-05":
      return {
        competentBody: targetName ?? String(i.targetBody ?? ""),
        ...receipt,
        ...(respondent ? { denounced: respondent.name } : {}),
        summary: quoted,
      };
    case "TT05-06":
      return { competentBody: targetName ?? String(i.targetBody ?? ""), ...receipt, petitioner: person, summary };
    case "TT05-07": {
      const bodies = (i.targetBodies as string[] | undefined) ?? [];
      return {
        person,
        ...receipt,
        items: bodies.map((b, n) => ({ content: `Nội dung ${n + 1} của đơn`, competentBody: b })),
      };
    }
    default:
      return { ...receipt, summary };
  }
}
