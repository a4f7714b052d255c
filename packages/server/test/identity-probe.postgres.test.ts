/** The identity probe (support/identity-probe-suite.ts) on the PostgreSQL server, when TEST_DATABASE_URL is set. */
import { testDatabases } from "../src/testing.ts";
import { identityProbeSuite } from "./support/identity-probe-suite.ts";

for (const db of testDatabases()) if (db.kind === "postgres") identityProbeSuite(db);
