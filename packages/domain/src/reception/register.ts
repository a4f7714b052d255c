/**
 * The reception register (Sổ tiếp công dân, Mẫu số 03 ban hành kèm theo Thông tư 04/2021/TT-TTCP):
 * one row per visit, 12 columns, filled as in docs/LAW.md §3.6. The server writes these rows to
 * Excel; the headers below are what it prints.
 *
 * [P] The column order and meaning are [V] (docs/LAW.md §3.6); the exact header wording was not read
 * from the official annex — it follows the wording vendors' software prints for this form. Correct it
 * here, in one place, when the annex is read.
 */
import { formatVietnameseDate } from "../calendar/iso-date.ts";
import { PETITION_KINDS } from "../petitions/kinds.ts";
import { DEFAULT_CROWD_THRESHOLD } from "./group.ts";
import { IDENTITY_DOCUMENT_KINDS, type IdentityDocumentInput } from "./identity.ts";
import { normalizeForMatch } from "../text/normalize.ts";
import type { ReceptionVisit, Visitor } from "./visit.ts";
import { numbered } from "../law/acts.ts";

export const REGISTER_TITLE = "SỔ TIẾP CÔNG DÂN";
export const REGISTER_FORM = `Mẫu số 03 ban hành kèm theo ${numbered("TT04")}`;

export type RegisterColumnKey =
  | "sequence"
  | "date"
  | "nameAddress"
  | "identity"
  | "content"
  | "classification"
  | "previousResolver"
  | "accepted"
  | "returnedGuided"
  | "transferred"
  | "followUp"
  | "notes";

export interface RegisterColumn {
  number: number;
  key: RegisterColumnKey;
  header: string;
  /** Header spanning several columns (columns 8–10). */
  group?: string;
  /** How the column is filled. */
  rule: string;
}

const HANDLING_GROUP = "Hướng xử lý";

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { number: 1, key: "sequence", header: "STT", rule: "Số thứ tự" },
  { number: 2, key: "date", header: "Ngày tiếp", rule: "Ngày tiếp công dân (dd/mm/yyyy)" },
  { number: 3, key: "nameAddress", header: "Họ và tên - Địa chỉ", rule: "Họ tên, địa chỉ của người đến" },
  {
    number: 4,
    key: "identity",
    header: "Số CCCD/Hộ chiếu",
    rule: "Số căn cước công dân hoặc hộ chiếu; nếu không có thì ghi thông tin giấy tờ tùy thân khác",
  },
  { number: 5, key: "content", header: "Nội dung vụ việc", rule: "Tóm tắt nội dung vụ việc" },
  {
    number: 6,
    key: "classification",
    header: "Phân loại đơn/Số người",
    rule: "Khiếu nại, tố cáo, kiến nghị hoặc phản ánh / số người cùng nội dung",
  },
  {
    number: 7,
    key: "previousResolver",
    header: "Cơ quan đã giải quyết",
    rule: "Tên cơ quan đã giải quyết hết thẩm quyền (nếu có)",
  },
  {
    number: 8,
    key: "accepted",
    header: "Thụ lý để giải quyết",
    group: HANDLING_GROUP,
    rule: 'Đánh dấu "x" nếu thuộc thẩm quyền',
  },
  {
    number: 9,
    key: "returnedGuided",
    header: "Trả lại đơn và hướng dẫn",
    group: HANDLING_GROUP,
    rule: "Cơ quan công dân được hướng dẫn đến; số văn bản hướng dẫn",
  },
  {
    number: 10,
    key: "transferred",
    header: "Chuyển đơn đến cơ quan, tổ chức, đơn vị có thẩm quyền",
    group: HANDLING_GROUP,
    rule: "Cơ quan có thẩm quyền nhận đơn; số văn bản chuyển đơn",
  },
  { number: 11, key: "followUp", header: "Theo dõi kết quả", rule: "Tiến độ, kết quả giải quyết" },
  { number: 12, key: "notes", header: "Ghi chú", rule: "" },
];

export type RegisterRow = { sequence: number } & Record<Exclude<RegisterColumnKey, "sequence">, string>;

export interface RegisterOptions {
  /**
   * Hide the name, address and papers of denouncers (Điều 9 khoản 1 Luật Tố cáo 2018: the denouncer's
   * name, address and handwriting are kept confidential). Default true; pass false only for a user
   * authorised on the case, and audit it.
   */
  maskDenouncerIdentity?: boolean;
  /** People named in column 3 before "và N người khác". Default 3. */
  maxNames?: number;
  /** "Đoàn đông người" threshold for the note in column 12. Default 5. */
  crowdThreshold?: number;
}

export const MASKED_DENOUNCER = "Người tố cáo (thông tin được giữ bí mật)";

function identityCell(doc: IdentityDocumentInput | null | undefined): string {
  if (!doc || !doc.number) return "";
  const number = doc.number.replace(/\s+/g, doc.kind === "other" ? " " : "").trim();
  switch (doc.kind) {
    case "cccd":
    case "passport_vn":
      return number;
    case "passport_foreign":
      return `Hộ chiếu nước ngoài: ${number}`;
    case "cmnd":
      return `CMND: ${number}`;
    case "other":
      return `${IDENTITY_DOCUMENT_KINDS.other}: ${number}`;
  }
}

/** The people named in column 3: the representatives of a group, otherwise those who came. */
function namedPeople(visit: ReceptionVisit): Array<Pick<Visitor, "fullName" | "address" | "identity">> {
  if (visit.representatives.length === 0) return [...visit.visitors];
  return visit.representatives.map((rep) => {
    const key = normalizeForMatch(rep.fullName);
    const id = rep.idNumber?.replace(/\s+/g, "");
    const match = visit.visitors.find(
      (v) => (id && v.identity?.number?.replace(/\s+/g, "") === id) || normalizeForMatch(v.fullName) === key,
    );
    return match ?? { fullName: rep.fullName, address: "", identity: null };
  });
}

/** Maps a visit to its row of the register. `sequence` is the running number in the register. */
export function toRegisterRow(visit: ReceptionVisit, sequence: number, options: RegisterOptions = {}): RegisterRow {
  const mask = (options.maskDenouncerIdentity ?? true) && visit.contentKind === "denunciation";
  const maxNames = options.maxNames ?? 3;
  const people = namedPeople(visit);
  const shown = people.slice(0, maxNames);
  const others = visit.peopleCount - shown.length;

  let nameAddress = shown.map((p) => [p.fullName.trim(), p.address.trim()].filter(Boolean).join(" - ")).join("; ");
  if (visit.representatives.length > 0) nameAddress = `${nameAddress} (đại diện)`;
  if (others > 0 && shown.length > 0) nameAddress = `${nameAddress} và ${others} người khác`;
  const identity = shown
    .map((p) => identityCell(p.identity))
    .filter(Boolean)
    .join("; ");

  const handling = visit.handling;
  const route = handling?.route;
  const target = handling?.targetBody?.trim() ?? "";
  const doc = handling?.documentNumber?.trim();
  const withDoc = (text: string): string => (doc ? `${text}; văn bản số ${doc}` : text);

  const notes: string[] = [];
  const threshold = options.crowdThreshold ?? DEFAULT_CROWD_THRESHOLD;
  if (visit.peopleCount >= threshold) notes.push(`Đoàn đông người (${visit.peopleCount} người)`);
  if (route === "refused" && handling?.refusal) {
    const notice = handling.refusal.refusalNotice;
    notes.push(
      `Từ chối tiếp công dân (khoản ${handling.refusal.reason} Điều 9 Luật Tiếp công dân)` +
        (notice ? `; Thông báo từ chối số ${notice.number} ngày ${formatVietnameseDate(notice.date)}` : ""),
    );
  }
  if (visit.notes?.trim()) notes.push(visit.notes.trim());

  return {
    sequence,
    date: formatVietnameseDate(visit.receivedOn),
    nameAddress: mask ? MASKED_DENOUNCER : nameAddress,
    identity: mask ? "" : identity,
    content: visit.contentSummary.trim(),
    classification: `${visit.contentKind ? PETITION_KINDS[visit.contentKind] : ""}/${visit.peopleCount}`,
    previousResolver: visit.previousResolver?.trim() ?? "",
    accepted: route === "accepted" ? "x" : "",
    returnedGuided: route === "returned_guided" ? withDoc(target ? `Hướng dẫn đến ${target}` : "Hướng dẫn") : "",
    transferred: route === "transferred" ? withDoc(target) : "",
    followUp: visit.followUp?.trim() ?? "",
    notes: notes.join(". "),
  };
}

/** The row as cells in column order, for a spreadsheet. */
export function registerCells(row: RegisterRow): Array<string | number> {
  return REGISTER_COLUMNS.map((c) => row[c.key]);
}
