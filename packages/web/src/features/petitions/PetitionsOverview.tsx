import { PETITION_OPEN_STATES } from "@minhbach/domain";
import { Card, SimpleGrid, Title } from "@mantine/core";
import { CountTile } from "../../ui/CountTile.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { listPath } from "../../ui/url-state.ts";
import { PATHS } from "../shell/nav.ts";
import { usePetitionOverview } from "./api.ts";
import { OVERVIEW_TEXT } from "./text.ts";

/** The home page's view of petition handling: each figure opens the list of its petitions. */
export function PetitionsOverview() {
  const overview = usePetitionOverview();
  const o = overview.data;
  const see = OVERVIEW_TEXT.seeList;
  return (
    <Card withBorder mb="lg" component="section" aria-labelledby="petitions-heading" data-testid="petitions-overview">
      <Title order={2} fz="h4" mb="sm" id="petitions-heading">
        {OVERVIEW_TEXT.title}
      </Title>
      <QueryStatus query={overview} />
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
        <CountTile
          testId="petitions-overdue"
          label={OVERVIEW_TEXT.overdue}
          count={o?.overdue.n}
          more={o?.overdue.capped}
          color="red.8"
          links={[{ label: see, to: listPath(PATHS.petitions, { overdue: "true" }) }]}
        />
        <CountTile
          testId="petitions-due-soon"
          label={OVERVIEW_TEXT.dueSoon}
          count={o?.dueSoon.n}
          more={o?.dueSoon.capped}
          color="orange.9"
          links={[{ label: see, to: listPath(PATHS.petitions, { dueSoon: "true" }) }]}
        />
        <CountTile
          testId="petitions-new"
          label={OVERVIEW_TEXT.newThisWeek}
          count={o?.newThisWeek.n}
          more={o?.newThisWeek.capped}
          color="blue.8"
          links={o ? [{ label: see, to: listPath(PATHS.petitions, { from: o.weekStart, to: o.today }) }] : []}
        />
        <CountTile
          testId="petitions-open"
          label={OVERVIEW_TEXT.open}
          count={o?.open.n}
          more={o?.open.capped}
          color="gray.9"
          links={[{ label: see, to: listPath(PATHS.petitions, { status: PETITION_OPEN_STATES.join(",") }) }]}
        />
      </SimpleGrid>
    </Card>
  );
}
