import { Card, SimpleGrid, Title } from "@mantine/core";
import { CountTile } from "../../ui/CountTile.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { listPath } from "../../ui/url-state.ts";
import { PATHS } from "../shell/nav.ts";
import { useReceptionOverview } from "./api.ts";
import { RECEPTION_OVERVIEW_TEXT as T } from "./text.ts";

/** The home page's view of citizen reception: each figure opens the list of its visits. */
export function ReceptionOverview() {
  const overview = useReceptionOverview();
  const o = overview.data;
  const week = o ? { from: o.weekStart, to: o.today } : null;
  return (
    <Card withBorder mb="lg" component="section" aria-labelledby="reception-heading" data-testid="reception-overview">
      <Title order={2} fz="h4" mb="sm" id="reception-heading">
        {T.title}
      </Title>
      <QueryStatus query={overview} />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <CountTile
          testId="reception-open"
          label={T.open}
          count={o?.open}
          color="orange.9"
          links={[{ label: T.seeList, to: listPath(PATHS.reception, { status: "OPEN" }) }]}
        />
        <CountTile
          testId="reception-week"
          label={T.thisWeek}
          count={o?.thisWeek}
          color="blue.8"
          links={week ? [{ label: T.seeList, to: listPath(PATHS.reception, week) }] : []}
        />
        <CountTile
          testId="reception-crowd"
          label={T.crowdThisWeek}
          count={o?.crowdThisWeek}
          color="red.8"
          links={week ? [{ label: T.seeList, to: listPath(PATHS.reception, { ...week, crowd: "true" }) }] : []}
        />
      </SimpleGrid>
    </Card>
  );
}
