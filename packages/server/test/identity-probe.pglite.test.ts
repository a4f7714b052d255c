/** The identity probe (support/identity-probe-suite.ts) on the embedded database, with the finder's self-check. */
import { testDatabases } from "../src/testing.ts";
import { identityProbeSuite, selfCheck } from "./support/identity-probe-suite.ts";

selfCheck();
for (const db of testDatabases()) if (db.kind === "pglite") identityProbeSuite(db);
