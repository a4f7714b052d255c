/** Password hashing with argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane). */
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Verifies against a throw-away hash so that "no such user" takes as long as "wrong password"
 * and the answer time does not reveal which accounts exist.
 */
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword("không-có-tài-khoản-này-" + Math.random());
  await verifyPassword(await dummy, password);
}
