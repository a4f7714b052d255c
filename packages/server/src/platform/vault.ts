/**
 * The key ring that protects denouncers' identities (Điều 9 khoản 1, Điều 47 Luật Tố cáo 2018:
 * the name, address, handwriting and other personal data of a denouncer are kept secret).
 *
 * - Identity data is sealed with AES-256-GCM under the ring's primary key. The sealed text names
 *   the key that sealed it, so old keys keep opening old rows after a rotation until `minhbach
 *   keys reseal` has moved every row to the new primary.
 * - The keys never live in the database: they come from MINHBACH_KEYS (JSON) or from a key file
 *   (MINHBACH_KEY_FILE, default `<DATA_DIR>/keys/identity-keys.json`, created 0600 on first start).
 *   A copy of the database alone reveals no identity; losing the key file loses them, so it is
 *   backed up separately (README).
 * - Duplicate detection still has to find "the same person" across letters: it compares keyed
 *   hashes (HMAC-SHA-256 under a separate index key), never the names themselves.
 * - Every sealed value is bound to its row by associated data (the row's id), so a sealed text
 *   copied onto another row does not open.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { VaultErrorCode } from "@minhbach/domain";
import { z } from "zod";

const KEY_BYTES = 32;
const IV_BYTES = 12;
const VERSION = "v1";

const keyText = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .refine((s) => Buffer.from(s, "base64").length === KEY_BYTES, { error: "mỗi khóa phải dài 32 byte (base64)" });

export const keyRingFile = z.strictObject({
  primary: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  keys: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), keyText),
  index: keyText,
});
export type KeyRingFile = z.infer<typeof keyRingFile>;

/** The message is for the log (it names keys and files); clients get the catalogue's code only. */
export class VaultError extends Error {
  readonly code: VaultErrorCode = "KEYS_UNAVAILABLE";
  constructor(message: string) {
    super(message);
    this.name = "VaultError";
  }
}

export class KeyRing {
  readonly primaryId: string;
  private readonly keys: Map<string, Buffer>;
  private readonly indexKey: Buffer;

  constructor(file: KeyRingFile) {
    const parsed = keyRingFile.safeParse(file);
    if (!parsed.success) throw new VaultError(`Tệp khóa không hợp lệ: ${parsed.error.issues[0]?.message}`);
    if (!parsed.data.keys[parsed.data.primary])
      throw new VaultError(`Tệp khóa không hợp lệ: không có khóa chính "${parsed.data.primary}".`);
    this.primaryId = parsed.data.primary;
    this.keys = new Map(Object.entries(parsed.data.keys).map(([id, k]) => [id, Buffer.from(k, "base64")]));
    this.indexKey = Buffer.from(parsed.data.index, "base64");
  }

  static generate(id = keyId()): KeyRing {
    return new KeyRing(newKeyRingFile(id));
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** Seals a text under the primary key, bound to `context` (the row's id). */
  seal(plaintext: string, context: string): string {
    const key = this.keys.get(this.primaryId)!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      VERSION,
      this.primaryId,
      iv.toString("base64url"),
      tag.toString("base64url"),
      body.toString("base64url"),
    ].join(".");
  }

  open(sealed: string, context: string): string {
    const [version, id, iv, tag, body] = sealed.split(".");
    if (version !== VERSION || !id || iv === undefined || tag === undefined || body === undefined)
      throw new VaultError("Dữ liệu mã hóa không đúng định dạng.");
    const key = this.keys.get(id);
    if (!key) throw new VaultError(`Không có khóa "${id}" để giải mã dữ liệu; kiểm tra tệp khóa.`);
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      throw new VaultError("Không giải mã được dữ liệu (sai khóa hoặc dữ liệu đã bị sửa).");
    }
  }

  /** The id of the key a sealed text was sealed with. */
  static keyOf(sealed: string): string | null {
    return sealed.split(".")[1] ?? null;
  }

  /** A keyed hash for equality lookups (duplicate detection) that reveals nothing without the index key. */
  blind(value: string): string {
    return `h:${createHmac("sha256", this.indexKey).update(value, "utf8").digest("base64url").slice(0, 27)}`;
  }

  /** Raw key bytes for streaming encryption (attachments): the primary, or a named one. */
  rawKey(id: string = this.primaryId): { keyId: string; key: Buffer } {
    const key = this.keys.get(id);
    if (!key) throw new VaultError(`Không có khóa "${id}" để giải mã dữ liệu; kiểm tra tệp khóa.`);
    return { keyId: id, key };
  }

  /** Same ring plus a new primary key (the old ones stay, to open what they sealed). */
  rotated(id = keyId()): KeyRing {
    const file = this.toFile();
    if (file.keys[id]) throw new VaultError(`Khóa "${id}" đã có.`);
    return new KeyRing({
      ...file,
      primary: id,
      keys: { ...file.keys, [id]: randomBytes(KEY_BYTES).toString("base64") },
    });
  }

  /** Same ring without a retired key. */
  without(id: string): KeyRing {
    if (id === this.primaryId) throw new VaultError("Không thể bỏ khóa chính đang dùng.");
    const file = this.toFile();
    if (!file.keys[id]) throw new VaultError(`Không có khóa "${id}".`);
    const keys = { ...file.keys };
    delete keys[id];
    return new KeyRing({ ...file, keys });
  }

  toFile(): KeyRingFile {
    return {
      primary: this.primaryId,
      keys: Object.fromEntries([...this.keys].map(([id, k]) => [id, k.toString("base64")])),
      index: this.indexKey.toString("base64"),
    };
  }

  /** Constant-time check that two rings share the index key (a reseal must not change it silently). */
  sameIndex(other: KeyRing): boolean {
    return timingSafeEqual(this.indexKey, other.indexKey);
  }
}

function keyId(): string {
  const d = new Date();
  return `k${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(d.getUTCDate()).padStart(2, "0")}-${randomBytes(3).toString("hex")}`;
}

function newKeyRingFile(id: string): KeyRingFile {
  return {
    primary: id,
    keys: { [id]: randomBytes(KEY_BYTES).toString("base64") },
    index: randomBytes(KEY_BYTES).toString("base64"),
  };
}

export interface KeySource {
  /** JSON of the key ring, from MINHBACH_KEYS. */
  json?: string | undefined;
  /** Path of the key file. */
  file: string;
  /** Create the file when it does not exist (first start). */
  create: boolean;
}

export interface LoadedKeyRing {
  ring: KeyRing;
  origin: "env" | "file" | "created";
  file: string | null;
}

export function loadKeyRing(source: KeySource): LoadedKeyRing {
  if (source.json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(source.json);
    } catch {
      throw new VaultError("MINHBACH_KEYS không phải JSON hợp lệ.");
    }
    return { ring: new KeyRing(parsed as KeyRingFile), origin: "env", file: null };
  }
  if (existsSync(source.file)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(source.file, "utf8"));
    } catch {
      throw new VaultError(`Tệp khóa ${source.file} không đọc được.`);
    }
    return { ring: new KeyRing(parsed as KeyRingFile), origin: "file", file: source.file };
  }
  if (!source.create) throw new VaultError(`Không tìm thấy tệp khóa ${source.file}.`);
  const ring = KeyRing.generate();
  writeKeyRing(source.file, ring);
  return { ring, origin: "created", file: source.file };
}

/** Writes the ring atomically, readable by the owner only. */
export function writeKeyRing(file: string, ring: KeyRing): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(ring.toFile(), null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

// One ring per process: the services that seal and open identities are plain functions over the
// database handle, and every app of a process (the test harness runs two) shares the same keys.
let current: KeyRing | null = null;

export function useKeyRing(ring: KeyRing): void {
  current = ring;
}

export function keyRing(): KeyRing {
  if (!current) throw new VaultError("Chưa nạp khóa bảo vệ danh tính (MINHBACH_KEYS hoặc tệp khóa).");
  return current;
}

export function hasKeyRing(): boolean {
  return current !== null;
}
