/**
 * Money in whole đồng (integers, never fractions of a đồng), shown as reports write
 * it: "46.237 triệu đồng" (millions, "." thousands separator, "," decimals when not whole).
 */

/** The largest amount kept exact by a JavaScript number (and far above any budget). */
export const MAX_DONG = Number.MAX_SAFE_INTEGER;

/** True for a whole, non-negative number of đồng that stays exact. */
export function isDong(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** "46.237.000.000 đồng". */
export function formatDong(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  return `${sign}${groupThousands(String(Math.abs(Math.trunc(amount))))} đồng`;
}

/**
 * "46.237 triệu đồng": millions, with up to `decimals` decimals when the amount is not a whole
 * number of millions ("1,5 triệu đồng"), computed on integers (no floating-point rounding).
 */
export function formatMillions(amount: number, decimals = 3): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(amount));
  const whole = Math.floor(abs / 1_000_000);
  const rest = abs % 1_000_000;
  let text = groupThousands(String(whole));
  if (rest && decimals > 0) {
    const scale = 10 ** (6 - decimals);
    const frac = Math.round(rest / scale);
    if (frac === 10 ** decimals) text = groupThousands(String(whole + 1));
    else if (frac > 0) text += "," + String(frac).padStart(decimals, "0").replace(/0+$/, "");
  }
  return `${sign}${text} triệu đồng`;
}

/** An area in m² ("1.250,5 m²"). */
export function formatArea(m2: number): string {
  const [int, frac] = m2.toFixed(2).split(".") as [string, string];
  const f = frac.replace(/0+$/, "");
  return `${groupThousands(int)}${f ? "," + f : ""} m²`;
}

/** Sum of đồng amounts, refusing to lose precision. */
export function sumDong(amounts: Iterable<number>): number {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError("Tổng số tiền vượt quá giới hạn tính chính xác.");
  }
  return total;
}
