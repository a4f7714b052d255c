/**
 * The petitions part of the home page: how many of the caller's scope are open, overdue, due
 * within days, and new this week. Each figure is the total of the list its tile opens (the same
 * filters through listPetitions), so the number on the home page is the number of rows the
 * officer then sees.
 */
import { PETITION_OPEN_STATES, todayInVietnam } from "@minhbach/domain";
import { addDays } from "@minhbach/domain/legal-clock";
import type { PetitionListQuery } from "@minhbach/domain/api/petitions";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { AuthContext } from "../../platform/access.ts";
import { listPetitions } from "./list.ts";

export async function petitionOverview(db: Kysely<DB>, auth: AuthContext, today = todayInVietnam()) {
  const total = async (filters: Partial<PetitionListQuery>) => {
    const list = await listPetitions(
      db,
      auth,
      { page: 1, pageSize: 1, sort: "receivedOn", order: "desc", ...filters } as PetitionListQuery,
      today,
    );
    return { n: list.total, capped: list.totalCapped };
  };
  const weekStart = addDays(today, -6);
  const [open, overdue, dueSoon, newThisWeek] = await Promise.all([
    total({ status: [...PETITION_OPEN_STATES] }),
    total({ overdue: true }),
    total({ dueSoon: true }),
    total({ from: weekStart, to: today }),
  ]);
  return { today, weekStart, open, overdue, dueSoon, newThisWeek };
}
