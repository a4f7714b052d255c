import { Alert, List, Modal, Pagination, Stack, Table, Text } from "@mantine/core";
import { INSPECTION_STATES } from "@minhbach/domain";
import { useState } from "react";
import { formatDate, formatNumber } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useDrilldown, type DrillQuery, type SentDrillQuery } from "./api.ts";
import { REPORT_TEXT as T } from "./text.ts";

/**
 * The state shown beside a record: the inspections' labels; the anti-corruption and follow-up
 * sources give a Vietnamese status already; petitions, visits and cases keep their own pages.
 */
function stateOf(kind: string, state: string): string {
  if (kind === "inspection") return (INSPECTION_STATES as Record<string, string>)[state] ?? state;
  if (kind === "petition" || kind === "visit" || kind === "case") return "";
  return state;
}

/**
 * The records behind one figure, in a dialog: a cell of a computed form (the reports page) or a
 * point of a dashboard chart (an indicator over some days, maybe of one field or one unit).
 */
export function DrilldownModal({
  target,
  onClose,
  fallbackTitle,
}: {
  target: DrillQuery | SentDrillQuery | null;
  onClose: () => void;
  /** The dialog's title until the list has come. */
  fallbackTitle: string;
}) {
  const [page, setPage] = useState(1);
  const list = useDrilldown(target, page);
  const data = list.data;
  // A sum (money, people, land) shows what each record adds; a count adds 1 each.
  const sums = data !== undefined && data.items.some((item) => item.amount !== 1);
  return (
    <Modal
      opened={target !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      title={data ? T.drillTitle(data.name, formatNumber(data.total)) : fallbackTitle}
      size="xl"
    >
      <QueryStatus query={list} />
      {data ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {data.counts}
          </Text>
          {data.sources.length > 0 ? (
            <Alert color="blue" variant="light" p="xs">
              <List size="sm" spacing={2}>
                {data.sources.map((s) => (
                  <List.Item key={s.agencyCode}>{T.drillSource(s.kind, s.agencyName, s.revision, s.status)}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          {data.items.length === 0 ? (
            <Text>{T.empty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table striped aria-label={data.name}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{T.code}</Table.Th>
                    <Table.Th>{T.date}</Table.Th>
                    <Table.Th>{T.content}</Table.Th>
                    <Table.Th>{T.state}</Table.Th>
                    <Table.Th>{T.unit}</Table.Th>
                    {sums ? <Table.Th ta="right">{T.amount}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>{item.code}</Table.Td>
                      <Table.Td>{item.date ? formatDate(item.date) : ""}</Table.Td>
                      <Table.Td>{item.title}</Table.Td>
                      <Table.Td>{stateOf(item.kind, item.state)}</Table.Td>
                      <Table.Td>{item.agencyCode}</Table.Td>
                      {sums ? <Table.Td ta="right">{formatNumber(item.amount)}</Table.Td> : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {data.total > data.pageSize ? (
            <Pagination
              total={Math.ceil(data.total / data.pageSize)}
              value={page}
              onChange={setPage}
              aria-label="Phân trang"
            />
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  );
}
