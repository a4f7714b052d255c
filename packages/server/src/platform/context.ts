import type { Kysely } from "kysely";
import type { Config } from "../config.ts";
import type { Database } from "../db/connection.ts";
import type { DB } from "../db/schema.ts";

/** What every module gets: the database and the configuration. */
export interface AppContext {
  database: Database;
  db: Kysely<DB>;
  config: Config;
}
