/**
 * The decision issuing a yearly inspection or specialised-check plan, or an adjustment of it
 * (docs/LAW.md §8.6: the plan is issued by the head of the inspection body; NĐ 30/2020 layout).
 * The items are listed in the decision's first article, one numbered line each with its subjects,
 * content, period covered, time and leading unit. The fields are filled by
 * modules/inspections/plans (the officer does not type them).
 */
import { legalGround } from "@minhbach/domain";
import { documentSigner } from "@minhbach/domain/api/documents";
import { z } from "zod";
import type { BodyParagraph } from "./render.ts";
import { decisionBody, decisionRecipients, defineTemplate, signatureOf, textDate } from "./template-kit.ts";

export const planDecisionFields = z.object({
  /** "Chánh Thanh tra tỉnh Lào Cai", "Giám đốc Sở Công Thương". */
  authority: z.string().min(1),
  year: z.number().int(),
  activity: z.enum(["inspection", "check", "both"]),
  /** For an adjustment: its number (1, 2…), the decision it adjusts and why. */
  adjustment: z
    .object({ revision: z.number().int().min(1), previous: z.string().nullable(), reason: z.string().min(1) })
    .nullable()
    .optional(),
  items: z
    .array(
      z.object({
        seq: z.number().int(),
        subjects: z.string(),
        content: z.string(),
        period: z.string(),
        time: z.string(),
        leadingUnit: z.string().nullable(),
        standby: z.boolean(),
        cancelled: z.boolean().optional(),
      }),
    )
    .min(1),
  signer: documentSigner.optional(),
});
export type PlanDecisionFields = z.infer<typeof planDecisionFields>;

const WHAT = { inspection: "thanh tra", check: "kiểm tra chuyên ngành", both: "thanh tra, kiểm tra" } as const;

function itemLine(i: PlanDecisionFields["items"][number], last: boolean): BodyParagraph {
  const parts = [
    `${i.content} đối với ${i.subjects}`,
    i.period ? `thời kỳ: ${i.period}` : "",
    i.time ? `thời gian: ${i.time}` : "",
    i.leadingUnit ? `đơn vị chủ trì: ${i.leadingUnit}` : "",
  ].filter(Boolean);
  const mark = i.cancelled ? " (đưa ra khỏi kế hoạch)" : i.standby ? " (dự phòng)" : "";
  return `${i.seq}. ${parts.join("; ")}${mark}${last ? "." : ";"}`;
}

const planDecision = defineTemplate({
  formCode: "KH-TT-QD",
  name: "Quyết định ban hành (điều chỉnh) kế hoạch thanh tra, kiểm tra năm",
  basis: "Luật Thanh tra 2025; Thông tư 04/2025/TT-TTCP; Nghị quyết 198/2025/QH15 (công khai kế hoạch)",
  series: "QĐ",
  // Signed in the system by a leader: the plan's issue step drafts it, issuing it issues the plan
  // (modules/inspections/plans, planDecisionIssued); one signed outside is recorded there instead.
  signedByHead: true,
  fieldsSchema: planDecisionFields,
  defaultTitle: (f) =>
    f.adjustment
      ? `Quyết định điều chỉnh kế hoạch ${WHAT[f.activity]} năm ${f.year} (lần ${f.adjustment.revision})`
      : `Quyết định ban hành kế hoạch ${WHAT[f.activity]} năm ${f.year}`,
  build(f, agency) {
    const what = WHAT[f.activity];
    const items = f.items;
    const planned = items.filter((i) => !i.standby && !i.cancelled).length;
    const standby = items.filter((i) => i.standby && !i.cancelled).length;
    const count = `gồm ${planned} cuộc ${what} chính thức${standby ? ` và ${standby} cuộc dự phòng` : ""}`;
    const first = f.adjustment
      ? `Điều chỉnh Kế hoạch ${what} năm ${f.year} của ${agency.name}${f.adjustment.previous ? ` ban hành kèm theo Quyết định số ${f.adjustment.previous}` : ""}; sau điều chỉnh, Kế hoạch ${count}, cụ thể như sau:`
      : `Ban hành Kế hoạch ${what} năm ${f.year} của ${agency.name}, ${count}, cụ thể như sau:`;
    const more: BodyParagraph[] = items.map((i, n) => itemLine(i, n === items.length - 1));
    if (f.adjustment) more.unshift(`Lý do điều chỉnh: ${f.adjustment.reason.replace(/[.;]\s*$/, "")}.`);
    return {
      title: "Quyết định",
      subtitle: f.adjustment
        ? `Về việc điều chỉnh Kế hoạch ${what} năm ${f.year}`
        : `Về việc ban hành Kế hoạch ${what} năm ${f.year}`,
      paragraphs: decisionBody({
        authority: f.authority,
        grounds: [legalGround("LTTR"), legalGround("TT04_2025"), legalGround("NQ198")],
        articles: [
          { text: first, more },
          {
            text: `Kế hoạch được gửi đến các đối tượng ${what}, Kiểm toán nhà nước và các cơ quan có liên quan; kế hoạch ${what} đối với doanh nghiệp, hộ kinh doanh, cá nhân được công khai theo Nghị quyết số 198/2025/QH15. Mỗi đối tượng không bị ${what} quá 1 lần trong năm ${f.year}, trừ trường hợp có dấu hiệu vi phạm rõ ràng`,
          },
          {
            text: `Quyết định này có hiệu lực kể từ ngày ký${f.adjustment ? "" : ` và áp dụng cho năm ${f.year}`}. Các đơn vị chủ trì và cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này`,
          },
        ],
      }),
      recipients: decisionRecipients(3, ["Thanh tra Chính phủ", "Kiểm toán nhà nước khu vực"]),
      signature: signatureOf(f.signer),
    };
  },
});

export const INSPECTION_PLAN_TEMPLATES = [planDecision];

/** "từ 01/01/2024 đến 31/12/2025" for the decision and the public feed. */
export function periodText(from: string | null, to: string | null): string {
  if (from && to) return `từ ${textDate(from)} đến ${textDate(to)}`;
  if (from) return `từ ${textDate(from)}`;
  if (to) return `đến ${textDate(to)}`;
  return "";
}
