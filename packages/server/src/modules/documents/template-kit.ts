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
> & {
  signature: DocumentModel["signature"] | null;
  /** False for minutes: no "Số:" line, no register number. */
  numbered?: false;
  /** The date the paper bears when it is not the issue date (minutes: the session's date). */
  datedOn?: string;
};

export interface DocumentTemplate {
  formCode: string;
  name: string;
  basis: string;
  /** Register series: TB thông báo, PC phiếu chuyển, HD hướng dẫn, ĐX đề xuất, QĐ, BB, CV… */
  series: string;
  wordingVerified: boolean;
  /** False for minutes written and signed at a session: never drafted as a numbered paper. */
  numbered: boolean;
  /** Signed by the head or an authorised deputy in the system (submit → sign), never issued by the drafter. */
  signedByHead: boolean;
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
  /** Defaults to true; false for minutes that take no register number. */
  numbered?: boolean;
  /** Defaults to the decisions and conclusions (HEAD_SIGNED_SERIES). */
  signedByHead?: boolean;
  fieldsSchema: S;
  defaultTitle(fields: z.output<S>): string;
  build(fields: z.output<S>, agency: IssuingAgency): DocumentContent;
}

/**
 * Decisions (QĐ) and conclusions (KL) are acts of the head who resolves the matter: the head of the
 * agency decides a complaint (Điều 18, 31 Luật Khiếu nại 2011), concludes a denunciation (Điều 12,
 * 35 Luật Tố cáo 2018) and decides the steps of both; a deputy signs them only when authorised
 * ("KT."). The officer who drafts them does not issue them.
 */
export const HEAD_SIGNED_SERIES: ReadonlySet<string> = new Set(["QĐ", "KL"]);

export function defineTemplate<S extends z.ZodType>(spec: TemplateSpec<S>): DocumentTemplate {
  return {
    signedByHead: spec.signedByHead ?? HEAD_SIGNED_SERIES.has(spec.series),
    formCode: spec.formCode,
    name: spec.name,
    basis: spec.basis,
    series: spec.series,
    wordingVerified: spec.wordingVerified ?? false,
    numbered: spec.numbered ?? true,
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

/**
 * Text as typed, with the punctuation of two joined pieces made one: "đồng.; còn" → "đồng; còn",
 * "ngày.." → "ngày.", "a ,b" → "a, b". An ellipsis ("…", "...") is left alone.
 */
export function tidy(text: string): string {
  return text
    .trim()
    .replace(/\s+([,.;:])/g, "$1")
    .replace(/(?<!\.)\.\s*([;,:])/g, "$1")
    .replace(/[;,:]\s*\.(?!\.)/g, ".")
    .replace(/([;,])\s*[;,]+/g, "$1")
    .replace(/(?<!\.)\.\.(?!\.)/g, ".");
}

export function sentence(text: string): string {
  const t = tidy(text).replace(/\s*[;,]+$/, "");
  return /[.!?…:]$/.test(t) ? t : `${t}.`;
}

/** Text without its final punctuation, to be continued in a sentence. */
export function clause(text: string): string {
  return tidy(text).replace(/[.;:,]+$/, "");
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

/**
 * The signature block (NĐ 30/2020, Phụ lục I). A deputy signs on behalf of the head: "KT. GIÁM
 * ĐỐC" above "PHÓ GIÁM ĐỐC", even when only the position was written.
 */
export function signatureOf(signer: DocumentSigner | undefined): DocumentContent["signature"] {
  if (!signer) return null;
  const head = /^phó\s+(.+)$/iu.exec(signer.position.trim())?.[1];
  const authority = signer.authority ?? (head ? `KT. ${head}` : null);
  return { authority, position: signer.position, name: signer.name ?? null };
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

/** A numbered or dashed list item inside an article: ";" after each, "." after the last. */
export function item(marker: string, text: string, last: boolean): BodyParagraph {
  return `${marker} ${clause(text)}${last ? "." : ";"}`;
}

/** The items of a list, numbered "1.", "2." … unless another marker is given. */
export function listLines(
  items: readonly string[],
  marker: (i: number) => string = (i) => `${i + 1}.`,
): BodyParagraph[] {
  return items.map((t, i) => item(marker(i), t, i === items.length - 1));
}

const LETTERS = "abcdđeghiklmnopqrstuvxy";
/** "a)", "b)" … "đ)" …: the points of an article. */
export const lettered = (i: number) => `${LETTERS[i] ?? String(i + 1)})`;
export const dashed = () => "-";

/** "a, b và c". */
export function listPhrase(items: readonly string[]): string {
  const parts = items.map(clause).filter(Boolean);
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} và ${parts[parts.length - 1]!}`;
}

/** "số tiền 15.000.000 đồng và diện tích 1.234 m² đất", "" when neither. */
export function amountPhrase(money: number | undefined, landM2?: number): string {
  return listPhrase([
    money ? `số tiền ${formatMoney(money)}` : "",
    landM2 ? `diện tích ${formatArea(landM2)} đất` : "",
  ]);
}

/** Money and land a decision or a conclusion orders returned. */
export interface Recovery {
  returnToStateMoneyVnd?: number | undefined;
  returnToStateLandM2?: number | undefined;
  returnToOthersMoneyVnd?: number | undefined;
  returnToOthersLandM2?: number | undefined;
  returnToOthersWho?: string | undefined;
}

/** "Thu hồi cho Nhà nước số tiền 46,5 triệu đồng và 1.234 m² đất" — one line each way, if any. */
export function recoveryLines(r: Recovery): string[] {
  const out: string[] = [];
  const toState = amountPhrase(r.returnToStateMoneyVnd, r.returnToStateLandM2);
  if (toState) out.push(`Thu hồi cho Nhà nước ${toState}`);
  const toOthers = amountPhrase(r.returnToOthersMoneyVnd, r.returnToOthersLandM2);
  if (toOthers) out.push(`Trả lại cho ${r.returnToOthersWho ?? "tổ chức, cá nhân"} ${toOthers}`);
  return out;
}

/**
 * Text without a lead that repeats what the sentence before already says: "Khiếu nại đúng một
 * phần: hàng hóa …" after "… là khiếu nại đúng một phần." gives "Hàng hóa …". The lead must end
 * in punctuation ("Khiếu nại đúng vì …" stays), or, with `word`, may end in a space.
 */
export function withoutLead(text: string, lead: string, word = false): string {
  const t = text.trim();
  if (!t.toLocaleLowerCase("vi").startsWith(lead.toLocaleLowerCase("vi"))) return t;
  const rest = t.slice(lead.length);
  if (!(word ? /^[\s:,;.-]/u : /^\s*[:,;.-]/u).test(rest)) return t;
  const stripped = rest.replace(/^[\s:,;.-]+/u, "");
  return stripped ? capitalised(stripped) : t;
}

const SOMEONE =
  "(?:(?:ông\\/bà|ông|bà|anh|chị|công dân|người (?:khiếu nại|tố cáo)|hộ (?:ông|bà))\\s+[^,.;:]{0,60}?\\s+)?";

/**
 * What a complaint or a denunciation is about, as the object of a sentence: an officer's summary
 * "Bà Hường khiếu nại Quyết định số 125/QĐ-XPHC …" gives "Quyết định số 125/QĐ-XPHC …", so that
 * "khiếu nại của bà Phạm Thị Hường đối với …" does not say "khiếu nại" twice.
 */
export function matterOf(text: string, verb: "khiếu nại" | "tố cáo"): string {
  const lead = new RegExp(`^${SOMEONE}${verb}\\s+(?:(?:đối với|về)\\s+)?`, "iu");
  const t = clause(text);
  const rest = t.replace(lead, "");
  return rest && rest !== t ? rest : t;
}

/**
 * What a person is said to have done, without naming them again: "Ông Lương Văn Toàn, Kiểm soát
 * viên thị trường nhận 5.000.000 đồng …" about "ông Lương Văn Toàn, Kiểm soát viên thị trường"
 * gives "Việc nhận 5.000.000 đồng …". The full description or the name before its first comma
 * is left out; a text that does not start with either is returned as it is.
 */
export function actOf(text: string, person: string): string {
  const t = clause(text);
  const lower = t.toLocaleLowerCase("vi");
  for (const who of [clause(person), clause(person.split(",")[0] ?? "")]) {
    const w = who.toLocaleLowerCase("vi");
    if (w && lower.startsWith(w)) {
      const rest = t.slice(w.length);
      if (/^\s+\p{Ll}/u.test(rest)) return `Việc ${rest.trim()}`;
    }
  }
  return t;
}

/**
 * Each party once, in order, whatever the case, the final punctuation or the honorific it was
 * written with ("Bà Phạm Thị Hường" and "bà Phạm Thị Hường." are one party).
 */
export function uniqueParties(parties: readonly string[]): string[] {
  const seen = new Set<string>();
  return parties
    .map((p) => clause(p))
    .filter((p) => {
      const key = p.toLocaleLowerCase("vi").replace(/^(?:ông\/bà|ông|bà)\s+/u, "");
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The last article of a decision: who carries it out, each named once. */
export function executionArticle(parties: readonly string[]): string {
  const named = uniqueParties(parties);
  const who = [...named, "các cơ quan, tổ chức, cá nhân có liên quan"];
  return `Quyết định này có hiệu lực kể từ ngày ký. ${capitalised(listPhrase(who))} chịu trách nhiệm thi hành Quyết định này`;
}

/** Whether the text already names the party ("… của Đội trưởng Đội Quản lý thị trường số 2 …"). */
export function mentions(text: string, party: string): boolean {
  const p = clause(party).toLocaleLowerCase("vi");
  return p.length > 0 && text.toLocaleLowerCase("vi").includes(p);
}

/**
 * The position under which the head signs, from the title of the authority line: "Giám đốc" of
 * "Giám đốc Sở Công Thương" issued by the Sở Công Thương; null when the title names another body.
 */
export function headPosition(title: string, agency: Pick<IssuingAgency, "name" | "shortName">): string | null {
  const t = clause(title);
  for (const body of [agency.name, agency.shortName]) {
    const tail = ` ${body}`;
    if (t.toLocaleLowerCase("vi").endsWith(tail.toLocaleLowerCase("vi")) && t.length > tail.length) {
      return t.slice(0, -tail.length);
    }
  }
  return null;
}

/** A reference to a paper without the issuer the sentence already names: "Quyết định số 18/QĐ-SCT ngày 09/3/2026". */
export function withoutIssuer(reference: string, issuer: string): string {
  const t = clause(reference);
  const tail = ` của ${issuer}`;
  return t.toLocaleLowerCase("vi").endsWith(tail.toLocaleLowerCase("vi")) ? t.slice(0, -tail.length) : t;
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

// The "Căn cứ" lines, each text once, in the order of their force (NĐ 30/2020, Phụ lục III).
const GROUND_RANK: [RegExp, number][] = [
  [/^(?:bộ luật|luật|pháp lệnh)(?![\p{L}\p{N}])/iu, 0],
  [/^nghị quyết(?![\p{L}\p{N}])/iu, 1],
  [/^nghị định(?![\p{L}\p{N}])/iu, 2],
  [/^thông tư(?![\p{L}\p{N}])/iu, 3],
  [/^quyết định(?![\p{L}\p{N}])/iu, 4],
];

/** What a "Căn cứ" line cites, without "Căn cứ". */
function cited(line: string): string {
  return clause(line).replace(/^căn cứ\s+/iu, "");
}

/** The text a ground cites: its number ("124/2020/nđ-cp"), or a law's name ("luật khiếu nại"). */
export function groundKey(line: string): string {
  const text = cited(line).toLocaleLowerCase("vi");
  const number = /\bsố\s+(\S+\/\S+)/u.exec(text)?.[1];
  if (number) return number.replace(/[,;.]+$/, "");
  return text
    .replace(/\s+(?:ngày|năm|số)\s.*$/u, "")
    .replace(/\s*\(.*$/u, "")
    .trim();
}

/**
 * The "Căn cứ" lines of a decision, each text once and in order: laws, resolutions, decrees,
 * circulars, then decisions (the agency's own last), then the other grounds ("Căn cứ kết quả…")
 * and the "Xét …" lines as written. A line without "Căn cứ" gets it, unless it is a "Xét" or
 * "Theo đề nghị" line. The first wording of a text is kept.
 */
export function legalGrounds(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  const grounds: { text: string; rank: number; at: number }[] = [];
  lines.forEach((line, at) => {
    const text = clause(line);
    if (!text) return;
    if (/^(?:xét|theo đề nghị)(?![\p{L}\p{N}])/iu.test(text)) {
      grounds.push({ text, rank: 9, at });
      return;
    }
    const key = groundKey(text);
    if (seen.has(key)) return;
    seen.add(key);
    const rank = GROUND_RANK.find(([re]) => re.test(cited(text)))?.[1] ?? 5;
    grounds.push({
      text: /^căn cứ(?![\p{L}\p{N}])/iu.test(text) ? capitalised(text) : `Căn cứ ${cited(text)}`,
      rank,
      at,
    });
  });
  return grounds.sort((a, b) => a.rank - b.rank || a.at - b.at).map((g) => g.text);
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
  const lines = [...legalGrounds(input.grounds), ...(input.proposal ? [clause(input.proposal)] : [])];
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
