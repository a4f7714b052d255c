/**
 * Opens the database, migrates it, seeds the demo data when asked, and builds the app. Shared
 * by `npm start`, the test harness and the benchmark so they all run the same start path.
 */
import { buildApp, type BuildOptions } from "./app.ts";
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./db/connection.ts";
import { migrate } from "./db/migrate.ts";
import type { Api } from "./platform/http.ts";
import { ensureSeedNotices } from "./modules/calendar/service.ts";
import { ensureFieldCatalog } from "./modules/petitions/service.ts";
import { hasData, seedDemo, seedDemoPetitions } from "./seed/demo.ts";

export interface Started {
  app: Api;
  database: Database;
  seeded: boolean;
  migrationsApplied: string[];
  close(): Promise<void>;
}

export interface StartOptions extends BuildOptions {
  /** On a server, work inside this schema (tests). */
  schema?: string;
  /** Keep the embedded database in memory instead of DATA_DIR (tests). */
  inMemory?: boolean;
  /** Demo mode also loads generated petitions (default); tests start without them. */
  demoPetitions?: boolean;
}

/** Migrations, then the reference data shipped with the program (holiday notices, fields). */
export async function prepareDatabase(database: Database): Promise<string[]> {
  const { applied } = await migrate(database);
  await ensureSeedNotices(database.db);
  await ensureFieldCatalog(database.db);
  return applied;
}

export async function startSystem(config: Config, options: StartOptions = {}): Promise<Started> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: options.inMemory ? undefined : config.dataDir,
    schema: options.schema,
  });
  try {
    const applied = await prepareDatabase(database);
    let seeded = false;
    if (config.demo && !(await hasData(database.db))) {
      await seedDemo(database.db);
      if (options.demoPetitions !== false) await seedDemoPetitions(database.db);
      seeded = true;
    }
    const app = await buildApp({ database, db: database.db, config }, options);
    await app.ready();
    return {
      app,
      database,
      seeded,
      migrationsApplied: applied,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
