/**
 * The reports dashboard (issue 19): for an agency (and its units) and a reporting year, the charts
 * the server computes with the report engine, each point opening the records it counts (the
 * reports page's drill-down dialog), and the overdue work of today with links to the lists. The
 * charts library is loaded with this page only (a lazy chunk), never with the main bundle.
 */
import "@mantine/charts/styles.css";
import {
  Anchor,
  Card,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router-dom";
import { CountTile } from "../../../ui/CountTile.tsx";
import { formatDate, formatNumber } from "../../../ui/format.ts";
import { PageHeader } from "../../../ui/PageHeader.tsx";
import { QueryStatus } from "../../../ui/QueryState.tsx";
import { listPath } from "../../../ui/url-state.ts";
import { useSession } from "../../auth/session.tsx";
import { casesListPath } from "../../cases/paths.ts";
import { PATHS } from "../../shell/nav.ts";
import { useAgencies, useDashboard, type DashboardView, type DrillQuery } from "../api.ts";
import { DrilldownModal } from "../DrilldownModal.tsx";
import { ChartCard, type ChartPoint } from "./ChartCard.tsx";
import { DASHBOARD_TEXT as T } from "./text.ts";

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: THIS_YEAR + 1 - 2021 + 1 }, (_, i) => String(THIS_YEAR + 1 - i));

export default function DashboardPage() {
  const session = useSession();
  const [year, setYear] = useState(String(THIS_YEAR));
  const [agencyId, setAgencyId] = useState<string | null>(session.me?.agency.id ?? null);
  const [subtree, setSubtree] = useState(true);
  const [compare, setCompare] = useState(true);
  const [target, setTarget] = useState<DrillQuery | null>(null);
  const agencies = useAgencies();
  const dashboard = useDashboard(agencyId ? { agencyId, year: Number(year), subtree } : null);
  const data = dashboard.data;

  const open = (view: DashboardView, point: ChartPoint, indicator: string, lastYear: boolean) => {
    const days = lastYear ? point.lastYear : { from: point.from, to: point.to };
    setTarget({
      agencyId: view.agency.id,
      subtree: view.subtree,
      kind: "adhoc",
      indicator,
      ...days,
      ...(point.dimension && point.value ? { dimension: point.dimension, value: point.value } : {}),
    });
  };

  return (
    <>
      <PageHeader title={T.title} description={T.description} />
      <Text mb="sm">
        <Anchor component={Link} to={PATHS.reports}>
          {T.toReports}
        </Anchor>
      </Text>
      <Paper withBorder p="md" mb="md">
        <Group align="flex-end" wrap="wrap" gap="sm">
          <Select
            label={T.year}
            data={YEARS}
            value={year}
            onChange={(v) => setYear(v ?? String(THIS_YEAR))}
            w={{ base: "100%", sm: 140 }}
            allowDeselect={false}
          />
          <Select
            label={T.agency}
            data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
            value={agencyId}
            onChange={setAgencyId}
            searchable
            allowDeselect={false}
            w={{ base: "100%", sm: 360 }}
          />
          <Checkbox label={T.subtree} checked={subtree} onChange={(e) => setSubtree(e.currentTarget.checked)} />
          <Switch label={T.compare} checked={compare} onChange={(e) => setCompare(e.currentTarget.checked)} />
        </Group>
      </Paper>
      {agencyId ? <QueryStatus query={dashboard} /> : <Text>{T.chooseAgency}</Text>}
      {data ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {data.agency.name} · {T.yearLine(formatDate(data.from), formatDate(data.to), data.periodKind)}
          </Text>
          <Overdue view={data} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            {data.charts.map((chart) => (
              <ChartCard
                key={chart.id}
                chart={chart}
                compare={compare}
                onOpen={(point, indicator, lastYear) => open(data, point, indicator, lastYear)}
              />
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
      <DrilldownModal target={target} onClose={() => setTarget(null)} fallbackTitle={T.title} />
    </>
  );
}

/** Overdue work now: the two figures open the petitions and cases lists filtered on "quá hạn". */
function Overdue({ view }: { view: DashboardView }) {
  const o = view.overdue;
  const several = o.byAgency.length > 1;
  return (
    <Card withBorder component="section" aria-labelledby="overdue-heading" data-chart="overdue">
      <Title order={2} fz="h4" id="overdue-heading" mb={4}>
        {T.overdueTitle}
      </Title>
      <Text size="sm" mb="sm">
        {T.overdueLine(formatDate(o.today))} {T.listsNote}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <CountTile
          label={T.overduePetitions}
          count={o.petitions}
          color="red.8"
          testId="dashboard-overdue-petitions"
          links={[{ label: T.openPetitions, to: listPath(PATHS.petitions, { overdue: "true" }) }]}
        />
        <CountTile
          label={T.overdueCases}
          count={o.cases}
          color="red.8"
          testId="dashboard-overdue-cases"
          links={[
            { label: T.openComplaints, to: casesListPath("complaint", { overdue: "true" }) },
            { label: T.openDenunciations, to: casesListPath("denunciation", { overdue: "true" }) },
          ]}
        />
      </SimpleGrid>
      {several ? (
        <Table mt="sm" striped withTableBorder aria-labelledby="overdue-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{T.unit}</Table.Th>
              <Table.Th scope="col" ta="right">
                {T.overduePetitions}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {T.overdueCases}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.byAgency.map((r) => (
              <Table.Tr key={r.agency.id}>
                <Table.Th scope="row" fw={500}>
                  {r.agency.name}
                </Table.Th>
                <Table.Td ta="right">{formatNumber(r.petitions)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.cases)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Card>
  );
}
