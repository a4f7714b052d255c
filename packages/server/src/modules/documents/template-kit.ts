/**
 * What every template of the catalogue is made of: the template shape, `defineTemplate`, and the
 * small wording helpers an officer's drafting habits come down to (dates in running text, "ông/bà",
 * "Nơi nhận" lines, the parts of a decision). The catalogues (templates.ts, templates-cases.ts,
 * templates-petitions.ts) import from here, so none of them imports another.
 */
import { formalCitation } from "@minhbach/domain";
import type { DocumentPerson, DocumentSigner } from "@minhbach/domain/api/documents";
import type { z } from "zod";
import type { BodyParagraph, DocumentModel } from "./render.ts";

/** The issuing agency as the letterhead and the text name it. */
export interface IssuingAgency {
  /** Full name, first mention in the text: "Sở Công Thương tỉnh Lào Cai". */
  name: string;
  /** Later mentions: "Sở Công Thương". */
  shortName: string;
  /** Letterhead line of the agency (upper-cased by the renderer). */
  headerName: string;
  /** Letterhead line above it, or null. */
  parentName: string | null;
  /** In the symbol: "SCT" of "12/TB-SCT". */
  abbreviation: string;
  /** In the date line: "Lào Cai". */
  place: string;
}

/** What a template writes; the service adds letterhead, number and date. */
export type DocumentContent = Pick<
  DocumentModel,
  "title" | "subtitle" | "addressees" | "paragraphs" | "recipients" | "approval" | "signatures" | "letter"
> & { signature: DocumentModel["signature"] | null };

export interface DocumentTemplate {
  formCode: string;
  name: string;
  basis: string;
  /** Register series: TB thông báo, PC phiếu chuyển, HD hướng dẫn, ĐX đề xuất, QĐ, BB, CV… */
  series: string;
  wordingVerified: boolean;
  fieldsSchema: z.ZodType;
  /** Title of the document in lists, from its fields. */
  defaultTitle(fields: unknown): string;
  build(fields: unknown, agency: IssuingAgency): DocumentContent;
}

interface TemplateSpec<S extends z.ZodType> {
  formCode: string;
  name: string;
  basis: string;
  series: string;
  wordingVerified?: boolean;
  fieldsSchema: S;
  defaultTitle(fields: z.output<S>): string;
  build(fields: z.output<S>, agency: IssuingAgency): DocumentContent;
}

export function defineTemplate<S extends z.ZodType>(spec: TemplateSpec<S>): DocumentTemplate {
  return {
    formCode: spec.formCode,
    name: spec.name,
    basis: spec.basis,
    series: spec.series,
    wordingVerified: spec.wordingVerified ?? false,
    fieldsSchema: spec.fieldsSchema,
    defaultTitle: (fields) => spec.defaultTitle(spec.fieldsSchema.parse(fields)),
    build: (fields, agency) => spec.build(spec.fieldsSchema.parse(fields), agency),
  };
}

// ---------------------------------------------------------------------------------------------
// Wording helpers.

/** "05/3/2026" in running text (leading zero for days below 10 and for January, February). */
export function textDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return `${String(d).padStart(2, "0")}/${m < 3 ? String(m).padStart(2, "0") : m}/${y}`;
}

/** "Ông Nguyễn Văn An" when addressed; "ông/bà" when the honorific is unknown. */
export function addressed(person: DocumentPerson): string {
  return `${person.honorific ?? "Ông/Bà"} ${person.fullName}`;
}

/** The pronoun for the rest of the text: "ông", "bà" or "ông/bà". */
export function pronoun(person: DocumentPerson): string {
  return person.honorific ? person.honorific.toLowerCase() : "ông/bà";
}

/** "ông Nguyễn Văn An" in running text. */
export function named(person: DocumentPerson): string {
  return `${pronoun(person)} ${person.fullName}`;
}

/** "của ông Nguyễn Văn An, địa chỉ: …" */
export function ofPerson(person: DocumentPerson): string {
  return `của ${named(person)}${person.address ? `, địa chỉ: ${person.address}` : ""}`;
}

export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…:]$/.test(t) ? t : `${t}.`;
}

/** Text without its final punctuation, to be continued in a sentence. */
export function clause(text: string): string {
  return text.trim().replace(/[.;:,]+$/, "");
}

/** A sentence starting with a capital letter. */
export function capitalised(text: string): string {
  const t = text.trim();
  return t ? t[0]!.toLocaleUpperCase("vi") + t.slice(1) : t;
}

export function labelled(label: string, text: string): BodyParagraph {
  return { runs: [{ text: `${label}: ` }, { text: sentence(text) }] };
}

export function attachmentsLine(text: string): BodyParagraph {
  return {
    runs: [
      { text: "Kèm theo: ", italic: true },
      { text: sentence(text), italic: true },
    ],
  };
}

export function receivedLine(agency: IssuingAgency, receivedOn: string, what: string, letterDate?: string): string {
  const dated = letterDate ? ` đề ngày ${textDate(letterDate)}` : "";
  return `Ngày ${textDate(receivedOn)}, ${agency.name} nhận được ${what}${dated}`;
}

export function signatureOf(signer: DocumentSigner | undefined): DocumentContent["signature"] {
  if (!signer) return null;
  return { authority: signer.authority ?? null, position: signer.position, name: signer.name ?? null };
}

/** "46,5 triệu đồng", "1.234,567 triệu đồng" — or the exact "46.512.345 đồng" when not whole thousands. */
export function formatMoney(vnd: number): string {
  const grouped = (n: number, decimals = 0) =>
    n.toLocaleString("vi-VN", { minimumFractionDigits: 0, maximumFractionDigits: decimals, useGrouping: true });
  if (vnd >= 1_000_000 && vnd % 1000 === 0) return `${grouped(vnd / 1_000_000, 3)} triệu đồng`;
  return `${grouped(vnd)} đồng`;
}

/** "1.234 m²", "12,5 m²". */
export function formatArea(m2: number): string {
  return `${m2.toLocaleString("vi-VN", { maximumFractionDigits: 2, useGrouping: true })} m²`;
}

export const AS_ABOVE = "Như trên";
export const FILED = "Lưu: VT, hồ sơ";

/** A heading inside the body ("I. NỘI DUNG KHIẾU NẠI"), bold, not indented. */
export function heading(text: string): BodyParagraph {
  return { runs: [{ text, bold: true }], indent: false };
}

/** A numbered or dashed list item inside an article. */
export function item(marker: string, text: string, last: boolean): BodyParagraph {
  return `${marker} ${clause(text)}${last ? "." : ";"}`;
}

export const TT05 = formalCitation("TT05");

// ---------------------------------------------------------------------------------------------
// Decisions (Quyết định): NĐ 30/2020, Phụ lục III — the authority line, the "Căn cứ" lines in
// italics, "QUYẾT ĐỊNH:" and the articles, "Nơi nhận: Như Điều N".

export interface DecisionArticle {
  /** The article's first paragraph, after "Điều N. ". */
  text: string;
  /** Further paragraphs of the article (list items, sub-points). */
  more?: BodyParagraph[];
}

export function decisionBody(input: {
  /** "Giám đốc Sở Công Thương": printed in capitals above the "Căn cứ" lines. */
  authority: string;
  /** Each "Căn cứ …" line without the final ";". */
  grounds: string[];
  /** "Theo đề nghị của …" (without the full stop), if any. */
  proposal?: string | undefined;
  /** Findings before "QUYẾT ĐỊNH:" (a decision resolving a complaint sets them out). */
  considerations?: BodyParagraph[];
  articles: DecisionArticle[];
}): BodyParagraph[] {
  const out: BodyParagraph[] = [
    { runs: [{ text: input.authority.toLocaleUpperCase("vi"), bold: true }], align: "center" },
  ];
  const lines = [...input.grounds.map((g) => clause(g)), ...(input.proposal ? [clause(input.proposal)] : [])];
  lines.forEach((line, i) => {
    out.push({ runs: [{ text: `${line}${i === lines.length - 1 ? "." : ";"}`, italic: true }] });
  });
  out.push(...(input.considerations ?? []));
  out.push({ runs: [{ text: "QUYẾT ĐỊNH:", bold: true }], align: "center" });
  input.articles.forEach((article, i) => {
    out.push({ runs: [{ text: `Điều ${i + 1}. `, bold: true }, { text: sentence(article.text) }] });
    out.push(...(article.more ?? []));
  });
  return out;
}

/** "Nơi nhận" of a decision: those who carry it out (the last article), then the others. */
export function decisionRecipients(executingArticle: number, others: string[] = []): string[] {
  return [`Như Điều ${executingArticle}`, ...others, FILED];
}
