/**
 * Enforcement of a case's decision (issue 19, 05/KQTH; domain cases/enforcement.ts): the record of
 * what the decision orders, its steps, and the view on the case page. Money in whole đồng, land in
 * m², people and matters as counts.
 */
import {
  ENFORCEMENT_ITEMS,
  ENFORCEMENT_STATES,
  ENFORCEMENT_STEP_KINDS,
  type EnforcementItem,
} from "../cases/enforcement.ts";
import { labelledText as text, requiredText as required, labelledDate as date, version } from "./fields.ts";
import { blankable, choiceOf, z } from "./zod-vi.ts";

const optionalText = (max: number, label: string) => blankable(text(max, label).optional());

const dong = (label: string) =>
  z
    .number({ error: `${label} phải là số tiền (đồng).` })
    .int({ error: `${label} phải là số đồng nguyên (không có phần lẻ).` })
    .min(0, { error: `${label} không được âm.` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label} quá lớn.` });
const area = (label: string) =>
  z
    .number({ error: `${label} phải là một số (m²).` })
    .min(0, { error: `${label} không được âm.` })
    .max(1e12, { error: `${label} quá lớn.` })
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: `${label}: tối đa 2 chữ số thập phân.` });
const count = (label: string) =>
  z
    .number({ error: `${label} phải là một số nguyên.` })
    .int({ error: `${label} phải là một số nguyên.` })
    .min(0, { error: `${label} không được âm.` })
    .max(100000, { error: `${label} quá lớn.` });

function itemFields(side: "due" | "done") {
  const field = (k: EnforcementItem) => {
    const { unit } = ENFORCEMENT_ITEMS[k];
    const label = ENFORCEMENT_ITEMS[k][side];
    return (unit === "dong" ? dong(label) : unit === "m2" ? area(label) : count(label)).default(0);
  };
  return {
    moneyToState: field("moneyToState"),
    moneyToOthers: field("moneyToOthers"),
    landToState: field("landToState"),
    landToOthers: field("landToOthers"),
    discipline: field("discipline"),
    investigationMatters: field("investigationMatters"),
    investigationPersons: field("investigationPersons"),
    rightsRestored: field("rightsRestored"),
  };
}

export const enforcementPlanBody = z.object({
  responsible: required(500, "Cơ quan, tổ chức, cá nhân có trách nhiệm thi hành"),
  dueOn: blankable(date("Hạn thi hành").optional()),
  note: optionalText(4000, "Ghi chú"),
  ...itemFields("due"),
});
export type EnforcementPlanBody = z.infer<typeof enforcementPlanBody>;

export const enforcementUpdateBody = enforcementPlanBody.extend({ version });
export type EnforcementUpdateBody = z.infer<typeof enforcementUpdateBody>;

export const enforcementStepBody = z.object({
  version,
  kind: choiceOf(ENFORCEMENT_STEP_KINDS, "bước thi hành"),
  onDate: date("Ngày thi hành"),
  evidence: optionalText(4000, "Căn cứ, chứng từ"),
  ...itemFields("done"),
});
export type EnforcementStepBody = z.infer<typeof enforcementStepBody>;

const items = z.object({
  moneyToState: z.number(),
  moneyToOthers: z.number(),
  landToState: z.number(),
  landToOthers: z.number(),
  discipline: z.number(),
  investigationMatters: z.number(),
  investigationPersons: z.number(),
  rightsRestored: z.number(),
});

export const enforcementView = z.object({
  caseId: z.string(),
  caseCode: z.string(),
  kind: z.enum(["complaint", "denunciation"]),
  /** The decision enforced (complaint decision, or handling of a denunciation's conclusion), once issued. */
  decision: z.object({ on: z.string(), number: z.string().nullable() }).nullable(),
  /** The user may record (assigned resolver, or enforcement officer of the agency). */
  canWrite: z.boolean(),
  record: z
    .object({
      id: z.string(),
      responsible: z.string(),
      dueOn: z.string().nullable(),
      note: z.string().nullable(),
      state: z.enum(ENFORCEMENT_STATES),
      stateLabel: z.string(),
      startedOn: z.string().nullable(),
      doneOn: z.string().nullable(),
      version: z.number().int(),
      due: items,
      done: items,
      outstanding: items,
      steps: z.array(
        items.extend({
          seq: z.number().int(),
          kind: z.enum(ENFORCEMENT_STEP_KINDS),
          kindLabel: z.string(),
          onDate: z.string(),
          evidence: z.string().nullable(),
          createdBy: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
});
export type EnforcementView = z.infer<typeof enforcementView>;
