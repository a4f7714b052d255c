/**
 * Where attachment bytes live. The service sees only `FileStorage` (put, get, delete by the
 * attachment's id), so an S3 store can be added beside the local folder without touching it.
 *
 * The local store keeps each file under `<root>/<id[0..2]>/<id[2..4]>/<id>`. A file is written
 * to `<root>/tmp/` first, flushed to disk and then renamed into place: a reader never sees half a
 * file, and a failed upload leaves nothing behind but what `tmp/` holds during the write.
 *
 * With `encrypt: true` the bytes pass through AES-256-GCM under the key the key provider gives
 * (the key ring of platform/vault.ts in production); the key id, IV and tag are returned for the
 * attachment row, never kept next to the file.
 */
import { createCipheriv, createDecipheriv, randomBytes, type CipherGCM } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { PassThrough, type Readable, type Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

/** The key to encrypt with (no argument: the current one), or the one named by `keyId`. */
export type KeyProvider = (keyId?: string) => { keyId: string; key: Buffer } | null;

export interface Encryption {
  keyId: string;
  /** base64url */
  iv: string;
  /** base64url */
  authTag: string;
}

export interface PutOptions {
  encrypt?: boolean;
}

export interface PutResult {
  /** Bytes written to the store (the ciphertext's size when encrypted). */
  storedBytes: number;
  encryption: Encryption | null;
}

export interface FileStorage {
  /** "local", later "s3": recorded in the attachment row. */
  readonly kind: string;
  /** Stores the whole stream under `id`, or nothing if the stream fails. */
  put(id: string, source: Readable, options?: PutOptions): Promise<PutResult>;
  /** The plaintext of `id`, or null if the store has no such file. */
  get(id: string, encryption: Encryption | null): Promise<Readable | null>;
  /** Removes `id`; a missing file is not an error. */
  delete(id: string): Promise<void>;
}

export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageError";
  }
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IV_BYTES = 12;

export class LocalFileStorage implements FileStorage {
  readonly kind = "local";

  constructor(
    readonly root: string,
    private readonly keys: KeyProvider | null = null,
  ) {}

  /** The final path of a file: two levels of folders so no folder grows too large. */
  pathOf(id: string): string {
    if (!ID.test(id)) throw new StorageError(`bad attachment id ${id}`);
    return path.join(this.root, id.slice(0, 2), id.slice(2, 4), id);
  }

  async put(id: string, source: Readable, options: PutOptions = {}): Promise<PutResult> {
    const target = this.pathOf(id);
    const tmpDir = path.join(this.root, "tmp");
    await mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmp = path.join(tmpDir, `${id}.${randomBytes(6).toString("hex")}.part`);

    let cipher: CipherGCM | null = null;
    let encryption: Encryption | null = null;
    if (options.encrypt) {
      const current = this.keys?.() ?? null;
      if (!current) throw new StorageError("no encryption key available");
      const iv = randomBytes(IV_BYTES);
      cipher = createCipheriv("aes-256-gcm", current.key, iv);
      // The id binds the ciphertext to its row: a file copied under another id does not open.
      cipher.setAAD(Buffer.from(id, "utf8"));
      encryption = { keyId: current.keyId, iv: iv.toString("base64url"), authTag: "" };
    }

    const out = createWriteStream(tmp, { flags: "wx", mode: 0o600 });
    try {
      const stages: (Readable | Transform)[] = [source];
      if (cipher) stages.push(cipher);
      await pipeline([...stages, out] as unknown as [Readable, NodeJS.WritableStream]);
      const storedBytes = out.bytesWritten;
      // On disk before it gets its final name: after a crash a file is whole or absent.
      const handle = await open(tmp, "r");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (cipher && encryption) encryption.authTag = cipher.getAuthTag().toString("base64url");
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await rename(tmp, target);
      return { storedBytes, encryption };
    } catch (error) {
      // The file may still be opening: remove it only once the stream is closed.
      if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()).destroy());
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async get(id: string, encryption: Encryption | null): Promise<Readable | null> {
    const file = this.pathOf(id);
    try {
      await stat(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    const raw = createReadStream(file);
    if (!encryption) return raw;
    const key = this.keys?.(encryption.keyId) ?? null;
    if (!key || key.keyId !== encryption.keyId) {
      raw.destroy();
      throw new StorageError(`key ${encryption.keyId} is not available`);
    }
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(encryption.iv, "base64url"));
    decipher.setAAD(Buffer.from(id, "utf8"));
    decipher.setAuthTag(Buffer.from(encryption.authTag, "base64url"));
    // A tampered file fails at the end, when the tag is checked: the stream then errors and the
    // download is cut short instead of completing.
    const out = new PassThrough();
    pipeline(raw, decipher, out).catch((error: unknown) => out.destroy(error as Error));
    return out;
  }

  async delete(id: string): Promise<void> {
    try {
      await unlink(this.pathOf(id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}
