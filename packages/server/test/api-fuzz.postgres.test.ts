/** The API fuzz (support/api-fuzz-suite.ts) on the PostgreSQL server, when TEST_DATABASE_URL is set. */
import { testDatabases } from "../src/testing.ts";
import { fuzzSuite } from "./support/api-fuzz-suite.ts";

for (const db of testDatabases()) if (db.kind === "postgres") fuzzSuite(db);
