/**
 * Response shapes of petition handling (shared with the web app). Each is an allow-list: the
 * server's serialiser writes only the keys declared here.
 */
import { gender, identityDocumentKind } from "./reception.ts";
import { z } from "./zod-vi.ts";

const date = z.string();

/**
 * A value kept as JSON whose keys differ from one action to the next (the data of a timeline
 * event): genuinely open, so only JSON values, never a function or an undefined.
 */
export const openData = z.record(z.string(), z.json());

export const identityDocumentView = z.object({
  kind: identityDocumentKind,
  number: z.string(),
  birthYear: z.number().int().nullish(),
  gender: gender.nullish(),
});

/** A writer of a petition, as stored (a person, or an organisation with its representative). */
export const petitionerView = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("person"),
    fullName: z.string(),
    address: z.string(),
    identity: identityDocumentView.nullish(),
    phone: z.string().nullish(),
    email: z.string().nullish(),
  }),
  z.object({
    kind: z.literal("organisation"),
    name: z.string(),
    address: z.string(),
    taxCode: z.string().nullish(),
    representativeName: z.string(),
    representativeIdentity: identityDocumentView.nullish(),
    phone: z.string().nullish(),
    email: z.string().nullish(),
  }),
]);
export type PetitionerView = z.infer<typeof petitionerView>;

export const respondentView = z.object({ name: z.string(), address: z.string().nullish() });

/** The handler's classification (Điều 6 Thông tư 05/2021/TT-TTCP). */
export const classificationView = z.object({
  kind: z.string(),
  contentKinds: z.array(z.string()).readonly().nullish(),
  severalBodies: z.boolean().nullish(),
  competence: z.string(),
  fieldCode: z.string(),
  complaintAcceptable: z.boolean().nullish(),
  aboutAdministrativeRegulations: z.boolean().nullish(),
  alreadyResolved: z.boolean().nullish(),
  newEvidence: z.boolean().nullish(),
});

const eligibilityItemView = z.object({
  id: z.string(),
  label: z.string(),
  appliesTo: z.array(z.string()).readonly(),
  basis: z.string(),
  waivedByAnonymousException: z.boolean().optional(),
  anonymousException: z.boolean().optional(),
});

/** The assessment of the conditions for handling a petition, item by item. */
export const eligibilityView = z.object({
  eligible: z.boolean(),
  complete: z.boolean(),
  applicable: z.array(eligibilityItemView),
  failed: z.array(eligibilityItemView),
  unanswered: z.array(eligibilityItemView),
  anonymousDenunciationException: z.boolean(),
  archiveReason: z.enum(["not_eligible", "anonymous_without_evidence"]).nullable(),
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

/** A deadline tracked for a record (petition, case). */
export const trackedDeadlineView = z.object({
  ruleId: z.string(),
  label: z.string(),
  due: date,
  open: z.boolean(),
  input: deadlineInputView,
});

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
  /** For a letter from a reception visit: the kind and competence the reception officer recorded. */
  fromReception: z.object({ contentKind: z.string().nullable(), competence: z.string().nullable() }).nullable(),
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
  petitioners: z.array(petitionerView),
  identity: identityAccessView,
  respondents: z.array(respondentView),
  classification: classificationView.nullable(),
  eligibility: eligibilityView.nullable(),
  events: z.array(
    z.object({
      at: z.string(),
      actorName: z.string().nullable(),
      action: z.string(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      data: openData,
      documentId: z.string().nullable(),
    }),
  ),
  deadlines: z.array(trackedDeadlineView),
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
export const petitionIdentity = z.object({ petitioners: z.array(petitionerView), ground: z.string() });

/** A count of the petitions list, and whether it stopped at the list's cap ("more than"). */
const listTotal = z.object({ n: z.number().int(), capped: z.boolean() });

/** GET /petitions/overview: the home page's petition tiles, each the total of the list it opens. */
export const petitionOverviewView = z.object({
  today: date,
  weekStart: date,
  open: listTotal,
  overdue: listTotal,
  dueSoon: listTotal,
  newThisWeek: listTotal,
});
export type PetitionOverview = z.infer<typeof petitionOverviewView>;
