import { CASE_DUE_SOON_DAYS, CASE_STATE_LIST, CASE_STATES, type CaseState } from "@minhbach/domain";
import { Anchor, Chip, Group, MultiSelect, NumberInput, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import { SortableTh } from "../../ui/DataTable.tsx";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { FilterPanel, ListExport, ListResults, QuickFilters, SearchField } from "../../ui/list-page/ListPage.tsx";
import { useListState } from "../../ui/list-page/list-state.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useMe, useSession } from "../auth/session.tsx";
import { ListDueBadge } from "../petitions/components.tsx";
import { fetchAllCases, useCaseDashboard, useCases, useResolvers, type CaseFilters, type CaseListItem } from "./api.ts";
import { CaseStateBadge } from "./components.tsx";
import { casePath, type CaseKind } from "./paths.ts";
import { CASE_TEXT } from "./text.ts";

type SortKey = "due_on" | "accepted_on" | "received_on";
const SORT_KEYS: readonly SortKey[] = ["due_on", "accepted_on", "received_on"];
const SORT_OPTIONS = [
  { value: "due_on", label: CASE_TEXT.sortDue },
  { value: "accepted_on", label: CASE_TEXT.sortAccepted },
  { value: "received_on", label: CASE_TEXT.sortReceived },
];
const ORDER_OPTIONS = [
  { value: "asc", label: CASE_TEXT.orderAsc },
  { value: "desc", label: CASE_TEXT.orderDesc },
];
const INSTANCE_OPTIONS = [
  { value: "1", label: CASE_TEXT.instance1 },
  { value: "2", label: CASE_TEXT.instance2 },
];
/** The server's largest page (caseListQuery). */
const MAX_PAGE_SIZE = 100;
const SOON_DAYS = CASE_DUE_SOON_DAYS;

/** States that only one kind of case goes through (docs/LAW.md §5.5, §6.7): left out of the other's filter. */
const OTHER_KIND_ONLY: Record<CaseKind, readonly CaseState[]> = {
  complaint: ["INITIAL_PROCESSING", "TRANSFERRED", "CONCLUDED", "CONCLUSION_HANDLED"],
  denunciation: ["AWAITING_ACCEPTANCE", "DIALOGUE_HELD", "DECIDED"],
};

function stateOptions(kind: CaseKind) {
  return CASE_STATE_LIST.filter((s) => !OTHER_KIND_ONLY[kind].includes(s)).map((s) => ({
    value: s,
    label: CASE_STATES[s],
  }));
}

/** The people who may hold a case: resolvers of the agency when the user may list accounts, else those holding cases now. */
function useHolderOptions() {
  const me = useMe();
  const { can } = useSession();
  const resolvers = useResolvers(me.agency.id, can("user.read"));
  const dashboard = useCaseDashboard(SOON_DAYS);
  const seen = new Map<string, string>();
  for (const r of dashboard.data?.perResolver ?? []) seen.set(r.userId, r.name);
  for (const u of resolvers.data ?? []) seen.set(u.id, u.fullName);
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "vi"));
}

const FILTERS = {
  q: "search",
  state: "text",
  overdue: "flag",
  dueWithinDays: "text",
  assignedToMe: "flag",
  holderId: "text",
  awaitingSignature: "flag",
} as const;
/** The instance (lần đầu, lần hai) is a filter of complaints only. */
const COMPLAINT_FILTERS = { ...FILTERS, instance: "text" } as const;

export default function CasesPage({ kind }: { kind: CaseKind }) {
  const list = useListState({
    filters: kind === "complaint" ? COMPLAINT_FILTERS : FILTERS,
    sort: { keys: SORT_KEYS, default: "due_on", order: "asc" },
    maxPageSize: MAX_PAGE_SIZE,
  });
  const { update, sort, order } = list;
  const { state, overdue, dueWithinDays: dueWithin, assignedToMe: mine, awaitingSignature: awaiting } = list.values;
  const instance = "instance" in list.values ? (list.values.instance as string | null) : null;
  const holders = useHolderOptions();

  const filters: CaseFilters = { kind, ...list.query, sort, order };
  const cases = useCases({ ...filters, page: list.page, pageSize: list.pageSize });

  const loadExport = async (onProgress: (done: number, total: number) => void) => {
    const items = await fetchAllCases(filters, onProgress);
    return {
      headers: [
        CASE_TEXT.code,
        CASE_TEXT.receivedOn,
        CASE_TEXT.acceptedOn,
        CASE_TEXT.petitioner[kind],
        CASE_TEXT.respondent[kind],
        CASE_TEXT.content,
        ...(kind === "complaint" ? [CASE_TEXT.instance] : []),
        CASE_TEXT.state,
        CASE_TEXT.holder,
        CASE_TEXT.due,
      ],
      rows: items.map((c) => [
        c.code,
        formatDate(c.receivedOn),
        formatDate(c.acceptedOn),
        c.petitioner,
        c.respondent,
        c.title,
        ...(kind === "complaint" ? [CASE_TEXT.instanceLabel(c.instance)] : []),
        c.stateLabel,
        c.holder ?? "",
        formatDate(c.dueOn),
      ]),
    };
  };

  return (
    <>
      <PageHeader title={CASE_TEXT.title[kind]} description={CASE_TEXT.description[kind]} />
      <FilterPanel label={CASE_TEXT.filters}>
        <Stack gap="sm">
          <QuickFilters label={CASE_TEXT.quickFilters}>
            <Chip checked={!list.active} onChange={list.clear}>
              {CASE_TEXT.quickAll}
            </Chip>
            <Chip checked={mine} onChange={(checked) => update({ assignedToMe: checked })}>
              {CASE_TEXT.quickMine}
            </Chip>
            <Chip
              checked={overdue}
              onChange={(checked) => update({ overdue: checked, dueWithinDays: null })}
              color="red"
            >
              {CASE_TEXT.quickOverdue}
            </Chip>
            <Chip
              checked={dueWithin === String(SOON_DAYS)}
              onChange={(checked) => update({ dueWithinDays: checked ? SOON_DAYS : null, overdue: null })}
              color="orange"
            >
              {CASE_TEXT.quickDueSoon}
            </Chip>
            <Chip checked={awaiting} onChange={(checked) => update({ awaitingSignature: checked })}>
              {CASE_TEXT.quickAwaitingSignature}
            </Chip>
          </QuickFilters>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <SearchField
              label={CASE_TEXT.search}
              placeholder={CASE_TEXT.searchPlaceholder}
              {...list.text("q")}
              style={{ flex: "3 1 260px" }}
            />
            <MultiSelect
              label={CASE_TEXT.filterState}
              placeholder={state ? undefined : CASE_TEXT.allStates}
              data={stateOptions(kind)}
              {...list.multi("state")}
              clearable
              searchable
              filter={vietnameseFilter}
              style={{ flex: "2 1 220px" }}
            />
            {kind === "complaint" ? (
              <Select
                label={CASE_TEXT.filterInstance}
                placeholder={CASE_TEXT.allInstances}
                data={INSTANCE_OPTIONS}
                value={instance}
                onChange={(value) => update({ instance: value })}
                clearable
                style={{ flex: "1 1 150px" }}
              />
            ) : null}
          </Group>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={CASE_TEXT.filterHolder}
              placeholder={CASE_TEXT.allHolders}
              data={holders}
              {...list.field("holderId")}
              clearable
              searchable
              filter={vietnameseFilter}
              nothingFoundMessage={COMMON.nothingFound}
              style={{ flex: "2 1 220px" }}
            />
            <NumberInput
              label={CASE_TEXT.filterDueWithin}
              placeholder={CASE_TEXT.filterDueWithinHint}
              min={0}
              max={366}
              allowNegative={false}
              allowDecimal={false}
              value={dueWithin ?? ""}
              onChange={(value) =>
                update({
                  dueWithinDays: typeof value === "number" ? value : null,
                  ...(value !== "" ? { overdue: null } : {}),
                })
              }
              style={{ flex: "1 1 150px" }}
            />
            <Select
              label={CASE_TEXT.sortBy}
              data={SORT_OPTIONS}
              value={sort}
              onChange={(value) => value && update({ sort: value })}
              allowDeselect={false}
              style={{ flex: "1 1 160px" }}
            />
            <Select
              label={CASE_TEXT.order}
              data={ORDER_OPTIONS}
              value={order}
              onChange={(value) => value && update({ order: value })}
              allowDeselect={false}
              style={{ flex: "1 1 120px" }}
            />
            <ListExport
              texts={{
                ...CASE_TEXT,
                exportFileName: CASE_TEXT.exportFileName[kind],
                exportSheet: CASE_TEXT.exportSheet[kind],
              }}
              load={loadExport}
            />
          </Group>
        </Stack>
      </FilterPanel>

      <ListResults
        query={cases}
        paging={list.paging}
        count={(data) => CASE_TEXT.total(formatNumber(data.total))}
        empty={CASE_TEXT.empty}
        cards={(data) => <CaseCards kind={kind} items={data.items} />}
      >
        {(data) => (
          <Table.ScrollContainer minWidth={1080}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="cases-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={180}>{CASE_TEXT.code}</Table.Th>
                  <SortableTh column="received_on" {...list.sorting} w={105}>
                    {CASE_TEXT.receivedOn}
                  </SortableTh>
                  <SortableTh column="accepted_on" {...list.sorting} w={105}>
                    {CASE_TEXT.acceptedOn}
                  </SortableTh>
                  <Table.Th w={150}>{CASE_TEXT.petitioner[kind]}</Table.Th>
                  <Table.Th>{CASE_TEXT.content}</Table.Th>
                  {kind === "complaint" ? <Table.Th w={80}>{CASE_TEXT.instance}</Table.Th> : null}
                  <Table.Th w={140}>{CASE_TEXT.state}</Table.Th>
                  <Table.Th w={140}>{CASE_TEXT.holder}</Table.Th>
                  <SortableTh column="due_on" {...list.sorting} w={150}>
                    {CASE_TEXT.due}
                  </SortableTh>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id} data-code={c.code}>
                    <Table.Td>
                      <Anchor component={Link} to={casePath(kind, c.id)} fw={700} size="sm">
                        {c.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDate(c.receivedOn)}</Table.Td>
                    <Table.Td>{c.acceptedOn ? formatDate(c.acceptedOn) : CASE_TEXT.notAccepted}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={3}>
                        {c.petitioner}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {c.title}
                      </Text>
                      {c.respondent ? (
                        <Text size="xs" c="gray.7" lineClamp={1}>
                          {CASE_TEXT.respondent[kind]}: {c.respondent}
                        </Text>
                      ) : null}
                    </Table.Td>
                    {kind === "complaint" ? <Table.Td>{CASE_TEXT.instanceLabel(c.instance)}</Table.Td> : null}
                    <Table.Td>
                      <CaseStateBadge state={c.state} label={c.stateLabel} />
                    </Table.Td>
                    <Table.Td>{c.holder ?? COMMON.none}</Table.Td>
                    <Table.Td>
                      <ListDueBadge due={c.dueOn} status={c.dueStatus} />
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

/** The list on a phone: one card per case instead of a wide table. */
function CaseCards({ kind, items }: { kind: CaseKind; items: CaseListItem[] }) {
  return (
    <Stack gap="sm" data-testid="cases-cards">
      {items.map((c) => (
        <Paper key={c.id} withBorder p="sm" data-code={c.code}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Anchor component={Link} to={casePath(kind, c.id)} fw={700}>
              {c.code}
            </Anchor>
            <Text size="sm">{formatDate(c.receivedOn)}</Text>
          </Group>
          <Text size="sm" fw={600} mt={4}>
            {c.petitioner}
          </Text>
          <Text size="sm" lineClamp={2}>
            {c.title}
          </Text>
          <Group gap="xs" mt={6} wrap="wrap">
            <CaseStateBadge state={c.state} label={c.stateLabel} />
            {kind === "complaint" && c.instance ? <Text size="sm">{CASE_TEXT.instanceLabel(c.instance)}</Text> : null}
            {c.holder ? (
              <Text size="sm">
                {CASE_TEXT.holder}: {c.holder}
              </Text>
            ) : null}
          </Group>
          <div style={{ marginTop: 6 }}>
            <ListDueBadge due={c.dueOn} status={c.dueStatus} />
          </div>
        </Paper>
      ))}
    </Stack>
  );
}
