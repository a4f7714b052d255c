/**
 * The reception part of the home page: visits of the caller's scope this week, those still being
 * received (not yet handled), and crowd visits (đoàn đông người) this week. Each figure is the
 * total of the list its tile opens (listVisits with the same filters).
 */
import { todayInVietnam } from "@minhbach/domain";
import type { VisitListQuery } from "@minhbach/domain/api/reception";
import { addDays } from "@minhbach/domain/legal-clock";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { listVisits } from "./visits.ts";

export async function receptionOverview(db: Kysely<DB>, auth: AuthContext, today = todayInVietnam()) {
  const total = async (filters: Partial<VisitListQuery>) =>
    (
      await listVisits(db, auth, {
        page: 1,
        pageSize: 1,
        sort: "receivedOn",
        order: "desc",
        ...filters,
      } as VisitListQuery)
    ).total;
  const weekStart = addDays(today, -6);
  const [thisWeek, open, crowdThisWeek] = await Promise.all([
    total({ from: weekStart, to: today }),
    total({ status: ["OPEN"] }),
    total({ from: weekStart, to: today, crowd: true }),
  ]);
  return { today, weekStart, thisWeek, open, crowdThisWeek };
}
