/** The identity probe (support/identity-probe-suite.ts): no identity in the embedded database's files at rest. */
import { filesAtRest } from "./support/identity-probe-suite.ts";

filesAtRest();
