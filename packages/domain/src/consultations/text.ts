/**
 * A draft regulation's text cut into passages a citizen can comment on. Each passage gets an
 * anchor built from the draft's own numbering (Điều 5, khoản 2 → "dieu-5-khoan-2"), not from its
 * position in the file, so a comment made on version 1 still points to the same article in
 * version 2 when only another article changed.
 */

export interface Passage {
  /** Stable within the draft: "mo-dau-1", "chuong-2", "dieu-5", "dieu-5-khoan-2", "dieu-5-doan-3". */
  anchor: string;
  /** What a reader calls it: "Điều 5, khoản 2". */
  label: string;
  kind: "preamble" | "chapter" | "article" | "clause" | "point" | "paragraph";
  text: string;
}

const CHAPTER = /^(Chương|CHƯƠNG)\s+([IVXLCDM]+|\d+)\b/u;
const ARTICLE = /^Điều\s+(\d+[a-z]?)\s*[.:]/u;
const CLAUSE = /^(\d+)\s*[.)]\s+/u;
const POINT = /^([a-zđ])\)\s+/u;

/**
 * Cuts a draft into passages, one per non-empty line (paragraph). A line "Chương II…" starts a
 * chapter, "Điều 5. …" an article, "2. …" inside an article a clause, "a) …" inside a clause a
 * point (điểm); any other line is a
 * paragraph of what precedes it. An anchor met twice (a numbering slip in the draft) gets a
 * suffix, so every anchor of a version is unique.
 */
export function passagesOf(body: string): Passage[] {
  const out: Passage[] = [];
  const seen = new Map<string, number>();
  let article: string | null = null;
  let chapter: string | null = null;
  let clause: string | null = null;
  let preamble = 0;
  let paragraphInArticle = 0;
  let paragraphInChapter = 0;
  const add = (anchor: string, label: string, kind: Passage["kind"], text: string) => {
    const n = (seen.get(anchor) ?? 0) + 1;
    seen.set(anchor, n);
    out.push({ anchor: n === 1 ? anchor : `${anchor}-${n}`, label: n === 1 ? label : `${label} (${n})`, kind, text });
  };
  for (const raw of body.replace(/\r\n?/g, "\n").split("\n")) {
    const text = raw.trim();
    if (!text) continue;
    const ch = CHAPTER.exec(text);
    const ar = ARTICLE.exec(text);
    const cl = article ? CLAUSE.exec(text) : null;
    const pt = article && clause ? POINT.exec(text) : null;
    if (ch) {
      chapter = ch[2]!;
      article = null;
      clause = null;
      paragraphInChapter = 0;
      add(`chuong-${chapter.toLowerCase()}`, `Chương ${chapter}`, "chapter", text);
    } else if (ar) {
      article = ar[1]!;
      clause = null;
      paragraphInArticle = 0;
      add(`dieu-${article}`, `Điều ${article}`, "article", text);
    } else if (pt && article && clause) {
      add(
        `dieu-${article}-khoan-${clause}-diem-${pt[1]!}`,
        `Điều ${article}, khoản ${clause}, điểm ${pt[1]!}`,
        "point",
        text,
      );
    } else if (cl && article) {
      clause = cl[1]!;
      paragraphInArticle = 0;
      add(`dieu-${article}-khoan-${clause}`, `Điều ${article}, khoản ${clause}`, "clause", text);
    } else if (article) {
      paragraphInArticle++;
      const where = clause ? `-khoan-${clause}` : "";
      const whereLabel = clause ? `, khoản ${clause}` : "";
      add(
        `dieu-${article}${where}-doan-${paragraphInArticle}`,
        `Điều ${article}${whereLabel}, đoạn ${paragraphInArticle}`,
        "paragraph",
        text,
      );
    } else if (chapter) {
      paragraphInChapter++;
      add(
        `chuong-${chapter.toLowerCase()}-doan-${paragraphInChapter}`,
        `Chương ${chapter}, đoạn ${paragraphInChapter}`,
        "paragraph",
        text,
      );
    } else {
      preamble++;
      add(`mo-dau-${preamble}`, `Phần mở đầu, đoạn ${preamble}`, "preamble", text);
    }
  }
  return out;
}

/** How a passage changed between two versions of a draft. */
export interface PassageChange {
  anchor: string;
  label: string;
  change: "same" | "changed" | "added" | "removed";
  /** The older version's text (null when added). */
  before: string | null;
  /** The newer version's text (null when removed). */
  after: string | null;
}

/**
 * Compares two versions passage by passage, matched by their anchors (the draft's own numbering:
 * "Điều 3, khoản 2" of version 1 is "Điều 3, khoản 2" of version 2), in the newer version's order,
 * a removed passage placed where it stood in the older one. Renumbered articles show as removed
 * and added: the anchors follow the numbering, as the comments do.
 */
export function comparePassages(older: readonly Passage[], newer: readonly Passage[]): PassageChange[] {
  const inNewer = new Set(newer.map((p) => p.anchor));
  const olderAt = new Map(older.map((p, i) => [p.anchor, i]));
  const out: PassageChange[] = [];
  let i = 0;
  const removedUpTo = (end: number) => {
    for (; i < end; i++) {
      const p = older[i]!;
      if (!inNewer.has(p.anchor))
        out.push({ anchor: p.anchor, label: p.label, change: "removed", before: p.text, after: null });
    }
  };
  for (const p of newer) {
    const at = olderAt.get(p.anchor);
    if (at === undefined) {
      out.push({ anchor: p.anchor, label: p.label, change: "added", before: null, after: p.text });
      continue;
    }
    removedUpTo(at);
    i = Math.max(i, at + 1);
    const before = older[at]!.text;
    out.push({
      anchor: p.anchor,
      label: p.label,
      change: before === p.text ? "same" : "changed",
      before,
      after: p.text,
    });
  }
  removedUpTo(older.length);
  return out;
}
