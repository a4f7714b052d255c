import { taxCodeCheckDigit } from "@minhbach/domain";

/** A valid 10-digit tax code from a 9-digit prefix (the next prefix with a possible check digit). */
export function taxCode(first9: string): string {
  for (let bump = 0; bump < 20; bump++) {
    const p = String(Number(first9) + bump).padStart(9, "0");
    const d = taxCodeCheckDigit(p);
    if (d !== undefined) return `${p}${d}`;
  }
  throw new Error("no check digit");
}
