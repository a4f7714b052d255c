/**
 * The manual cells of a form (issue 19, 06/QLKNTC; domain reports/manual-cells.ts): what a unit
 * entered for one period, and what it sends to change them.
 */
import { MANUAL_CELLS } from "../reports/manual-cells.ts";
import { isoDate, uuid } from "./common.ts";
import { labelledText as text } from "./fields.ts";
import { blankable, choiceOf, z } from "./zod-vi.ts";

const MANUAL_FORMS = Object.keys(MANUAL_CELLS) as [string, ...string[]];

export const manualCellsQuery = z
  .object({
    form: choiceOf(MANUAL_FORMS, "biểu mẫu có ô nhập tay"),
    agencyId: uuid,
    from: isoDate,
    to: isoDate,
    /** "periodic" (the default) only takes the regime's periods; "adhoc" (đột xuất) any {from, to}. */
    kind: blankable(choiceOf(["periodic", "adhoc"], "loại báo cáo").default("periodic")),
  })
  .refine((q) => q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type ManualCellsQuery = z.infer<typeof manualCellsQuery>;

export const manualCellsBody = z
  .object({
    form: choiceOf(MANUAL_FORMS, "biểu mẫu có ô nhập tay"),
    agencyId: uuid,
    from: isoDate,
    to: isoDate,
    kind: choiceOf(["periodic", "adhoc"], "loại báo cáo").default("periodic"),
    cells: z
      .array(
        z.object({
          cell: z.string({ error: "Chọn ô số liệu." }).min(1, { error: "Chọn ô số liệu." }).max(80),
          /** A number, or the text typed ("1.250", "12,5"); empty or null clears the cell. */
          value: z.union([z.number(), z.string().max(40, { error: "Giá trị quá dài." }), z.null()], {
            error: "Giá trị phải là một số.",
          }),
          note: blankable(text(1000, "Ghi chú").optional()),
        }),
      )
      .min(1, { error: "Nhập ít nhất một ô số liệu." })
      .max(100),
  })
  .refine((q) => q.from <= q.to, { error: "Từ ngày phải trước hoặc bằng đến ngày.", path: ["to"] });
export type ManualCellsBody = z.infer<typeof manualCellsBody>;

export const manualCellsView = z.object({
  form: z.string(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  /** The regime's period, or null for an ad hoc report's days. */
  period: z.object({ label: z.string(), regime: z.string() }).nullable(),
  canWrite: z.boolean(),
  cells: z.array(
    z.object({
      cell: z.string(),
      /** The printed column number of the form. */
      no: z.number().int(),
      name: z.string(),
      unit: z.string(),
      integer: z.boolean(),
      value: z.number().nullable(),
      note: z.string().nullable(),
      updatedBy: z.string().nullable(),
      updatedAt: z.string().nullable(),
    }),
  ),
});
export type ManualCellsView = z.infer<typeof manualCellsView>;
