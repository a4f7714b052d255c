import { PETITION_OPEN_STATES } from "@minhbach/domain";
import { Card, SimpleGrid, Title } from "@mantine/core";
import { CountTile } from "../../ui/CountTile.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { listPath } from "../../ui/url-state.ts";
import { PATHS } from "../shell/nav.ts";
import { usePetitionOverview } from "./api.ts";
import { OVERVIEW_TEXT } from "./text.ts";

type Figure = "overdue" | "dueSoon" | "newThisWeek" | "open";

/** The home page's view of petition handling: each figure opens the list of its petitions. */
export function PetitionsOverview() {
  const overview = usePetitionOverview();
  const o = overview.data;
  // Each tile's list filters, as the petitions list reads them from its URL.
  const tiles: { figure: Figure; testId: string; color: string; filters: Record<string, string> | null }[] = [
    { figure: "overdue", testId: "petitions-overdue", color: "red.8", filters: { overdue: "true" } },
    { figure: "dueSoon", testId: "petitions-due-soon", color: "orange.9", filters: { dueSoon: "true" } },
    {
      figure: "newThisWeek",
      testId: "petitions-new",
      color: "blue.8",
      filters: o ? { from: o.weekStart, to: o.today } : null,
    },
    {
      figure: "open",
      testId: "petitions-open",
      color: "gray.9",
      filters: { status: PETITION_OPEN_STATES.join(",") },
    },
  ];
  return (
    <Card withBorder mb="lg" component="section" aria-labelledby="petitions-heading" data-testid="petitions-overview">
      <Title order={2} fz="h4" mb="sm" id="petitions-heading">
        {OVERVIEW_TEXT.title}
      </Title>
      <QueryStatus query={overview} />
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
        {tiles.map(({ figure, testId, color, filters }) => (
          <CountTile
            key={figure}
            testId={testId}
            label={OVERVIEW_TEXT[figure]}
            count={o?.[figure].n}
            more={o?.[figure].capped}
            color={color}
            links={filters ? [{ label: OVERVIEW_TEXT.seeList, to: listPath(PATHS.petitions, filters) }] : []}
          />
        ))}
      </SimpleGrid>
    </Card>
  );
}
