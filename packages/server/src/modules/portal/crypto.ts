/**
 * The portal's secrets: receipt codes (drawn at random, stored only as a keyed hash) and the
 * proof-of-work challenges (signed, expiring). Both keys derive from the key ring's index key,
 * which never changes with a key rotation (platform/vault.ts), so codes and challenges survive one.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import {
  judgePow,
  parsePowChallenge,
  POW_LIFETIME_MS,
  powInput,
  powSignedText,
  receiptCodeFrom,
  type PowPurpose,
  type PowVerdict,
} from "@minhbach/domain/portal/index";
import { keyRing } from "../../platform/vault.ts";

/** A new receipt code: 15 digits from the system's CSPRNG and the Luhn check digit. */
export function newReceiptCode(): string {
  let body = "";
  for (let i = 0; i < 15; i++) body += String(randomInt(10));
  return receiptCodeFrom(body);
}

/** What is stored of a code: an HMAC under the index key, so the table alone does not answer guesses. */
export function receiptHash(code: string): string {
  return keyRing().blind(`portal-receipt:${code}`);
}

function powKey(): string {
  return keyRing().blind("portal-pow-key");
}

function sign(text: string): string {
  return createHmac("sha256", powKey()).update(text, "utf8").digest("base64url");
}

/**
 * A fresh challenge of `bits` difficulty for one purpose (the signature covers it), valid
 * POW_LIFETIME_MS from now.
 */
export function issueChallenge(bits: number, purpose: PowPurpose, now = Date.now()): string {
  const id = randomBytes(16).toString("base64url");
  const signed = `v1.${id}.${bits}.${now + POW_LIFETIME_MS}`;
  return `${signed}.${sign(powSignedText(purpose, signed))}`;
}

export interface PowCheck {
  verdict: PowVerdict;
  /** The challenge's id, unique per filing (portal_submission.pow_id). */
  id: string | null;
}

/** Checks a solved challenge for a purpose: one issued for another purpose is refused as not ours. */
export function checkPow(
  challengeText: string,
  nonce: string,
  minBits: number,
  purpose: PowPurpose,
  now = Date.now(),
): PowCheck {
  if (!challengeText) return { verdict: "missing", id: null };
  const challenge = parsePowChallenge(challengeText);
  let signatureValid = false;
  if (challenge) {
    const expected = Buffer.from(sign(powSignedText(purpose, challenge.signed)));
    const given = Buffer.from(challenge.signature);
    signatureValid = expected.length === given.length && timingSafeEqual(expected, given);
  }
  if (challenge && signatureValid && !nonce) return { verdict: "missing", id: null };
  const hash = challenge ? createHash("sha256").update(powInput(challengeText, nonce), "utf8").digest() : null;
  const verdict = judgePow({ challenge, nonce, signatureValid, now, minBits, hash });
  return { verdict, id: challenge?.id ?? null };
}

/** Solves a challenge (tests and tools): the first nonce whose hash has enough zero bits. */
export function solveChallenge(challengeText: string): string {
  const challenge = parsePowChallenge(challengeText);
  if (!challenge) throw new Error("not a challenge");
  for (let n = 0; ; n++) {
    const hash = createHash("sha256")
      .update(powInput(challengeText, String(n)), "utf8")
      .digest();
    let bits = 0;
    for (const byte of hash) {
      if (byte === 0) {
        bits += 8;
        continue;
      }
      bits += Math.clz32(byte) - 24;
      break;
    }
    if (bits >= challenge.bits) return String(n);
  }
}
