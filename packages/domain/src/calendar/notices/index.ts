/** Official notices shipped as seed data. Later years are imported by an administrator. */
import type { YearNotice } from "../notice-schema.ts";
import { notice2025 } from "./2025.ts";
import { notice2026 } from "./2026.ts";

export { notice2025, notice2026 };

export const SEED_NOTICES: readonly YearNotice[] = [notice2025, notice2026];
