/**
 * Who may see the identity of someone who came to denounce (Điều 9 khoản 1, Điều 47–48 Luật Tố cáo
 * 2018; Thông tư 04/2021/TT-TTCP Điều 6; docs/LAW.md §3.4, §6.6), and the masking of a visit's free
 * texts for everyone else.
 *
 * The rule is the one of a resolution case: only the officer who received the denouncer (the
 * visit's receiver, or who recorded it) and the people later assigned to the case opened from the
 * visit's letter see the name, address, papers and contacts. Holding reception.write is not a ground:
 * a leader of the agency sees a masked visit like any other reader. When several people denounce
 * together, all of them are protected.
 */
import { REDACTION_MASK, maskContacts, redactorFor, type RedactionSubject } from "../text/redact.ts";
import type { PetitionKind } from "../petitions/kinds.ts";
import type { GroupPerson } from "./group.ts";
import type { Visitor } from "./visit.ts";

/** The identity of the people of a visit is protected when its content is a denunciation. */
export function visitIdentityProtected(contentKind: PetitionKind | string | null | undefined): boolean {
  return contentKind === "denunciation";
}

export interface VisitIdentityFacts {
  contentKind: PetitionKind | string | null | undefined;
  /** The caller received the visitor (named as receiver, or recorded the visit). */
  isReceiver: boolean;
  /** The caller is assigned to the resolution case opened from the visit's petition. */
  assignedToCase: boolean;
}

/** Whether the caller may see the people of the visit and its free texts as written. */
export function maySeeVisitIdentity(facts: VisitIdentityFacts): boolean {
  if (!visitIdentityProtected(facts.contentKind)) return true;
  return facts.isReceiver || facts.assignedToCase;
}

/** The people of a visit as subjects of the masking: every name, address, number and contact. */
export function visitRedactionSubjects(
  visitors: readonly Visitor[],
  representatives: readonly GroupPerson[],
): RedactionSubject[] {
  return [
    ...visitors.map((v) => ({
      name: v.fullName,
      address: v.address,
      numbers: [v.identity?.number ?? null],
      phone: v.phone ?? null,
      email: v.email ?? null,
    })),
    ...representatives.map((r) => ({ name: r.fullName, numbers: [r.idNumber ?? null] })),
  ];
}

/** The free texts of a visit: what a visitor says or hands in is written there. */
export interface VisitTexts {
  contentSummary: string;
  notes: string | null;
  followUp: string | null;
  documentsReceived: { name: string; pages?: number | null | undefined }[];
  /** What the receiver explained to a person refused (Điều 4 Thông tư 04/2021/TT-TTCP). */
  refusalExplanation?: string | null | undefined;
}

/**
 * The texts with the people's data masked, and every phone, e-mail and identity number masked by its
 * shape (one never typed into a field is still a denouncer's contact).
 */
export function maskVisitTexts(
  texts: VisitTexts,
  visitors: readonly Visitor[],
  representatives: readonly GroupPerson[],
): VisitTexts {
  const redact = redactorFor(visitRedactionSubjects(visitors, representatives));
  const mask = (text: string) => maskContacts(redact(text));
  return {
    contentSummary: mask(texts.contentSummary),
    notes: texts.notes === null ? null : mask(texts.notes),
    followUp: texts.followUp === null ? null : mask(texts.followUp),
    documentsReceived: texts.documentsReceived.map((d) => ({ ...d, name: mask(d.name) })),
    ...(texts.refusalExplanation != null ? { refusalExplanation: mask(texts.refusalExplanation) } : {}),
  };
}

/** A masked text without its masks, for a search index (a search for the mask's words finds nothing). */
export function withoutMasks(text: string): string {
  return text.split(REDACTION_MASK).join(" ");
}
