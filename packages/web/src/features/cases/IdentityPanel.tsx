import { identityRequestBody } from "@minhbach/domain/api/case-views";
import type { identityAccessView } from "@minhbach/domain/api/petition-views";
import type { z } from "@minhbach/domain/api/zod-vi";
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconEye, IconEyeOff, IconLock } from "@tabler/icons-react";
import { useId, useState, type ReactNode } from "react";
import { Link } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { useDraft } from "../../ui/drafts.ts";
import { reportServerError } from "../../ui/forms.ts";
import { formatDateTime } from "../../ui/format.ts";
import { usePhone } from "../../ui/responsive.ts";
import { IDENTITY_SHORT } from "../petitions/labels.ts";
import { revealPetitionIdentity, useRequestIdentity, type CaseDetail, type IdentityReveal } from "./api.ts";
import { casePath } from "./paths.ts";
import { CASE_TEXT } from "./text.ts";
import { FormActions } from "../../ui/FormActions.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";

export type IdentityAccess = z.infer<typeof identityAccessView>;

function identityText(identity: unknown): string {
  if (!identity || typeof identity !== "object") return "";
  const i = identity as { kind?: string; number?: string; birthYear?: number | null };
  return [IDENTITY_SHORT[i.kind ?? ""] ?? "", i.number ?? "", i.birthYear ? `(${i.birthYear})` : ""]
    .filter(Boolean)
    .join(" ");
}

function WriterList({ petitioners }: { petitioners: IdentityReveal["petitioners"] }) {
  if (petitioners.length === 0) return <Text size="sm">{CASE_TEXT.identityNoWriters}</Text>;
  return (
    <Stack gap={6}>
      {petitioners.map((w, i) => {
        const person = w as Record<string, unknown>;
        const organisation = person.kind === "organisation";
        const name = String((organisation ? person.name : person.fullName) ?? "");
        const identity = identityText(organisation ? person.representativeIdentity : person.identity);
        return (
          <div key={i}>
            <Text size="sm" fw={600}>
              {name}
            </Text>
            {organisation && person.representativeName ? (
              <Text size="xs">{String(person.representativeName)}</Text>
            ) : null}
            {person.address ? <Text size="xs">{String(person.address)}</Text> : null}
            {identity ? <Text size="xs">{identity}</Text> : null}
          </div>
        );
      })}
    </Stack>
  );
}

/**
 * The writers of a denunciation: a mask, and for those allowed the button that fetches them. The
 * answer stays in this component's state only (gone when the page is left) and is never put in a
 * shared cache; the server records every look.
 */
export function ProtectedWriters({
  identity,
  load,
  request,
}: {
  identity: IdentityAccess;
  load(): Promise<IdentityReveal>;
  /** What to offer someone who may ask for access (a button, or a link to the case page). */
  request?: ReactNode;
}) {
  const [revealed, setRevealed] = useState<IdentityReveal | null>(null);
  const [busy, setBusy] = useState(false);
  const auditedId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const show = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setRevealed(await load());
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" data-testid="protected-writers">
      <Group gap={6} wrap="nowrap">
        <IconLock size={16} aria-hidden />
        <Text size="sm" fw={700}>
          {CASE_TEXT.identityProtected}
        </Text>
      </Group>
      <Text size="xs" c="gray.7">
        {CASE_TEXT.identityProtectedHint}
      </Text>
      {identity.canView ? (
        <Group gap="sm" wrap="wrap">
          {revealed ? (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEyeOff size={14} aria-hidden />}
              onClick={() => setRevealed(null)}
            >
              {CASE_TEXT.identityHide}
            </Button>
          ) : (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconEye size={14} aria-hidden />}
              loading={busy}
              onClick={() => void show()}
              aria-describedby={auditedId}
            >
              {CASE_TEXT.identityShow}
            </Button>
          )}
          <Text size="xs" c="gray.7" id={auditedId}>
            {CASE_TEXT.identityAudited}
          </Text>
        </Group>
      ) : identity.pendingRequestId ? (
        <Alert color="yellow" variant="light" data-testid="identity-pending">
          {CASE_TEXT.identityPending}
        </Alert>
      ) : identity.canRequest && request ? (
        request
      ) : (
        <Text size="sm">{CASE_TEXT.identityNoAccess}</Text>
      )}
      {failure ? (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      ) : null}
      {revealed ? (
        <Stack gap={4} data-testid="revealed-writers">
          <WriterList petitioners={revealed.petitioners} />
          <Text size="xs" c="gray.7">
            {CASE_TEXT.identityGround}: {CASE_TEXT.identityGrounds[revealed.ground] ?? revealed.ground}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** "Đề nghị xem danh tính": the reason goes to a leader with case.approve_reveal. */
export function IdentityRequestButton({ caseId }: { caseId: string }) {
  const [opened, setOpened] = useState(false);
  const phone = usePhone();
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)}>
        {CASE_TEXT.identityRequest}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={CASE_TEXT.identityRequestTitle} fullScreen={phone}>
        {opened ? <IdentityRequestForm caseId={caseId} onClose={() => setOpened(false)} /> : null}
      </Modal>
    </>
  );
}

function IdentityRequestForm({ caseId, onClose }: { caseId: string; onClose(): void }) {
  const draft = useDraft<{ reason: string }>(`identity-request:${caseId}`);
  const send = useRequestIdentity();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm({
    initialValues: { reason: "", ...draft.load() },
    onValuesChange: (values) => draft.save(values),
    validate: schemaResolver(identityRequestBody, { sync: true }),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await send.mutateAsync({ caseId, reason: values.reason.trim() });
      draft.clear();
      notifications.show({ color: "green", message: CASE_TEXT.identitySent });
      onClose();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="identity-request-form">
      <Stack gap="sm">
        <Text size="sm">{CASE_TEXT.identityRequestIntro}</Text>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Textarea label={CASE_TEXT.identityReason} required autosize minRows={3} {...form.getInputProps("reason")} />
        <FormActions draft={draft} onCancel={onClose} submit={CASE_TEXT.identitySend} loading={send.isPending} />
      </Stack>
    </form>
  );
}

const REQUEST_COLORS: Record<string, string> = { pending: "yellow", approved: "green", refused: "gray" };

export function RequestStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={REQUEST_COLORS[status] ?? "gray"} tt="none">
      {CASE_TEXT.requestStatus[status] ?? status}
    </Badge>
  );
}

/** Who asked to see the identity of this case, why, and what was decided (never the identity itself). */
export function IdentityRequestList({ requests }: { requests: CaseDetail["identityRequests"] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" data-testid="identity-requests">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{CASE_TEXT.requester}</Table.Th>
            <Table.Th>{CASE_TEXT.reason}</Table.Th>
            <Table.Th>{CASE_TEXT.requestedAt}</Table.Th>
            <Table.Th>{CASE_TEXT.state}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.requester}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {r.reason}
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(r.at)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <RequestStatusBadge status={r.status} />
                  {r.decidedAt ? (
                    <Text size="xs">
                      {CASE_TEXT.decidedAt}: {formatDateTime(r.decidedAt)}
                    </Text>
                  ) : null}
                  {r.expiresAt && r.status === "approved" ? (
                    <Text size="xs">
                      {CASE_TEXT.expiresAt}: {formatDateTime(r.expiresAt)}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The writers' section of a denunciation's petition page: the mask, the audited reveal, or the way to ask. */
export function PetitionProtectedWriters({ petition }: { petition: { id: string; identity: IdentityAccess } }) {
  const caseId = petition.identity.caseId;
  return (
    <ProtectedWriters
      key={petition.id}
      identity={petition.identity}
      load={() => revealPetitionIdentity(petition.id)}
      request={
        caseId ? (
          <Anchor component={Link} to={casePath("denunciation", caseId)} size="sm">
            {CASE_TEXT.identityOpenCase}
          </Anchor>
        ) : undefined
      }
    />
  );
}
