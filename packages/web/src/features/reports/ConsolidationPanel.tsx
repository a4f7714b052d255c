/**
 * Beside a consolidated report (issue 19): why the total is not the plain sum (transferred
 * petitions counted once), where each unit's figures come from (its sent report, or the records
 * for a unit that has not sent), and the same period last year with merged units under their
 * successor and, per unit, the reports of last year's period it sent (their figures, not a recount).
 */
import { Alert, Badge, Paper, Stack, Table, Text } from "@mantine/core";
import { formatDate, formatNumber } from "../../ui/format.ts";
import type { ReportView } from "./api.ts";
import { SCOPE_TEXT as T } from "./text.ts";

export function ConsolidationPanel({ report }: { report: ReportView }) {
  const c = report.consolidation;
  if (!c) return null;
  const adjusted = Object.keys(c.adjustment).length > 0;
  const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : "0");
  const names = new Map(c.units.map((u) => [u.key, u.agency.name]));
  return (
    <Stack gap="sm" mt="sm">
      {adjusted ? (
        <Alert color="blue" title={report.rows.find((r) => r.key === "tru_trung")?.label ?? ""}>
          {c.adjustmentNote}
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        <Text fw={700} mb="xs">
          {T.units}
        </Text>
        <Table.ScrollContainer minWidth={500}>
          <Table striped aria-label={T.units}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{T.unit}</Table.Th>
                <Table.Th>{T.source}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.units.map((u) => (
                <Table.Tr key={u.key}>
                  <Table.Td>
                    {u.agency.name}{" "}
                    {u.agencies > 1 ? (
                      <Text span size="sm" c="dimmed">
                        ({T.agencies(u.agencies)})
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {u.source === "snapshot" ? (
                      <Badge color="green" variant="light">
                        {T.sent}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {T.unsent}
                      </Badge>
                    )}{" "}
                    {u.note ?? ""}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={700} mb="xs">
          {T.lastYearTitle(formatDate(c.lastYear.from), formatDate(c.lastYear.to))}
        </Text>
        <Table.ScrollContainer minWidth={500}>
          <Table striped aria-label={T.lastYearTitle(formatDate(c.lastYear.from), formatDate(c.lastYear.to))}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{T.indicator}</Table.Th>
                <Table.Th ta="right">{T.current}</Table.Th>
                <Table.Th ta="right">{T.lastYear}</Table.Th>
                <Table.Th ta="right">{T.change}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.columns.map((col) => {
                const now = report.cells[`tong.${col.no}`] ?? 0;
                const before = c.lastYear.cells[`tong.${col.no}`] ?? 0;
                return (
                  <Table.Tr key={col.no}>
                    <Table.Td>
                      ({col.no}) {col.label}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(now)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(before)}</Table.Td>
                    <Table.Td ta="right">{signed(Math.round((now - before) * 1e6) / 1e6)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {c.lastYear.successors.map((s) => (
          <Text key={s.key} size="sm" c="dimmed">
            {T.successors(names.get(s.key) ?? s.key, s.predecessors.join(", "))}
          </Text>
        ))}
        {(c.lastYear.units ?? [])
          .filter((u) => u.submissions.length > 0)
          .map((u) => (
            <Text key={`ly-${u.key}`} size="sm" c="dimmed">
              {T.lastYearSent(
                names.get(u.key) ?? u.key,
                u.submissions
                  .map((s) =>
                    T.lastYearReport({
                      sender: s.agency.code === u.key ? null : s.agency.name,
                      revision: s.revision,
                      status: s.status,
                      subtree: s.subtree,
                      heldBy: s.row === u.key ? null : (names.get(s.row) ?? s.row),
                    }),
                  )
                  .join("; "),
                u.source === "mixed",
              )}
            </Text>
          ))}
      </Paper>
    </Stack>
  );
}
