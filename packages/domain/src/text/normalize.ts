/**
 * Vietnamese text normalisation for matching: "Nguyễn Văn A, Xã X" and "nguyen van a , xa x"
 * must compare equal. The database does the same with f_unaccent(); this is the copy the
 * application uses before a value reaches SQL.
 */
export function unaccent(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/** Lower-case, accent-free, punctuation folded to single spaces. */
export function normalizeForMatch(value: string): string {
  return unaccent(value)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Sort Vietnamese strings in dictionary order (PGlite has no Vietnamese collation). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
