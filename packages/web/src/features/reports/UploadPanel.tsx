/**
 * Reports of units not on the system (issue 19): the reporting officer downloads the blank official
 * form of a unit and period, the unit fills it, the officer uploads it back. The server checks
 * every cell; a refusal lists each error with its cell, column and message (nothing is saved), an
 * accepted file becomes the unit's report in the list below, marked "Tải lên từ Excel".
 */
import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { saveDownload } from "../../ui/download.ts";
import { useUploadReport, type UploadAnswer, type UploadTarget } from "./api.ts";
import { UPLOAD_TEXT as T } from "./text.ts";

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function UploadPanel({ target }: { target: UploadTarget | null }) {
  const upload = useUploadReport();
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<UploadAnswer | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby="report-upload-title">
      <Stack gap="sm">
        <Text fw={700} id="report-upload-title">
          {T.title}
        </Text>
        <Text size="sm" c="dimmed">
          {target ? T.hint : T.choose}
        </Text>
        <Group align="flex-end" wrap="wrap" gap="sm">
          <Button
            variant="light"
            disabled={target === null}
            onClick={async () => {
              if (!target) return;
              setDownloadError(null);
              try {
                await saveDownload("reports.blank", { query: target }, "bieu-mau-trong.xlsx");
              } catch (error) {
                setDownloadError(errorMessage(error));
              }
            }}
          >
            {T.blank}
          </Button>
        </Group>
        {downloadError ? <Alert color="red">{downloadError}</Alert> : null}
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!target || !file) return;
            setResult(null);
            const contentBase64 = await base64Of(file);
            upload.mutate(
              { target, fileName: file.name, contentBase64, ...(reason.trim() ? { reason: reason.trim() } : {}) },
              {
                onSuccess: (answer) => {
                  setResult(answer);
                  if (answer.accepted) {
                    setFile(null);
                    setReason("");
                  }
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <Group align="flex-end" wrap="wrap" gap="sm">
              <FileInput
                label={T.file}
                placeholder={T.filePlaceholder}
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={setFile}
                clearable
                w={{ base: "100%", sm: 360 }}
                disabled={target === null}
              />
              <Button type="submit" disabled={target === null || file === null} loading={upload.isPending}>
                {T.upload}
              </Button>
            </Group>
            <Textarea
              label={T.reason}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={1}
              disabled={target === null}
            />
          </Stack>
        </form>
        {upload.error ? <Alert color="red">{errorMessage(upload.error)}</Alert> : null}
        {result?.accepted && result.submission ? (
          <Alert color="green" role="status">
            {T.accepted(result.submission.agency.name)}
          </Alert>
        ) : null}
        {result && !result.accepted ? (
          <>
            <Alert color="red" role="alert">
              {T.refused(result.errors.length)}
            </Alert>
            {/* Focusable so the list can be scrolled and read from the keyboard. */}
            <div tabIndex={0} role="region" aria-label={T.errorsCaption}>
              <Table.ScrollContainer minWidth={560}>
                <Table
                  striped
                  withTableBorder
                  captionSide="top"
                  aria-label={T.errorsCaption}
                  data-testid="upload-errors"
                >
                  <Table.Caption>{T.errorsCaption}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{T.cell}</Table.Th>
                      <Table.Th scope="col">{T.column}</Table.Th>
                      <Table.Th scope="col">{T.message}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.errors.map((e, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{e.cell ?? T.wholeFile}</Table.Td>
                        <Table.Td>{e.column ?? ""}</Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </div>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
