/**
 * Renders a document model to .docx in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I (thể
 * thức và kỹ thuật trình bày văn bản hành chính): A4, margins 20/20/30/15 mm, Times New Roman,
 * the two-column letterhead, title, body, "Nơi nhận" and the signature block. A pure function:
 * the same model gives the same document.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from "docx";

/** A run of text inside a paragraph. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A body paragraph: plain text, or runs with options. */
export type BodyParagraph =
  | string
  | {
      runs: Run[];
      /** Default "justify" with a first-line indent. */
      align?: "justify" | "center" | "left";
      /** First-line indent (default true for justified paragraphs). */
      indent?: boolean;
    };

export interface DocumentModel {
  header: {
    /** Tên cơ quan chủ quản, the line above the agency name (null for a body without one). */
    parentName: string | null;
    /** Tên cơ quan ban hành. */
    agencyName: string;
  };
  /**
   * "Số: 12/TB-SCT"; number null leaves the place blank (draft). The whole line null: a paper
   * that takes no register number (minutes signed at the session where they are written).
   */
  numberLine: { number: number | null; suffix: string } | null;
  /** "Lào Cai, ngày 05 tháng 3 năm 2026"; date null leaves day and month blank (draft). */
  placeDate: { place: string; date: string | null; year: number };
  /** Drafts carry a "DỰ THẢO" mark. */
  draft: boolean;
  /** Tên loại văn bản (printed in upper case). */
  title: string;
  /** Trích yếu nội dung, under the title. */
  subtitle?: string | null;
  /** "Kính gửi:" lines. */
  addressees?: string[];
  paragraphs: BodyParagraph[];
  /** "Nơi nhận:" lines without dash or final punctuation; null when the form has none. */
  recipients: string[] | null;
  /** A box for the leader's decision, in place of "Nơi nhận" (Phiếu đề xuất). */
  approval?: { heading: string } | null;
  /**
   * A công văn: no name of the type; the trích yếu ("V/v …", from `subtitle`) stands under the
   * number in the left column of the letterhead (NĐ 30/2020, Phụ lục I).
   */
  letter?: boolean | null;
  /**
   * Minutes (biên bản): the signature columns of the parties, two to a row, in place of "Nơi
   * nhận" and the single signature block.
   */
  signatures?: { title: string; name: string | null }[] | null;
  signature: {
    /** "KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC"… */
    authority?: string | null;
    position: string;
    /** Null in a draft whose signer is not chosen yet. */
    name: string | null;
  };
}

// Units: twentieths of a point (twips) for lengths, half-points for font sizes.
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const pt = (n: number) => n * 2;

const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const HEADER_LEFT = mm(64);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;
const FOOT_LEFT = mm(75);
const FOOT_RIGHT = TEXT_WIDTH - FOOT_LEFT;
const CELL_PADDING = 108;
const FONT = "Times New Roman";

const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Upper case as Vietnamese writes it. */
export function upper(text: string): string {
  return text.toLocaleUpperCase("vi");
}

/**
 * "ngày 05 tháng 3 năm 2026": NĐ 30/2020, Phụ lục I — days below 10 and the months 1 and 2 take
 * a leading zero (so that they cannot be turned into 15 or 12), other months do not.
 */
export function formatIssueDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return `ngày ${String(d).padStart(2, "0")} tháng ${m < 3 ? String(m).padStart(2, "0") : String(m)} năm ${y}`;
}

/** Placeholder of a draft: day and month left for the clerk. */
function blankIssueDate(year: number): string {
  return `ngày      tháng      năm ${year}`;
}

// Approximate advance widths of Times New Roman (per 1000 em), enough to size the short rules
// under the agency name and the motto (NĐ 30/2020 fixes them relative to the text length).
// prettier-ignore
const REGULAR: Record<string, number> = {
  " ": 250, a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278,
  m: 778, n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500,
  z: 444, A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611,
  M: 889, N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722,
  Z: 611, "-": 333, ".": 250, ",": 250, ":": 278, "/": 278, "(": 333, ")": 333,
};
// prettier-ignore
const BOLD: Record<string, number> = {
  ...REGULAR,
  a: 500, b: 556, d: 556, h: 556, j: 333, k: 556, m: 833, n: 556, p: 556, q: 556, r: 444, t: 333, u: 556,
  C: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944, O: 778, P: 611, Q: 778,
  R: 722, T: 667, W: 1000, Z: 667,
};

/** Estimated width in twips of one line of text. */
export function textWidth(text: string, sizePt: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  const plain = text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  let units = 0;
  for (const ch of plain) units += table[ch] ?? 500;
  return Math.round((units / 1000) * sizePt * 20);
}

function run(text: string, sizePt: number, options: { bold?: boolean; italic?: boolean } = {}): TextRun {
  return new TextRun({ text, size: pt(sizePt), bold: options.bold ?? false, italics: options.italic ?? false });
}

function para(children: TextRun[], options: Omit<IParagraphOptions, "children"> = {}): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0 }, ...options, children });
}

/** A horizontal rule of the given width, centred in a space of `within` twips. */
function rule(width: number, within: number, after = 0): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    // A little air between the text above and the rule, whatever the renderer.
    spacing: { before: 50, after, line: 60, lineRule: LineRuleType.EXACT },
    children: [],
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: TableBorders.NONE,
    verticalAlign: VerticalAlign.TOP,
    children,
  });
}

function grid(widths: [number, number], rows: [Paragraph[], Paragraph[]][]): Table {
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      ([left, right]) => new TableRow({ cantSplit: true, children: [cell(widths[0], left), cell(widths[1], right)] }),
    ),
  });
}

/** "Số: 12/TB-SCT", or "Số:        /TB-SCT" in a draft. */
function numberLine(model: DocumentModel): string | null {
  if (!model.numberLine) return null;
  const { number, suffix } = model.numberLine;
  return number === null ? `Số:        /${suffix}` : `Số: ${number}/${suffix}`;
}

/** "Lào Cai, ngày 05 tháng 3 năm 2026", with day and month blank in a draft. */
function dateLine(model: DocumentModel): string {
  const { place, date, year } = model.placeDate;
  const when = date ? formatIssueDate(date) : blankIssueDate(year);
  return place ? `${place}, ${when}` : when;
}

function letterhead(model: DocumentModel): Table {
  const center = AlignmentType.CENTER;
  const leftWidth = HEADER_LEFT - 2 * CELL_PADDING;
  const rightWidth = HEADER_RIGHT - 2 * CELL_PADDING;
  const agencyName = upper(model.header.agencyName);
  const agencyLine = Math.min(textWidth(agencyName, 13, true), leftWidth);

  const names: Paragraph[] = [];
  if (model.header.parentName) {
    names.push(para([run(upper(model.header.parentName), 13)], { alignment: center }));
  }
  names.push(para([run(agencyName, 13, { bold: true })], { alignment: center, keepNext: true }));
  // NĐ 30/2020: under the agency name, a rule one third to one half of the line, centred.
  names.push(rule(Math.round(agencyLine * 0.45), leftWidth));

  const national = [
    para([run(NATIONAL_NAME, 12, { bold: true })], { alignment: center }),
    para([run(MOTTO, 13, { bold: true })], { alignment: center }),
    // Under the motto, a rule as long as the motto itself.
    rule(textWidth(MOTTO, 13, true), rightWidth),
  ];

  const number = numberLine(model);
  const numberCell = [
    para(number === null ? [] : [run(number, 13)], { alignment: center, spacing: { before: 60, after: 0 } }),
  ];
  // A công văn carries its trích yếu under the number, 12 pt, centred.
  if (model.letter && model.subtitle) {
    numberCell.push(para([run(model.subtitle, 12)], { alignment: center, spacing: { before: 60, after: 0 } }));
  }

  return grid(
    [HEADER_LEFT, HEADER_RIGHT],
    [
      [names, national],
      [
        numberCell,
        [para([run(dateLine(model), 14, { italic: true })], { alignment: center, spacing: { before: 60, after: 0 } })],
      ],
    ],
  );
}

function headings(model: DocumentModel): Paragraph[] {
  if (model.letter) return [para([], { spacing: { before: 240 } })];
  const out: Paragraph[] = [
    para([run(upper(model.title), 14, { bold: true })], {
      alignment: AlignmentType.CENTER,
      spacing: { before: 480, after: 0 },
      keepNext: true,
    }),
  ];
  if (model.subtitle) {
    out.push(
      para([run(model.subtitle, 14, { bold: true })], {
        alignment: AlignmentType.CENTER,
        indent: { left: mm(10), right: mm(10) },
        keepNext: true,
      }),
    );
    // Under the trích yếu, a rule one third to one half of the line (NĐ 30/2020).
    const width = Math.min(textWidth(model.subtitle, 14, true), TEXT_WIDTH - mm(20));
    out.push(rule(Math.round(width * 0.4), TEXT_WIDTH, 120));
  }
  return out;
}

function addresseeLines(addressees: string[]): Paragraph[] {
  if (addressees.length === 0) return [];
  const spacing = { before: 240, after: 120 };
  if (addressees.length === 1) {
    return [
      para([run("Kính gửi: ", 14), run(addressees[0]!, 14)], {
        alignment: AlignmentType.CENTER,
        spacing,
        indent: { left: mm(10), right: mm(10) },
      }),
    ];
  }
  // Several addressees: "Kính gửi:" then one dash line each, aligned under the first.
  const label = textWidth("Kính gửi: ", 14);
  const left = mm(25) + label;
  return addressees.map((name, i) => {
    const last = i === addressees.length - 1;
    const text = `- ${name}${last ? "." : ";"}`;
    return para(i === 0 ? [run("Kính gửi: ", 14), run(text, 14)] : [run(text, 14)], {
      indent: i === 0 ? { left, hanging: label } : { left },
      spacing: { before: i === 0 ? spacing.before : 0, after: last ? spacing.after : 0 },
    });
  });
}

function body(paragraphs: BodyParagraph[]): Paragraph[] {
  return paragraphs.map((p) => {
    const spec = typeof p === "string" ? { runs: [{ text: p }] } : p;
    const align = spec.align ?? "justify";
    const indent = spec.indent ?? align === "justify";
    return para(
      spec.runs.map((r) => run(r.text, 14, { bold: r.bold ?? false, italic: r.italic ?? false })),
      {
        alignment:
          align === "center" ? AlignmentType.CENTER : align === "left" ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
        ...(indent ? { indent: { firstLine: mm(12.7) } } : {}),
        spacing: { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO },
      },
    );
  });
}

/** "- Như trên;" … "- Lưu: VT, hồ sơ." — NĐ 30/2020: a dash before each, a full stop after the last. */
export function recipientLines(items: string[]): string[] {
  return items.map((item, i) => {
    const clean = item
      .trim()
      .replace(/^[-–•]\s*/, "")
      .replace(/[;.,]+$/, "");
    return `- ${clean}${i === items.length - 1 ? "." : ";"}`;
  });
}

/** Dotted lines across the cell for the leader's handwritten decision. */
function approvalDots(): string {
  return ".".repeat(Math.floor((FOOT_LEFT - 2 * CELL_PADDING) / textWidth(".", 13)) - 2);
}

const NO_SIGNER = "(Chưa chọn người ký)";
const SIGN_HERE = "(Ký, ghi rõ họ tên)";
const DRAFT = "DỰ THẢO";

function recipientsBlock(model: DocumentModel): Paragraph[] {
  if (model.approval) {
    const dots = approvalDots();
    return [
      para([run(upper(model.approval.heading), 13, { bold: true })], { alignment: AlignmentType.CENTER }),
      ...[0, 1, 2, 3].map(() => para([run(dots, 13)], { alignment: AlignmentType.CENTER, spacing: { before: 160 } })),
    ];
  }
  if (!model.recipients || model.recipients.length === 0) return [para([])];
  return [
    para([run("Nơi nhận:", 12, { bold: true, italic: true })]),
    ...recipientLines(model.recipients).map((line) => para([run(line, 11)])),
  ];
}

function signatureBlock(model: DocumentModel): Paragraph[] {
  const center = AlignmentType.CENTER;
  const { authority, position, name } = model.signature;
  const out: Paragraph[] = [];
  if (authority) out.push(para([run(upper(authority), 14, { bold: true })], { alignment: center, keepNext: true }));
  out.push(para([run(upper(position), 14, { bold: true })], { alignment: center, keepNext: true }));
  // Room for the signature and the seal.
  out.push(
    para([run(name ?? NO_SIGNER, 14, { bold: name !== null, italic: name === null })], {
      alignment: center,
      spacing: { before: mm(27), after: 0 },
    }),
  );
  return out;
}

/** The parties' signature columns of a biên bản, two to a row, each with room to sign. */
function signatureColumns(columns: { title: string; name: string | null }[]): Table {
  const half = Math.round(TEXT_WIDTH / 2);
  const center = AlignmentType.CENTER;
  const cellOf = (column: { title: string; name: string | null } | undefined): Paragraph[] =>
    column
      ? [
          para([run(upper(column.title), 13, { bold: true })], { alignment: center, keepNext: true }),
          para([run(SIGN_HERE, 13, { italic: true })], { alignment: center, keepNext: true }),
          para([run(column.name ?? "", 14, { bold: true })], {
            alignment: center,
            spacing: { before: mm(22), after: mm(6) },
          }),
        ]
      : [para([])];
  const rows: [Paragraph[], Paragraph[]][] = [];
  for (let i = 0; i < columns.length; i += 2) rows.push([cellOf(columns[i]), cellOf(columns[i + 1])]);
  return grid([half, TEXT_WIDTH - half], rows);
}

function draftMark(): Paragraph {
  const width = textWidth(DRAFT, 13, true) + mm(8);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: TEXT_WIDTH - width, right: 0 },
    border: {
      top: { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 2 },
      bottom: { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 2 },
      left: { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 4 },
      right: { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 4 },
    },
    children: [run(DRAFT, 13, { bold: true })],
  });
}

export async function renderDocument(model: DocumentModel): Promise<Buffer> {
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(14) })],
  });
  const doc = new Document({
    creator: model.header.agencyName,
    title: model.title || (model.subtitle ?? ""),
    styles: {
      default: {
        document: { run: { font: FONT, size: pt(14), language: { value: "vi-VN" } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGIN, header: mm(8), footer: mm(8) },
          },
          // NĐ 30/2020: page numbers centred in the top margin, from the second page on.
          titlePage: true,
        },
        headers: {
          first: new Header({ children: model.draft ? [draftMark()] : [new Paragraph({ children: [] })] }),
          default: new Header({ children: [pageNumber] }),
        },
        children: [
          letterhead(model),
          ...headings(model),
          ...addresseeLines(model.addressees ?? []),
          ...(model.addressees?.length ? [] : [para([], { spacing: { before: 120 } })]),
          ...body(model.paragraphs),
          para([], { spacing: { before: 60 } }),
          model.signatures?.length
            ? signatureColumns(model.signatures)
            : grid([FOOT_LEFT, FOOT_RIGHT], [[recipientsBlock(model), signatureBlock(model)]]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * The text of the document as a reader reads it: one line per non-empty paragraph, in the order
 * the .docx holds them (the draft mark, the letterhead's cells row by row, the title, "Kính gửi",
 * the body, then "Nơi nhận" or the approval box and the signature, or the parties' signature
 * columns). The same words as `renderDocument` writes, for comparing wording in tests and reviews.
 */
export function documentText(model: DocumentModel): string {
  const lines: string[] = [];
  if (model.draft) lines.push(DRAFT);
  if (model.header.parentName) lines.push(upper(model.header.parentName));
  lines.push(upper(model.header.agencyName), NATIONAL_NAME, MOTTO);
  const number = numberLine(model);
  if (number !== null) lines.push(number);
  if (model.letter && model.subtitle) lines.push(model.subtitle);
  lines.push(dateLine(model));
  if (!model.letter) {
    lines.push(upper(model.title));
    if (model.subtitle) lines.push(model.subtitle);
  }
  const addressees = model.addressees ?? [];
  if (addressees.length === 1) lines.push(`Kính gửi: ${addressees[0]!}`);
  addressees.forEach((name, i) => {
    if (addressees.length === 1) return;
    const text = `- ${name}${i === addressees.length - 1 ? "." : ";"}`;
    lines.push(i === 0 ? `Kính gửi: ${text}` : text);
  });
  for (const p of model.paragraphs) lines.push(typeof p === "string" ? p : p.runs.map((r) => r.text).join(""));
  if (model.signatures?.length) {
    for (const column of model.signatures) lines.push(upper(column.title), SIGN_HERE, column.name ?? "");
  } else {
    if (model.approval) lines.push(upper(model.approval.heading), ...[0, 1, 2, 3].map(approvalDots));
    else if (model.recipients?.length) lines.push("Nơi nhận:", ...recipientLines(model.recipients));
    const { authority, position, name } = model.signature;
    lines.push(authority ? upper(authority) : "", upper(position), name ?? NO_SIGNER);
  }
  return lines.filter((line) => line.length > 0).join("\n");
}
