/**
 * Reading the zip files the server sends (.docx, .xlsx) in tests: one small reader of the zip's
 * central directory, inflated with node:zlib, shared by the server tests and the browser tests.
 *
 * Not jszip, although it is installed: it is there only as a dependency of docx and exceljs, i.e.
 * it is the code that writes these files, and the identity probe trusts nothing of the code it
 * checks. It is also asynchronous, where every caller here reads synchronously.
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** The entry's bytes, inflated. */
  data: Buffer;
}

/** Every entry of a zip file (from its central directory), in the directory's order. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip file");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.push({ name, data: method === 0 ? data : inflateRawSync(data) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry of a zip file, inflated; throws if it is not there. */
export function zipEntry(zip: Buffer, name: string): Buffer {
  const entry = zipEntries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`${name} not in the zip`);
  return entry.data;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text of XML with its character references resolved (`&amp;`, `&#273;`, `&#x111;`). */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name[0] === "#"
      ? String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : (XML_ENTITIES[name] ?? whole),
  );
}

const HEADER = /^word\/header(\d+)\.xml$/;

/**
 * The text of a .docx, one line per non-empty paragraph: the page headers first (header1,
 * header2, …: the letterhead), then the document body.
 */
export function docxText(file: Buffer): string {
  const entries = zipEntries(file);
  const headers = entries
    .filter((e) => HEADER.test(e.name))
    .sort((a, b) => Number(HEADER.exec(a.name)![1]) - Number(HEADER.exec(b.name)![1]));
  const body = entries.find((e) => e.name === "word/document.xml");
  if (!body) throw new Error("word/document.xml not in the zip");
  return [...headers, body]
    .map((e) => e.data.toString("utf8"))
    .join("")
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .map(unescapeXml)
    .filter((line) => line.length > 0)
    .join("\n");
}
