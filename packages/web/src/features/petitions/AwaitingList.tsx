import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBellRinging } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router-dom";
import { isApiError } from "../../api/client.ts";
import { DateField } from "../../ui/DateField.tsx";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import { formatDate, formatNumber, todayIso } from "../../ui/format.ts";
import { ListExport } from "../../ui/list-page/ListPage.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { COMMON } from "../../ui/text.ts";
import { useSession } from "../auth/session.tsx";
import { useAwaiting, usePetitionStep, type AwaitingItem } from "./api.ts";
import { petitionPath, PetitionStateBadge } from "./components.tsx";
import { DocumentEditModal } from "./DocumentsPanel.tsx";
import { stateLabel } from "./labels.ts";
import { FOLLOW_UP_TEXT, PETITION_TEXT } from "./text.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

/**
 * "Chờ phản hồi, đôn đốc": transferred or guided petitions still waiting for an answer. Each row
 * can be urged from here: the urging is recorded and its letter drafted, then opened to complete.
 */
export function AwaitingList() {
  const awaiting = useAwaiting();
  const { can } = useSession();
  const [urging, setUrging] = useState<AwaitingItem | null>(null);
  const [draftId, setDraftId] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm" wrap="wrap">
        <Text size="sm" style={{ flex: "1 1 320px" }}>
          {PETITION_TEXT.awaitingIntro}
        </Text>
        <ListExport
          texts={{
            ...PETITION_TEXT,
            exportFileName: PETITION_TEXT.awaitingFileName,
            exportSheet: PETITION_TEXT.tabAwaiting,
          }}
          load={async (onProgress) => {
            const items = awaiting.data ?? (await awaiting.refetch()).data ?? [];
            onProgress(items.length, items.length);
            return {
              headers: [
                PETITION_TEXT.code,
                PETITION_TEXT.petitioner,
                PETITION_TEXT.status,
                PETITION_TEXT.since,
                PETITION_TEXT.daysWaiting,
                PETITION_TEXT.replyDue,
                PETITION_TEXT.urged,
              ],
              rows: items.map((a) => [
                a.code,
                a.petitioner,
                stateLabel(a.status),
                formatDate(a.since),
                a.daysWaiting,
                formatDate(a.replyDue),
                a.urgeCount,
              ]),
            };
          }}
        />
      </Group>
      <QueryStatus query={awaiting} />
      {awaiting.data && awaiting.data.length === 0 ? <Text>{PETITION_TEXT.awaitingEmpty}</Text> : null}
      {awaiting.data && awaiting.data.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" data-testid="awaiting-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{PETITION_TEXT.code}</Table.Th>
                <Table.Th>{PETITION_TEXT.petitioner}</Table.Th>
                <Table.Th>{PETITION_TEXT.status}</Table.Th>
                <Table.Th>{PETITION_TEXT.since}</Table.Th>
                <Table.Th>{PETITION_TEXT.daysWaiting}</Table.Th>
                <Table.Th>{PETITION_TEXT.replyDue}</Table.Th>
                <Table.Th>{PETITION_TEXT.urged}</Table.Th>
                {can("petition.write") ? <Table.Th>{PETITION_TEXT.urge}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {awaiting.data.map((a) => (
                <Table.Tr key={a.petitionId} data-code={a.code}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Anchor component={Link} to={petitionPath(a.petitionId)} fw={700} size="sm">
                      {a.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.petitioner}</Table.Td>
                  <Table.Td>
                    <PetitionStateBadge state={a.status} />
                  </Table.Td>
                  <Table.Td>{formatDate(a.since)}</Table.Td>
                  <Table.Td>{PETITION_TEXT.days(formatNumber(a.daysWaiting))}</Table.Td>
                  <Table.Td>
                    {a.replyDue ? (
                      <Badge variant="light" color={a.overdue ? "red" : "blue"} tt="none">
                        {formatDate(a.replyDue)} · {a.overdue ? PETITION_TEXT.overdueReply : PETITION_TEXT.waitingReply}
                      </Badge>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  <Table.Td>
                    {a.urgeCount > 0
                      ? PETITION_TEXT.urgedTimes(formatNumber(a.urgeCount), formatDate(a.lastUrgedOn))
                      : PETITION_TEXT.neverUrged}
                  </Table.Td>
                  {can("petition.write") ? (
                    <Table.Td>
                      {a.status !== "TRANSFERRED" ? (
                        <Button
                          onClick={() => setUrging(a)}
                          size="xs"
                          variant={a.overdue ? "filled" : "light"}
                          color={a.overdue ? "red" : "blue"}
                          leftSection={<IconBellRinging size={14} aria-hidden />}
                          aria-label={PETITION_TEXT.urgeFor(a.code)}
                        >
                          {PETITION_TEXT.urge}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <UrgeModal
        item={urging}
        onClose={() => setUrging(null)}
        onDraft={(id) => setDraftId(id)}
        onReload={() => awaiting.refetch()}
      />
      <DocumentEditModal documentId={draftId} onClose={() => setDraftId(null)} />
    </Paper>
  );
}

function UrgeModal({
  item,
  onClose,
  onDraft,
  onReload,
}: {
  item: AwaitingItem | null;
  onClose(): void;
  onDraft(documentId: string): void;
  onReload(): Promise<unknown>;
}) {
  return (
    <Modal opened={item !== null} onClose={onClose} title={item ? FOLLOW_UP_TEXT.urgeTitle(item.code) : ""}>
      {item ? (
        <UrgeForm key={item.petitionId} item={item} onClose={onClose} onDraft={onDraft} onReload={onReload} />
      ) : null}
    </Modal>
  );
}

function UrgeForm({
  item,
  onClose,
  onDraft,
  onReload,
}: {
  item: AwaitingItem;
  onClose(): void;
  onDraft(documentId: string): void;
  onReload(): Promise<unknown>;
}) {
  const run = usePetitionStep();
  const today = todayIso();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm<{ on: string | null; documentNumber: string }>({
    initialValues: { on: today, documentNumber: "" },
    validate: { on: (value) => (value ? null : FOLLOW_UP_TEXT.urgeOnRequired) },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await run.mutateAsync({
        id: item.petitionId,
        step: "urge",
        body: { version: item.version, on: values.on, documentNumber: emptyToNull(values.documentNumber) },
      });
      notifications.show({ color: "green", message: FOLLOW_UP_TEXT.urgeDone(item.code) });
      onClose();
      if (result.documentId) onDraft(result.documentId);
    } catch (error) {
      if (isApiError(error, "VERSION_CONFLICT")) {
        setFailure(PETITION_TEXT.conflict);
        void onReload();
      } else setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="urge-form">
      <Stack gap="sm">
        <Text size="sm">{FOLLOW_UP_TEXT.urgeIntro}</Text>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField label={PETITION_TEXT.urgeOn} required maxDate={today} {...form.getInputProps("on")} />
          <TextInput label={PETITION_TEXT.urgeNumber} {...form.getInputProps("documentNumber")} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" loading={run.isPending} leftSection={<IconBellRinging size={16} aria-hidden />}>
            {FOLLOW_UP_TEXT.urgeSubmit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
