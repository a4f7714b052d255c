import { Alert, Badge, Button, FileInput, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { call, type Answer } from "../../api/call.ts";
import { errorMessage } from "../../api/client.ts";
import { saveDownload } from "../../ui/download.ts";
import { formatDate } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useAcMutation, useOfficials, usePositions } from "./api.ts";
import { OfficialModal } from "./OfficialModal.tsx";
import { PositionModal } from "./PositionModal.tsx";
import { RecordTable } from "./RecordTable.tsx";
import { OFFICIAL_TEXT } from "./records-text.ts";
import { AC_TEXT } from "./text.ts";

type ImportResult = Answer<"anticorruption.officials.import">;
type Position = Answer<"anticorruption.positions.list">["items"][number];
type Official = Answer<"anticorruption.officials.list">["items"][number];

export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function PeoplePanel({ write }: { write: boolean }) {
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const officials = useOfficials(q, page);
  const [editing, setEditing] = useState<Answer<"anticorruption.officials.get"> | null>(null);
  return (
    <Stack>
      {write ? <ImportBox /> : null}
      <Paper withBorder p="md">
        <Title order={2} fz="h4" mb="sm">
          {AC_TEXT.officials}
        </Title>
        <TextInput
          label={AC_TEXT.search}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          maw={360}
          mb="sm"
        />
        <QueryStatus query={officials} />
        <RecordTable<Official>
          rows={officials.data?.items}
          testId="ac-officials"
          minWidth={760}
          paging={officials.data ? { total: officials.data.total, page, pageSize: 50, onChange: setPage } : undefined}
          columns={[
            { header: AC_TEXT.code, cell: (o) => o.code, sort: (o) => o.code },
            { header: AC_TEXT.fullName, cell: (o) => o.fullName, sort: (o) => o.fullName },
            { header: AC_TEXT.unit, cell: (o) => o.unitName, sort: (o) => o.unitName },
            { header: AC_TEXT.currentPosition, cell: (o) => o.currentPosition ?? "", sort: (o) => o.currentPosition },
            { header: AC_TEXT.birthDate, cell: (o) => formatDate(o.birthDate), sort: (o) => o.birthDate },
            {
              header: AC_TEXT.retirement,
              cell: (o) => formatDate(o.expectedRetirement),
              sort: (o) => o.expectedRetirement,
            },
            write && {
              header: "",
              cell: (o) => (
                <Button
                  size="xs"
                  variant="subtle"
                  aria-label={`${OFFICIAL_TEXT.edit}: ${o.fullName}`}
                  onClick={() =>
                    void call("anticorruption.officials.get", { params: { id: o.id } }).then(setEditing, () =>
                      setEditing(null),
                    )
                  }
                >
                  {OFFICIAL_TEXT.edit}
                </Button>
              ),
            },
          ]}
        />
      </Paper>
      <Positions write={write} />
      {editing ? <OfficialModal official={editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

function ImportBox() {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useAcMutation(async (f: File) =>
    call("anticorruption.officials.import", {
      body: { fileName: f.name, contentBase64: await base64Of(f), dryRun: false },
    }),
  );
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="h4" mb="sm">
        {AC_TEXT.import}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <FileInput label={AC_TEXT.importFile} accept=".xlsx" value={file} onChange={setFile} w={320} clearable />
        <Button
          disabled={!file}
          loading={upload.isPending}
          onClick={() =>
            file &&
            upload.mutate(file, {
              onSuccess: (r) => {
                setResult(r);
                setError(null);
              },
              onError: (e) => setError(errorMessage(e)),
            })
          }
        >
          {AC_TEXT.import}
        </Button>
        <Button
          variant="subtle"
          onClick={() =>
            void saveDownload("anticorruption.officials.importTemplate", {}, "Mau-nhap-can-bo.xlsx").catch(
              (e: unknown) => setError(errorMessage(e)),
            )
          }
        >
          {AC_TEXT.importTemplate}
        </Button>
      </Group>
      {error ? (
        <Alert color="red" mt="sm" role="alert">
          {error}
        </Alert>
      ) : null}
      {result?.saved ? (
        <Alert color="green" mt="sm" role="status">
          {AC_TEXT.imported(result.created, result.updated)}
        </Alert>
      ) : null}
      {result && !result.saved && result.refused.length ? (
        <Stack mt="sm" gap="xs">
          <Alert color="orange" role="alert">
            {AC_TEXT.importRefused}
          </Alert>
          <Table data-testid="ac-import-refused">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{AC_TEXT.row}</Table.Th>
                <Table.Th>{AC_TEXT.code}</Table.Th>
                <Table.Th>{AC_TEXT.field}</Table.Th>
                <Table.Th>{AC_TEXT.message}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.refused.map((r) => (
                <Table.Tr key={`${r.row}-${r.field}`}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.code}</Table.Td>
                  <Table.Td>{r.field}</Table.Td>
                  <Table.Td>{r.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Paper>
  );
}

function Positions({ write }: { write: boolean }) {
  const positions = usePositions();
  const [editing, setEditing] = useState<Position | "new" | null>(null);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {AC_TEXT.positions}
        </Title>
        {write ? (
          <Button variant="light" onClick={() => setEditing("new")}>
            {AC_TEXT.position.add}
          </Button>
        ) : null}
      </Group>
      {editing ? (
        <PositionModal position={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <QueryStatus query={positions} />
      <RecordTable<Position>
        rows={positions.data?.items}
        testId="ac-positions"
        minWidth={760}
        columns={[
          { header: AC_TEXT.code, cell: (p) => p.code, sort: (p) => p.code },
          { header: AC_TEXT.fullName, cell: (p) => p.name, sort: (p) => p.name },
          {
            header: AC_TEXT.annual,
            cell: (p) => (p.declaresAnnually ? <Badge variant="light">{AC_TEXT.yes}</Badge> : AC_TEXT.no),
            sort: (p) => (p.declaresAnnually ? 0 : 1),
          },
          {
            header: AC_TEXT.rotation,
            cell: (p) =>
              p.rotation && p.rotationMonths ? `${p.sector ?? ""} — ${AC_TEXT.months(p.rotationMonths)}` : AC_TEXT.no,
            sort: (p) => (p.rotation ? (p.sector ?? "") : null),
          },
          { header: AC_TEXT.basis, cell: (p) => <Text size="xs">{p.declarationBasis}</Text> },
          write && {
            header: AC_TEXT.actions,
            cell: (p) => (
              <Button
                size="xs"
                variant="subtle"
                aria-label={AC_TEXT.position.editFor(p.name)}
                onClick={() => setEditing(p)}
              >
                {AC_TEXT.position.edit}
              </Button>
            ),
          },
        ]}
      />
    </Paper>
  );
}
