import { identityDecisionBody } from "@minhbach/domain/api/case-views";
import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Table, Tabs, Text, Textarea } from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router-dom";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import { formatDateTime } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { usePhone } from "../../ui/responsive.ts";
import { COMMON } from "../../ui/text.ts";
import { useUrlState } from "../../ui/url-state.ts";
import {
  useDecideIdentityRequest,
  useIdentityRequests,
  type IdentityRequestItem,
  type IdentityRequestStatus,
} from "./api.ts";
import { RequestStatusBadge } from "./IdentityPanel.tsx";
import { casePath } from "./paths.ts";
import { CASE_TEXT } from "./text.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

const STATUSES: IdentityRequestStatus[] = ["pending", "approved", "refused"];

export default function IdentityRequestsPage() {
  const { params, update } = useUrlState();
  const requested = params.get("status") as IdentityRequestStatus | null;
  const status: IdentityRequestStatus = requested && STATUSES.includes(requested) ? requested : "pending";
  return (
    <>
      <PageHeader title={CASE_TEXT.requestsTitle} description={CASE_TEXT.requestsDescription} />
      <Tabs value={status} onChange={(value) => update({ status: value === "pending" ? null : value })}>
        <Tabs.List aria-label={CASE_TEXT.requestsTabs} mb="md">
          {STATUSES.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {CASE_TEXT.requestStatus[s]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <RequestList status={status} />
    </>
  );
}

function RequestList({ status }: { status: IdentityRequestStatus }) {
  const requests = useIdentityRequests(status);
  const [deciding, setDeciding] = useState<{ request: IdentityRequestItem; approve: boolean } | null>(null);
  return (
    <Paper withBorder p="md">
      <QueryStatus query={requests} />
      {requests.data && requests.data.length === 0 ? <Text>{CASE_TEXT.requestsEmpty[status]}</Text> : null}
      {requests.data && requests.data.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs" data-testid="identity-requests-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>{CASE_TEXT.case}</Table.Th>
                <Table.Th w={170}>{CASE_TEXT.requester}</Table.Th>
                <Table.Th>{CASE_TEXT.reason}</Table.Th>
                <Table.Th w={150}>{CASE_TEXT.requestedAt}</Table.Th>
                <Table.Th w={status === "pending" ? 230 : 140}>{CASE_TEXT.state}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.data.map((r) => (
                <Table.Tr key={r.id} data-request={r.id}>
                  <Table.Td>
                    {/* Only a denouncer's identity is protected: the case is a denunciation. */}
                    <Anchor component={Link} to={casePath("denunciation", r.caseId)} fw={700} size="sm">
                      {r.caseCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.requester}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {r.reason}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(r.at)}</Table.Td>
                  <Table.Td>
                    {r.status === "pending" ? (
                      <Group gap="xs" wrap="wrap">
                        <Button
                          size="xs"
                          color="green"
                          leftSection={<IconCheck size={14} aria-hidden />}
                          aria-label={CASE_TEXT.approveFor(r.caseCode, r.requester)}
                          onClick={() => setDeciding({ request: r, approve: true })}
                        >
                          {CASE_TEXT.approve}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          leftSection={<IconX size={14} aria-hidden />}
                          aria-label={CASE_TEXT.refuseFor(r.caseCode, r.requester)}
                          onClick={() => setDeciding({ request: r, approve: false })}
                        >
                          {CASE_TEXT.refuse}
                        </Button>
                      </Group>
                    ) : (
                      <RequestStatusBadge status={r.status} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <DecisionModal deciding={deciding} onClose={() => setDeciding(null)} />
    </Paper>
  );
}

function DecisionModal({
  deciding,
  onClose,
}: {
  deciding: { request: IdentityRequestItem; approve: boolean } | null;
  onClose(): void;
}) {
  const phone = usePhone();
  return (
    <Modal
      opened={deciding !== null}
      onClose={onClose}
      title={deciding ? CASE_TEXT.decisionTitle(deciding.approve) : ""}
      fullScreen={phone}
    >
      {deciding ? (
        <DecisionForm
          key={`${deciding.request.id}-${String(deciding.approve)}`}
          request={deciding.request}
          approve={deciding.approve}
          onClose={onClose}
        />
      ) : null}
    </Modal>
  );
}

function DecisionForm({
  request,
  approve,
  onClose,
}: {
  request: IdentityRequestItem;
  approve: boolean;
  onClose(): void;
}) {
  const decide = useDecideIdentityRequest();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm({
    initialValues: { note: "" },
    validate: (values) =>
      schemaResolver(identityDecisionBody, { sync: true })({ approve, note: emptyToNull(values.note) }),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await decide.mutateAsync({ id: request.id, body: { approve, note: emptyToNull(values.note) } });
      notifications.show({ color: "green", message: CASE_TEXT.decided(approve) });
      onClose();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="identity-decision-form">
      <Stack gap="sm">
        <Text size="sm">{CASE_TEXT.decisionIntro(approve, request.requester, request.caseCode)}</Text>
        <Text size="sm">
          <b>{CASE_TEXT.reason}:</b> {request.reason}
        </Text>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Textarea label={CASE_TEXT.decisionNote} autosize minRows={2} {...form.getInputProps("note")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" color={approve ? "green" : "red"} loading={decide.isPending}>
            {approve ? CASE_TEXT.approve : CASE_TEXT.refuse}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
