/**
 * The proof of work that holds back automated filing without a third-party captcha: the server
 * issues a signed, expiring challenge; the browser finds a nonce such that
 * SHA-256(challenge + ":" + nonce) begins with `bits` zero bits, which costs it about 2^bits
 * hashes (a second or two on a cheap phone at 18 bits) and costs the server one hash to check.
 *
 * A challenge is "v1.<id>.<bits>.<expires ms>.<signature>"; the signature (HMAC by the server)
 * covers everything before it, so neither the difficulty nor the expiry can be lowered.
 */

export const POW_DEFAULT_BITS = 18;

/**
 * What a challenge was issued for. The server's signature covers the purpose too, so a challenge
 * solved for one form does not pass another's check: each form keeps its own single-use list
 * (a filing's in portal_submission, a comment's in consultation_comment), and without the binding
 * one solved challenge could file a petition and also post a comment.
 */
export const POW_PURPOSES = ["filing", "message", "comment", "survey"] as const;
export type PowPurpose = (typeof POW_PURPOSES)[number];

/** The text the server signs for a challenge of a purpose (the challenge's text stays the same). */
export function powSignedText(purpose: PowPurpose, signed: string): string {
  return `${purpose}|${signed}`;
}
/** How long a challenge may be used: the time to write a letter. */
export const POW_LIFETIME_MS = 3 * 60 * 60 * 1000;

export interface PowChallenge {
  id: string;
  bits: number;
  expiresAt: number;
  /** What the signature covers. */
  signed: string;
  signature: string;
}

export function parsePowChallenge(text: string): PowChallenge | null {
  const parts = text.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") return null;
  const [, id, bitsText, expiresText, signature] = parts as [string, string, string, string, string];
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(id) || !/^[0-9]{1,2}$/.test(bitsText) || !/^[0-9]{1,15}$/.test(expiresText))
    return null;
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(signature)) return null;
  return {
    id,
    bits: Number(bitsText),
    expiresAt: Number(expiresText),
    signed: parts.slice(0, 4).join("."),
    signature,
  };
}

/** How many zero bits a hash begins with. */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The text hashed for a nonce. */
export function powInput(challenge: string, nonce: string): string {
  return `${challenge}:${nonce}`;
}

export type PowVerdict = "ok" | "missing" | "malformed" | "expired" | "too_easy" | "wrong";

export const POW_MESSAGES: Readonly<Record<Exclude<PowVerdict, "ok">, string>> = {
  missing:
    "Chưa hoàn tất bước chống gửi tự động: trang cần JavaScript để tính một phép thử nhỏ. Bật JavaScript rồi gửi lại, hoặc gửi đơn qua bưu điện, đến trực tiếp nơi tiếp công dân.",
  malformed: "Phép thử chống gửi tự động không hợp lệ. Tải lại trang rồi gửi lại.",
  expired: "Phép thử chống gửi tự động đã hết hạn. Tải lại trang rồi gửi lại (nội dung đã nhập cần nhập lại).",
  too_easy: "Phép thử chống gửi tự động không hợp lệ. Tải lại trang rồi gửi lại.",
  wrong: "Kết quả phép thử chống gửi tự động không đúng. Tải lại trang rồi gửi lại.",
};

/**
 * The check of a solved challenge, given the server's own answers: whether the signature is its
 * own, and the nonce's hash. Pure, so the rule is tested without a clock or a key.
 */
export function judgePow(input: {
  challenge: PowChallenge | null;
  nonce: string;
  signatureValid: boolean;
  now: number;
  minBits: number;
  hash: Uint8Array | null;
}): PowVerdict {
  const { challenge, nonce } = input;
  if (!challenge) return "malformed";
  if (!input.signatureValid) return "malformed";
  if (challenge.bits < input.minBits) return "too_easy";
  if (input.now > challenge.expiresAt) return "expired";
  if (!/^[0-9]{1,12}$/.test(nonce) || !input.hash) return "wrong";
  return leadingZeroBits(input.hash) >= challenge.bits ? "ok" : "wrong";
}
