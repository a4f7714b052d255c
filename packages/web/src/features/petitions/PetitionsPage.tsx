import {
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
} from "@mantine/core";
import { IconInfoCircle, IconPlus } from "@tabler/icons-react";
import { respell } from "@minhbach/domain";
import type { SearchedAs } from "@minhbach/domain/api/petition-views";
import { Link } from "react-router-dom";
import { DateField } from "../../ui/DateField.tsx";
import { SortableTh } from "../../ui/DataTable.tsx";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { FilterPanel, ListResults, QuickFilters, SearchField } from "../../ui/list-page/ListPage.tsx";
import { useListState } from "../../ui/list-page/list-state.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useUrlState } from "../../ui/url-state.ts";
import { useSession } from "../auth/session.tsx";
import { PATHS } from "../shell/nav.ts";
import { fetchAllPetitions, usePetitions, type PetitionFilters, type PetitionListItem } from "./api.ts";
import { AwaitingList } from "./AwaitingList.tsx";
import { ListDueBadge, petitionPath, PetitionStateBadge } from "./components.tsx";
import { CHANNEL_OPTIONS, channelLabel, fieldOptions, KIND_OPTIONS, kindLabel, STATE_OPTIONS } from "./labels.ts";
import { PetitionExportMenu } from "./PetitionExportMenu.tsx";
import { RetentionList } from "./RetentionList.tsx";
import { FOLLOW_UP_TEXT, PETITION_TEXT } from "./text.ts";

const TABS = ["list", "awaiting", "retention"] as const;
type Tab = (typeof TABS)[number];

type SortKey = "receivedOn" | "due" | "status" | "kind";
const SORT_KEYS: readonly SortKey[] = ["receivedOn", "due", "status", "kind"];

export const INTAKE_PATH = `${PATHS.petitions}/tiep-nhan`;

export default function PetitionsPage() {
  const { can } = useSession();
  const { params, update } = useUrlState();
  const requested = params.get("tab") as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : "list";
  return (
    <>
      <PageHeader
        title={PETITION_TEXT.title}
        description={PETITION_TEXT.description}
        actions={
          can("petition.write") ? (
            <Button component={Link} to={INTAKE_PATH} leftSection={<IconPlus size={18} aria-hidden />}>
              {PETITION_TEXT.intake}
            </Button>
          ) : null
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => update({ tab: value && value !== "list" && TABS.includes(value as Tab) ? value : null })}
        keepMounted={false}
      >
        <Tabs.List aria-label={PETITION_TEXT.tabsLabel} mb="md">
          <Tabs.Tab value="list">{PETITION_TEXT.tabList}</Tabs.Tab>
          <Tabs.Tab value="awaiting">{PETITION_TEXT.tabAwaiting}</Tabs.Tab>
          <Tabs.Tab value="retention">{FOLLOW_UP_TEXT.tabRetention}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          <PetitionList />
        </Tabs.Panel>
        <Tabs.Panel value="awaiting">
          <AwaitingList />
        </Tabs.Panel>
        <Tabs.Panel value="retention">
          <RetentionList />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

const LIST_FILTERS = {
  q: "search",
  status: "text",
  kind: "text",
  channel: "text",
  fieldCode: "text",
  from: "text",
  to: "text",
  dueSoon: "flag",
  overdue: "flag",
} as const;

function PetitionList() {
  const list = useListState({
    filters: LIST_FILTERS,
    sort: { keys: SORT_KEYS, default: "receivedOn", order: "desc" },
  });
  const { update, sort, order, values } = list;
  const { q, status, channel, dueSoon, overdue } = values;

  const filters: PetitionFilters = { ...list.query, sort, order };
  const petitions = usePetitions({ ...filters, page: list.page, pageSize: list.pageSize });

  const loadExport = async (onProgress: (done: number, total: number) => void) => {
    const items = await fetchAllPetitions(filters, onProgress);
    return {
      headers: [
        PETITION_TEXT.code,
        PETITION_TEXT.receivedOn,
        PETITION_TEXT.channel,
        PETITION_TEXT.petitioner,
        PETITION_TEXT.respondent,
        PETITION_TEXT.content,
        PETITION_TEXT.kind,
        PETITION_TEXT.field,
        PETITION_TEXT.status,
        PETITION_TEXT.due,
      ],
      rows: items.map((p) => [
        p.code,
        formatDate(p.receivedOn),
        channelLabel(p.channel),
        p.petitioner,
        p.respondent,
        p.excerpt,
        kindLabel(p.kind),
        p.fieldName ?? "",
        p.stateLabel,
        formatDate(p.dueOn),
      ]),
    };
  };

  return (
    <>
      <FilterPanel label={PETITION_TEXT.filters}>
        <Stack gap="sm">
          <QuickFilters label={PETITION_TEXT.quickFilters}>
            <Chip checked={!list.active} onChange={list.clear}>
              {PETITION_TEXT.quickAll}
            </Chip>
            <Chip
              checked={channel === "transferred"}
              onChange={(checked) => update({ channel: checked ? "transferred" : null })}
            >
              {PETITION_TEXT.quickInbox}
            </Chip>
            <Chip checked={dueSoon} onChange={(checked) => update({ dueSoon: checked, overdue: null })} color="orange">
              {PETITION_TEXT.quickDueSoon}
            </Chip>
            <Chip checked={overdue} onChange={(checked) => update({ overdue: checked, dueSoon: null })} color="red">
              {PETITION_TEXT.quickOverdue}
            </Chip>
          </QuickFilters>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <SearchField
              label={PETITION_TEXT.search}
              placeholder={PETITION_TEXT.searchPlaceholder}
              description={PETITION_TEXT.searchHint}
              {...list.text("q")}
              style={{ flex: "3 1 260px" }}
            />
            <MultiSelect
              label={PETITION_TEXT.filterStatus}
              placeholder={status ? undefined : PETITION_TEXT.allStatuses}
              data={STATE_OPTIONS}
              {...list.multi("status")}
              clearable
              searchable
              filter={vietnameseFilter}
              style={{ flex: "2 1 220px" }}
            />
            <Select
              label={PETITION_TEXT.filterKind}
              placeholder={PETITION_TEXT.allKinds}
              data={KIND_OPTIONS}
              {...list.field("kind")}
              clearable
              style={{ flex: "1 1 170px" }}
            />
          </Group>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={PETITION_TEXT.filterChannel}
              placeholder={PETITION_TEXT.allChannels}
              data={CHANNEL_OPTIONS}
              {...list.field("channel")}
              clearable
              comboboxProps={{ width: 420, position: "bottom-start" }}
              style={{ flex: "2 1 220px" }}
            />
            <Select
              label={PETITION_TEXT.filterField}
              placeholder={PETITION_TEXT.allFields}
              data={fieldOptions()}
              {...list.field("fieldCode")}
              clearable
              searchable
              filter={vietnameseFilter}
              nothingFoundMessage={COMMON.nothingFound}
              style={{ flex: "2 1 200px" }}
            />
            <DateField label={PETITION_TEXT.filterFrom} {...list.field("from")} style={{ flex: "1 1 150px" }} />
            <DateField label={PETITION_TEXT.filterTo} {...list.field("to")} style={{ flex: "1 1 150px" }} />
            <PetitionExportMenu filters={filters} loadCsv={loadExport} />
          </Group>
        </Stack>
      </FilterPanel>

      <ListResults
        query={petitions}
        paging={list.paging}
        count={(data) => (data.totalCapped ? PETITION_TEXT.totalCapped : PETITION_TEXT.total)(formatNumber(data.total))}
        notice={(data) =>
          data.searchedAs ? <SearchedAsNote typed={q} searched={data.searchedAs} items={data.items} /> : null
        }
        empty={PETITION_TEXT.empty}
        cards={(data) => <PetitionCards items={data.items} />}
      >
        {(data) => (
          <Table.ScrollContainer minWidth={960}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="petitions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{PETITION_TEXT.code}</Table.Th>
                  <SortableTh column="receivedOn" {...list.sorting} w={105}>
                    {PETITION_TEXT.receivedOn}
                  </SortableTh>
                  <Table.Th w={170}>{PETITION_TEXT.petitioner}</Table.Th>
                  <Table.Th>{PETITION_TEXT.content}</Table.Th>
                  <SortableTh column="kind" {...list.sorting} w={105}>
                    {PETITION_TEXT.kind}
                  </SortableTh>
                  <SortableTh column="status" {...list.sorting} w={135}>
                    {PETITION_TEXT.status}
                  </SortableTh>
                  <SortableTh column="due" {...list.sorting} w={145}>
                    {PETITION_TEXT.due}
                  </SortableTh>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((p) => (
                  <Table.Tr key={p.id} data-code={p.code}>
                    <Table.Td>
                      <Anchor component={Link} to={petitionPath(p.id)} fw={700} size="sm">
                        {p.code}
                      </Anchor>
                      {p.transferredIn ? (
                        <div>
                          <Badge size="xs" variant="light" color="grape" tt="none">
                            {PETITION_TEXT.transferredIn}
                          </Badge>
                        </div>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{formatDate(p.receivedOn)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={3}>
                        {p.petitioner}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {p.excerpt}
                      </Text>
                      {p.fieldName ? (
                        <Text size="xs" c="gray.7">
                          {p.fieldName}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{p.kind ? kindLabel(p.kind) : PETITION_TEXT.notClassified}</Table.Td>
                    <Table.Td>
                      <PetitionStateBadge state={p.state} label={p.stateLabel} />
                    </Table.Td>
                    <Table.Td>
                      <ListDueBadge due={p.dueOn} status={p.dueStatus} />
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

/**
 * What the search looked for, when it was not the words as typed: a slip read another way, the
 * nearest known words, or the words anywhere in the letter rather than as a phrase.
 */
function SearchedAsNote({
  typed,
  searched,
  items,
}: {
  typed: string;
  searched: SearchedAs;
  items: PetitionListItem[];
}) {
  // Written as the letters found write it, where the page shows it.
  const as = respell(
    typed,
    searched.needle,
    items.flatMap((p) => [p.respondent, p.petitioner, p.excerpt]),
  );
  const text =
    searched.way === "corrected"
      ? PETITION_TEXT.searchedCorrected(typed, as)
      : searched.way === "nearest"
        ? PETITION_TEXT.searchedNearest(typed, as)
        : searched.way === "words"
          ? PETITION_TEXT.searchedWords(typed)
          : null;
  if (!text) return null;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" mb="xs" data-testid="searched-as">
      <IconInfoCircle size={18} aria-hidden style={{ flex: "none", marginTop: 2 }} />
      <Text size="sm">{text}</Text>
    </Group>
  );
}

/** The list on a phone: one card per petition instead of a wide table. */
function PetitionCards({ items }: { items: PetitionListItem[] }) {
  return (
    <Stack gap="sm" data-testid="petitions-cards">
      {items.map((p) => (
        <Paper key={p.id} withBorder p="sm" data-code={p.code}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Anchor component={Link} to={petitionPath(p.id)} fw={700}>
              {p.code}
            </Anchor>
            <Text size="sm">{formatDate(p.receivedOn)}</Text>
          </Group>
          <Text size="sm" fw={600} mt={4}>
            {p.petitioner}
          </Text>
          <Text size="sm" lineClamp={2}>
            {p.excerpt}
          </Text>
          <Group gap="xs" mt={6} wrap="wrap">
            <PetitionStateBadge state={p.state} label={p.stateLabel} />
            {p.kind ? (
              <Badge variant="outline" color="gray" tt="none">
                {kindLabel(p.kind)}
              </Badge>
            ) : null}
            {p.transferredIn ? (
              <Badge variant="light" color="grape" tt="none">
                {PETITION_TEXT.transferredIn}
              </Badge>
            ) : null}
          </Group>
          <div style={{ marginTop: 6 }}>
            <ListDueBadge due={p.dueOn} status={p.dueStatus} />
          </div>
        </Paper>
      ))}
    </Stack>
  );
}
