/**
 * Table types for Kysely, kept by hand beside the SQL migrations they describe. A column added
 * in a migration is added here in the same commit; test/schema.test.ts compares every table,
 * column and nullability with the migrated database on both engines.
 */
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/** A timestamptz column with a default (optional on insert). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamptz column that must be given on insert. */
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `date` column: 'YYYY-MM-DD' both ways (no time zone). */
type DateOnly = string;

export interface AgencyTable {
  id: Generated<string>;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent_id: string | null;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  path: Generated<string>;
  /** Letterhead (0003_documents): symbol abbreviation, place of the date line, line above the name. */
  doc_abbreviation: Generated<string | null>;
  doc_place: Generated<string | null>;
  doc_parent_name: Generated<string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgencyLineageTable {
  successor_id: string;
  predecessor_id: string;
  effective_date: DateOnly;
}

export interface AgencyGroupTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: string;
  /** The cluster's lead agency (0041_reporting_graph). */
  lead_agency_id: Generated<string | null>;
}

export interface AgencyGroupMemberTable {
  group_id: string;
  agency_id: string;
  /** Membership dates (0041_reporting_graph). */
  valid_from: Generated<DateOnly>;
  valid_to: Generated<DateOnly | null>;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  email: string | null;
  agency_id: string;
  roles: string[];
  password_hash: string;
  disabled: Generated<boolean>;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  password_changed_at: Timestamp;
  position: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: RequiredTimestamp;
  client_ip: string | null;
  user_agent: string | null;
}

export interface AuditEventTable {
  id: number;
  at: RequiredTimestamp;
  actor_id: string | null;
  actor_name: string | null;
  agency_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: ColumnType<unknown, string, string>;
  client_ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}

export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface SchemaMigrationTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface CalendarYearTable {
  year: number;
  source: string | null;
  days: ColumnType<unknown, string, string>;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface TrackedDeadlineTable {
  id: Generated<string>;
  agency_id: string;
  entity_type: string;
  entity_id: string;
  label: string;
  rule_id: string;
  rule_version: number;
  input: ColumnType<unknown, string, string>;
  due: DateOnly;
  open: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeadlineChangeTable {
  id: Generated<number>;
  tracked_deadline_id: string;
  agency_id: string;
  old_due: DateOnly;
  new_due: DateOnly;
  reason: string;
  at: Timestamp;
}

export interface DocumentRegisterTable {
  agency_id: string;
  year: number;
  series: string;
  next_number: Generated<number>;
}

/** A petition held by a pending destruction decision (QD-HUY) until a leader issues it. */
export interface PetitionDestructionItemTable {
  document_id: string;
  petition_id: string;
}

export type OfficialDocumentStatus = "draft" | "submitted" | "issued" | "cancelled";

export interface OfficialDocumentTable {
  id: Generated<string>;
  agency_id: string;
  entity_type: string;
  entity_id: string;
  form_code: string;
  series: string;
  status: ColumnType<OfficialDocumentStatus, OfficialDocumentStatus | undefined, OfficialDocumentStatus>;
  title: string;
  fields: ColumnType<unknown, string, string>;
  number: number | null;
  symbol: string | null;
  issued_on: DateOnly | null;
  issued_by: string | null;
  /** bytea: a Buffer from `pg`, a Uint8Array from PGlite. */
  file: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  /** SHA-256 of the issued file as signed (the sealed one when `file_sealed` is set). */
  file_sha256: string | null;
  /** Sealed {fields, title} of a protected record's document; `fields` and `title` are then masked (0020). */
  fields_sealed: string | null;
  /** Sealed base64 of the issued .docx as signed, when `file` is its masked rendering (0020). */
  file_sealed: string | null;
  signer_id: string | null;
  submitted_by: string | null;
  submitted_at: NullableTimestamp;
  returned_note: string | null;
  /** Why a draft was cancelled instead of issued. */
  cancelled_reason: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FieldCatalogTable {
  code: string;
  name: string;
  field_group: string;
  report_group: string;
  active: Generated<boolean>;
  sort: Generated<number>;
}

export interface MatterTable {
  id: Generated<string>;
  agency_id: string;
  created_at: Timestamp;
  /** Kept by a trigger (migration 0049): the petitions of the matter. */
  petition_count: Generated<number>;
}

export interface PetitionRegisterTable {
  agency_id: string;
  year: number;
  next_seq: Generated<number>;
}

type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export interface PetitionTable {
  id: Generated<string>;
  agency_id: string;
  code: string;
  seq_no: number;
  received_on: DateOnly;
  written_on: DateOnly | null;
  channel: string;
  visit_id: string | null;
  forwarded_by: NullableJson;
  transferred_from_id: string | null;
  anonymous: boolean;
  impersonated: boolean;
  title: string | null;
  summary: string | null;
  content: string;
  /** Short text for lists; a denunciation's with the denouncer's data masked. */
  excerpt: string | null;
  language: string;
  field_code: string | null;
  kind: string | null;
  competence: string | null;
  eligible: boolean | null;
  state: string;
  outcome: string | null;
  outcome_on: DateOnly | null;
  facts: Json;
  matter_id: string;
  /** Kept by a trigger (migration 0049): the matter holds other petitions too. */
  matter_shared: Generated<boolean>;
  petitioner_display: string;
  respondent_display: Generated<string>;
  signer_count: number;
  search_names: Generated<string>;
  search_text: string;
  search_tsv: ColumnType<string, never, never>;
  /** Neighbouring syllable pairs of search_text as lexemes (generated, 0015). */
  search_pairs: ColumnType<string, never, never>;
  person_keys: string[];
  respondent_keys: string[];
  /** The original texts of a letter that may be a denunciation, sealed (0018, identity/letter-texts.ts). */
  texts_sealed: string | null;
  /** Keyed hashes of an unclassified letter's writers, for its handlers' search (0018). */
  writer_keys: Generated<string[]>;
  content_simhash: string | null;
  due_on: DateOnly | null;
  retention_until: DateOnly | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Respondent keys with their petitions in date order (kept by a trigger, 0013). */
export interface PetitionRespondentKeyTable {
  key: string;
  received_on: DateOnly;
  petition_id: string;
}

export interface SearchWordTable {
  word: string;
}

export interface PetitionPartyTable {
  id: Generated<string>;
  petition_id: string;
  role: "petitioner" | "respondent";
  ord: number;
  data: Json;
  /** The whole party sealed by the vault (writers); `data` then holds only {kind}. */
  sealed: string | null;
}

/** The shape of every timeline's event table, less its owner's id (platform/procedure.ts). */
export interface EventTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  data: ColumnType<unknown, string | undefined, string>;
  document_id: string | null;
}

export interface PetitionEventTable extends EventTable {
  petition_id: string;
}

export interface AttachmentTable {
  id: Generated<string>;
  agency_id: string;
  entity_type: string;
  entity_id: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  description: string | null;
  created_by: string | null;
  created_at: Timestamp;
  /** Which storage holds the bytes ("local"; later "s3"). */
  storage: Generated<string>;
  encrypted: Generated<boolean>;
  /** AES-256-GCM: the key's id in the key ring, the IV and the tag (base64url), when encrypted. */
  key_id: string | null;
  iv: string | null;
  auth_tag: string | null;
  /** Sealed {fileName, description} of a protected record's file; the clear columns are masked (0020). */
  names_sealed: string | null;
}

export interface ReceptionRegisterTable {
  agency_id: string;
  year: number;
  next_seq: Generated<number>;
}

export interface ReceptionVisitTable {
  id: Generated<string>;
  agency_id: string;
  register_year: number;
  seq_no: number;
  received_on: DateOnly;
  received_at: NullableTimestamp;
  kind: string;
  receiver_name: string;
  receiver_id: string | null;
  presiding_head: string | null;
  people_count: number;
  is_crowd: boolean;
  representatives: ColumnType<unknown, string | undefined, string>;
  written_appointment: boolean | null;
  visitors: ColumnType<unknown, string, string>;
  /** Visitors and representatives sealed by the vault; the two columns above hold placeholders. */
  people_sealed: string | null;
  content_summary: Generated<string>;
  content_kind: string | null;
  field_code: string | null;
  competence: string | null;
  previous_resolver: string | null;
  respondent_name: string | null;
  respondent_address: string | null;
  documents_received: ColumnType<unknown, string | undefined, string>;
  handling: ColumnType<unknown, string | null | undefined, string | null>;
  handling_route: string | null;
  petition_id: string | null;
  state: Generated<string>;
  follow_up: string | null;
  notes: string | null;
  search_text: string;
  search_content: string;
  /**
   * A denunciation visit's free texts as written (summary, notes, follow-up, papers received), sealed
   * by the vault; content_summary, notes, follow_up, documents_received and the search columns then
   * hold the masked texts. Null for other visits.
   */
  texts_sealed: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReceptionScheduleTable {
  id: Generated<string>;
  agency_id: string;
  leader_name: string;
  leader_title: string;
  starts_at: RequiredTimestamp;
  ends_at: RequiredTimestamp;
  place: string;
  kind: string;
  note: string | null;
  status: Generated<string>;
  published_at: NullableTimestamp;
  conclusion_document_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ResolutionCaseTable {
  id: Generated<string>;
  agency_id: string;
  petition_id: string;
  matter_id: string | null;
  code: string;
  kind: "complaint" | "denunciation";
  instance: number | null;
  state: string;
  facts: Json;
  received_on: string;
  accepted_on: string | null;
  due_on: string | null;
  due_rule: string | null;
  outcome: string | null;
  holder_id: string | null;
  first_case_id: string | null;
  repeated_of_id: string | null;
  title: string;
  /** The original facts of a protected case, sealed; `facts` then holds the masked copy (0040). */
  facts_sealed: Generated<string | null>;
  respondent_display: Generated<string>;
  search_text: Generated<string>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A `numeric` column with a default: the drivers give a string (pg) or a number; read it with Number(). */
type Numeric = ColumnType<string | number, number | undefined, number>;
/** A `bigint` count with a default (connection.ts reads int8 as a number). */
type Count = ColumnType<number, number | undefined, number>;

/** The report figures of a case (0021_case_figures; domain cases/figures.ts). */
export interface CaseFiguresTable {
  case_id: string;
  agency_id: string;
  kind: "complaint" | "denunciation";
  instance: number | null;
  repeated: Generated<boolean>;
  received_on: DateOnly;
  accepted_on: DateOnly | null;
  ended_by: "not_accepted" | "transferred" | "decided" | "concluded" | "withdrawn" | "terminated" | null;
  ended_on: DateOnly | null;
  outcome: "right" | "partly_right" | "wrong" | null;
  first_decision_upheld: boolean | null;
  resolution_due_on: DateOnly | null;
  on_time: boolean | null;
  dialogues: Generated<number>;
  money_to_state: Numeric;
  money_to_others: Numeric;
  land_to_state: Numeric;
  land_to_others: Numeric;
  restored_organisations: Count;
  restored_individuals: Count;
  discipline_recommended: Count;
  discipline_cadres: Count;
  investigation_cases: Count;
  investigation_persons: Count;
  money_returned: Numeric;
  land_returned: Numeric;
  enforcement_completed: Generated<boolean>;
  updated_at: Timestamp;
}

export interface CaseAssignmentTable {
  case_id: string;
  user_id: string;
  role: "lead" | "member";
  assigned_by: string | null;
  assigned_at: Generated<Date>;
}

export interface CaseEventTable extends EventTable {
  /** The original data of a protected case's entry, sealed; `data` then holds the masked copy (0040). */
  data_sealed: Generated<string | null>;
  case_id: string;
}

export interface IdentityRequestTable {
  id: Generated<string>;
  case_id: string;
  agency_id: string;
  requested_by: string;
  reason: string;
  status: "pending" | "approved" | "refused";
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  expires_at: Date | null;
  created_at: Generated<Date>;
}

/** One reminder digest per user and day (modules/reminders). */
export interface ReminderMailTable {
  user_id: string;
  sent_on: DateOnly;
  status: "sending" | "sent" | "failed";
  case_ids: ColumnType<string[], string[] | undefined, string[]>;
  attempts: Generated<number>;
  error: string | null;
  message_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InspectionSubjectTable {
  id: Generated<string>;
  kind: "enterprise" | "household" | "state_body" | "individual";
  tax_code: string | null;
  name: string;
  address: string | null;
  agency_id: string | null;
  registered_by_agency_id: string;
  merged_into_id: string | null;
  search_text: Generated<string>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspectionOccurrenceTable {
  id: Generated<string>;
  subject_id: string;
  year: number;
  activity: "inspection" | "check" | "state_audit";
  source: "plan_item" | "inspection" | "state_audit_plan";
  source_id: string;
  agency_id: string;
  content_field: string | null;
  ad_hoc: Generated<boolean>;
  cancelled: Generated<boolean>;
  created_at: Generated<Date>;
  /** 0030: the plan item a planned inspection carries out. */
  carries_out: ColumnType<string | null, string | null | undefined, string | null>;
}

// ---- Inspection plans, subjects and overlaps (issue 17, migration 0025) ----

export interface InspectionSubjectImportTable {
  id: Generated<string>;
  agency_id: string;
  file_name: string;
  rows: number;
  created: number;
  existing: number;
  refused: ColumnType<unknown, string | undefined, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface InspectionPlanTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  title: string;
  status: Generated<"draft" | "issued" | "adjusting">;
  revision: Generated<number>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspectionPlanVersionTable {
  id: Generated<string>;
  plan_id: string;
  revision: number;
  status: Generated<"draft" | "issued" | "superseded">;
  reason: string | null;
  document_id: string | null;
  decision_symbol: string | null;
  issued_on: ColumnType<string | null, string | null | undefined, string | null>;
  items: ColumnType<unknown, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
  /** 0030: who signed the decision; whether it was issued outside the system. */
  signer: ColumnType<string | null, string | null | undefined, string | null>;
  issued_outside: Generated<boolean>;
}

export interface InspectionPlanItemTable {
  id: Generated<string>;
  plan_id: string;
  seq: number;
  activity: "inspection" | "check";
  kind: "planned" | "standby";
  content: string;
  field: string | null;
  period_from: ColumnType<string | null, string | null | undefined, string | null>;
  period_to: ColumnType<string | null, string | null | undefined, string | null>;
  quarter: number | null;
  month_from: number | null;
  month_to: number | null;
  leading_unit: string | null;
  note: string | null;
  added_in_revision: Generated<number>;
  cancelled: Generated<boolean>;
  cancel_reason: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspectionPlanItemSubjectTable {
  item_id: string;
  subject_id: string;
}

export interface InspectionOverlapResolutionTable {
  id: Generated<string>;
  year: number;
  subject_id: string;
  agency_id: string;
  plan_id: string | null;
  other_source: "plan_item" | "inspection" | "state_audit_plan";
  other_source_id: string;
  other_agency_id: string;
  outcome: "merge" | "postpone" | "cancel" | "keep";
  reason: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  created_at: Generated<Date>;
}

export interface StateAuditImportTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  file_name: string;
  rows: number;
  refused: ColumnType<unknown, string | undefined, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

// ---- Inspections: the record, its findings and follow-up (0026_inspections) -----------------

/** A `numeric` m² column with a default: read it with Number(). */
type Area = ColumnType<string | number, number | string | undefined, number | string>;

export interface InspectionTable {
  id: Generated<string>;
  agency_id: string;
  code: string;
  year: number;
  kind: "planned" | "ad_hoc" | "re_inspection" | "specialised_check";
  trigger: "violation_sign" | "superior" | "case" | null;
  trigger_case_id: string | null;
  trigger_note: string | null;
  reinspects_id: string | null;
  reinspection_ground: string | null;
  plan_item_id: string | null;
  online: Generated<boolean>;
  title: string;
  content: string;
  content_field: string | null;
  period_covered: string | null;
  violation_sign: string | null;
  body_level: "central" | "province" | "department";
  state: string;
  facts: ColumnType<unknown, string, string>;
  decision_number: string | null;
  decided_on: DateOnly | null;
  signed_on: DateOnly | null;
  conclusion_number: string | null;
  due_on: DateOnly | null;
  due_rule: string | null;
  subject_display: Generated<string>;
  search_text: Generated<string>;
  /** A case-triggered inspection's title, content and ground as typed, sealed; the columns hold the masked copy (0046). */
  texts_sealed: Generated<string | null>;
  /** Its facts as written, sealed; `facts` then holds the masked copy (0046). */
  facts_sealed: Generated<string | null>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspectionTargetTable {
  inspection_id: string;
  subject_id: string;
  position: number;
}

export interface InspectionMemberTable {
  inspection_id: string;
  user_id: string;
  role: "leader" | "member" | "supervisor";
  conflict_declared: Generated<boolean>;
  conflict_note: string | null;
}

export interface InspectionEventTable extends EventTable {
  /** The original data of a protected inspection's entry, sealed; `data` then holds the masked copy (0046). */
  data_sealed: Generated<string | null>;
  inspection_id: string;
}

export interface InspectionViolationTable {
  id: Generated<string>;
  inspection_id: string;
  subject_id: string;
  kind: string;
  description: string;
  money: Count;
  land_m2: Area;
  created_at: Generated<Date>;
}

export interface InspectionSanctionTable {
  id: Generated<string>;
  inspection_id: string;
  subject_id: string;
  number: string;
  issued_on: DateOnly;
  target_kind: "organisation" | "individual";
  target_name: string;
  fine: number;
  additional_measures: string | null;
  paid: Generated<boolean>;
  paid_on: DateOnly | null;
  created_at: Generated<Date>;
}

export interface InspectionRecommendationTable {
  id: Generated<string>;
  inspection_id: string;
  agency_id: string;
  subject_id: string | null;
  position: number;
  type: "recover_money" | "recover_land" | "other_economic" | "discipline" | "investigation" | "policy";
  content: string;
  amount: Count;
  land_m2: Area;
  collectives: Count;
  individuals: Count;
  persons: ColumnType<unknown, string | undefined, string>;
  matters: Count;
  responsible_unit: string;
  due_on: DateOnly | null;
  due_key: ColumnType<string, never, never>;
  concluded_on: DateOnly | null;
  recovered: Count;
  land_recovered: Area;
  outstanding: ColumnType<number, never, never>;
  done_on: DateOnly | null;
  last_progress_on: DateOnly | null;
  urged: Count;
  closed_on: DateOnly | null;
  closed_reason: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspectionRecoveryTable {
  id: Generated<string>;
  recommendation_id: string;
  agency_id: string;
  recovered_on: DateOnly;
  amount: Count;
  land_m2: Area;
  note: string | null;
  evidence: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface InspectionFollowUpTable {
  id: Generated<string>;
  recommendation_id: string;
  kind: "urge" | "check";
  on_date: DateOnly;
  note: string | null;
  document_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

// anticorruption (0027_anticorruption.sql)
export interface AcPositionTable {
  id: Generated<string>;
  agency_id: string | null;
  code: string;
  name: string;
  kind: "position" | "title";
  declares_annually: boolean;
  declaration_basis: string;
  rotation: Generated<boolean>;
  sector: string | null;
  rotation_months: number | null;
  rotation_basis: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AcOfficialTable {
  id: Generated<string>;
  agency_id: string;
  unit_agency_id: string;
  code: string;
  full_name: string;
  search_text: Generated<string>;
  birth_date: DateOnly | null;
  rank: string | null;
  expected_retirement: DateOnly | null;
  user_id: string | null;
  declared_before: Generated<boolean>;
  verified_years: Generated<number[]>;
  left_on: DateOnly | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  // 0044_anticorruption_rotation: his own contact, for reminders when no user has an e-mail.
  email: string | null;
  phone: string | null;
}

export interface AcOfficialPositionTable {
  id: Generated<string>;
  official_id: string;
  position_id: string;
  from_date: DateOnly;
  to_date: DateOnly | null;
}

export interface AcExemptionTable {
  id: Generated<string>;
  official_id: string;
  kind: "investigation" | "grave_illness" | "abroad";
  from_date: DateOnly;
  to_date: DateOnly | null;
  evidence: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AcCampaignTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  computed_at: Timestamp;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AcObligationTable {
  id: Generated<string>;
  campaign_id: string;
  agency_id: string;
  official_id: string;
  kind: "first_time" | "annual" | "supplementary" | "appointment";
  reason: string;
  source: "computed" | "adjusted";
  adjustment_reason: string | null;
  removed: Generated<boolean>;
  removed_reason: string | null;
  due_on: DateOnly;
  due_rule: string | null;
  received_on: DateOnly | null;
  reminders: Generated<number>;
  last_reminded_at: NullableTimestamp;
  publication_place: string | null;
  published_from: DateOnly | null;
  published_to: DateOnly | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AcDeclarationTable {
  id: Generated<string>;
  obligation_id: string;
  agency_id: string;
  official_id: string;
  year: number;
  kind: string;
  declared_on: DateOnly;
  content_sealed: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AcVerificationPlanTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  issued_on: DateOnly;
  named_body: Generated<boolean>;
  /** numeric: read with Number(). */
  unit_percent: ColumnType<string | number, number | string, number | string>;
  person_percent: ColumnType<string | number, number | string, number | string>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AcLotteryTable {
  id: Generated<string>;
  plan_id: string;
  agency_id: string;
  seed: string;
  held_on: DateOnly;
  place: string;
  witnesses: ColumnType<unknown, string, string>;
  algorithm: string;
  inputs: ColumnType<unknown, string, string>;
  inputs_sha256: string;
  result: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AcRotationDeferralTable {
  id: Generated<string>;
  official_id: string;
  kind: "discipline" | "investigation" | "illness" | "study_or_secondment" | "child_under_36_months";
  from_date: DateOnly;
  to_date: DateOnly;
  evidence: string;
  created_by: string | null;
  created_at: Timestamp;
}

// anticorruption, the records the PCTN forms count (0031_anticorruption_rest.sql)
export type AcCaseChannel = "self_inspection" | "inspection" | "audit" | "denunciation" | "investigation" | "other";
export interface AcCorruptionCaseTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  concerned_agency_id: string | null;
  concerned_name: string;
  handling_body: string;
  summary: Generated<string>;
  detected_on: DateOnly;
  channel: AcCaseChannel;
  inspection_id: string | null;
  resolution_case_id: string | null;
  damage_money: Count;
  damage_land_m2: Numeric;
  recovered_money: Count;
  recovered_land_m2: Numeric;
  transferred_on: DateOnly | null;
  transferred_to: string | null;
  heads_responsible: Generated<number>;
  note: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AcCorruptionPersonTable {
  id: Generated<string>;
  case_id: string;
  position: number;
  official_id: string | null;
  full_name: string;
  job_title: string | null;
  handling: "pending" | "discipline" | "criminal" | "none";
  discipline_form: string | null;
  handled_on: DateOnly | null;
  is_head: Generated<boolean>;
}

export interface AcLoopholeDocumentTable {
  id: Generated<string>;
  agency_id: string;
  title: string;
  number_symbol: string | null;
  issued_on: DateOnly | null;
  issuing_body: string;
  loophole: string;
  found_on: DateOnly;
  remedied_on: DateOnly | null;
  remedy: string | null;
  not_remedied_reason: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AcPreventionDocumentTable {
  id: Generated<string>;
  agency_id: string;
  kind: "legal" | "rule" | "plan" | "other";
  action: "issued" | "amended";
  number_symbol: string | null;
  title: string;
  issued_on: DateOnly;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AcGiftTable {
  id: Generated<string>;
  agency_id: string;
  official_id: string | null;
  full_name: string;
  handed_on: DateOnly;
  description: string;
  value: Count;
  handling: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AcTrainingTable {
  id: Generated<string>;
  agency_id: string;
  kind: "training" | "propaganda";
  title: string;
  held_on: DateOnly;
  sessions: number;
  participants: number;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AcVerificationTable {
  id: Generated<string>;
  plan_id: string | null;
  agency_id: string;
  official_id: string;
  year: number;
  ground: "lottery" | "increase" | "denunciation" | "request";
  conclusion: "honest" | "dishonest" | null;
  concluded_on: DateOnly | null;
  handling: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// portal (issue 20): petitions filed online and the messages exchanged with the filer.
export interface PortalSubmissionTable {
  petition_id: string;
  code_hash: string;
  pow_id: string;
  declared_kind: string | null;
  created_at: Timestamp;
}

export interface PortalMessageTable {
  id: string;
  petition_id: string;
  author: "citizen" | "officer";
  author_user_id: string | null;
  body_sealed: string;
  created_at: Timestamp;
}

// portal survey (0034_portal_survey)
export interface PortalSurveyAnswerTable {
  id: string;
  agency_id: string;
  answered_on: DateOnly;
  source: "petition" | "reception";
  petition_id: string | null;
  rating: number;
  comment: string | null;
  created_at: Generated<Timestamp>;
  // 0045: the comment sealed at rest (`comment` is null once sealed)
  comment_sealed: ColumnType<string | null, string | null | undefined, string | null>;
}

// portal publications and FAQ (0036_portal_publications)
export interface PortalPublicationTable {
  id: string;
  agency_id: string;
  document_id: string;
  kind: "complaint_decision" | "denunciation_conclusion" | "inspection_conclusion";
  title: string;
  symbol: string;
  issued_on: DateOnly;
  body: string;
  search_text: string;
  published_on: DateOnly;
  visible_until: DateOnly;
  published_by: string | null;
  withdrawn_at: NullableTimestamp;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
  created_at: Timestamp;
}

export interface PortalFaqTable {
  id: string;
  agency_id: string;
  question: string;
  answer: string;
  search_text: string;
  position: Generated<number>;
  published: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// report submissions (0033_report_submissions)
export interface ReportSubmissionTable {
  id: Generated<string>;
  agency_id: string;
  form: string;
  period_from: DateOnly;
  period_to: DateOnly;
  subtree: Generated<boolean>;
  kind: Generated<string>;
  revision: number;
  status: Generated<"draft" | "submitted" | "returned" | "accepted">;
  snapshot: Json;
  correction_reason: string | null;
  return_reason: string | null;
  drafted_by: string | null;
  drafted_by_name: string | null;
  drafted_at: Timestamp;
  submitted_by: string | null;
  submitted_by_name: string | null;
  submitted_at: NullableTimestamp;
  returned_by: string | null;
  returned_by_name: string | null;
  returned_at: NullableTimestamp;
  accepted_by: string | null;
  accepted_by_name: string | null;
  accepted_at: NullableTimestamp;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  // 0039_report_upload: where the snapshot came from (computed from the records, or read from an
  // uploaded Excel form) and the uploaded original (an `attachment` row, entity_type 'report_submission').
  origin: Generated<"computed" | "upload">;
  original_file_id: string | null;
  // 0050_report_submission_records: the records behind the figures were kept at the save.
  records_frozen: Generated<boolean>;
}

// the records each indicator of a saved report counted, by row (0050_report_submission_records)
export interface ReportSubmissionRecordTable {
  submission_id: string;
  row_key: string;
  record_id: string;
  indicators: string[];
  amounts: Json | null;
}

// consolidated reports computed as a job with its progress (0048_report_job)
export interface ReportJobTable {
  id: Generated<string>;
  created_by: string | null;
  agency_id: string;
  scope: "subtree" | "cluster";
  group_id: string | null;
  form: string;
  period_from: DateOnly;
  period_to: DateOnly;
  kind: "periodic" | "adhoc";
  status: Generated<"running" | "done" | "failed">;
  done: Generated<number>;
  total: Generated<number>;
  step: string | null;
  result: Json | null;
  error: Json | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: NullableTimestamp;
}

// public consultation on draft regulations (0037_consultations)
export interface ConsultationTable {
  id: string;
  agency_id: string;
  title: string;
  field: string | null;
  opens_on: DateOnly;
  closes_on: DateOnly;
  summary_due_on: DateOnly | null;
  opened_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  summary_published_at: NullableTimestamp;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ConsultationVersionTable {
  consultation_id: string;
  number: number;
  body: string;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ConsultationResponseTable {
  id: string;
  consultation_id: string;
  outcome: "accepted" | "partly" | "not_accepted";
  explanation: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ConsultationCommentTable {
  id: string;
  consultation_id: string;
  number: number;
  version_number: number;
  anchor: string;
  quote: string | null;
  body: string;
  author_name: string | null;
  contact_sealed: string | null;
  status: Generated<"pending" | "published" | "hidden">;
  moderation_reason: string | null;
  moderated_by: string | null;
  moderated_at: NullableTimestamp;
  response_id: string | null;
  pow_id: string;
  created_at: Timestamp;
}

export interface DB {
  reminder_mail: ReminderMailTable;
  resolution_case: ResolutionCaseTable;
  case_figures: CaseFiguresTable;
  case_assignment: CaseAssignmentTable;
  case_event: CaseEventTable;
  identity_request: IdentityRequestTable;
  field_catalog: FieldCatalogTable;
  matter: MatterTable;
  petition_register: PetitionRegisterTable;
  petition: PetitionTable;
  petition_respondent_key: PetitionRespondentKeyTable;
  petition_party: PetitionPartyTable;
  search_word: SearchWordTable;
  petition_event: PetitionEventTable;
  attachment: AttachmentTable;
  agency: AgencyTable;
  agency_lineage: AgencyLineageTable;
  agency_group: AgencyGroupTable;
  agency_group_member: AgencyGroupMemberTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
  app_setting: AppSettingTable;
  schema_migration: SchemaMigrationTable;
  calendar_year: CalendarYearTable;
  tracked_deadline: TrackedDeadlineTable;
  deadline_change: DeadlineChangeTable;
  document_register: DocumentRegisterTable;
  official_document: OfficialDocumentTable;
  petition_destruction_item: PetitionDestructionItemTable;
  reception_register: ReceptionRegisterTable;
  reception_visit: ReceptionVisitTable;
  reception_schedule: ReceptionScheduleTable;
  inspection_subject: InspectionSubjectTable;
  inspection_occurrence: InspectionOccurrenceTable;
  // Inspection plans, subjects and overlaps (issue 17).
  inspection_subject_import: InspectionSubjectImportTable;
  inspection_plan: InspectionPlanTable;
  inspection_plan_version: InspectionPlanVersionTable;
  inspection_plan_item: InspectionPlanItemTable;
  inspection_plan_item_subject: InspectionPlanItemSubjectTable;
  inspection_overlap_resolution: InspectionOverlapResolutionTable;
  state_audit_import: StateAuditImportTable;
  // inspections: the record, findings and follow-up (0026_inspections)
  inspection: InspectionTable;
  inspection_target: InspectionTargetTable;
  inspection_member: InspectionMemberTable;
  inspection_event: InspectionEventTable;
  inspection_violation: InspectionViolationTable;
  inspection_sanction: InspectionSanctionTable;
  inspection_recommendation: InspectionRecommendationTable;
  inspection_recovery: InspectionRecoveryTable;
  inspection_follow_up: InspectionFollowUpTable;
  // anticorruption
  ac_position: AcPositionTable;
  ac_official: AcOfficialTable;
  ac_official_position: AcOfficialPositionTable;
  ac_exemption: AcExemptionTable;
  ac_campaign: AcCampaignTable;
  ac_obligation: AcObligationTable;
  ac_declaration: AcDeclarationTable;
  ac_verification_plan: AcVerificationPlanTable;
  ac_lottery: AcLotteryTable;
  ac_verification: AcVerificationTable;
  ac_rotation_deferral: AcRotationDeferralTable;
  // portal
  portal_submission: PortalSubmissionTable;
  portal_message: PortalMessageTable;
  // anticorruption records (0031_anticorruption_rest)
  ac_corruption_case: AcCorruptionCaseTable;
  ac_corruption_person: AcCorruptionPersonTable;
  ac_loophole_document: AcLoopholeDocumentTable;
  ac_prevention_document: AcPreventionDocumentTable;
  ac_gift: AcGiftTable;
  ac_training: AcTrainingTable;
  // portal survey (0034_portal_survey)
  portal_survey_answer: PortalSurveyAnswerTable;
  // report submissions (0033_report_submissions)
  report_submission: ReportSubmissionTable;
  report_submission_record: ReportSubmissionRecordTable;
  report_job: ReportJobTable;
  // public consultation on draft regulations (0037_consultations)
  consultation: ConsultationTable;
  consultation_version: ConsultationVersionTable;
  consultation_response: ConsultationResponseTable;
  consultation_comment: ConsultationCommentTable;
  // portal publications and FAQ (0036_portal_publications)
  portal_publication: PortalPublicationTable;
  portal_faq: PortalFaqTable;
  // reporting graph (0041_reporting_graph)
  reporting_line: ReportingLineTable;
  // portal shared limits and mails (0045_portal_shared_limits)
  portal_rate_hit: PortalRateHitTable;
  portal_notify: PortalNotifyTable;
  portal_mail: PortalMailTable;
  // anti-corruption rotation records and officials' reminders (0044_anticorruption_rotation)
  ac_rotation: AcRotationTable;
  ac_rotation_announcement: AcRotationAnnouncementTable;
  ac_official_reminder: AcOfficialReminderTable;
  // enforcement of decisions and manual report cells (0038_enforcement_manual_cells)
  case_enforcement: CaseEnforcementTable;
  case_enforcement_step: CaseEnforcementStepTable;
  report_manual_cell: ReportManualCellTable;
}

// reporting graph (0041_reporting_graph)
export interface ReportingLineTable {
  id: Generated<string>;
  agency_id: string;
  reports_to_id: string;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  basis: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  closed_by: string | null;
  closed_at: NullableTimestamp;
  close_basis: string | null;
  version: Generated<number>;
}

export type AgencyRow = Selectable<AgencyTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;

// portal shared limits and mails to filers (0045_portal_shared_limits)
export interface PortalRateHitTable {
  bucket: string;
  client_hash: string;
  window_start: Timestamp;
  hits: number;
}

export interface PortalNotifyTable {
  /** The petition's id. */
  id: string;
  email_sealed: string;
  code_tail: string;
  stopped_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface PortalMailTable {
  id: string;
  petition_id: string;
  kind: "received" | "message" | "notice";
  created_at: Generated<Timestamp>;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  status: Generated<"pending" | "sent" | "failed" | "skipped">;
  message_id: string | null;
}

// anti-corruption: the execution of the rotation plan, officials' own reminders (0044_anticorruption_rotation)
export type AcRotationOutcome = "planned" | "done" | "exempted" | "deferred";

export interface AcRotationTable {
  id: Generated<string>;
  agency_id: string;
  official_id: string;
  year: number;
  planned_on: DateOnly;
  plan_reference: string | null;
  from_position_id: string;
  outcome: Generated<AcRotationOutcome>;
  outcome_on: DateOnly | null;
  to_position_id: string | null;
  decision_number: string | null;
  decided_on: DateOnly | null;
  reason: string | null;
  deferral_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// 0047_rotation_plan_announcement: the year's rotation plan made public in the agency.
export interface AcRotationAnnouncementTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  announced_on: DateOnly;
  form: "posted" | "meeting" | "written_notice" | "website";
  place: string;
  announced_by: string;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AcOfficialReminderTable {
  official_id: string;
  sent_on: DateOnly;
  status: "sending" | "sent" | "failed";
  obligation_ids: ColumnType<string[], string[] | undefined, string[]>;
  attempts: Generated<number>;
  error: string | null;
  message_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// Enforcement of complaint decisions and denunciation handling decisions (0038_enforcement_manual_cells).
export interface CaseEnforcementTable {
  id: Generated<string>;
  case_id: string;
  agency_id: string;
  kind: "complaint" | "denunciation";
  decision_number: string | null;
  decided_on: DateOnly;
  responsible: string;
  due_on: DateOnly | null;
  money_to_state: Count;
  money_to_others: Count;
  land_to_state: Area;
  land_to_others: Area;
  persons_to_discipline: Count;
  matters_to_transfer: Count;
  persons_to_transfer: Count;
  rights_to_restore: Count;
  note: string | null;
  state: Generated<"not_started" | "in_progress" | "done">;
  started_on: DateOnly | null;
  done_on: DateOnly | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CaseEnforcementStepTable {
  id: Generated<string>;
  enforcement_id: string;
  agency_id: string;
  seq: number;
  kind: "started" | "partial" | "done";
  on_date: DateOnly;
  money_to_state: Count;
  money_to_others: Count;
  land_to_state: Area;
  land_to_others: Area;
  persons_disciplined: Count;
  matters_transferred: Count;
  persons_transferred: Count;
  rights_restored: Count;
  evidence: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

// Manual cells of the periodic forms (0038_enforcement_manual_cells).
export interface ReportManualCellTable {
  agency_id: string;
  form: string;
  period_from: DateOnly;
  period_to: DateOnly;
  cell: string;
  value: Area;
  note: string | null;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: Generated<Date>;
}
