import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { call, type Answer } from "../../api/call.ts";
import { errorMessage } from "../../api/client.ts";
import { saveDownload } from "../../ui/download.ts";
import { useAcMutation } from "./api.ts";
import { base64Of } from "./PeoplePanel.tsx";
import { AC_TEXT } from "./text.ts";

const T = AC_TEXT.declarationImport;
type Result = Answer<"anticorruption.declarations.import">;

/**
 * One declaration from the .xlsx form: the blank form of this obligation to hand to the declarant,
 * and the filled file read back; the server checks every cell and answers the refusals by section
 * and row, saving nothing until the file is right.
 */
export function DeclarationImport({
  obligation,
  receivedOn,
  onSaved,
}: {
  obligation: { id: string; version: number };
  receivedOn: string | null;
  onSaved(): void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useAcMutation(async (f: File) =>
    call("anticorruption.declarations.import", {
      params: { id: obligation.id },
      body: {
        version: obligation.version,
        receivedOn: receivedOn ?? "",
        fileName: f.name,
        contentBase64: await base64Of(f),
      },
    }),
  );
  return (
    <Paper withBorder p="sm">
      <Title order={3} fz="h5" mb={4}>
        {T.title}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {T.hint}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <Button
          variant="light"
          onClick={() =>
            void saveDownload(
              "anticorruption.declarations.template",
              { params: { id: obligation.id } },
              "Mau-ban-ke-khai.xlsx",
            ).catch((e: unknown) => setError(errorMessage(e)))
          }
        >
          {T.template}
        </Button>
        <FileInput label={T.file} accept=".xlsx" value={file} onChange={setFile} w={300} clearable />
        <Button
          disabled={!file}
          loading={upload.isPending}
          onClick={() =>
            file &&
            upload.mutate(file, {
              onSuccess: (r) => {
                setResult(r);
                setError(null);
                if (r.saved) onSaved();
              },
              onError: (e) => setError(errorMessage(e)),
            })
          }
        >
          {T.run}
        </Button>
      </Group>
      {error ? (
        <Alert color="red" mt="sm" role="alert">
          {error}
        </Alert>
      ) : null}
      {result && !result.saved ? (
        <Stack mt="sm" gap="xs">
          <Alert color="orange" role="alert">
            {T.refused}
          </Alert>
          <Table data-testid="ac-declaration-import-refused">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{T.section}</Table.Th>
                <Table.Th>{T.row}</Table.Th>
                <Table.Th>{T.field}</Table.Th>
                <Table.Th>{T.message}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.refused.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{r.section}</Table.Td>
                  <Table.Td>{r.row || ""}</Table.Td>
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
