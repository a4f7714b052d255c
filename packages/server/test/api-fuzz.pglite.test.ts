/** The API fuzz (support/api-fuzz-suite.ts) on the embedded database. */
import { testDatabases } from "../src/testing.ts";
import { fuzzSuite } from "./support/api-fuzz-suite.ts";

for (const db of testDatabases()) if (db.kind === "pglite") fuzzSuite(db);
