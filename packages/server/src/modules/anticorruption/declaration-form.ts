/**
 * The asset and income declaration printed as a .docx form (bản kê khai tài sản, thu nhập; the
 * form annexed to Nghị định 130/2020, docs/LAW.md §10): general information on the declarant, the
 * spouse and the minor children; the assets by section of the form, each with its owner and value;
 * the total income between two declarations; the change against the previous declaration and its
 * explanation; the place for the receiver's and the declarant's signatures.
 *
 * [P] The layout is reconstructed from the annex's headings, not copied from it: the annex's
 * tables are written as numbered lines, and the sections are those the stored declaration holds
 * (assets.ts ASSET_SECTIONS). It goes through the documents kit (render.ts) as a paper that takes
 * no register number; it is never stored in the register, listed or searched: it is rendered on
 * each download from the sealed content, for a reader `declarations.ts` allows, and that download
 * is audited there.
 */
import {
  ASSET_OWNER_LABELS,
  ASSET_SECTION_KEYS,
  ASSET_SECTIONS,
  cite,
  DECLARATION_KIND_LABELS,
  formatAssetValue,
  formatDateVn,
  type Comparison,
  type DeclarationContent,
  type DeclarationKind,
} from "@minhbach/domain";
import type { BodyParagraph, DocumentModel } from "../documents/render.ts";
import { composeModel } from "../documents/service.ts";
import { heading, type DocumentContent, type IssuingAgency } from "../documents/template-kit.ts";

export interface DeclarationForm {
  kind: DeclarationKind;
  year: number;
  declaredOn: string;
  /** The unit where the declarant works (cơ quan, đơn vị công tác). */
  unitName: string;
  content: DeclarationContent;
  comparison: Comparison;
}

const NONE = "Không có.";

function born(birthDate: string | undefined): string {
  return birthDate ? formatDateVn(birthDate) : "(không ghi)";
}

/** "Tăng 400 triệu đồng", "Giảm 5.000.000 đồng", "Không thay đổi". */
function changeText(increase: number): string {
  if (increase === 0) return "không thay đổi";
  return `${increase > 0 ? "tăng" : "giảm"} ${formatAssetValue(Math.abs(increase))}`;
}

/** The body of the form, section by section. */
export function declarationFormContent(form: DeclarationForm): DocumentContent {
  const c = form.content;
  const p: BodyParagraph[] = [
    {
      runs: [{ text: `(${DECLARATION_KIND_LABELS[form.kind]} năm ${form.year}, theo ${cite("LPCTN")})`, italic: true }],
      align: "center",
    },
    heading("I. THÔNG TIN CHUNG"),
    "1. Người kê khai tài sản, thu nhập",
    `- Họ và tên: ${c.declarant.fullName}. Ngày sinh: ${born(c.declarant.birthDate)}.`,
    `- Chức vụ/chức danh công tác: ${c.declarant.position?.trim() || "(không ghi)"}.`,
    `- Cơ quan/đơn vị công tác: ${form.unitName}.`,
    "2. Vợ hoặc chồng của người kê khai tài sản, thu nhập",
    c.spouse ? `- Họ và tên: ${c.spouse.fullName}. Ngày sinh: ${born(c.spouse.birthDate)}.` : NONE,
    "3. Con chưa thành niên",
    ...(c.children.length
      ? c.children.map((child, i) => `3.${i + 1}. Họ và tên: ${child.fullName}. Ngày sinh: ${born(child.birthDate)}.`)
      : [NONE]),
    heading("II. THÔNG TIN MÔ TẢ VỀ TÀI SẢN, THU NHẬP"),
  ];
  ASSET_SECTION_KEYS.forEach((key, s) => {
    p.push(`${s + 1}. ${ASSET_SECTIONS[key]}`);
    const items = c[key];
    if (!items.length) p.push(NONE);
    items.forEach((item, i) =>
      p.push(
        `${s + 1}.${i + 1}. ${item.description}. Người sở hữu: ${ASSET_OWNER_LABELS[item.owner].toLocaleLowerCase("vi")}. Giá trị: ${formatAssetValue(item.value)}.`,
      ),
    );
  });
  p.push(`${ASSET_SECTION_KEYS.length + 1}. Tổng thu nhập giữa hai lần kê khai: ${formatAssetValue(c.income)}.`);
  p.push(heading("III. BIẾN ĐỘNG TÀI SẢN, THU NHẬP; GIẢI TRÌNH NGUỒN GỐC CỦA TÀI SẢN, THU NHẬP TĂNG THÊM"));
  const cmp = form.comparison;
  if (cmp.previousTotal === null || cmp.increase === null) {
    p.push("Không có bản kê khai trước để so sánh.");
  } else {
    p.push(
      `Tổng giá trị tài sản kê khai lần trước: ${formatAssetValue(cmp.previousTotal)}; lần này: ${formatAssetValue(cmp.total)}; ${changeText(cmp.increase)}.`,
    );
  }
  p.push(`Giải trình nguồn gốc của tài sản, thu nhập tăng thêm: ${c.explanation?.trim() || "(không có)"}.`);
  p.push(`Ngày hoàn thành bản kê khai tài sản, thu nhập: ${formatDateVn(form.declaredOn)}.`);
  return {
    title: "Bản kê khai tài sản, thu nhập",
    subtitle: null,
    paragraphs: p,
    recipients: null,
    signatures: [
      { title: "Người nhận bản kê khai", name: null },
      { title: "Người kê khai tài sản", name: c.declarant.fullName },
    ],
    signature: null,
    numbered: false,
    datedOn: form.declaredOn,
  };
}

/** The whole model: the holding agency's letterhead, no number, dated the day of the declaration, not a draft. */
export function declarationFormModel(form: DeclarationForm, agency: IssuingAgency): DocumentModel {
  return { ...composeModel(declarationFormContent(form), agency, "BKK", { draftYear: form.year }), draft: false };
}
