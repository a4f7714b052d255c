/**
 * Vietnamese tax codes (mã số thuế) of organisations: 10 digits, the 10th a check digit over the
 * first nine; a dependent unit (branch, representative office) adds a 3-digit suffix, written
 * "0100109106-001" (13 digits). Structure: Thông tư 105/2020/TT-BTC, Điều 5 [P — article recalled].
 *
 * Check digit [P — the weights are not in the circular's text that was read; they are the published
 * algorithm and agree with real codes, e.g. 0100109106, 0300588569]:
 *   s = 31·d1 + 29·d2 + 23·d3 + 19·d4 + 17·d5 + 13·d6 + 7·d7 + 5·d8 + 3·d9
 *   d10 = 10 − (s mod 11); a result of 10 (s mod 11 = 0) is never issued.
 * Since 01/07/2025 individuals and household businesses use their 12-digit personal identification
 * number as tax code (Thông tư 86/2024/TT-BTC [P]); that is an identity number, not checked here.
 */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export type TaxCodeCheck =
  | { ok: true; taxCode: string; base: string; branch: string | null }
  | { ok: false; code: "TAX_CODE_FORMAT" | "TAX_CODE_CHECK_DIGIT" | "TAX_CODE_BRANCH"; message: string };

/** The check digit of a 9-digit prefix, or undefined when none is possible. */
export function taxCodeCheckDigit(first9: string): number | undefined {
  if (!/^\d{9}$/.test(first9)) return undefined;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (first9.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  const digit = 10 - (sum % 11);
  return digit === 10 ? undefined : digit;
}

/** Accepts "0100109106", "0100109106-001" or "0100109106001"; returns the code as "0100109106[-001]". */
export function validateTaxCode(value: string): TaxCodeCheck {
  const compact = value.replace(/\s+/g, "");
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact);
  if (!match) {
    return {
      ok: false,
      code: "TAX_CODE_FORMAT",
      message: "Mã số thuế gồm 10 chữ số, hoặc 13 chữ số đối với đơn vị phụ thuộc (dạng 0100109106-001).",
    };
  }
  const base = match[1] as string;
  const branch = match[2] ?? null;
  const expected = taxCodeCheckDigit(base.slice(0, 9));
  if (expected === undefined || expected !== base.charCodeAt(9) - 48) {
    return {
      ok: false,
      code: "TAX_CODE_CHECK_DIGIT",
      message: `Mã số thuế ${base} sai chữ số kiểm tra (chữ số thứ 10); kiểm tra lại từng chữ số.`,
    };
  }
  if (branch === "000") {
    return { ok: false, code: "TAX_CODE_BRANCH", message: "Ba chữ số của đơn vị phụ thuộc phải từ 001 đến 999." };
  }
  return { ok: true, taxCode: branch ? `${base}-${branch}` : base, base, branch };
}
