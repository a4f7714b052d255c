/**
 * API shapes of citizen reception that api/reception.ts does not hold: what the server answers
 * (visits with the actions the caller may take, register rows, schedule entries), the time of a
 * visit, and the requests of the heads' reception schedule.
 */
import { HANDLING_ROUTE_LIST, VISIT_KIND_LIST, VISIT_STATES, type VisitState } from "../reception/visit.ts";
import { isoDate, uuid } from "./common.ts";
import { receptionConclusionFields } from "./documents.ts";
import { createVisitBody, personName, updateVisitBody } from "./reception.ts";
import { blankable, z } from "./zod-vi.ts";

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} chỉ được tối đa ${max} ký tự.` });
const required = (max: number, message: string) => z.string().trim().min(1, { error: message }).max(max);

/** An instant with its offset: "2026-03-10T08:00:00+07:00" or "…Z". */
export const dateTime = z.iso.datetime({
  offset: true,
  error: "Thời điểm phải có dạng ngày giờ ISO 8601, ví dụ 2026-03-10T08:00:00+07:00.",
});

const version = z.number({ error: "Thiếu số phiên bản (version)." }).int().min(1);

// ---------------------------------------------------------------------------------------------
// Visits.

/** The time of the visit, when known; its date in Vietnam must be `receivedOn` (checked by the server). */
const receivedAt = dateTime.nullish();

export const createVisitRequest = createVisitBody.safeExtend({ receivedAt });
export type CreateVisitRequest = z.infer<typeof createVisitRequest>;

export const updateVisitRequest = updateVisitBody.safeExtend({ receivedAt });
export type UpdateVisitRequest = z.infer<typeof updateVisitRequest>;

/** POST /reception/visits/:id/petition: the version the officer saw. */
export const visitPetitionBody = z.strictObject({ version });
export type VisitPetitionBody = z.infer<typeof visitPetitionBody>;

/** What the caller may do with a visit now (the web app shows only these buttons). */
export const visitAction = z.enum(["edit", "handle", "follow_up", "create_petition"]);
export type VisitAction = z.infer<typeof visitAction>;

export const visitorView = z.object({
  fullName: z.string(),
  address: z.string(),
  identity: z
    .object({
      kind: z.string(),
      number: z.string(),
      birthYear: z.number().nullish(),
      gender: z.string().nullish(),
    })
    .nullable(),
  gender: z.string().nullable(),
  capacity: z.string(),
  authorisationPaper: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type VisitorView = z.infer<typeof visitorView>;

export const visitHandlingView = z.object({
  route: z.enum(HANDLING_ROUTE_LIST),
  targetBody: z.string().nullish(),
  documentNumber: z.string().nullish(),
  petitionId: z.string().nullish(),
  refusal: z
    .object({
      reason: z.number(),
      explanation: z.string().nullish(),
      earlierMatterId: z.string().nullish(),
      refusalNotice: z.object({ number: z.string(), date: z.string() }).nullish(),
      legalBasis: z.string().nullish(),
    })
    .nullish(),
});

export const visitView = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  registerYear: z.number().int(),
  seqNo: z.number().int(),
  receivedOn: z.string(),
  receivedAt: z.string().nullable(),
  kind: z.enum(VISIT_KIND_LIST),
  receiverName: z.string(),
  receiverId: z.string().nullable(),
  presidingHead: z.string().nullable(),
  peopleCount: z.number().int(),
  isCrowd: z.boolean(),
  /**
   * True when the visitors' identity is hidden from this caller: a denunciation, and the caller neither
   * received it nor is assigned to the case opened from it. The free texts are then masked too.
   */
  identityMasked: z.boolean(),
  visitors: z.array(visitorView),
  representatives: z.array(z.object({ fullName: z.string(), idNumber: z.string().nullish() })),
  writtenAppointment: z.boolean().nullable(),
  contentSummary: z.string(),
  contentKind: z.string().nullable(),
  fieldCode: z.string().nullable(),
  competence: z.string().nullable(),
  previousResolver: z.string().nullable(),
  respondentName: z.string().nullable(),
  respondentAddress: z.string().nullable(),
  documentsReceived: z.array(z.object({ name: z.string(), pages: z.number().nullish() })),
  handling: visitHandlingView.nullable(),
  petitionId: z.string().nullable(),
  status: z.enum(Object.keys(VISIT_STATES) as [VisitState, ...VisitState[]]),
  followUp: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(visitAction),
});
export type VisitView = z.infer<typeof visitView>;

// ---------------------------------------------------------------------------------------------
// The register (Sổ tiếp công dân, Mẫu số 03).

export const registerQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Default: the caller's agency. */
    agencyId: uuid.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type RegisterQuery = z.infer<typeof registerQuery>;

export const registerRowView = z.object({
  visitId: z.string(),
  sequence: z.number().int(),
  date: z.string(),
  nameAddress: z.string(),
  identity: z.string(),
  content: z.string(),
  classification: z.string(),
  previousResolver: z.string(),
  accepted: z.string(),
  returnedGuided: z.string(),
  transferred: z.string(),
  followUp: z.string(),
  notes: z.string(),
});

export const registerView = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  from: z.string(),
  to: z.string(),
  columns: z.array(z.object({ number: z.number(), key: z.string(), header: z.string(), group: z.string().optional() })),
  rows: z.array(registerRowView),
});
export type RegisterView = z.infer<typeof registerView>;

// ---------------------------------------------------------------------------------------------
// The heads' reception schedule.

export const SCHEDULE_KINDS = { periodic: "định kỳ", ad_hoc: "đột xuất" } as const;
export type ScheduleKind = keyof typeof SCHEDULE_KINDS;
export const scheduleKind = z.enum(["periodic", "ad_hoc"], { error: "Hình thức tiếp phải là định kỳ hoặc đột xuất." });

export const SCHEDULE_STATUSES = {
  draft: "Dự kiến",
  published: "Đã công bố",
  held: "Đã tiếp",
  cancelled: "Đã hủy",
} as const;
export type ScheduleStatus = keyof typeof SCHEDULE_STATUSES;
export const scheduleStatus = z.enum(["draft", "published", "held", "cancelled"], {
  error: "Trạng thái lịch tiếp không hợp lệ.",
});

const scheduleFields = {
  leaderName: personName,
  leaderTitle: required(200, "Nhập chức vụ của người chủ trì tiếp công dân."),
  startsAt: dateTime,
  endsAt: dateTime,
  place: required(300, "Nhập địa điểm tiếp công dân."),
  kind: scheduleKind,
  note: text(2000, "Ghi chú").nullish(),
};

const endsAfterStart = (s: { startsAt?: string | undefined; endsAt?: string | undefined }) =>
  !s.startsAt || !s.endsAt || Date.parse(s.endsAt) > Date.parse(s.startsAt);
const ENDS_AFTER_START = { error: "Giờ kết thúc phải sau giờ bắt đầu.", path: ["endsAt"] };

export const createScheduleBody = z.strictObject(scheduleFields).refine(endsAfterStart, ENDS_AFTER_START);
export type CreateScheduleBody = z.infer<typeof createScheduleBody>;

/** Edits, or closing the entry: held (the reception took place) or cancelled. */
export const updateScheduleBody = z
  .strictObject(scheduleFields)
  .partial()
  .extend({
    version,
    status: z.enum(["held", "cancelled"], { error: "Chỉ chuyển lịch sang đã tiếp hoặc đã hủy." }).optional(),
  })
  .refine(endsAfterStart, ENDS_AFTER_START);
export type UpdateScheduleBody = z.infer<typeof updateScheduleBody>;

export const publishScheduleBody = z.strictObject({ version });

export const scheduleListQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
    from: isoDate.optional(),
    to: isoDate.optional(),
    status: z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(z.array(scheduleStatus).max(4))
      .optional(),
    kind: scheduleKind.optional(),
    q: text(200, "Từ khóa").optional(),
    sort: z.enum(["startsAt", "leaderName", "status"]).default("startsAt"),
    order: z.enum(["asc", "desc"]).default("asc"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type ScheduleListQuery = z.infer<typeof scheduleListQuery>;

export const scheduleAction = z.enum(["edit", "publish", "hold", "cancel", "conclude"]);
export type ScheduleAction = z.infer<typeof scheduleAction>;

export const scheduleView = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  leaderName: z.string(),
  leaderTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  kind: scheduleKind,
  note: z.string().nullable(),
  status: scheduleStatus,
  publishedAt: z.string().nullable(),
  conclusionDocumentId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(scheduleAction),
});
export type ScheduleView = z.infer<typeof scheduleView>;

/**
 * The head's notice of conclusions (form TCD-KL): what was said and decided. Who chaired, the date,
 * the kind and the place come from the schedule entry unless given here.
 */
export const scheduleConclusionBody = receptionConclusionFields
  .omit({ chairedBy: true, receptionDate: true, receptionKind: true, place: true })
  .extend({
    version,
    place: blankable(required(300, "Nhập địa điểm tiếp công dân.").optional()),
    chairedBy: receptionConclusionFields.shape.chairedBy.optional(),
  });
export type ScheduleConclusionBody = z.infer<typeof scheduleConclusionBody>;

// ---------------------------------------------------------------------------------------------
// The public schedule (no session).

export const publicScheduleQuery = z
  .object({
    agency: z
      .string({ error: "Thiếu mã cơ quan." })
      .trim()
      .min(1, { error: "Thiếu mã cơ quan." })
      .max(50)
      .regex(/^[A-Za-z0-9._-]+$/, { error: "Mã cơ quan không hợp lệ." }),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type PublicScheduleQuery = z.infer<typeof publicScheduleQuery>;

/**
 * A published entry as the public sees it: the head, the time and the place. The internal note is
 * left out (it may name a citizen).
 */
export const publicScheduleEntry = z.object({
  id: z.string(),
  leaderName: z.string(),
  leaderTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  kind: scheduleKind,
  status: z.enum(["published", "held", "cancelled"]),
});

export const publicSchedule = z.object({
  agencyCode: z.string(),
  agencyName: z.string(),
  items: z.array(publicScheduleEntry),
});
export type PublicSchedule = z.infer<typeof publicSchedule>;

/** GET /reception/overview: the home page's reception tiles, each the total of the list it opens. */
export const receptionOverviewView = z.object({
  today: z.string(),
  weekStart: z.string(),
  thisWeek: z.number().int(),
  open: z.number().int(),
  crowdThisWeek: z.number().int(),
});
export type ReceptionOverview = z.infer<typeof receptionOverviewView>;
