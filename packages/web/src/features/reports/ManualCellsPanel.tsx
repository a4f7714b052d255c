/**
 * The manual cells of a form (06/QLKNTC) for the agency and period chosen on the reports page:
 * each cell with its column number, unit, value and note, entered by the reporting officer and
 * kept for that period; saving recomputes the form (the cells appear in it marked "nhập tay").
 * A value that is not a number is refused by the server, naming the cell.
 */
import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/call.ts";
import { formatDateTime, formatNumber } from "../../ui/format.ts";
import { reportServerError } from "../../ui/forms.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";
import type { ReportChoice } from "./api.ts";

type Values = { cells: { cell: string; value: string; note: string }[] };

export function ManualCellsPanel({ choice }: { choice: ReportChoice }) {
  const query = { form: choice.form, agencyId: choice.agencyId, from: choice.from, to: choice.to };
  const view = useQuery({
    queryKey: ["reports", "manual-cells", query],
    queryFn: ({ signal }) => call("reports.manualCells.get", { query, signal }),
  });
  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby="manual-cells" data-testid="manual-cells">
      <Title order={2} fz="h4" mb="xs" id="manual-cells">
        Số liệu nhập tay
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Các ô không có trong hồ sơ của hệ thống: đơn vị nhập cho đúng kỳ này; biểu mẫu tính chúng như các số liệu khác
        (đánh dấu «nhập tay») và cộng dồn các đơn vị trực thuộc.
      </Text>
      <QueryStatus query={view} />
      {view.data ? <ManualCellsForm key={JSON.stringify(view.data.cells)} view={view.data} /> : null}
    </Paper>
  );
}

function ManualCellsForm({ view }: { view: Awaited<ReturnType<typeof call<"reports.manualCells.get">>> }) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useAppForm<Values>({
    initialValues: {
      cells: view.cells.map((c) => ({
        cell: c.cell,
        value: c.value === null ? "" : formatNumber(c.value),
        note: c.note ?? "",
      })),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    setSaved(false);
    try {
      await call("reports.manualCells.save", {
        body: {
          form: view.form,
          agencyId: view.agency.id,
          from: view.from,
          to: view.to,
          kind: view.period ? "periodic" : "adhoc",
          cells: v.cells.map((c) => ({
            cell: c.cell,
            value: c.value.trim() === "" ? null : c.value,
            note: c.note || null,
          })),
        },
      });
      setSaved(true);
      await client.invalidateQueries({ queryKey: ["reports"] });
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        {saved ? (
          <Alert color="green" role="status">
            Đã lưu số liệu nhập tay.
          </Alert>
        ) : null}
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Cột</Table.Th>
                <Table.Th scope="col">Chỉ tiêu</Table.Th>
                <Table.Th scope="col">Số liệu</Table.Th>
                <Table.Th scope="col">Ghi chú</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.cells.map((c, i) => (
                <Table.Tr key={c.cell}>
                  <Table.Td>{c.no}</Table.Td>
                  <Table.Td>
                    {c.name}
                    {c.updatedBy ? (
                      <Text size="xs" c="dimmed">
                        {c.updatedBy} · {formatDateTime(c.updatedAt)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${c.name} (${c.unit})`}
                      inputMode={c.integer ? "numeric" : "decimal"}
                      placeholder={c.unit}
                      readOnly={!view.canWrite}
                      w={140}
                      {...form.getInputProps(`cells.${i}.value`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Ghi chú: ${c.name}`}
                      readOnly={!view.canWrite}
                      {...form.getInputProps(`cells.${i}.note`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {view.canWrite ? (
          <Group>
            <Button type="submit">Lưu số liệu nhập tay</Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
