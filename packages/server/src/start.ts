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
import { ensureFieldCatalog } from "./modules/petitions/field-catalog.ts";
import { sealClearWriters } from "./modules/identity/parties.ts";
import { sealClearVisitors } from "./modules/identity/visits.ts";
import { sealClearVisitTexts } from "./modules/reception/visits.ts";
import { refreshPersonKeys, sealClearLetters } from "./modules/petitions/intake.ts";
import { forgetSearchStatistics } from "./modules/petitions/search/statistics.ts";
import { scheduleStatistics } from "./db/statistics.ts";
import { hasKeyRing, KeyRing, loadKeyRing, useKeyRing, type LoadedKeyRing } from "./platform/vault.ts";
import { hasData, seedDemo, seedDemoPetitions } from "./seed/demo.ts";
import { seedDemoCases } from "./seed/demo-cases.ts";
// Inspection plans (issue 17).
import { seedDemoInspectionPlans } from "./seed/demo-inspection-plans.ts";
// inspections (issue 17)
import { seedDemoInspections } from "./seed/demo-inspections.ts";
// anticorruption
import { seedDemoAnticorruption } from "./seed/demo-anticorruption.ts";
// public consultation on draft regulations (issue 20)
import { seedDemoConsultations } from "./seed/demo-consultations.ts";
import { seedDemoPortal } from "./seed/demo-portal.ts";
import { completeCaseFigures } from "./modules/cases/figures.ts";
import { repairPetitionClocks } from "./modules/petitions/repair.ts";
import { sealClearCases } from "./modules/cases/at-rest.ts";
import { sealClearInspections } from "./modules/inspections/record/at-rest.ts";
import { sealClearSurveyComments } from "./modules/portal/survey.ts";
import { scheduleReminders } from "./modules/reminders/reminders.ts";

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
  /** In memory: start from these database files (a `Database.dump()`) instead of an empty database. */
  template?: Blob;
  /** Demo mode also loads generated petitions (default); tests start without them. */
  demoPetitions?: boolean;
}

/**
 * Loads the identity key ring (platform/vault.ts) for this process: MINHBACH_KEYS, else the key
 * file, created on first start. In-memory systems (tests) get a fresh random ring.
 */
export function loadKeys(config: Config, inMemory = false): LoadedKeyRing | null {
  if (inMemory) {
    if (!hasKeyRing()) useKeyRing(KeyRing.generate("test"));
    return null;
  }
  const loaded = loadKeyRing({ json: config.keysJson, file: config.keyFile, create: true });
  useKeyRing(loaded.ring);
  return loaded;
}

/**
 * Migrations, then the reference data shipped with the program (holiday notices, fields), then
 * sealing any writer an earlier version stored in clear (needs the key ring loaded).
 */
export async function prepareDatabase(database: Database): Promise<string[]> {
  const { applied } = await migrate(database);
  await ensureSeedNotices(database.db);
  await ensureFieldCatalog(database.db);
  if (hasKeyRing()) {
    const sealed = await sealClearWriters(database.db);
    if (sealed.petitions.length) await refreshPersonKeys(database.db, sealed.petitions);
    await sealClearLetters(database.db);
    await sealClearVisitors(database.db);
    await sealClearVisitTexts(database.db);
    // A denunciation case's typed texts (migration 0040).
    await sealClearCases(database.db);
    // A case-triggered inspection's texts, facts and timeline (migration 0046).
    await sealClearInspections(database.db);
    // A portal survey's comments (migration 0045).
    await sealClearSurveyComments(database.db);
  }
  await completeCaseFigures(database.db);
  await repairPetitionClocks(database.db);
  return applied;
}

export async function startSystem(config: Config, options: StartOptions = {}): Promise<Started> {
  const keys = loadKeys(config, options.inMemory);
  if (keys?.origin === "created")
    console.warn(
      `Đã tạo tệp khóa bảo vệ danh tính người tố cáo: ${keys.file}. Hãy sao lưu tệp này riêng, ngoài bản sao lưu cơ sở dữ liệu: mất tệp là mất danh tính đã mã hóa.`,
    );
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: options.inMemory ? undefined : config.dataDir,
    schema: options.schema,
    template: options.inMemory ? options.template : undefined,
  });
  try {
    const applied = await prepareDatabase(database);
    let seeded = false;
    if (config.demo && !(await hasData(database.db))) {
      await seedDemo(database.db);
      if (options.demoPetitions !== false) {
        await seedDemoPetitions(database.db);
        await seedDemoCases(database.db);
        // Inspection plans (issue 17).
        await seedDemoInspectionPlans(database.db);
        // inspections (issue 17)
        await seedDemoInspections(database.db);
        // anticorruption
        await seedDemoAnticorruption(database.db);
        // public consultation on draft regulations (issue 20)
        await seedDemoConsultations(database.db);
        // portal FAQ and a published result (issue 20)
        await seedDemoPortal(database.db);
      }
      seeded = true;
    }
    const app = await buildApp({ database, db: database.db, config }, options);
    await app.ready();
    // Reminder e-mails only with an SMTP server, and never from the test harness (in memory).
    const reminders = config.smtpUrl && !options.inMemory ? scheduleReminders(database.db, config, app.log) : null;
    // The embedded database's statistics, which no autovacuum keeps (db/statistics.ts).
    const statistics = options.inMemory
      ? null
      : await scheduleStatistics(
          database,
          (ms) => {
            forgetSearchStatistics(database.db);
            app.log.info(`Đã cập nhật thống kê của cơ sở dữ liệu nhúng (${Math.round(ms)} ms).`);
          },
          (error) =>
            app.log.error(`Cập nhật thống kê cơ sở dữ liệu thất bại: ${(error as Error)?.message ?? String(error)}`),
        );
    return {
      app,
      database,
      seeded,
      migrationsApplied: applied,
      async close() {
        await reminders?.stop();
        await statistics?.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
