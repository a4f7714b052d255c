/**
 * The fields of each step's form, as data: one list per action (some fields only for one kind of
 * case), rendered by ActionModal and turned into the body of caseActionBody. Labels of legal items
 * come from the domain catalogues; which fields a step takes comes from the API schema.
 */
import {
  AMOUNT_FIELD_LIST,
  CASE_ACTIONS,
  CASE_OUTCOMES,
  COMPLAINT_REJECTION_GROUNDS,
  COMPLEXITY_CRITERIA,
  DENUNCIATION_ACCEPTANCE_CONDITION_LIST,
  DENUNCIATION_ACCEPTANCE_CONDITIONS,
  DENUNCIATION_REJECTION_GROUNDS,
  PROTECTION_MEASURES,
  PROTECTION_STATUSES,
  PUBLICATION_METHODS,
  type AmountUnit,
  type CaseAction,
  type CaseFacts,
  type CatalogueItem,
  type PublicationMethod,
} from "@minhbach/domain";
import type { CaseActionBody } from "@minhbach/domain/api/cases";
import { emptyToNull } from "../../ui/forms.ts";
import { todayIso } from "../../ui/format.ts";
import type { CaseDetail } from "./api.ts";
import type { CaseKind } from "./paths.ts";
import { FIELD_TEXT } from "./text.ts";

export interface Option {
  value: string;
  label: string;
  /** The article the item comes from, shown under it. */
  basis?: string;
}

export type Values = Record<string, unknown>;

interface Base {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** Shown only while this holds for the values typed so far. */
  when?: (values: Values) => boolean;
}

export type FieldSpec = Base &
  (
    | { type: "date"; future?: boolean; defaultToday?: boolean }
    | { type: "text" }
    | { type: "textarea" }
    | { type: "checkbox" }
    | { type: "checklist"; options: Option[] }
    | { type: "radio"; options: Option[] }
    | { type: "select"; options: Option[] }
    | { type: "tags" }
    | { type: "quantity"; unit: AmountUnit }
    | { type: "amounts" }
    | { type: "conditions"; options: Option[] }
    | { type: "assignee" }
  );

function options(catalogue: Readonly<Record<string, CatalogueItem>>): Option[] {
  return Object.entries(catalogue).map(([value, item]) => ({ value, label: item.label, basis: item.basis }));
}

function labels(catalogue: Readonly<Record<string, string>>): Option[] {
  return Object.entries(catalogue).map(([value, label]) => ({ value, label }));
}

const date = (name: string, label: string, extra: Partial<Base> & { future?: boolean } = {}): FieldSpec => ({
  name,
  label,
  type: "date",
  required: true,
  defaultToday: true,
  ...extra,
});
const text = (name: string, label: string, required = false): FieldSpec => ({ name, label, type: "text", required });
const area = (name: string, label: string, required = false, hint?: string): FieldSpec => ({
  name,
  label,
  type: "textarea",
  required,
  ...(hint ? { hint } : {}),
});
const check = (name: string, label: string, extra: Partial<Base> = {}): FieldSpec => ({
  name,
  label,
  type: "checkbox",
  ...extra,
});
const documentNumber = text("documentNumber", FIELD_TEXT.documentNumber);
const note = area("note", FIELD_TEXT.note);

function outcomeField(kind: CaseKind): FieldSpec {
  return {
    name: "outcome",
    label: FIELD_TEXT.outcome,
    type: "radio",
    required: true,
    options: labels(CASE_OUTCOMES[kind]),
  };
}

const lasting = (values: Values) =>
  typeof values.method === "string" && PUBLICATION_METHODS[values.method as PublicationMethod]?.lasting === true;

/** The fields that name a step's paper: typed only for a paper issued outside the system. */
const PAPER_FIELDS: ReadonlySet<string> = new Set(["documentNumber", "number", "decisionNumber", "signer"]);
const outside = (values: Values) => values.issuedOutside === true;

/**
 * The fields of `action` for this case. A step that drafts its paper asks no number nor signer
 * (the register and the signing leader give them) unless the paper was issued outside the system;
 * with papers of earlier steps still pending, it asks why it goes ahead.
 */
export function fieldsOf(
  action: CaseAction,
  detail: Pick<CaseDetail, "kind" | "instance">,
  papersPending = false,
): FieldSpec[] {
  const specs = stepFields(action, detail);
  const override = papersPending
    ? [area("paperOverride", FIELD_TEXT.paperOverride, false, FIELD_TEXT.paperOverrideHint)]
    : [];
  if (CASE_ACTIONS[action].forms[detail.kind] === undefined) return [...specs, ...override];
  return [
    ...specs.filter((s) => !PAPER_FIELDS.has(s.name)),
    check("issuedOutside", FIELD_TEXT.issuedOutside, { hint: FIELD_TEXT.issuedOutsideHint }),
    ...specs.filter((s) => PAPER_FIELDS.has(s.name)).map((s) => ({ ...s, when: outside })),
    ...override,
  ];
}

function stepFields(action: CaseAction, detail: Pick<CaseDetail, "kind" | "instance">): FieldSpec[] {
  const kind = detail.kind;
  const complaint = kind === "complaint";
  switch (action) {
    case "accept":
      return complaint
        ? [
            date("on", FIELD_TEXT.acceptOn),
            documentNumber,
            {
              name: "grounds",
              label: FIELD_TEXT.complaintGroundsAccept,
              hint: FIELD_TEXT.complaintGroundsAcceptHint,
              type: "checklist",
              options: options(COMPLAINT_REJECTION_GROUNDS),
            },
            {
              name: "learnedOn",
              label: detail.instance === 2 ? FIELD_TEXT.learnedOnSecond : FIELD_TEXT.learnedOn,
              type: "date",
            },
            area("forceMajeure", FIELD_TEXT.forceMajeure),
            note,
          ]
        : [
            date("on", FIELD_TEXT.acceptOn),
            documentNumber,
            {
              name: "conditions",
              label: FIELD_TEXT.conditions,
              hint: FIELD_TEXT.conditionsHint,
              type: "conditions",
              options: options(DENUNCIATION_ACCEPTANCE_CONDITIONS),
            },
            note,
          ];
    case "reject":
      return [
        date("on", FIELD_TEXT.rejectOn),
        {
          name: "grounds",
          label: FIELD_TEXT.grounds,
          type: "checklist",
          required: true,
          options: options(complaint ? COMPLAINT_REJECTION_GROUNDS : DENUNCIATION_REJECTION_GROUNDS),
        },
        area("explanation", FIELD_TEXT.explanation),
        documentNumber,
      ];
    case "set_flags":
      return [
        check("remote", FIELD_TEXT.remote),
        area("remoteJustification", FIELD_TEXT.remoteJustification),
        check("complex", FIELD_TEXT.complex),
        area("complexJustification", FIELD_TEXT.complexJustification),
      ];
    case "assign_verification":
      return [
        date("on", FIELD_TEXT.assignOn),
        { name: "assignee", label: FIELD_TEXT.assigneeKind, type: "assignee", required: true },
        area("plan", FIELD_TEXT.plan),
        documentNumber,
      ];
    case "record_verification":
      return [
        date("on", FIELD_TEXT.verificationOn),
        area("summary", FIELD_TEXT.summary, true),
        ...(complaint ? [check("differsFromDemand", FIELD_TEXT.differsFromDemand)] : []),
      ];
    case "hold_dialogue":
      return [
        date("on", FIELD_TEXT.dialogueOn),
        text("place", FIELD_TEXT.place),
        {
          name: "participants",
          label: FIELD_TEXT.participants,
          hint: FIELD_TEXT.participantsHint,
          type: "tags",
          required: true,
        },
        area("agreedPoints", FIELD_TEXT.agreedPoints),
        area("disputedPoints", FIELD_TEXT.disputedPoints),
      ];
    case "decide":
      return [
        text("number", FIELD_TEXT.decisionNumber, true),
        date("date", FIELD_TEXT.decisionDate),
        text("signer", FIELD_TEXT.signer, true),
        outcomeField(kind),
        ...(detail.instance === 2 ? [check("firstDecisionUpheld", FIELD_TEXT.firstDecisionUpheld)] : []),
        area("summary", FIELD_TEXT.decisionSummary),
        { name: "amounts", label: "", type: "amounts" },
      ];
    case "publish":
      return [
        date("on", FIELD_TEXT.publishOn),
        {
          name: "method",
          label: FIELD_TEXT.method,
          type: "radio",
          required: true,
          options: options(PUBLICATION_METHODS),
        },
        { name: "days", label: FIELD_TEXT.days, type: "quantity", unit: "count", when: lasting },
        ...(complaint ? [] : [check("denouncerDataRemoved", FIELD_TEXT.denouncerDataRemoved)]),
        note,
      ];
    case "record_enforcement":
      return [
        date("on", FIELD_TEXT.enforcementOn),
        text("responsible", FIELD_TEXT.responsible, true),
        { name: "dueOn", label: FIELD_TEXT.enforcementDue, type: "date", future: true },
        area("done", FIELD_TEXT.done, true),
        { name: "moneyReturned", label: FIELD_TEXT.moneyReturned, type: "quantity", unit: "million_vnd" },
        { name: "landReturned", label: FIELD_TEXT.landReturned, type: "quantity", unit: "m2" },
        check("completed", FIELD_TEXT.completed),
      ];
    case "close":
      return [date("on", FIELD_TEXT.closeOn), note];
    case "suspend":
      return [date("on", FIELD_TEXT.suspendOn), area("reason", FIELD_TEXT.reason, true), documentNumber];
    case "resume":
      return [date("on", FIELD_TEXT.resumeOn), documentNumber];
    case "withdraw":
      return [
        date("on", FIELD_TEXT.withdrawOn),
        ...(complaint
          ? []
          : [
              {
                name: "scope",
                label: FIELD_TEXT.scope,
                type: "radio",
                required: true,
                options: [
                  { value: "all", label: FIELD_TEXT.scopeAll },
                  { value: "part", label: FIELD_TEXT.scopePart },
                ],
              } satisfies FieldSpec,
              check("signsOfViolation", FIELD_TEXT.signsOfViolation),
              check("coerced", FIELD_TEXT.coerced),
            ]),
        note,
      ];
    case "terminate":
      return [date("on", FIELD_TEXT.terminateOn), area("reason", FIELD_TEXT.reason, true), documentNumber];
    case "extend_initial":
      return [date("on", FIELD_TEXT.extendInitialOn), area("reason", FIELD_TEXT.reason, true)];
    case "transfer":
      return [
        date("on", FIELD_TEXT.transferOn),
        text("targetBody", FIELD_TEXT.targetBody, true),
        documentNumber,
        check("notifyDenouncer", FIELD_TEXT.notifyDenouncer),
      ];
    case "set_complexity":
      return [
        { name: "criteria", label: FIELD_TEXT.criteria, type: "checklist", options: options(COMPLEXITY_CRITERIA) },
        note,
      ];
    case "extend":
      return [
        text("decisionNumber", FIELD_TEXT.extendNumber, true),
        date("decisionDate", FIELD_TEXT.extendDate),
        area("reason", FIELD_TEXT.extendReason, true),
      ];
    case "conclude":
      return [
        text("number", FIELD_TEXT.concludeNumber, true),
        date("date", FIELD_TEXT.concludeDate),
        text("signer", FIELD_TEXT.signer, true),
        outcomeField(kind),
        area("findings", FIELD_TEXT.findings, true),
        area("measures", FIELD_TEXT.measures),
        { name: "amounts", label: "", type: "amounts" },
      ];
    case "handle_conclusion":
      return [
        date("on", FIELD_TEXT.handleOn),
        documentNumber,
        area("discipline", FIELD_TEXT.discipline),
        area("administrativeSanctions", FIELD_TEXT.administrativeSanctions),
        area("recovery", FIELD_TEXT.recovery),
        area("investigationTransfer", FIELD_TEXT.investigationTransfer),
        area("other", FIELD_TEXT.other),
      ];
    case "record_protection":
      return [
        date("on", FIELD_TEXT.protectionOn),
        {
          name: "measure",
          label: FIELD_TEXT.measure,
          type: "radio",
          required: true,
          options: options(PROTECTION_MEASURES),
        },
        {
          name: "status",
          label: FIELD_TEXT.protectionStatus,
          type: "radio",
          required: true,
          options: labels(PROTECTION_STATUSES),
        },
        text("protectingBody", FIELD_TEXT.protectingBody),
        note,
      ];
  }
}

function emptyAmounts(): Record<string, string | number> {
  return Object.fromEntries(AMOUNT_FIELD_LIST.map((k) => [k, ""]));
}

/** The starting values: today for required dates, what the case already records where it says. */
export function initialValues(action: CaseAction, specs: FieldSpec[], detail: CaseDetail): Values {
  const today = todayIso();
  const values: Values = {};
  for (const spec of specs) {
    switch (spec.type) {
      case "date":
        values[spec.name] = spec.defaultToday ? today : null;
        break;
      case "checkbox":
        values[spec.name] = false;
        break;
      case "checklist":
      case "tags":
      case "conditions":
        values[spec.name] = [];
        break;
      case "radio":
      case "select":
        values[spec.name] = null;
        break;
      case "amounts":
        values[spec.name] = emptyAmounts();
        break;
      case "assignee":
        values[spec.name] = { kind: "person", name: "", members: [] };
        break;
      default:
        values[spec.name] = "";
    }
  }
  const facts = detail.facts as Partial<CaseFacts>;
  if (action === "set_complexity") values.criteria = [...(facts.complexityCriteria ?? [])];
  if (action === "set_flags" && facts.flags) {
    values.remote = facts.flags.remote;
    values.remoteJustification = facts.flags.remoteJustification ?? "";
    values.complex = facts.flags.complex;
    values.complexJustification = facts.flags.complexJustification ?? "";
  }
  if (action === "withdraw" && detail.kind === "denunciation") values.scope = "all";
  if (action === "transfer") values.notifyDenouncer = true;
  return values;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The request body from the form values (hidden fields are left out). */
export function toBody(action: CaseAction, specs: FieldSpec[], values: Values, version: number): CaseActionBody {
  const body: Record<string, unknown> = { action, version };
  for (const spec of specs) {
    if (spec.when && !spec.when(values)) continue;
    const value = values[spec.name];
    switch (spec.type) {
      case "date":
        body[spec.name] = typeof value === "string" && value ? value : spec.required ? undefined : null;
        break;
      case "text":
      case "textarea":
        body[spec.name] = spec.required ? String(value ?? "") : emptyToNull(String(value ?? ""));
        break;
      case "checkbox":
        body[spec.name] = Boolean(value);
        break;
      case "checklist":
      case "tags":
        body[spec.name] = Array.isArray(value) ? value : [];
        break;
      case "radio":
      case "select":
        body[spec.name] = value ?? undefined;
        break;
      case "quantity":
        body[spec.name] = numberOrNull(value);
        break;
      case "amounts": {
        const amounts: Record<string, number> = {};
        for (const [key, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
          const n = numberOrNull(v);
          if (n !== null) amounts[key] = n;
        }
        body[spec.name] = amounts;
        break;
      }
      case "conditions": {
        const ticked = Array.isArray(value) ? (value as string[]) : [];
        body[spec.name] = Object.fromEntries(
          DENUNCIATION_ACCEPTANCE_CONDITION_LIST.map((c) => [c, ticked.includes(c)]),
        );
        break;
      }
      case "assignee": {
        const a = (value ?? {}) as { kind?: string; name?: string; members?: string[] };
        body[spec.name] = {
          kind: a.kind ?? "person",
          name: a.name ?? "",
          members: a.kind === "team" ? (a.members ?? []) : null,
        };
        break;
      }
    }
  }
  return body as CaseActionBody;
}
