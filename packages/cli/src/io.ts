import { loadConfig } from "@minhbach/server/config";
import { openDatabase, type Database } from "@minhbach/server/db/connection";
import { loadKeys, prepareDatabase } from "@minhbach/server/start";

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Opens the configured database (DATABASE_URL or DATA_DIR), migrated, for one command. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  loadKeys(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
