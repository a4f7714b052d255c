/** Response shapes of complaint and denunciation cases (shared with the web app). */
import { deadlineResultView } from "./calendar.ts";
import { identityAccessView, openData, petitionerView, trackedDeadlineView } from "./petition-views.ts";
import { z } from "./zod-vi.ts";

const date = z.string();
const kind = z.enum(["complaint", "denunciation"]);

export const caseListItem = z.object({
  id: z.string(),
  code: z.string(),
  kind,
  instance: z.number().int().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  receivedOn: date,
  acceptedOn: date.nullable(),
  dueOn: date.nullable(),
  dueStatus: z.enum(["on_time", "due_soon", "overdue"]).nullable(),
  outcome: z.string().nullable(),
  title: z.string(),
  respondent: z.string(),
  /** The petition's display name: a mask for every denunciation. */
  petitioner: z.string(),
  holder: z.string().nullable(),
  agencyId: z.string(),
  version: z.number().int(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

/**
 * A nested record of a case's facts (acceptance, verification, decision…) as stored: its shape
 * is the domain's CaseFacts (cases/case.ts), kept as JSON here rather than declared twice.
 */
const factRecord = z.record(z.string(), z.json());

/**
 * The facts of a case: every key the domain keeps (an allow-list), the nested records as JSON.
 * Records written before a key existed may lack it: the nested keys are optional.
 */
export const caseFactsView = z.object({
  kind,
  state: z.string(),
  receivedOn: date,
  acceptedOn: date.nullable(),
  instance: z.number().int().nullable(),
  outcome: z.string().nullable(),
  firstInstance: factRecord.nullish(),
  repeatedOf: z.string().nullish(),
  acceptance: factRecord.nullish(),
  rejection: factRecord.nullish(),
  initialExtension: z.object({ on: date, reason: z.string() }).nullish(),
  transfer: factRecord.nullish(),
  flags: factRecord.optional(),
  complexityCriteria: z.array(z.string()).optional(),
  complexityNote: z.string().nullish(),
  extensions: z.array(factRecord).optional(),
  suspensions: z.array(factRecord).optional(),
  stateBeforeSuspension: z.string().nullish(),
  verification: factRecord.nullish(),
  dialogues: z.array(factRecord).optional(),
  decision: factRecord.nullish(),
  conclusion: factRecord.nullish(),
  conclusionHandling: factRecord.nullish(),
  publications: z.array(factRecord).optional(),
  enforcement: z.array(factRecord).optional(),
  withdrawal: factRecord.nullish(),
  termination: factRecord.nullish(),
  protection: z.array(factRecord).optional(),
  closedOn: date.nullish(),
  history: z.array(factRecord).optional(),
});

export const caseDetail = z.object({
  id: z.string(),
  code: z.string(),
  agencyId: z.string(),
  kind,
  instance: z.number().int().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  receivedOn: date,
  acceptedOn: date.nullable(),
  dueOn: date.nullable(),
  outcome: z.string().nullable(),
  title: z.string(),
  respondents: z.array(z.object({ name: z.string(), address: z.string().nullable() })),
  petitioner: z.string(),
  petition: z.object({ id: z.string(), code: z.string(), receivedOn: date, channel: z.string() }),
  firstCaseId: z.string().nullable(),
  repeatedOfId: z.string().nullable(),
  facts: caseFactsView,
  assignments: z.array(z.object({ userId: z.string(), name: z.string(), role: z.enum(["lead", "member"]) })),
  holder: z.string().nullable(),
  events: z.array(
    z.object({
      at: z.string(),
      actorName: z.string().nullable(),
      action: z.string(),
      actionLabel: z.string(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      data: openData,
      documentId: z.string().nullable(),
    }),
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
  deadlines: z.array(trackedDeadlineView),
  mainDeadline: deadlineResultView.nullable(),
  identity: identityAccessView,
  identityRequests: z.array(
    z.object({
      id: z.string(),
      requester: z.string(),
      reason: z.string(),
      status: z.enum(["pending", "approved", "refused"]),
      at: z.string(),
      decidedAt: z.string().nullable(),
      expiresAt: z.string().nullable(),
    }),
  ),
  assigned: z.boolean(),
  allowedActions: z.array(z.object({ action: z.string(), label: z.string(), basis: z.string() })),
  canAssign: z.boolean(),
  version: z.number().int(),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const caseDashboardView = z.object({
  today: date,
  dueWithinDays: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  awaitingSignature: z.number().int(),
  pendingIdentityRequests: z.number().int(),
  open: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  perResolver: z.array(
    z.object({ userId: z.string(), name: z.string(), open: z.number().int(), overdue: z.number().int() }),
  ),
});
export type CaseDashboard = z.infer<typeof caseDashboardView>;

export const caseReminder = z.object({
  id: z.string(),
  code: z.string(),
  kind,
  state: z.string(),
  stateLabel: z.string(),
  dueOn: date.nullable(),
  overdue: z.boolean(),
  title: z.string(),
  /** The day the caller was assigned (Vietnam time), and whether that was within the last days. */
  assignedOn: date,
  newlyAssigned: z.boolean(),
});

export const identityRequestItem = z.object({
  id: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  requester: z.string(),
  reason: z.string(),
  status: z.enum(["pending", "approved", "refused"]),
  at: z.string(),
});

export const identityReveal = z.object({ petitioners: z.array(petitionerView), ground: z.string() });

export const identityRequestBody = z.strictObject({
  reason: z
    .string({ error: "Nhập lý do cần xem danh tính người tố cáo." })
    .trim()
    .min(10, { error: "Lý do phải nêu rõ cần xem danh tính để làm gì (ít nhất 10 ký tự)." })
    .max(2000, { error: "Lý do không quá 2.000 ký tự." }),
});

export const identityDecisionBody = z.strictObject({
  approve: z.boolean({ error: "Chọn phê duyệt hoặc từ chối." }),
  note: z.string().trim().max(2000, { error: "Ghi chú không quá 2.000 ký tự." }).nullish(),
});

export const assignmentBody = z.strictObject({
  version: z.number().int().min(1),
  leadId: z.uuid({ error: "Chọn người chủ trì giải quyết." }),
  memberIds: z
    .array(z.uuid({ error: "Mã cán bộ không hợp lệ." }))
    .max(20)
    .default([]),
});
