/** Response shapes of petition handling (shared with the web app). */
import { z } from "./zod-vi.ts";

const date = z.string();

export const petitionListItem = z.object({
  id: z.string(),
  code: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  receivedOn: date,
  channel: z.string(),
  kind: z.string().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  fieldCode: z.string().nullable(),
  fieldName: z.string().nullable(),
  petitioner: z.string(),
  respondent: z.string(),
  excerpt: z.string(),
  dueOn: date.nullable(),
  dueStatus: z.enum(["on_time", "due_soon", "overdue"]).nullable(),
  outcome: z.string().nullable(),
  anonymous: z.boolean(),
  transferredIn: z.boolean(),
  version: z.number().int(),
});
export type PetitionListItem = z.infer<typeof petitionListItem>;

/**
 * How a list search found its matches, where that was not the words as typed: a mistyped word
 * read another way ("corrected"), the nearest known words ("nearest"), or every word anywhere in
 * the letter rather than as a phrase ("words"). `needle` is what was searched, accent-free.
 */
export const searchedAs = z.object({
  way: z.enum(["phrase", "prefix", "corrected", "nearest", "words"]),
  needle: z.string(),
});
export type SearchedAs = z.infer<typeof searchedAs>;

/** What the caller may do about a writer's identity (a denouncer's is protected). */
export const identityAccessView = z.object({
  protected: z.boolean(),
  canView: z.boolean(),
  canRequest: z.boolean(),
  pendingRequestId: z.string().nullable(),
  caseId: z.string().nullable(),
});

export const petitionDetail = z.object({
  id: z.string(),
  agencyId: z.string(),
  code: z.string(),
  seqNo: z.number().int(),
  receivedOn: date,
  writtenOn: date.nullable(),
  channel: z.string(),
  visitId: z.string().nullable(),
  forwardedBy: z.object({ agencyName: z.string(), documentNumber: z.string(), documentDate: date }).nullish(),
  transferredFromId: z.string().nullable(),
  anonymous: z.boolean(),
  impersonated: z.boolean(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  content: z.string(),
  language: z.string(),
  fieldCode: z.string().nullable(),
  kind: z.string().nullable(),
  competence: z.string().nullable(),
  eligible: z.boolean().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  outcome: z.string().nullable(),
  outcomeOn: date.nullable(),
  dueOn: date.nullable(),
  retentionUntil: date.nullable(),
  matterId: z.string(),
  petitionerDisplay: z.string(),
  /** Empty when the writer is a denouncer: the identity has its own audited route. */
  petitioners: z.array(z.looseObject({ kind: z.string() })),
  identity: identityAccessView,
  respondents: z.array(z.looseObject({ name: z.string() })),
  classification: z.looseObject({}).nullable(),
  eligibility: z.looseObject({}).nullable(),
  events: z.array(
    z.object({
      at: z.string(),
      actorName: z.string().nullable(),
      action: z.string(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      data: z.unknown(),
      documentId: z.string().nullable(),
    }),
  ),
  deadlines: z.array(
    z.object({ ruleId: z.string(), label: z.string(), due: date, open: z.boolean(), input: z.unknown() }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      formCode: z.string(),
      title: z.string(),
      status: z.string(),
      symbol: z.string().nullable(),
      issuedOn: date.nullable(),
    }),
  ),
  allowedOutcomes: z.array(z.object({ outcome: z.string(), form: z.string().nullable(), to: z.string() })),
  refusedOutcomes: z.array(z.object({ outcome: z.string(), reasons: z.array(z.string()) })),
  version: z.number().int(),
});
export type PetitionDetail = z.infer<typeof petitionDetail>;

export const duplicateMatch = z.object({
  visible: z.boolean(),
  id: z.string().nullable(),
  code: z.string().nullable(),
  agencyId: z.string(),
  agencyName: z.string(),
  /** Null for a letter found only through a writer the caller may not see (a possible denouncer). */
  receivedOn: date.nullable(),
  state: z.string().nullable(),
  matterId: z.string().optional(),
  petitioner: z.string().nullable(),
  excerpt: z.string().nullable(),
  score: z.number(),
  verdict: z.enum(["same", "probable", "possible", "different"]),
  reasons: z.array(z.string()),
  coordinate: z.string().nullable(),
});

/** A deadline as stored with a record: the rule, its start and what moves it. */
export const deadlineInputView = z.object({
  rule: z.string(),
  from: date,
  variant: z.string().optional(),
  extensions: z.number().int().optional(),
  suspensions: z
    .array(z.object({ from: date, to: date }))
    .readonly()
    .optional(),
});
export type DeadlineInputView = z.infer<typeof deadlineInputView>;

/** A transferred or guided petition waiting for an answer (GET /petitions/awaiting). */
export const awaitingItem = z.object({
  petitionId: z.string(),
  /** For urging straight from the list. */
  version: z.number().int(),
  code: z.string(),
  petitioner: z.string(),
  status: z.string(),
  since: date,
  daysWaiting: z.number().int(),
  urgeCount: z.number().int(),
  lastUrgedOn: date.nullable(),
  /** The answer awaited: its deadline rule, start and purpose. */
  reply: deadlineInputView.extend({ purpose: z.string() }),
  /** With the working calendar: when the answer is due, and whether it is overdue today. */
  replyDue: date.optional(),
  overdue: z.boolean().optional(),
});

/** A field of the catalogue as GET /petitions/fields lists it (retired ones too, inactive). */
export const petitionFieldItem = z.object({
  code: z.string(),
  name: z.string(),
  group: z.enum(["industry_trade", "administrative"]),
  reportGroup: z.enum(["administrative", "judicial", "corruption", "other"]),
  active: z.boolean(),
});

/** The writers of a petition, revealed (GET /petitions/:id/identity), and on what ground. */
export const petitionIdentity = z.object({
  petitioners: z.array(z.looseObject({ kind: z.string() })),
  ground: z.string(),
});
