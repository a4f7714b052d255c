import type { DocumentSummary, OfficialDocument } from "@minhbach/domain/api/documents";
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowBackUp, IconDownload, IconPencil, IconRubberStamp, IconSend, IconX } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { errorMessage, isApiError } from "../../api/client.ts";
import { saveDownload } from "../../ui/download.ts";
import { reportServerError } from "../../ui/forms.ts";
import { DateField } from "../../ui/DateField.tsx";
import { formatDate, todayIso } from "../../ui/format.ts";
import { ErrorBlock, LoadingBlock, QueryStatus } from "../../ui/QueryState.tsx";
import { usePhone } from "../../ui/responsive.ts";
import { COMMON } from "../../ui/text.ts";
import { useVersionConflict, VersionConflictAlert } from "../../ui/VersionConflict.tsx";
import {
  useDocument,
  useDocumentSigners,
  useEntityDocuments,
  useIssueDocument,
  useCancelDocument,
  useReturnDocument,
  useSubmitDocument,
  useUpdateDocument,
} from "./api.ts";
import { DOCUMENT_FIELD_LABELS, DOCUMENT_TEXT, LONG_DOCUMENT_FIELDS } from "./text.ts";
// portal publications (issue 20)
import { PublishResultButton } from "../portal/PublishResultButton.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";

const STATUS_COLORS: Record<string, string> = {
  draft: "yellow",
  submitted: "blue",
  issued: "green",
  cancelled: "gray",
};

export function documentStatusLabel(status: string): string {
  return status === "issued"
    ? DOCUMENT_TEXT.issued
    : status === "cancelled"
      ? DOCUMENT_TEXT.cancelled
      : status === "submitted"
        ? DOCUMENT_TEXT.submitted
        : DOCUMENT_TEXT.draft;
}

/** Saves the .docx of a document, with a notification either way. */
export async function downloadDocumentFile(doc: { id: string; title: string }) {
  try {
    const name = await saveDownload("documents.file", { params: { id: doc.id } }, `${doc.title}.docx`);
    notifications.show({ color: "green", message: DOCUMENT_TEXT.downloaded(name), autoClose: 3000 });
  } catch (error) {
    notifications.show({ color: "red", message: errorMessage(error) });
  }
}

/**
 * The official documents of a case, petition or reception: each draft can be completed (signer,
 * recipients, wording) and issued, and every document downloaded as the Word file.
 */
export function DocumentsPanel({
  entityType,
  entityId,
  editing,
  onEdit,
}: {
  entityType: string;
  entityId: string;
  editing: string | null;
  onEdit(id: string | null): void;
}) {
  const documents = useEntityDocuments(entityType, entityId);
  const [issuing, setIssuing] = useState<DocumentSummary | null>(null);
  const [submitting, setSubmitting] = useState<DocumentSummary | null>(null);
  const [returning, setReturning] = useState<DocumentSummary | null>(null);
  const [cancelling, setCancelling] = useState<DocumentSummary | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`documents-${entityId}`}>
      <Title order={2} fz="h4" mb="sm" id={`documents-${entityId}`}>
        {DOCUMENT_TEXT.title}
      </Title>
      <QueryStatus query={documents} />
      {documents.data && documents.data.length === 0 ? <Text size="sm">{DOCUMENT_TEXT.noDocuments}</Text> : null}
      <Stack gap="sm">
        {documents.data?.map((doc) => (
          <DocumentRow
            key={doc.id}
            doc={doc}
            onEdit={() => onEdit(doc.id)}
            onIssue={() => setIssuing(doc)}
            onSubmit={() => setSubmitting(doc)}
            onReturn={() => setReturning(doc)}
            onCancel={() => setCancelling(doc)}
          />
        ))}
      </Stack>
      <DocumentEditModal documentId={editing} onClose={() => onEdit(null)} />
      <IssueModal doc={issuing} onClose={() => setIssuing(null)} />
      <SubmitModal doc={submitting} onClose={() => setSubmitting(null)} />
      <ReasonModal doc={returning} kind="return" onClose={() => setReturning(null)} />
      <ReasonModal doc={cancelling} kind="cancel" onClose={() => setCancelling(null)} />
    </Paper>
  );
}

export function DocumentRow({
  doc,
  onEdit,
  onIssue,
  onSubmit,
  onReturn,
  onCancel,
}: {
  doc: DocumentSummary;
  onEdit?: () => void;
  onIssue?: () => void;
  onSubmit?: () => void;
  onReturn?: () => void;
  onCancel?: () => void;
}) {
  return (
    <Paper withBorder p="sm" data-testid="document-row" data-form={doc.formCode} data-status={doc.status}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ flex: "1 1 240px", minWidth: 0 }}>
          <Text fw={700} size="sm">
            {doc.title}
          </Text>
          <Text size="xs" c="gray.7">
            {doc.formName} ({doc.formCode})
          </Text>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={STATUS_COLORS[doc.status] ?? "gray"} tt="none">
              {documentStatusLabel(doc.status)}
            </Badge>
            {doc.symbol ? (
              <Text size="sm" data-testid="document-symbol">
                {DOCUMENT_TEXT.symbol}: <b>{doc.symbol}</b>
              </Text>
            ) : null}
            {doc.issuedOn ? (
              <Text size="sm">
                {DOCUMENT_TEXT.issuedOn}: {formatDate(doc.issuedOn)}
              </Text>
            ) : null}
            {doc.status === "submitted" && doc.signerName ? (
              <Text size="sm">{DOCUMENT_TEXT.awaitingSigner(doc.signerName)}</Text>
            ) : null}
          </Group>
          {doc.status === "cancelled" && doc.cancelledReason ? (
            <Text size="sm" c="gray.7">
              {DOCUMENT_TEXT.cancelledNote(doc.cancelledReason)}
            </Text>
          ) : null}
          {doc.status === "draft" && doc.returnedNote ? (
            <Text size="sm" c="red.8">
              {DOCUMENT_TEXT.returnedNote(doc.returnedNote)}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs" wrap="wrap">
          {doc.actions.includes("edit") && onEdit ? (
            <Button size="xs" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
              {DOCUMENT_TEXT.edit}
            </Button>
          ) : null}
          {doc.actions.includes("submit") && onSubmit ? (
            <Button
              size="xs"
              variant={doc.actions.includes("issue") ? "light" : "filled"}
              leftSection={<IconSend size={14} aria-hidden />}
              onClick={onSubmit}
            >
              {DOCUMENT_TEXT.submit}
            </Button>
          ) : null}
          {doc.actions.includes("issue") && onIssue ? (
            <Button size="xs" leftSection={<IconRubberStamp size={14} aria-hidden />} onClick={onIssue}>
              {doc.status === "submitted" ? DOCUMENT_TEXT.sign : DOCUMENT_TEXT.issue}
            </Button>
          ) : null}
          {doc.actions.includes("return") && onReturn ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowBackUp size={14} aria-hidden />}
              onClick={onReturn}
            >
              {DOCUMENT_TEXT.returnToDrafter}
            </Button>
          ) : null}
          {doc.actions.includes("cancel") && onCancel ? (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconX size={14} aria-hidden />}
              aria-label={DOCUMENT_TEXT.cancelDraftFor(doc.title)}
              onClick={onCancel}
            >
              {DOCUMENT_TEXT.cancelDraft}
            </Button>
          ) : null}
          {doc.actions.includes("download") ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} aria-hidden />}
              aria-label={DOCUMENT_TEXT.downloadFor(doc.title)}
              onClick={() => void downloadDocumentFile(doc)}
            >
              {DOCUMENT_TEXT.download}
            </Button>
          ) : null}
          <PublishResultButton doc={doc} />
        </Group>
      </Group>
    </Paper>
  );
}

function IssueModal({ doc, onClose }: { doc: DocumentSummary | null; onClose(): void }) {
  const issue = useIssueDocument();
  const [failure, setFailure] = useState<string | null>(null);
  // The day it is signed: today unless the leader signed it on an earlier day (the register
  // still numbers it now; a later day is refused by the server).
  const [issuedOn, setIssuedOn] = useState<string | null>(todayIso());
  const close = () => {
    setFailure(null);
    setIssuedOn(todayIso());
    onClose();
  };
  const confirm = async () => {
    if (!doc) return;
    setFailure(null);
    try {
      const issued = await issue.mutateAsync({ id: doc.id, issuedOn: issuedOn ?? undefined });
      notifications.show({ color: "green", message: DOCUMENT_TEXT.issuedOk(issued.symbol ?? "") });
      close();
    } catch (error) {
      setFailure(isApiError(error, "DOCUMENT_INCOMPLETE") ? DOCUMENT_TEXT.needSigner : errorMessage(error));
    }
  };
  return (
    <Modal opened={doc !== null} onClose={close} title={DOCUMENT_TEXT.issueConfirmTitle}>
      <Stack>
        <Text>{doc ? DOCUMENT_TEXT.issueConfirm(doc.title) : ""}</Text>
        <DateField
          label={DOCUMENT_TEXT.issuedOn}
          required
          maxDate={todayIso()}
          value={issuedOn}
          onChange={(value) => setIssuedOn(value)}
        />
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
            onClick={() => void confirm()}
            loading={issue.isPending}
            leftSection={<IconRubberStamp size={16} aria-hidden />}
          >
            {DOCUMENT_TEXT.issue}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SubmitModal({ doc, onClose }: { doc: DocumentSummary | null; onClose(): void }) {
  const signers = useDocumentSigners(doc?.id ?? null);
  const submit = useSubmitDocument();
  const [signerId, setSignerId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const items = signers.data?.items ?? [];
  const data = signers.data;
  useEffect(() => {
    const only = data?.items.length === 1 ? data.items[0]!.id : null;
    setSignerId(only);
    setFailure(null);
  }, [doc?.id, data]);
  const confirm = async () => {
    if (!doc) return;
    if (!signerId) {
      setFailure(`${DOCUMENT_TEXT.signer}: chọn người ký.`);
      return;
    }
    try {
      await submit.mutateAsync({ id: doc.id, body: { version: doc.version, signerId } });
      const name = items.find((i) => i.id === signerId)?.fullName ?? "";
      notifications.show({ color: "green", message: DOCUMENT_TEXT.submittedOk(name) });
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal opened={doc !== null} onClose={onClose} title={DOCUMENT_TEXT.submitTitle}>
      <Stack>
        <Text size="sm">{doc ? DOCUMENT_TEXT.submitIntro(doc.title) : ""}</Text>
        {signers.isSuccess && items.length === 0 ? (
          <Alert color="yellow">{DOCUMENT_TEXT.noSigners}</Alert>
        ) : (
          <Select
            label={DOCUMENT_TEXT.signer}
            description={DOCUMENT_TEXT.signerHint}
            required
            data={items.map((i) => ({ value: i.id, label: `${i.fullName} — ${i.position}` }))}
            value={signerId}
            onChange={(v) => {
              setSignerId(v);
              setFailure(null);
            }}
            allowDeselect={false}
          />
        )}
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button
            onClick={() => void confirm()}
            loading={submit.isPending}
            leftSection={<IconSend size={16} aria-hidden />}
          >
            {DOCUMENT_TEXT.submit}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Sends a submitted paper back to its drafter, or cancels a draft: either with its reason. */
function ReasonModal({
  doc,
  kind,
  onClose,
}: {
  doc: DocumentSummary | null;
  kind: "return" | "cancel";
  onClose(): void;
}) {
  const back = useReturnDocument();
  const cancel = useCancelDocument();
  const mutation = kind === "return" ? back : cancel;
  const text =
    kind === "return"
      ? {
          title: DOCUMENT_TEXT.returnTitle,
          reason: DOCUMENT_TEXT.returnReason,
          hint: DOCUMENT_TEXT.returnReasonHint,
          done: DOCUMENT_TEXT.returnedOk,
          button: DOCUMENT_TEXT.returnToDrafter,
        }
      : {
          title: DOCUMENT_TEXT.cancelTitle,
          reason: DOCUMENT_TEXT.cancelReason,
          hint: DOCUMENT_TEXT.cancelReasonHint,
          done: DOCUMENT_TEXT.cancelledOk,
          button: DOCUMENT_TEXT.cancelDraft,
        };
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setReason("");
    setFailure(null);
  }, [doc?.id]);
  const confirm = async () => {
    if (!doc) return;
    if (!reason.trim()) {
      setFailure(`${text.reason}: nhập lý do.`);
      return;
    }
    try {
      await mutation.mutateAsync({ id: doc.id, body: { version: doc.version, reason: reason.trim() } });
      notifications.show({ color: "green", message: text.done });
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <Modal opened={doc !== null} onClose={onClose} title={text.title}>
      <Stack>
        <Textarea
          label={text.reason}
          description={text.hint}
          required
          autosize
          minRows={3}
          value={reason}
          error={failure && !reason.trim() ? failure : undefined}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {failure && reason.trim() ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button
            color={kind === "cancel" ? "red" : undefined}
            onClick={() => void confirm()}
            loading={mutation.isPending}
            leftSection={
              kind === "cancel" ? <IconX size={16} aria-hidden /> : <IconArrowBackUp size={16} aria-hidden />
            }
          >
            {text.button}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

// ---- Editing a draft ---------------------------------------------------------------------------

interface DocumentValues {
  title: string;
  fields: {
    signer: { authority: string; position: string; name: string };
    recipients: string;
    text: Record<string, string>;
  };
}

/** Top-level text fields of the form the officer may reword (dates and people stay as generated). */
function editableKeys(fields: Record<string, unknown>): string[] {
  return Object.keys(DOCUMENT_FIELD_LABELS).filter((key) => typeof fields[key] === "string");
}

function valuesOf(doc: OfficialDocument): DocumentValues {
  const f = doc.fields;
  const signer = (f.signer ?? {}) as { authority?: string; position?: string; name?: string };
  const recipients = Array.isArray(f.recipients) ? (f.recipients as string[]) : [];
  return {
    title: doc.title,
    fields: {
      signer: { authority: signer.authority ?? "", position: signer.position ?? "", name: signer.name ?? "" },
      recipients: recipients.join("\n"),
      text: Object.fromEntries(editableKeys(f).map((key) => [key, String(f[key])])),
    },
  };
}

function fieldsOf(doc: OfficialDocument, v: DocumentValues): Record<string, unknown> {
  const out: Record<string, unknown> = { ...doc.fields };
  for (const [key, value] of Object.entries(v.fields.text)) {
    if (value.trim()) out[key] = value.trim();
    else delete out[key];
  }
  const s = v.fields.signer;
  if (s.position.trim() || s.name.trim() || s.authority.trim()) {
    out.signer = {
      ...(s.authority.trim() ? { authority: s.authority.trim() } : {}),
      position: s.position.trim(),
      ...(s.name.trim() ? { name: s.name.trim() } : {}),
    };
  } else delete out.signer;
  const recipients = v.fields.recipients
    .split("\n")
    .map((line) => line.replace(/^[\s\-–•]+/, "").trim())
    .filter(Boolean);
  if (recipients.length) out.recipients = recipients;
  else delete out.recipients;
  return out;
}

/** "fields.summary" → "summary" when that field is edited as text here. */
function textKeyOf(field: string, values: DocumentValues): string | null {
  const key = field.replace(/^fields\./, "").split(".")[0] ?? "";
  return field.startsWith("fields.") && key in values.fields.text ? key : null;
}

export function DocumentEditModal({ documentId, onClose }: { documentId: string | null; onClose(): void }) {
  const doc = useDocument(documentId);
  const phone = usePhone();
  return (
    <Modal
      opened={documentId !== null}
      onClose={onClose}
      title={doc.data ? DOCUMENT_TEXT.editTitle(doc.data.title) : DOCUMENT_TEXT.edit}
      size="lg"
      fullScreen={phone}
    >
      {doc.isPending && documentId ? <LoadingBlock /> : null}
      {doc.isError ? <ErrorBlock error={doc.error} onRetry={() => void doc.refetch()} /> : null}
      {doc.data && documentId ? (
        <DocumentForm key={doc.data.id} doc={doc.data} onClose={onClose} onReload={() => doc.refetch()} />
      ) : null}
    </Modal>
  );
}

function DocumentForm({
  doc,
  onClose,
  onReload,
}: {
  doc: OfficialDocument;
  onClose(): void;
  onReload(): Promise<unknown>;
}) {
  const update = useUpdateDocument();
  const [failure, setFailure] = useState<string | null>(null);
  const conflict = useVersionConflict(async () => {
    const latest = ((await onReload()) as { data?: OfficialDocument }).data;
    if (latest) setReloaded(latest);
  });
  const [reloaded, setReloaded] = useState<OfficialDocument | null>(null);
  const form = useAppForm<DocumentValues>({
    initialValues: valuesOf(doc),
    validate: {
      fields: {
        signer: {
          position: (value, values) =>
            !value.trim() && (values.fields.signer.name.trim() || values.fields.signer.authority.trim())
              ? DOCUMENT_TEXT.needPosition
              : null,
        },
      },
    },
  });

  // After "reload", the latest version replaces what was typed.
  useEffect(() => {
    if (!reloaded) return;
    form.setValues(valuesOf(reloaded));
    conflict.reset();
    setReloaded(null);
    // `form` is stable for the life of this form.
  }, [reloaded]);

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    conflict.reset();
    try {
      await update.mutateAsync({
        id: doc.id,
        body: { version: doc.version, title: values.title.trim() || doc.title, fields: fieldsOf(doc, values) },
      });
      notifications.show({ color: "green", message: DOCUMENT_TEXT.saved });
      onClose();
    } catch (error) {
      if (conflict.caught(error)) return;
      if (isApiError(error) && error.field && textKeyOf(error.field, values)) {
        form.setFieldError(`fields.text.${textKeyOf(error.field, values)}`, error.message.replace(/^[\w.]+: /, ""));
      } else setFailure(reportServerError(form, error));
    }
  });

  const keys = Object.keys(form.values.fields.text);
  return (
    <form onSubmit={submit} noValidate data-testid="document-form">
      <Stack gap="sm">
        <VersionConflictAlert conflict={conflict} text={DOCUMENT_TEXT} />
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <TextInput label={DOCUMENT_TEXT.docTitle} {...form.getInputProps("title")} />
        {keys.map((key) =>
          LONG_DOCUMENT_FIELDS.has(key) ? (
            <Textarea
              key={key}
              label={DOCUMENT_FIELD_LABELS[key]}
              autosize
              minRows={2}
              maxRows={10}
              {...form.getInputProps(`fields.text.${key}`)}
            />
          ) : (
            <TextInput key={key} label={DOCUMENT_FIELD_LABELS[key]} {...form.getInputProps(`fields.text.${key}`)} />
          ),
        )}
        <Title order={3} fz="h5" mt="xs">
          {DOCUMENT_TEXT.signer}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={DOCUMENT_TEXT.signerAuthority}
            description={DOCUMENT_TEXT.signerAuthorityHint}
            {...form.getInputProps("fields.signer.authority")}
          />
          <TextInput
            label={DOCUMENT_TEXT.signerPosition}
            description={DOCUMENT_TEXT.signerPositionHint}
            {...form.getInputProps("fields.signer.position")}
          />
        </SimpleGrid>
        <TextInput label={DOCUMENT_TEXT.signerName} {...form.getInputProps("fields.signer.name")} />
        <Textarea
          label={DOCUMENT_TEXT.recipients}
          description={DOCUMENT_TEXT.recipientsHint}
          autosize
          minRows={3}
          {...form.getInputProps("fields.recipients")}
        />
        <Group justify="space-between" wrap="wrap">
          <Button
            variant="subtle"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => void downloadDocumentFile(doc)}
          >
            {DOCUMENT_TEXT.download}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {COMMON.cancel}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {DOCUMENT_TEXT.saveDraft}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
