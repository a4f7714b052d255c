import { destroyBatchBody } from "@minhbach/domain/api/petition-follow-up";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { DateField } from "../../ui/DateField.tsx";
import { reportServerError } from "../../ui/forms.ts";
import { formatDate, formatNumber, todayIso } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { COMMON } from "../../ui/text.ts";
import { useSession } from "../auth/session.tsx";
import { useDestroyPetitions, useRetentionDue, type RetentionDueItem } from "./api.ts";
import { petitionPath } from "./components.tsx";
import { DocumentEditModal } from "./DocumentsPanel.tsx";
import { kindLabel } from "./labels.ts";
import { FOLLOW_UP_TEXT, PETITION_TEXT } from "./text.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

/**
 * "Đơn hết thời hạn lưu": filed petitions past their year of retention. A handler picks some and
 * destroys them by one decision (Điều 28 khoản 2 Thông tư 05/2021/TT-TTCP); the decision's draft
 * opens to complete and issue.
 */
export function RetentionList() {
  const due = useRetentionDue();
  const { can } = useSession();
  const canWrite = can("petition.write");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [draftId, setDraftId] = useState<string | null>(null);
  const items = useMemo(() => due.data ?? [], [due.data]);
  const free = items.filter((i) => !i.pendingDecision);
  const chosen = items.filter((i) => selected.has(i.id));
  const oneAgency = new Set(chosen.map((i) => i.agencyId)).size <= 1;
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allChecked = free.length > 0 && chosen.length === free.length;

  return (
    <Paper withBorder p="md">
      <Text size="sm" mb="sm">
        {FOLLOW_UP_TEXT.retentionIntro}
      </Text>
      <QueryStatus query={due} />
      {due.data && items.length === 0 ? <Text>{FOLLOW_UP_TEXT.retentionEmpty}</Text> : null}
      {items.length > 0 ? (
        <>
          {canWrite ? (
            <Group justify="space-between" mb="sm" wrap="wrap">
              <Text size="sm" fw={700} role="status">
                {FOLLOW_UP_TEXT.selected(formatNumber(chosen.length))}
              </Text>
              <Button
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                disabled={chosen.length === 0 || !oneAgency}
                onClick={() => setConfirming(true)}
              >
                {FOLLOW_UP_TEXT.destroySelected}
              </Button>
            </Group>
          ) : null}
          {!oneAgency ? (
            <Alert color="orange" mb="sm">
              {FOLLOW_UP_TEXT.oneAgency}
            </Alert>
          ) : null}
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" data-testid="retention-table">
              <Table.Thead>
                <Table.Tr>
                  {canWrite ? (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={FOLLOW_UP_TEXT.selectAll}
                        checked={allChecked}
                        indeterminate={chosen.length > 0 && !allChecked}
                        onChange={(e) =>
                          setSelected(e.currentTarget.checked ? new Set(free.map((i) => i.id)) : new Set())
                        }
                      />
                    </Table.Th>
                  ) : null}
                  <Table.Th>{PETITION_TEXT.code}</Table.Th>
                  <Table.Th>{PETITION_TEXT.receivedOn}</Table.Th>
                  <Table.Th>{PETITION_TEXT.petitioner}</Table.Th>
                  <Table.Th>{PETITION_TEXT.kind}</Table.Th>
                  <Table.Th>{FOLLOW_UP_TEXT.archiveReason}</Table.Th>
                  <Table.Th>{FOLLOW_UP_TEXT.filedOn}</Table.Th>
                  <Table.Th>{FOLLOW_UP_TEXT.retentionUntil}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.id} data-code={i.code}>
                    {canWrite ? (
                      <Table.Td>
                        {i.pendingDecision ? null : (
                          <Checkbox
                            aria-label={FOLLOW_UP_TEXT.selectOne(i.code)}
                            checked={selected.has(i.id)}
                            onChange={(e) => toggle(i.id, e.currentTarget.checked)}
                          />
                        )}
                      </Table.Td>
                    ) : null}
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <Anchor component={Link} to={petitionPath(i.id)} fw={700} size="sm">
                        {i.code}
                      </Anchor>
                      {i.pendingDecision ? (
                        <Badge
                          component="button"
                          type="button"
                          ml="xs"
                          variant="light"
                          color={i.pendingDecision.status === "submitted" ? "orange" : "gray"}
                          style={{ cursor: "pointer" }}
                          aria-label={FOLLOW_UP_TEXT.openPending(i.code)}
                          onClick={() => setDraftId(i.pendingDecision!.documentId)}
                        >
                          {i.pendingDecision.status === "submitted"
                            ? FOLLOW_UP_TEXT.pendingSubmitted
                            : FOLLOW_UP_TEXT.pendingDraft}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{formatDate(i.receivedOn)}</Table.Td>
                    <Table.Td>{i.petitioner}</Table.Td>
                    <Table.Td>{i.kind ? kindLabel(i.kind) : PETITION_TEXT.notClassified}</Table.Td>
                    <Table.Td>{i.archiveReasonLabel}</Table.Td>
                    <Table.Td>{formatDate(i.filedOn)}</Table.Td>
                    <Table.Td>{formatDate(i.retentionUntil)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={FOLLOW_UP_TEXT.destroyTitle(formatNumber(chosen.length))}
        size="lg"
      >
        {confirming ? (
          <DestroyForm
            items={chosen}
            onClose={() => setConfirming(false)}
            onDone={(documentId) => {
              setSelected(new Set());
              if (documentId) setDraftId(documentId);
            }}
          />
        ) : null}
      </Modal>
      <DocumentEditModal documentId={draftId} onClose={() => setDraftId(null)} />
    </Paper>
  );
}

interface DestroyValues {
  issuedOutside: boolean;
  decisionNumber: string;
  decisionDate: string | null;
  decidedBy: string;
  deciderTitle: string;
}

function bodyOf(items: RetentionDueItem[], v: DestroyValues) {
  return {
    ids: items.map((i) => i.id),
    ...(v.issuedOutside
      ? {
          issuedOutside: true,
          decisionNumber: v.decisionNumber,
          decisionDate: v.decisionDate ?? undefined,
          decidedBy: v.decidedBy,
        }
      : {}),
    ...(v.deciderTitle.trim() ? { deciderTitle: v.deciderTitle.trim() } : {}),
  };
}

function DestroyForm({
  items,
  onClose,
  onDone,
}: {
  items: RetentionDueItem[];
  onClose(): void;
  onDone(documentId: string | null): void;
}) {
  const destroy = useDestroyPetitions();
  const today = todayIso();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm<DestroyValues>({
    initialValues: { issuedOutside: false, decisionNumber: "", decisionDate: today, decidedBy: "", deciderTitle: "" },
    validate: (values) => schemaResolver(destroyBatchBody, { sync: true })(bodyOf(items, values)),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await destroy.mutateAsync(bodyOf(items, values) as Parameters<typeof destroy.mutateAsync>[0]);
      notifications.show({
        color: "green",
        message: result.documentId
          ? FOLLOW_UP_TEXT.drafted(formatNumber(result.pending.length))
          : FOLLOW_UP_TEXT.destroyed(formatNumber(result.destroyed.length)),
      });
      onClose();
      onDone(result.documentId);
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="destroy-form">
      <Stack gap="sm">
        <Text size="sm">{FOLLOW_UP_TEXT.destroyIntro}</Text>
        <Text size="sm" fw={700}>
          {items.map((i) => i.code).join(", ")}
        </Text>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Checkbox
          label={FOLLOW_UP_TEXT.destroyOutside}
          description={FOLLOW_UP_TEXT.destroyOutsideHint}
          {...form.getInputProps("issuedOutside", { type: "checkbox" })}
        />
        {form.values.issuedOutside ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={FOLLOW_UP_TEXT.destroyNumber} required {...form.getInputProps("decisionNumber")} />
              <DateField
                label={FOLLOW_UP_TEXT.destroyDate}
                required
                maxDate={today}
                {...form.getInputProps("decisionDate")}
              />
            </SimpleGrid>
            <TextInput label={FOLLOW_UP_TEXT.destroyBy} required {...form.getInputProps("decidedBy")} />
          </>
        ) : (
          <TextInput
            label={FOLLOW_UP_TEXT.deciderTitle}
            description={FOLLOW_UP_TEXT.deciderTitleHint}
            {...form.getInputProps("deciderTitle")}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button
            type="submit"
            color="red"
            loading={destroy.isPending}
            leftSection={<IconTrash size={16} aria-hidden />}
          >
            {FOLLOW_UP_TEXT.destroySelected}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
