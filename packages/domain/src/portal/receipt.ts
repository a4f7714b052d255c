/**
 * The receipt code (mã tra cứu) a citizen gets when filing on the portal: 16 digits, the last a
 * Luhn check digit over the first 15. The 15 digits are drawn at random by the server (about 50
 * bits), so a code cannot be guessed; the check digit lets a mistyped code (one wrong digit, two
 * neighbours swapped) be told apart from an unknown one without asking the database. It is shown
 * grouped by four ("1234 5678 9012 3452"); spaces, dots and dashes are accepted when typed.
 */

export const RECEIPT_CODE_LENGTH = 16;

/** The Luhn check digit of a string of digits (ISO/IEC 7812-1). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // From the right, every second digit starting with the rightmost is doubled.
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A code from 15 random digits: the digits and their check digit. */
export function receiptCodeFrom(body15: string): string {
  if (!/^[0-9]{15}$/.test(body15)) throw new Error("receiptCodeFrom: 15 digits expected");
  return body15 + String(luhnCheckDigit(body15));
}

export type ReceiptCodeCheck =
  { ok: true; code: string } | { ok: false; reason: "empty" | "characters" | "length" | "checksum"; message: string };

/** Reads a typed code: the 16 digits, or why the text cannot be a code (Vietnamese message). */
export function parseReceiptCode(input: string): ReceiptCodeCheck {
  const text = input.trim();
  if (!text) return { ok: false, reason: "empty", message: "Nhập mã tra cứu (16 chữ số) in trên phiếu tiếp nhận." };
  const digits = text.replace(/[\s.-]/g, "");
  if (!/^[0-9]*$/.test(digits))
    return { ok: false, reason: "characters", message: "Mã tra cứu chỉ gồm chữ số (có thể cách nhau bằng dấu cách)." };
  if (digits.length !== RECEIPT_CODE_LENGTH)
    return {
      ok: false,
      reason: "length",
      message: `Mã tra cứu gồm đúng ${RECEIPT_CODE_LENGTH} chữ số; mã vừa nhập có ${digits.length} chữ số.`,
    };
  const body = digits.slice(0, RECEIPT_CODE_LENGTH - 1);
  if (luhnCheckDigit(body) !== Number(digits[RECEIPT_CODE_LENGTH - 1]))
    return {
      ok: false,
      reason: "checksum",
      message: "Mã tra cứu không đúng: có thể gõ nhầm một chữ số. Kiểm tra lại phiếu tiếp nhận.",
    };
  return { ok: true, code: digits };
}

/** "1234567890123452" → "1234 5678 9012 3452". */
export function formatReceiptCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, "$1 ");
}
