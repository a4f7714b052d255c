import { ASSET_SECTION_KEYS, ASSET_SECTIONS, formatAssetValue } from "@minhbach/domain";
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/call.ts";
import { errorMessage } from "../../api/client.ts";
import { saveDownload } from "../../ui/download.ts";
import { formatDate } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useMyDeclarations } from "./api.ts";
import { AC_TEXT } from "./text.ts";

/** A declarant's own declarations: the list, each opened on demand (every opening is audited). */
export function MyDeclarations() {
  const mine = useMyDeclarations();
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="h4" mb="sm">
        {AC_TEXT.mine}
      </Title>
      <QueryStatus query={mine} />
      {mine.data && mine.data.items.length === 0 ? <Text>{AC_TEXT.mineEmpty}</Text> : null}
      {error ? (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      ) : null}
      {mine.data?.items.length ? (
        <Table striped data-testid="ac-mine">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{AC_TEXT.year}</Table.Th>
              <Table.Th>{AC_TEXT.kind}</Table.Th>
              <Table.Th>{AC_TEXT.declaredOn}</Table.Th>
              <Table.Th>{AC_TEXT.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.data.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.year}</Table.Td>
                <Table.Td>{AC_TEXT.kinds[d.kind]}</Table.Td>
                <Table.Td>{formatDate(d.declaredOn)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => setOpen(d.id)}>
                      {AC_TEXT.view}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() =>
                        void saveDownload(
                          "anticorruption.declarations.file",
                          { params: { id: d.id } },
                          `Ban-ke-khai-${d.year}.xlsx`,
                        ).catch((e: unknown) => setError(errorMessage(e)))
                      }
                    >
                      {AC_TEXT.download}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() =>
                        void saveDownload(
                          "anticorruption.declarations.form",
                          { params: { id: d.id } },
                          `Ban-ke-khai-${d.year}.docx`,
                        ).catch((e: unknown) => setError(errorMessage(e)))
                      }
                    >
                      {AC_TEXT.downloadForm}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={AC_TEXT.declaration} size="xl">
        {open ? <Declaration id={open} /> : null}
      </Modal>
    </Paper>
  );
}

function Declaration({ id }: { id: string }) {
  const declaration = useQuery({
    queryKey: ["anticorruption", "declaration", id],
    queryFn: ({ signal }) => call("anticorruption.declarations.get", { params: { id }, signal }),
    staleTime: 0,
    gcTime: 0,
  });
  if (!declaration.data) return <QueryStatus query={declaration} />;
  const d = declaration.data;
  return (
    <Stack gap="xs">
      <Text>
        {d.content.declarant.fullName} — {AC_TEXT.kinds[d.kind]} {d.year} ({formatDate(d.declaredOn)})
      </Text>
      <Table data-testid="ac-declaration">
        <Table.Tbody>
          {ASSET_SECTION_KEYS.flatMap((key) =>
            d.content[key].map((item, i) => (
              <Table.Tr key={`${key}-${i}`}>
                <Table.Td>{ASSET_SECTIONS[key]}</Table.Td>
                <Table.Td>{AC_TEXT.owner[item.owner]}</Table.Td>
                <Table.Td>{item.description}</Table.Td>
                <Table.Td>{formatAssetValue(item.value)}</Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
      <Text size="sm">
        {AC_TEXT.income}: {formatAssetValue(d.content.income)}
      </Text>
      <Text size="sm">
        {AC_TEXT.total}: {formatAssetValue(d.comparison.total)}
        {d.comparison.increase !== null ? ` — ${AC_TEXT.increase}: ${formatAssetValue(d.comparison.increase)}` : ""}
      </Text>
      {d.comparison.flagged ? <Badge color="orange">{AC_TEXT.flagged}</Badge> : null}
    </Stack>
  );
}
