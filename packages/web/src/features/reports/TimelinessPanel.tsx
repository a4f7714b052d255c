/**
 * The superior's view of a period (issue 19): each direct unit, the day by which it had to send
 * the chosen form (per-level deadline computed by the server through the deadline engine and the
 * working calendar) and whether it was sent on time, late (by how many days), not sent and late,
 * or not yet due. Filterable by standing.
 */
import { Alert, Badge, Group, Paper, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { ExportMenu } from "../../ui/ExportMenu.tsx";
import { formatDate } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useTimeliness, type TimelinessView } from "./api.ts";
import { TIMELINESS_TEXT as T } from "./text.ts";

type Item = TimelinessView["items"][number];

const COLOR: Record<Item["status"], string> = { on_time: "green", late: "orange", overdue: "red", not_due: "gray" };

function standing(i: Item): string {
  if (i.status === "late" && i.daysLate !== null) return `${i.statusLabel} (${T.daysLate(i.daysLate)})`;
  if (i.status === "overdue" && i.daysLate !== null) return `${i.statusLabel} (${T.overdueBy(i.daysLate)})`;
  return i.statusLabel;
}

export function TimelinessPanel({ form, from, to }: { form: string; from: string; to: string }) {
  const query = useTimeliness({ form, from, to });
  const [status, setStatus] = useState<string | null>(null);
  const data = query.data;
  const items = (data?.items ?? []).filter((i) => status === null || i.status === status);
  const options = [
    { value: "on_time", label: "Đã gửi đúng hạn" },
    { value: "late", label: "Đã gửi trễ hạn" },
    { value: "overdue", label: "Chưa gửi, đã quá hạn" },
    { value: "not_due", label: "Chưa gửi, chưa đến hạn" },
  ];
  return (
    <Paper withBorder p="md" mt="md" data-testid="timeliness">
      <Stack gap="sm">
        <Text fw={700}>{T.title(data?.period.label ?? `${formatDate(from)} – ${formatDate(to)}`, form)}</Text>
        <QueryStatus query={query} />
        {data ? (
          <>
            {data.rule.probable ? (
              <Alert color="yellow">
                {T.unverified} {data.rule.note ?? data.rule.basis}
              </Alert>
            ) : null}
            <Text size="sm">{T.counts(data.counts)}</Text>
            {data.items.length === 0 ? (
              <Text>{T.empty}</Text>
            ) : (
              <>
                <Group align="flex-end">
                  <Select
                    label={T.filter}
                    placeholder={T.all}
                    data={options}
                    value={status}
                    onChange={setStatus}
                    clearable
                    w={280}
                  />
                  <ExportMenu
                    fileName="han-gui-bao-cao"
                    sheetName="Hạn gửi báo cáo"
                    load={async () => ({
                      headers: [T.agency, T.level, T.due, T.submittedOn, T.standing, T.report],
                      rows: items.map((i) => [
                        i.agency.name,
                        i.levelLabel,
                        formatDate(i.due),
                        i.submittedOn ? formatDate(i.submittedOn) : "",
                        standing(i),
                        i.submission ? `Lần ${i.submission.revision}: ${i.submission.statusLabel}` : "",
                      ]),
                    })}
                    progressText={(done, total) => `Đang xuất ${done}/${total} đơn vị…`}
                    doneText={(n) => `Đã xuất ${n} đơn vị.`}
                  />
                </Group>
                <Table.ScrollContainer minWidth={760}>
                  <Table striped aria-label={T.title(data.period.label, form)}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{T.agency}</Table.Th>
                        <Table.Th>{T.level}</Table.Th>
                        <Table.Th>{T.due}</Table.Th>
                        <Table.Th>{T.submittedOn}</Table.Th>
                        <Table.Th>{T.standing}</Table.Th>
                        <Table.Th>{T.report}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((i) => (
                        <Table.Tr key={i.agency.id} data-unit={i.agency.code}>
                          <Table.Td>{i.agency.name}</Table.Td>
                          <Table.Td>{i.levelLabel}</Table.Td>
                          <Table.Td>{formatDate(i.due)}</Table.Td>
                          <Table.Td>{i.submittedOn ? formatDate(i.submittedOn) : "—"}</Table.Td>
                          <Table.Td>
                            <Badge color={COLOR[i.status]} variant="light">
                              {standing(i)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            {i.submission ? `Lần ${i.submission.revision}: ${i.submission.statusLabel}` : "—"}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
