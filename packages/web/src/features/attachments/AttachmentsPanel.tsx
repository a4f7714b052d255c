import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconLock, IconPaperclip, IconTrash, IconUpload } from "@tabler/icons-react";
import { useRef, useState, type FormEvent, type MouseEvent } from "react";
import { errorMessage } from "../../api/client.ts";
import { saveDownload } from "../../ui/download.ts";
import { formatDateTime } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { COMMON } from "../../ui/text.ts";
import {
  downloadUrl,
  useDeleteAttachment,
  useAttachments,
  useUploadAttachments,
  type Attachment,
  type AttachmentList,
  type AttachmentOwner,
} from "./api.ts";
import { ATTACHMENT_TEXT, formatFileSize } from "./text.ts";

/**
 * The files attached to a petition: the list with download links, an upload form with progress
 * (when the server says the user may upload), and deletion after a confirmation.
 */
export function AttachmentsPanel({ owner, title }: { owner: AttachmentOwner; title?: string }) {
  const list = useAttachments(owner);
  const ownerId = owner.replace("/", "-");
  const [deleting, setDeleting] = useState<Attachment | null>(null);
  const titleId = `attachments-${ownerId}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="attachments-panel">
      <Title order={2} fz="h4" mb="sm" id={titleId}>
        {title ?? ATTACHMENT_TEXT.title}
      </Title>
      <QueryStatus query={list} />
      {list.data ? (
        <Stack gap="md">
          {list.data.items.length === 0 ? (
            <Text size="sm">{ATTACHMENT_TEXT.empty}</Text>
          ) : (
            <AttachmentTable items={list.data.items} onDelete={setDeleting} />
          )}
          {list.data.canUpload ? <UploadForm owner={owner} limits={list.data} /> : null}
        </Stack>
      ) : null}
      <DeleteModal owner={owner} attachment={deleting} onClose={() => setDeleting(null)} />
    </Paper>
  );
}

async function download(event: MouseEvent<HTMLElement>, file: Attachment) {
  // A plain click downloads through the API client, so a refusal shows as a message instead of
  // a saved error page; the link itself still works for "open in new tab" and "copy link".
  event.preventDefault();
  try {
    await saveDownload("attachments.download", { params: { id: file.id } }, file.fileName);
  } catch (error) {
    notifications.show({ color: "red", message: errorMessage(error) });
  }
}

function AttachmentTable({ items, onDelete }: { items: Attachment[]; onDelete(file: Attachment): void }) {
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table striped verticalSpacing="xs" aria-label={ATTACHMENT_TEXT.tableLabel}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{ATTACHMENT_TEXT.fileName}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {ATTACHMENT_TEXT.size}
            </Table.Th>
            <Table.Th scope="col">{ATTACHMENT_TEXT.uploadedBy}</Table.Th>
            <Table.Th scope="col">{ATTACHMENT_TEXT.uploadedOn}</Table.Th>
            <Table.Th scope="col">{ATTACHMENT_TEXT.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((file) => (
            <Table.Tr key={file.id} data-testid="attachment-row">
              <Table.Td style={{ wordBreak: "break-word" }}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconPaperclip size={16} aria-hidden style={{ flex: "none", marginTop: 3 }} />
                  <Stack gap={2}>
                    <Anchor
                      href={downloadUrl(file.id)}
                      download={file.fileName}
                      size="sm"
                      onClick={(event) => void download(event, file)}
                    >
                      {file.fileName}
                    </Anchor>
                    {file.description ? (
                      <Text size="xs" c="gray.7">
                        {file.description}
                      </Text>
                    ) : null}
                    {file.encrypted ? (
                      <Badge
                        size="xs"
                        variant="light"
                        color="gray"
                        tt="none"
                        leftSection={<IconLock size={10} aria-hidden />}
                        title={ATTACHMENT_TEXT.encryptedHint}
                      >
                        {ATTACHMENT_TEXT.encrypted}
                      </Badge>
                    ) : null}
                  </Stack>
                </Group>
              </Table.Td>
              <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>{formatFileSize(file.size)}</Table.Td>
              <Table.Td>{file.createdBy?.name ?? COMMON.none}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(file.createdAt).slice(0, 10)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    component="a"
                    href={downloadUrl(file.id)}
                    download={file.fileName}
                    size="xs"
                    variant="default"
                    leftSection={<IconDownload size={14} aria-hidden />}
                    aria-label={ATTACHMENT_TEXT.downloadFor(file.fileName)}
                    onClick={(event: MouseEvent<HTMLAnchorElement>) => void download(event, file)}
                  >
                    {ATTACHMENT_TEXT.download}
                  </Button>
                  {file.actions.includes("delete") ? (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      aria-label={ATTACHMENT_TEXT.deleteFor(file.fileName)}
                      onClick={() => onDelete(file)}
                    >
                      {ATTACHMENT_TEXT.delete}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What the browser can tell before sending: count, empty files, size. The server decides the rest. */
function precheck(files: File[], limits: AttachmentList): string | null {
  const maxSize = formatFileSize(limits.maxUploadBytes);
  if (files.length > limits.maxFiles) return ATTACHMENT_TEXT.tooMany(limits.maxFiles);
  const empty = files.find((f) => f.size === 0);
  if (empty) return ATTACHMENT_TEXT.emptyFile(empty.name);
  const large = files.find((f) => f.size > limits.maxUploadBytes);
  if (large) return ATTACHMENT_TEXT.tooLarge(large.name, maxSize);
  return null;
}

function UploadForm({ owner, limits }: { owner: AttachmentOwner; limits: AttachmentList }) {
  const upload = useUploadAttachments(owner);
  const ownerId = owner.replace("/", "-");
  const [files, setFiles] = useState<File[]>([]);
  const [description, setDescription] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const percent = progress === null ? 0 : Math.round(progress * 100);

  const choose = (chosen: File[]) => {
    setFiles(chosen);
    setFailure(precheck(chosen, limits));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0 || upload.isPending) return;
    const problem = precheck(files, limits);
    setFailure(problem);
    if (problem) return;
    const controller = new AbortController();
    abort.current = controller;
    setProgress(0);
    try {
      const items = await upload.mutateAsync({
        files,
        description,
        onProgress: setProgress,
        signal: controller.signal,
      });
      notifications.show({ color: "green", message: ATTACHMENT_TEXT.uploaded(items.length) });
      setFiles([]);
      setDescription("");
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") {
        notifications.show({ color: "gray", message: ATTACHMENT_TEXT.cancelled });
      } else setFailure(errorMessage(error));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const uploading = progress !== null;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`upload-${ownerId}`}>
      <Stack gap="sm">
        <Title order={3} fz="h5" id={`upload-${ownerId}`}>
          {ATTACHMENT_TEXT.uploadTitle}
        </Title>
        <FileInput
          multiple
          clearable
          label={ATTACHMENT_TEXT.chooseFiles}
          description={ATTACHMENT_TEXT.limits(limits.maxFiles, formatFileSize(limits.maxUploadBytes))}
          placeholder={ATTACHMENT_TEXT.choosePlaceholder}
          accept={limits.accept.join(",")}
          value={files}
          onChange={choose}
          disabled={uploading}
          leftSection={<IconPaperclip size={16} aria-hidden />}
        />
        <TextInput
          label={ATTACHMENT_TEXT.description}
          placeholder={ATTACHMENT_TEXT.descriptionHint}
          maxLength={1000}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          disabled={uploading}
        />
        {uploading ? (
          <Stack gap={4}>
            <Progress value={percent} aria-label={ATTACHMENT_TEXT.progressLabel} animated={percent >= 100} />
            <Text size="sm" role="status" aria-live="polite">
              {percent >= 100 ? ATTACHMENT_TEXT.checking : ATTACHMENT_TEXT.uploading(percent)}
            </Text>
          </Stack>
        ) : null}
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          {uploading ? (
            <Button variant="default" onClick={() => abort.current?.abort()}>
              {ATTACHMENT_TEXT.cancelUpload}
            </Button>
          ) : null}
          <Button
            type="submit"
            loading={uploading}
            disabled={files.length === 0}
            leftSection={<IconUpload size={16} aria-hidden />}
          >
            {ATTACHMENT_TEXT.upload}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteModal({
  owner,
  attachment,
  onClose,
}: {
  owner: AttachmentOwner;
  attachment: Attachment | null;
  onClose(): void;
}) {
  const remove = useDeleteAttachment(owner);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!attachment) return;
    setFailure(null);
    try {
      await remove.mutateAsync(attachment.id);
      notifications.show({ color: "green", message: ATTACHMENT_TEXT.deleted(attachment.fileName) });
      close();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal opened={attachment !== null} onClose={close} title={ATTACHMENT_TEXT.deleteTitle}>
      <Stack>
        <Text style={{ wordBreak: "break-word" }}>
          {attachment ? ATTACHMENT_TEXT.deleteConfirm(attachment.fileName) : ""}
        </Text>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {COMMON.cancel}
          </Button>
          <Button
            color="red"
            onClick={() => void confirm()}
            loading={remove.isPending}
            leftSection={<IconTrash size={16} aria-hidden />}
          >
            {ATTACHMENT_TEXT.delete}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
