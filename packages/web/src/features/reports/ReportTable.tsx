/**
 * A form in the appendix's layout (grouped headers, numbered columns, the total row and one row
 * per unit): a computed report (ReportsPage) or a sent one (SubmissionsPanel). Every figure opens
 * the list of records it counts (`onOpen` with its cell); the two rows explaining a consolidated
 * total are not records and do not open.
 */
import { Alert, Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import { formatDate, formatNumber } from "../../ui/format.ts";
import type { ReportView } from "./api.ts";
import { REPORT_TEXT as T } from "./text.ts";

/** The rows that explain a consolidated total (rollup.ts on the server): not records, no drill-down. */
const SUM_ROW = "cong_don_vi";
const ADJUSTMENT_ROW = "tru_trung";

export function ReportTable({
  report,
  onOpen,
  onDownload,
  onDownloadNarrative,
  downloadError,
}: {
  report: ReportView;
  onOpen: (cell: string) => void;
  onDownload: () => void;
  /** The narrative draft (.docx): computed from the records, so not offered for a sent report. */
  onDownloadNarrative?: () => void;
  downloadError: string | null;
}) {
  const grouped = new Map<number, { label: string; span: number } | null>();
  for (const g of report.groups) {
    grouped.set(g.from, { label: g.label, span: g.to - g.from + 1 });
    for (let n = g.from + 1; n <= g.to; n++) grouped.set(n, null);
  }
  const broken = report.reconciliation.checks.filter((c) => !c.holds);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={0}>
          <Text fw={700}>
            {report.form} — {report.title}
          </Text>
          <Text size="sm" c="dimmed">
            {report.agency.name} ·{" "}
            {T.periodLine(report.period?.label ?? T.kindAdhoc, formatDate(report.from), formatDate(report.to))}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="light" onClick={onDownload}>
            {T.download}
          </Button>
          {onDownloadNarrative ? (
            <Button variant="light" onClick={onDownloadNarrative}>
              {T.downloadNarrative}
            </Button>
          ) : null}
        </Group>
      </Group>
      {downloadError ? <Alert color="red">{downloadError}</Alert> : null}
      {broken.map((c) => (
        <Alert key={c.carriedOver} color="orange">
          {T.reconciliationBroken(c.carried, c.previousEnd)}
        </Alert>
      ))}
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder withColumnBorders striped aria-label={`${report.form} ${report.title}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2}>{T.no}</Table.Th>
              <Table.Th rowSpan={2}>{T.unit}</Table.Th>
              {report.columns.map((c) => {
                const g = grouped.get(c.no);
                if (g === null) return null;
                if (g === undefined)
                  return (
                    <Table.Th key={c.no} rowSpan={2} ta="center">
                      {c.label}
                    </Table.Th>
                  );
                return (
                  <Table.Th key={c.no} colSpan={g.span} ta="center">
                    {g.label}
                  </Table.Th>
                );
              })}
            </Table.Tr>
            <Table.Tr>
              {report.columns
                .filter((c) => grouped.get(c.no) !== undefined)
                .map((c) => (
                  <Table.Th key={c.no} ta="center">
                    {c.label}
                  </Table.Th>
                ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Th ta="center">A</Table.Th>
              <Table.Th ta="center">B</Table.Th>
              {report.columns.map((c) => (
                <Table.Th key={c.no} ta="center">
                  {c.no}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((row, i) => (
              <Table.Tr key={row.key} fw={i === 0 ? 700 : undefined}>
                <Table.Td>{i === 0 ? "" : i}</Table.Td>
                <Table.Td>{row.label}</Table.Td>
                {report.columns.map((c) => {
                  const key = `${row.key}.${c.no}`;
                  const n = report.cells[key] ?? 0;
                  if (row.key === SUM_ROW || row.key === ADJUSTMENT_ROW)
                    return (
                      <Table.Td key={c.no} ta="center">
                        {row.key === ADJUSTMENT_ROW && n !== 0 ? `−${formatNumber(n)}` : formatNumber(n)}
                      </Table.Td>
                    );
                  return (
                    <Table.Td key={c.no} ta="center">
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => onOpen(key)}
                        aria-label={T.figureLabel(c.label, row.label, formatNumber(n))}
                        data-cell={key}
                      >
                        {formatNumber(n)}
                      </Anchor>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
