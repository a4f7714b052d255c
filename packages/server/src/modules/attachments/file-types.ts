/**
 * What an uploaded file really is, read from its bytes. The client's MIME type and the name's
 * extension are not trusted: the content decides the kind, and the extension must then agree with
 * it (a plain-text file named `.bat` or an HTML page named `.pdf` is refused). Anything not on the
 * allow-list is refused, so a browser can never be handed a page or a script from our origin.
 */
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { DomainError } from "@minhbach/domain";

export interface FileKind {
  code: string;
  /** How the kind is named to officers. */
  label: string;
  mime: string;
  extensions: readonly string[];
}

const KINDS = {
  pdf: { code: "pdf", label: "PDF", mime: "application/pdf", extensions: ["pdf"] },
  jpeg: { code: "jpeg", label: "ảnh JPEG", mime: "image/jpeg", extensions: ["jpg", "jpeg", "jpe", "jfif"] },
  png: { code: "png", label: "ảnh PNG", mime: "image/png", extensions: ["png"] },
  tiff: { code: "tiff", label: "ảnh TIFF", mime: "image/tiff", extensions: ["tif", "tiff"] },
  docx: {
    code: "docx",
    label: "Word (.docx)",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  xlsx: {
    code: "xlsx",
    label: "Excel (.xlsx)",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
  },
  doc: { code: "doc", label: "Word (.doc)", mime: "application/msword", extensions: ["doc"] },
  xls: { code: "xls", label: "Excel (.xls)", mime: "application/vnd.ms-excel", extensions: ["xls"] },
  text: { code: "text", label: "văn bản thuần", mime: "text/plain", extensions: ["txt"] },
  mp3: { code: "mp3", label: "âm thanh MP3", mime: "audio/mpeg", extensions: ["mp3"] },
  m4a: { code: "m4a", label: "âm thanh M4A", mime: "audio/mp4", extensions: ["m4a"] },
  mp4: { code: "mp4", label: "video MP4", mime: "video/mp4", extensions: ["mp4", "m4v"] },
} as const satisfies Record<string, FileKind>;

export const ACCEPTED_KINDS: readonly FileKind[] = Object.values(KINDS);

/** For the file picker: the extensions the server accepts. */
export const ACCEPTED_EXTENSIONS = ACCEPTED_KINDS.flatMap((k) => k.extensions.map((e) => `.${e}`));

const ACCEPTED_TEXT =
  "PDF, ảnh JPEG/PNG/TIFF, Word (.doc, .docx), Excel (.xls, .xlsx), văn bản thuần (.txt), âm thanh MP3/M4A, video MP4";

/** How many leading bytes decide the family of a file. */
const HEAD_BYTES = 4096;

type Family = "pdf" | "jpeg" | "png" | "tiff" | "zip" | "ole" | "mp3" | "isobmff" | "text";

function startsWith(head: Buffer, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  return bytes.every((b, i) => head[at + i] === b);
}

// ISO base media brands of plain MP4/M4A (not QuickTime, HEIF or AVIF, which are refused).
const AUDIO_BRANDS = new Set(["M4A ", "M4B "]);
const VIDEO_BRANDS = new Set(["isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "MSNV", "dash"]);

/** Lower-case markup openings that no allowed plain-text file starts with. */
const MARKUP = /<(!doctype|html|head|body|script|iframe|svg|\?xml|object|embed|meta|style|a\s|img|div|!--)/i;

function isMarkup(head: Buffer): boolean {
  const text = head.subarray(0, 1024).toString("latin1");
  const first = text.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "").trimStart();
  return first.startsWith("<") || MARKUP.test(text);
}

/** The family of a file from its first bytes, or null when nothing on the list starts that way. */
function familyOf(head: Buffer): Family | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (startsWith(head, [0x49, 0x44, 0x33])) return "mp3"; // ID3 tag
  // An MPEG audio frame header of layer III: 11 sync bits, then layer bits 01.
  if (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && ((head[1]! >> 1) & 0x03) === 0x01)
    return "mp3";
  if (startsWith(head, [0x66, 0x74, 0x79, 0x70], 4)) return "isobmff"; // ....ftyp
  return null;
}

/** Patterns looked for anywhere in the stream: entry names of an OOXML package, OLE stream names. */
const MARKERS = {
  contentTypes: Buffer.from("[Content_Types].xml", "latin1"),
  wordDocument: Buffer.from("word/document.xml", "latin1"),
  workbook: Buffer.from("xl/workbook.xml", "latin1"),
  oleWord: Buffer.from("WordDocument", "utf16le"),
  oleWorkbook: Buffer.from("Workbook", "utf16le"),
  oleBook: Buffer.from("Book\u0000", "utf16le"),
} as const;
type Marker = keyof typeof MARKERS;
const LONGEST_MARKER = Math.max(...Object.values(MARKERS).map((m) => m.length));

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

function kindOf(family: Family, head: Buffer, markers: Set<Marker>): FileKind | null {
  switch (family) {
    case "pdf":
    case "jpeg":
    case "png":
    case "tiff":
    case "mp3":
    case "text":
      return KINDS[family];
    case "zip":
      if (!markers.has("contentTypes")) return null;
      if (markers.has("wordDocument")) return KINDS.docx;
      if (markers.has("workbook")) return KINDS.xlsx;
      return null;
    case "ole":
      if (markers.has("oleWord")) return KINDS.doc;
      if (markers.has("oleWorkbook") || markers.has("oleBook")) return KINDS.xls;
      return null;
    case "isobmff": {
      const brand = head.subarray(8, 12).toString("latin1");
      if (AUDIO_BRANDS.has(brand)) return KINDS.m4a;
      if (VIDEO_BRANDS.has(brand)) return KINDS.mp4;
      return null;
    }
  }
}

/** Bytes that never occur in a text file (C0 controls other than tab, newlines, form feed, ESC, ^Z). */
const NOT_TEXT = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) NOT_TEXT[b] = 1;
for (const b of [0x09, 0x0a, 0x0c, 0x0d, 0x1a, 0x1b]) NOT_TEXT[b] = 0;
NOT_TEXT[0x7f] = 1;

function hasBinaryBytes(chunk: Buffer): boolean {
  for (let i = 0; i < chunk.length; i++) if (NOT_TEXT[chunk[i]!]) return true;
  return false;
}

/** "20 MB", "1,5 MB" — the limit as officers read it. */
export function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace(".", ",")} MB`;
}

export function tooLarge(fileName: string, maxBytes: number): DomainError {
  return new DomainError(
    "BODY_TOO_LARGE",
    `Tệp "${fileName}" vượt quá dung lượng cho phép (${formatLimit(maxBytes)}).`,
    "files",
  );
}

export function notAccepted(fileName: string): DomainError {
  return new DomainError(
    "UNSUPPORTED_MEDIA_TYPE",
    `Tệp "${fileName}" không thuộc loại được chấp nhận. Chỉ nhận: ${ACCEPTED_TEXT}.`,
    "files",
  );
}

function wrongExtension(fileName: string, kind: FileKind): DomainError {
  return new DomainError(
    "UNSUPPORTED_MEDIA_TYPE",
    `Tệp "${fileName}" có phần mở rộng không khớp với nội dung (nội dung là ${kind.label}, phần mở rộng phải là ${kind.extensions.map((e) => `.${e}`).join(", ")}).`,
    "files",
  );
}

export function emptyFile(fileName: string): DomainError {
  return new DomainError("VALIDATION_FAILED", `Tệp "${fileName}" không có nội dung.`, "files");
}

export interface Inspection {
  size: number;
  sha256: string;
  kind: FileKind;
}

/**
 * Passes a file through unchanged while counting, hashing and recognising it. As soon as the
 * file is too large or cannot be an accepted kind it stops passing bytes on, and at the end it
 * fails the stream (so the storage never completes the file) with the reason: too large, not an
 * accepted kind, empty, or a name whose extension disagrees with the content.
 */
export class FileInspector extends Transform {
  private size = 0;
  private readonly hash = createHash("sha256");
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private head: Buffer | null = null;
  private family: Family | null | undefined = undefined;
  private readonly markers = new Set<Marker>();
  private carry = Buffer.alloc(0);
  private binary = false;
  private outcome: Inspection | null = null;
  private refusal: DomainError | null = null;

  constructor(
    private readonly fileName: string,
    private readonly maxBytes: number,
  ) {
    super();
  }

  get result(): Inspection {
    if (!this.outcome) throw new Error("inspection not finished");
    return this.outcome;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    // After a refusal the rest of the file is read and dropped: the request must still be read to
    // its end for the client to receive the answer, but nothing more reaches the storage.
    if (this.refusal) return callback();
    this.size += chunk.length;
    if (this.size > this.maxBytes) return this.refuse(tooLarge(this.fileName, this.maxBytes), callback);
    this.hash.update(chunk);
    if (this.head === null) {
      this.headChunks.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= HEAD_BYTES) {
        this.decideFamily(Buffer.concat(this.headChunks).subarray(0, HEAD_BYTES));
        if (this.family === null) return this.refuse(notAccepted(this.fileName), callback);
      }
    }
    if (this.family === undefined || this.family === "zip" || this.family === "ole") this.scanMarkers(chunk);
    if ((this.family === undefined || this.family === "text") && !this.binary && hasBinaryBytes(chunk)) {
      this.binary = true;
      if (this.family === "text") return this.refuse(notAccepted(this.fileName), callback);
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.refusal) return callback(this.refusal);
    if (this.size === 0) return callback(emptyFile(this.fileName));
    if (this.head === null) this.decideFamily(Buffer.concat(this.headChunks));
    if (this.family === "text" && this.binary) this.family = null;
    const kind = this.family ? kindOf(this.family, this.head!, this.markers) : null;
    if (!kind) return callback(notAccepted(this.fileName));
    if (!kind.extensions.includes(extensionOf(this.fileName))) return callback(wrongExtension(this.fileName, kind));
    this.outcome = { size: this.size, sha256: this.hash.digest("hex"), kind };
    callback();
  }

  private refuse(error: DomainError, callback: TransformCallback): void {
    this.refusal = error;
    this.headChunks.length = 0;
    callback();
  }

  private decideFamily(head: Buffer): void {
    this.head = head;
    this.headChunks.length = 0;
    const family = familyOf(head);
    if (family) this.family = family;
    // No magic number: only plain text is left, and never markup (HTML, SVG, XML).
    else if (!this.binary && !hasBinaryBytes(head) && !isMarkup(head)) this.family = "text";
    else this.family = null;
  }

  private scanMarkers(chunk: Buffer): void {
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    for (const [name, bytes] of Object.entries(MARKERS) as [Marker, Buffer][]) {
      if (!this.markers.has(name) && data.includes(bytes)) this.markers.add(name);
    }
    this.carry = Buffer.from(data.subarray(Math.max(0, data.length - (LONGEST_MARKER - 1))));
  }
}
