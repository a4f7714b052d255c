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
  TextInput,
} from "@mantine/core";
import { useDebouncedCallback, useMediaQuery } from "@mantine/hooks";
import { IconInfoCircle, IconPlus, IconSearch } from "@tabler/icons-react";
import { respell } from "@minhbach/domain";
import type { SearchedAs } from "@minhbach/domain/api/petition-views";
import { useState } from "react";
import { Link } from "react-router-dom";
import { DateField } from "../../ui/DateField.tsx";
import { Pager, SortableTh, type SortOrder } from "../../ui/DataTable.tsx";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { ErrorBlock, LoadingBlock } from "../../ui/QueryState.tsx";
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

function PetitionList() {
  const { params, update, page, pageSize } = useUrlState();
  const phone = useMediaQuery("(max-width: 48em)");

  const q = params.get("q") ?? "";
  const status = params.get("status") ?? "";
  const kind = params.get("kind");
  const channel = params.get("channel");
  const fieldCode = params.get("fieldCode");
  const from = params.get("from");
  const to = params.get("to");
  const dueSoon = params.get("dueSoon") === "true";
  const overdue = params.get("overdue") === "true";
  const sortParam = params.get("sort") as SortKey | null;
  const sort: SortKey = sortParam && SORT_KEYS.includes(sortParam) ? sortParam : "receivedOn";
  const order: SortOrder = params.get("order") === "asc" ? "asc" : "desc";

  const [searchText, setSearchText] = useState(q);
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 300);

  const filters: PetitionFilters = {
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
    ...(channel ? { channel } : {}),
    ...(fieldCode ? { fieldCode } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(dueSoon ? { dueSoon: "true" } : {}),
    ...(overdue ? { overdue: "true" } : {}),
    sort,
    order,
  };
  const petitions = usePetitions({ ...filters, page, pageSize });
  const onSort = (column: SortKey, next: SortOrder) => update({ sort: column, order: next });
  const hasFilters = Boolean(q || status || kind || channel || fieldCode || from || to || dueSoon || overdue);

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
      <Paper withBorder p="md" mb="md" role="search" aria-label={PETITION_TEXT.filters}>
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap" role="group" aria-label={PETITION_TEXT.quickFilters}>
            <Chip
              checked={!hasFilters}
              onChange={() => {
                setSearchText("");
                update({
                  q: null,
                  status: null,
                  kind: null,
                  channel: null,
                  fieldCode: null,
                  from: null,
                  to: null,
                  dueSoon: null,
                  overdue: null,
                });
              }}
            >
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
          </Group>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={PETITION_TEXT.search}
              placeholder={PETITION_TEXT.searchPlaceholder}
              description={PETITION_TEXT.searchHint}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={searchText}
              onChange={(e) => {
                setSearchText(e.currentTarget.value);
                pushSearch(e.currentTarget.value);
              }}
              style={{ flex: "3 1 260px" }}
            />
            <MultiSelect
              label={PETITION_TEXT.filterStatus}
              placeholder={status ? undefined : PETITION_TEXT.allStatuses}
              data={STATE_OPTIONS}
              value={status ? status.split(",") : []}
              onChange={(values) => update({ status: values.join(",") || null })}
              clearable
              searchable
              filter={vietnameseFilter}
              style={{ flex: "2 1 220px" }}
            />
            <Select
              label={PETITION_TEXT.filterKind}
              placeholder={PETITION_TEXT.allKinds}
              data={KIND_OPTIONS}
              value={kind}
              onChange={(value) => update({ kind: value })}
              clearable
              style={{ flex: "1 1 170px" }}
            />
          </Group>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={PETITION_TEXT.filterChannel}
              placeholder={PETITION_TEXT.allChannels}
              data={CHANNEL_OPTIONS}
              value={channel}
              onChange={(value) => update({ channel: value })}
              clearable
              comboboxProps={{ width: 420, position: "bottom-start" }}
              style={{ flex: "2 1 220px" }}
            />
            <Select
              label={PETITION_TEXT.filterField}
              placeholder={PETITION_TEXT.allFields}
              data={fieldOptions()}
              value={fieldCode}
              onChange={(value) => update({ fieldCode: value })}
              clearable
              searchable
              filter={vietnameseFilter}
              nothingFoundMessage={COMMON.nothingFound}
              style={{ flex: "2 1 200px" }}
            />
            <DateField
              label={PETITION_TEXT.filterFrom}
              value={from}
              onChange={(value) => update({ from: value })}
              style={{ flex: "1 1 150px" }}
            />
            <DateField
              label={PETITION_TEXT.filterTo}
              value={to}
              onChange={(value) => update({ to: value })}
              style={{ flex: "1 1 150px" }}
            />
            <PetitionExportMenu filters={filters} loadCsv={loadExport} />
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        {petitions.isPending ? <LoadingBlock /> : null}
        {petitions.isError ? <ErrorBlock error={petitions.error} onRetry={() => void petitions.refetch()} /> : null}
        {petitions.data ? (
          <>
            <Text size="sm" fw={700} mb="xs" role="status">
              {(petitions.data.totalCapped ? PETITION_TEXT.totalCapped : PETITION_TEXT.total)(
                formatNumber(petitions.data.total),
              )}
            </Text>
            {petitions.data.searchedAs ? (
              <SearchedAsNote typed={q} searched={petitions.data.searchedAs} items={petitions.data.items} />
            ) : null}
            {petitions.data.items.length === 0 ? <Text>{PETITION_TEXT.empty}</Text> : null}
            {phone ? (
              <PetitionCards items={petitions.data.items} />
            ) : petitions.data.items.length > 0 ? (
              <Table.ScrollContainer minWidth={960}>
                <Table striped highlightOnHover verticalSpacing="xs" data-testid="petitions-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={170}>{PETITION_TEXT.code}</Table.Th>
                      <SortableTh column="receivedOn" sort={sort} order={order} onSort={onSort} w={105}>
                        {PETITION_TEXT.receivedOn}
                      </SortableTh>
                      <Table.Th w={170}>{PETITION_TEXT.petitioner}</Table.Th>
                      <Table.Th>{PETITION_TEXT.content}</Table.Th>
                      <SortableTh column="kind" sort={sort} order={order} onSort={onSort} w={105}>
                        {PETITION_TEXT.kind}
                      </SortableTh>
                      <SortableTh column="status" sort={sort} order={order} onSort={onSort} w={135}>
                        {PETITION_TEXT.status}
                      </SortableTh>
                      <SortableTh column="due" sort={sort} order={order} onSort={onSort} w={145}>
                        {PETITION_TEXT.due}
                      </SortableTh>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {petitions.data.items.map((p) => (
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
            ) : null}
            <Pager
              page={page}
              pageSize={pageSize}
              total={petitions.data.total}
              onPage={(p) => update({ page: p }, false)}
              onPageSize={(size) => update({ pageSize: size })}
            />
          </>
        ) : null}
      </Paper>
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
