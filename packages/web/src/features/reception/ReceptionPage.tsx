import {
  HANDLING_ROUTES,
  VISIT_KINDS,
  VISIT_STATES,
  type HandlingRoute,
  type VisitKind,
  type VisitState,
} from "@minhbach/domain";
import { Anchor, Badge, Button, Chip, Group, Paper, Select, Stack, Table, Tabs, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileSpreadsheet, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { DateField } from "../../ui/DateField.tsx";
import { SortableTh } from "../../ui/DataTable.tsx";
import { saveDownload } from "../../ui/download.ts";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { ClearFilters, FilterPanel, ListExport, ListResults, SearchField } from "../../ui/list-page/ListPage.tsx";
import { useListState } from "../../ui/list-page/list-state.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useUrlState } from "../../ui/url-state.ts";
import { useSession } from "../auth/session.tsx";
import { fieldOptions, fieldName, KIND_OPTIONS, kindLabel } from "../petitions/labels.ts";
import { PATHS } from "../shell/nav.ts";
import { fetchAllVisits, useVisits, type VisitFilters, type VisitView } from "./api.ts";
import { SchedulePanel } from "./SchedulePanel.tsx";
import { RECEPTION_TEXT, VISIT_STATUS_COLORS } from "./text.ts";

type SortKey = "receivedOn" | "peopleCount" | "status";
const SORT_KEYS: readonly SortKey[] = ["receivedOn", "peopleCount", "status"];

export const NEW_VISIT_PATH = `${PATHS.reception}/tiep-moi`;
export const visitPath = (id: string) => `${PATHS.reception}/${id}`;

const STATUS_OPTIONS = Object.entries(VISIT_STATES).map(([value, label]) => ({ value, label }));
const VISIT_KIND_OPTIONS = Object.entries(VISIT_KINDS).map(([value, info]) => ({ value, label: info.label }));
const ROUTE_OPTIONS = Object.entries(HANDLING_ROUTES).map(([value, label]) => ({ value, label }));

export function visitNumber(v: Pick<VisitView, "seqNo" | "registerYear">): string {
  return RECEPTION_TEXT.numberOf(v.seqNo, v.registerYear);
}

export function visitorsText(v: VisitView): string {
  const first = v.visitors[0]?.fullName ?? "";
  return RECEPTION_TEXT.visitorsMore(first, Math.max(0, v.peopleCount - 1));
}

export function VisitStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={VISIT_STATUS_COLORS[status] ?? "gray"} tt="none">
      {VISIT_STATES[status as VisitState] ?? status}
    </Badge>
  );
}

export default function ReceptionPage() {
  const { can } = useSession();
  const { params, update } = useUrlState();
  const tab = params.get("tab") === "schedule" ? "schedule" : "register";
  return (
    <>
      <PageHeader
        title={RECEPTION_TEXT.title}
        description={RECEPTION_TEXT.description}
        actions={
          can("reception.write") ? (
            <Button component={Link} to={NEW_VISIT_PATH} leftSection={<IconPlus size={18} aria-hidden />}>
              {RECEPTION_TEXT.newVisit}
            </Button>
          ) : null
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => update({ tab: value === "schedule" ? "schedule" : null })}
        keepMounted={false}
      >
        <Tabs.List aria-label={RECEPTION_TEXT.tabsLabel} mb="md">
          <Tabs.Tab value="register">{RECEPTION_TEXT.tabRegister}</Tabs.Tab>
          <Tabs.Tab value="schedule">{RECEPTION_TEXT.tabSchedule}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register">
          <VisitList />
        </Tabs.Panel>
        <Tabs.Panel value="schedule">
          <SchedulePanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

const LIST_FILTERS = {
  q: "search",
  status: "text",
  kind: "text",
  route: "text",
  contentKind: "text",
  fieldCode: "text",
  from: "text",
  to: "text",
  crowd: "flag",
} as const;

function VisitList() {
  const list = useListState({
    filters: LIST_FILTERS,
    sort: { keys: SORT_KEYS, default: "receivedOn", order: "desc" },
  });
  const { update, sort, order } = list;
  const { from, to, crowd } = list.values;
  const [downloading, setDownloading] = useState(false);

  const filters: VisitFilters = { ...list.query, sort, order };
  const visits = useVisits({ ...filters, page: list.page, pageSize: list.pageSize });

  const loadExport = async (onProgress: (done: number, total: number) => void) => {
    const items = await fetchAllVisits(filters, onProgress);
    return {
      headers: [
        RECEPTION_TEXT.number,
        RECEPTION_TEXT.receivedOn,
        RECEPTION_TEXT.kind,
        RECEPTION_TEXT.visitors,
        RECEPTION_TEXT.peopleCount,
        RECEPTION_TEXT.content,
        RECEPTION_TEXT.contentKind,
        RECEPTION_TEXT.filterField,
        RECEPTION_TEXT.route,
        RECEPTION_TEXT.status,
      ],
      rows: items.map((v) => [
        visitNumber(v),
        formatDate(v.receivedOn),
        VISIT_KINDS[v.kind].label,
        v.visitors.map((p) => p.fullName).join("; "),
        v.peopleCount,
        v.contentSummary,
        kindLabel(v.contentKind),
        fieldName(v.fieldCode),
        v.handling ? HANDLING_ROUTES[v.handling.route] : "",
        VISIT_STATES[v.status],
      ]),
    };
  };

  const downloadRegister = async () => {
    setDownloading(true);
    try {
      const name = await saveDownload("reception.register.export", { query: { from, to } }, "so-tiep-cong-dan.xlsx");
      notifications.show({ color: "green", message: RECEPTION_TEXT.registerDownloaded(name) });
    } catch (error) {
      notifications.show({ color: "red", message: errorMessage(error) });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <FilterPanel label={RECEPTION_TEXT.filters}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <SearchField
              label={RECEPTION_TEXT.search}
              placeholder={RECEPTION_TEXT.searchPlaceholder}
              {...list.text("q")}
              style={{ flex: "3 1 260px" }}
            />
            <Select
              label={RECEPTION_TEXT.filterKind}
              placeholder={RECEPTION_TEXT.allKinds}
              data={VISIT_KIND_OPTIONS}
              {...list.field("kind")}
              clearable
              comboboxProps={{ width: 340, position: "bottom-start" }}
              style={{ flex: "2 1 200px" }}
            />
            <Select
              label={RECEPTION_TEXT.filterStatus}
              placeholder={RECEPTION_TEXT.allStatuses}
              data={STATUS_OPTIONS}
              {...list.field("status")}
              clearable
              style={{ flex: "1 1 160px" }}
            />
          </Group>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={RECEPTION_TEXT.filterRoute}
              placeholder={RECEPTION_TEXT.allRoutes}
              data={ROUTE_OPTIONS}
              {...list.field("route")}
              clearable
              comboboxProps={{ width: 380, position: "bottom-start" }}
              style={{ flex: "2 1 200px" }}
            />
            <Select
              label={RECEPTION_TEXT.filterContentKind}
              placeholder={RECEPTION_TEXT.allContentKinds}
              data={KIND_OPTIONS}
              {...list.field("contentKind")}
              clearable
              style={{ flex: "1 1 160px" }}
            />
            <Select
              label={RECEPTION_TEXT.filterField}
              placeholder={RECEPTION_TEXT.allFields}
              data={fieldOptions()}
              {...list.field("fieldCode")}
              clearable
              searchable
              filter={vietnameseFilter}
              nothingFoundMessage={COMMON.nothingFound}
              style={{ flex: "2 1 180px" }}
            />
            <DateField label={RECEPTION_TEXT.filterFrom} {...list.field("from")} style={{ flex: "1 1 140px" }} />
            <DateField label={RECEPTION_TEXT.filterTo} {...list.field("to")} style={{ flex: "1 1 140px" }} />
          </Group>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Group gap="xs">
              <Chip checked={crowd} onChange={(checked) => update({ crowd: checked })}>
                {RECEPTION_TEXT.crowdOnly}
              </Chip>
              <ClearFilters active={list.active} onClear={list.clear} size="compact-sm" />
            </Group>
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
                loading={downloading}
                onClick={() => void downloadRegister()}
                title={RECEPTION_TEXT.downloadRegisterHint}
              >
                {RECEPTION_TEXT.downloadRegister}
              </Button>
              <ListExport texts={RECEPTION_TEXT} load={loadExport} />
            </Group>
          </Group>
        </Stack>
      </FilterPanel>

      <ListResults
        query={visits}
        paging={list.paging}
        count={(data) => RECEPTION_TEXT.total(formatNumber(data.total))}
        empty={RECEPTION_TEXT.empty}
        cards={(data) => (
          <Stack gap="sm">
            {data.items.map((v) => (
              <Paper key={v.id} withBorder p="sm">
                <Group justify="space-between" gap="xs">
                  <Anchor component={Link} to={visitPath(v.id)} fw={700}>
                    {visitNumber(v)}
                  </Anchor>
                  <Text size="sm">{formatDate(v.receivedOn)}</Text>
                </Group>
                <Text size="sm" fw={600}>
                  {visitorsText(v)}
                </Text>
                <Text size="sm" lineClamp={2}>
                  {v.contentSummary}
                </Text>
                <Group gap="xs" mt={6}>
                  <VisitStatusBadge status={v.status} />
                  {v.isCrowd ? (
                    <Badge color="grape" variant="light" tt="none">
                      {RECEPTION_TEXT.crowd}
                    </Badge>
                  ) : null}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      >
        {(data) => (
          <Table.ScrollContainer minWidth={980}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="visits-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{RECEPTION_TEXT.number}</Table.Th>
                  <SortableTh column="receivedOn" {...list.sorting}>
                    {RECEPTION_TEXT.receivedOn}
                  </SortableTh>
                  <Table.Th>{RECEPTION_TEXT.visitors}</Table.Th>
                  <SortableTh column="peopleCount" {...list.sorting}>
                    {RECEPTION_TEXT.peopleCount}
                  </SortableTh>
                  <Table.Th>{RECEPTION_TEXT.content}</Table.Th>
                  <Table.Th>{RECEPTION_TEXT.route}</Table.Th>
                  <SortableTh column="status" {...list.sorting}>
                    {RECEPTION_TEXT.status}
                  </SortableTh>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((v) => (
                  <Table.Tr key={v.id} data-visit={v.id}>
                    <Table.Td>
                      <Anchor component={Link} to={visitPath(v.id)} fw={700} size="sm">
                        {visitNumber(v)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {formatDate(v.receivedOn)}
                      <Text size="xs" c="gray.7">
                        {VISIT_KINDS[v.kind as VisitKind]?.label}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={220}>{visitorsText(v)}</Table.Td>
                    <Table.Td>
                      {formatNumber(v.peopleCount)}
                      {v.isCrowd ? (
                        <Badge ml={6} size="xs" color="grape" variant="light" tt="none">
                          {RECEPTION_TEXT.crowd}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" lineClamp={2}>
                        {v.contentSummary}
                      </Text>
                      {v.contentKind ? (
                        <Text size="xs" c="gray.7">
                          {kindLabel(v.contentKind)}
                          {v.fieldCode ? ` · ${fieldName(v.fieldCode)}` : ""}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td maw={220}>
                      {v.handling ? HANDLING_ROUTES[v.handling.route as HandlingRoute] : RECEPTION_TEXT.notHandled}
                      {v.petitionId ? (
                        <Text size="xs" c="gray.7">
                          {RECEPTION_TEXT.hasPetition}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <VisitStatusBadge status={v.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListResults>
    </>
  );
}
