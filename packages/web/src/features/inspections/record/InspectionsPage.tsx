import { INSPECTION_KIND_LABELS, INSPECTION_KINDS, INSPECTION_STATE_LIST, INSPECTION_STATES } from "@minhbach/domain";
import { Anchor, Badge, Button, Chip, Group, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useSession } from "../../auth/session.tsx";
import { formatDate, formatNumber } from "../../../ui/format.ts";
import { FilterPanel, ListResults, QuickFilters, SearchField } from "../../../ui/list-page/ListPage.tsx";
import { useListState } from "../../../ui/list-page/list-state.ts";
import { PageHeader } from "../../../ui/PageHeader.tsx";
import { useInspections } from "./api.ts";
import { NewInspectionForm } from "./NewInspectionForm.tsx";
import { INSPECTION_TEXT as T } from "./text.ts";

const FILTERS = {
  q: "search",
  year: "text",
  kind: "text",
  state: "text",
  overdue: "flag",
  awaiting: "flag",
} as const;
const SORT_KEYS = ["decided_on", "due_on", "code"] as const;
const year = new Date().getFullYear();
const YEARS = [year + 1, year, year - 1, year - 2, year - 3].map((y) => ({ value: String(y), label: String(y) }));

/** The inspections of the user's scope: filters, overdue, each opening its page. */
export default function InspectionsPage() {
  const list = useListState({
    filters: FILTERS,
    sort: { keys: SORT_KEYS, default: "decided_on", order: "desc" },
    maxPageSize: 200,
  });
  const { update, sort, order } = list;
  const inspections = useInspections({ ...list.query, sort, order, page: list.page, pageSize: list.pageSize });
  const { can } = useSession();
  const [proposing, setProposing] = useState(false);
  return (
    <>
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          <Group gap="xs">
            {can("inspection.write") ? (
              <Button onClick={() => setProposing(true)} disabled={proposing}>
                {T.newInspection}
              </Button>
            ) : null}
            <Button component={Link} to="/thanh-tra/theo-doi" variant="light">
              {T.followUp}
            </Button>
          </Group>
        }
      />
      {proposing ? <NewInspectionForm onClose={() => setProposing(false)} /> : null}
      <FilterPanel label={T.filters}>
        <Stack gap="sm">
          <QuickFilters label={T.filters}>
            <Chip checked={list.values.overdue} onChange={(checked) => update({ overdue: checked })} color="red">
              {T.overdue}
            </Chip>
            <Chip checked={list.values.awaiting} onChange={(checked) => update({ awaiting: checked })} color="yellow">
              {T.awaitingFilter}
            </Chip>
          </QuickFilters>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <SearchField label={T.search} {...list.text("q")} />
            <Select label={T.year} data={YEARS} clearable {...list.field("year")} />
            <Select
              label={T.kind}
              data={INSPECTION_KINDS.map((k) => ({ value: k, label: INSPECTION_KIND_LABELS[k] }))}
              clearable
              {...list.field("kind")}
            />
            <Select
              label={T.state}
              data={INSPECTION_STATE_LIST.map((s) => ({ value: s, label: INSPECTION_STATES[s] }))}
              clearable
              {...list.field("state")}
            />
          </Group>
        </Stack>
      </FilterPanel>
      <ListResults
        query={inspections}
        paging={list.paging}
        count={(data) => `${formatNumber(data.total)} cuộc thanh tra, kiểm tra`}
        empty={T.empty}
      >
        {(page) => (
          <Table.ScrollContainer minWidth={800}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{T.code}</Table.Th>
                  <Table.Th>{T.name}</Table.Th>
                  <Table.Th>{T.subjects}</Table.Th>
                  <Table.Th>{T.kind}</Table.Th>
                  <Table.Th>{T.state}</Table.Th>
                  <Table.Th>{T.decided}</Table.Th>
                  <Table.Th>{T.due}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/thanh-tra/${i.id}`}>
                        {i.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{i.title}</Table.Td>
                    <Table.Td>{i.subjects}</Table.Td>
                    <Table.Td>
                      {i.kindLabel}
                      {i.online ? ` (${T.online})` : ""}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={i.awaiting ? "yellow" : undefined}>
                        {i.stateLabel}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{i.decisionNumber ? `${i.decisionNumber}, ${formatDate(i.decidedOn)}` : ""}</Table.Td>
                    <Table.Td>
                      <Text c={i.overdue ? "red" : undefined} size="sm">
                        {formatDate(i.dueOn)}
                      </Text>
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
