import {
  HANDLING_ROUTES,
  REFUSAL_REASONS,
  VISIT_KINDS,
  VISITOR_CAPACITIES,
  type HandlingRoute,
  type RefusalReasonCode,
  type VisitorCapacity,
} from "@minhbach/domain";
import { followUpVisitBody, handleVisitBody, type HandleVisitBody } from "@minhbach/domain/api/reception";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconFileArrowRight, IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { reportServerError } from "../../ui/forms.ts";
import { formatDate, formatDateTime, formatNumber } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { ErrorBlock, LoadingBlock } from "../../ui/QueryState.tsx";
import { COMMON } from "../../ui/text.ts";
import { useVersionConflict, VersionConflictAlert } from "../../ui/VersionConflict.tsx";
import { Detail, petitionPath } from "../petitions/components.tsx";
import { competenceLabel, fieldName, IDENTITY_SHORT, kindLabel } from "../petitions/labels.ts";
import { PATHS } from "../shell/nav.ts";
import { useFollowUpVisit, useHandleVisit, useVisit, useVisitToPetition, type VisitView } from "./api.ts";
import { visitNumber, VisitStatusBadge } from "./ReceptionPage.tsx";
import { RECEPTION_TEXT } from "./text.ts";
import { emptyHandling, handlingBody, HandlingFields, type HandlingValues } from "./VisitFormPage.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";

export default function VisitPage() {
  const { id = "" } = useParams();
  const visit = useVisit(id);
  if (visit.isPending) return <LoadingBlock />;
  if (visit.isError) return <ErrorBlock error={visit.error} onRetry={() => void visit.refetch()} />;
  return <VisitView visit={visit.data} reload={() => visit.refetch()} />;
}

function VisitView({ visit: v, reload }: { visit: VisitView; reload(): Promise<unknown> }) {
  const navigate = useNavigate();
  const toPetition = useVisitToPetition();
  const [handling, setHandling] = useState(false);
  const [following, setFollowing] = useState(false);
  const kind = VISIT_KINDS[v.kind];
  const h = v.handling;
  const refusal = h?.refusal ? REFUSAL_REASONS[h.refusal.reason as RefusalReasonCode] : null;

  const createPetition = async () => {
    try {
      const result = await toPetition.mutateAsync({ id: v.id, version: v.version });
      notifications.show({ color: "green", message: RECEPTION_TEXT.petitionCreated(result.petition.code) });
      navigate(petitionPath(result.petition.id));
    } catch (error) {
      notifications.show({ color: "red", message: errorMessage(error), autoClose: 8000 });
    }
  };

  return (
    <>
      <Anchor component={Link} to={PATHS.reception} size="sm" mb="xs" style={{ display: "inline-flex", gap: 4 }}>
        <IconArrowLeft size={16} aria-hidden />
        {RECEPTION_TEXT.backToRegister}
      </Anchor>
      <PageHeader
        title={RECEPTION_TEXT.visitTitle(visitNumber(v))}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <VisitStatusBadge status={v.status} />
            {v.isCrowd ? (
              <Badge color="grape" variant="light" tt="none">
                {RECEPTION_TEXT.crowd}
              </Badge>
            ) : null}
            <span>{kind.label}</span>
          </Group>
        }
        actions={
          <>
            {v.actions.includes("create_petition") ? (
              <Button
                leftSection={<IconFileArrowRight size={18} aria-hidden />}
                onClick={() => void createPetition()}
                loading={toPetition.isPending}
                title={RECEPTION_TEXT.createPetitionHint}
              >
                {RECEPTION_TEXT.createPetition}
              </Button>
            ) : null}
            {v.petitionId ? (
              <Button component={Link} to={petitionPath(v.petitionId)} variant="light">
                {RECEPTION_TEXT.openPetition}
              </Button>
            ) : null}
            {v.actions.includes("handle") ? (
              <Button variant="light" onClick={() => setHandling(true)}>
                {RECEPTION_TEXT.handle}
              </Button>
            ) : null}
            {v.actions.includes("follow_up") ? (
              <Button variant="light" onClick={() => setFollowing(true)}>
                {RECEPTION_TEXT.followUpAction}
              </Button>
            ) : null}
            {v.actions.includes("edit") ? (
              <Button
                component={Link}
                to={`${PATHS.reception}/${v.id}/sua`}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {RECEPTION_TEXT.edit}
              </Button>
            ) : null}
          </>
        }
      />
      {v.identityMasked ? (
        <Alert color="gray" mb="md">
          {RECEPTION_TEXT.masking}
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md" component="section" aria-labelledby="visit-content">
              <Title order={2} fz="h4" mb="sm" id="visit-content">
                {RECEPTION_TEXT.sectionContent}
              </Title>
              <Stack gap="sm">
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {v.contentSummary || "—"}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <Detail label={RECEPTION_TEXT.contentKindLabel}>{kindLabel(v.contentKind)}</Detail>
                  <Detail label={RECEPTION_TEXT.filterField}>{fieldName(v.fieldCode)}</Detail>
                  <Detail label={RECEPTION_TEXT.competence}>{competenceLabel(v.competence)}</Detail>
                  <Detail label={RECEPTION_TEXT.previousResolver}>{v.previousResolver}</Detail>
                  {v.respondentName ? (
                    <Detail label={RECEPTION_TEXT.respondentName}>
                      {[v.respondentName, v.respondentAddress].filter(Boolean).join(", ")}
                    </Detail>
                  ) : null}
                </SimpleGrid>
                {v.documentsReceived.length > 0 ? (
                  <Detail label={RECEPTION_TEXT.documentsReceived}>
                    {v.documentsReceived
                      .map((d) => (d.pages ? `${d.name} (${RECEPTION_TEXT.pages(d.pages)})` : d.name))
                      .join("; ")}
                  </Detail>
                ) : null}
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="visit-visitors">
              <Title order={2} fz="h4" mb="sm" id="visit-visitors">
                {RECEPTION_TEXT.sectionVisitors} ({formatNumber(v.peopleCount)})
              </Title>
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{RECEPTION_TEXT.fullName}</Table.Th>
                      <Table.Th>{RECEPTION_TEXT.address}</Table.Th>
                      <Table.Th>{RECEPTION_TEXT.identity}</Table.Th>
                      <Table.Th>{RECEPTION_TEXT.contacts}</Table.Th>
                      <Table.Th>{RECEPTION_TEXT.capacity}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {v.visitors.map((p, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>
                          {p.fullName}
                          {v.representatives.some((r) => r.fullName === p.fullName) ? (
                            <Badge ml={6} size="xs" variant="light" tt="none">
                              {RECEPTION_TEXT.representatives}
                            </Badge>
                          ) : null}
                        </Table.Td>
                        <Table.Td>{p.address}</Table.Td>
                        <Table.Td>
                          {p.identity ? `${IDENTITY_SHORT[p.identity.kind] ?? ""} ${p.identity.number}` : "—"}
                        </Table.Td>
                        <Table.Td>{[p.phone, p.email].filter(Boolean).join(" · ") || "—"}</Table.Td>
                        <Table.Td>
                          {VISITOR_CAPACITIES[p.capacity as VisitorCapacity]?.label ?? p.capacity}
                          {p.authorisationPaper ? (
                            <Text size="xs" c="gray.7">
                              {p.authorisationPaper}
                            </Text>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {v.representatives.length > 0 ? (
                <Text size="sm" mt="xs">
                  {RECEPTION_TEXT.representatives}: {v.representatives.map((r) => r.fullName).join(", ")}
                  {v.writtenAppointment ? ` — ${RECEPTION_TEXT.writtenAppointment}` : ""}
                </Text>
              ) : null}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Paper withBorder p="md" component="section" aria-labelledby="visit-facts">
              <Title order={2} fz="h4" mb="sm" id="visit-facts">
                {RECEPTION_TEXT.sectionVisit}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Detail label={RECEPTION_TEXT.receivedOn}>
                  {v.receivedAt ? formatDateTime(v.receivedAt) : formatDate(v.receivedOn)}
                </Detail>
                <Detail label={RECEPTION_TEXT.agency}>{v.agencyName}</Detail>
                <Detail label={RECEPTION_TEXT.receiver}>{v.receiverName}</Detail>
                {v.presidingHead ? <Detail label={RECEPTION_TEXT.leaderName}>{v.presidingHead}</Detail> : null}
              </SimpleGrid>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="visit-handling">
              <Title order={2} fz="h4" mb="sm" id="visit-handling">
                {RECEPTION_TEXT.sectionHandling}
              </Title>
              {h ? (
                <Stack gap="sm">
                  <Text size="sm" fw={700}>
                    {HANDLING_ROUTES[h.route as HandlingRoute]}
                  </Text>
                  {h.targetBody ? <Detail label={RECEPTION_TEXT.targetBody}>{h.targetBody}</Detail> : null}
                  {h.documentNumber ? <Detail label={RECEPTION_TEXT.documentNumber}>{h.documentNumber}</Detail> : null}
                  {refusal ? (
                    <Detail label={RECEPTION_TEXT.refusalReason}>
                      {refusal.label} ({refusal.basis})
                    </Detail>
                  ) : null}
                  {h.refusal?.explanation ? (
                    <Detail label={RECEPTION_TEXT.refusalExplanation}>{h.refusal.explanation}</Detail>
                  ) : null}
                  {h.refusal?.refusalNotice ? (
                    <Detail label={RECEPTION_TEXT.refusalNotice}>
                      {h.refusal.refusalNotice.number}, {formatDate(h.refusal.refusalNotice.date)}
                    </Detail>
                  ) : null}
                </Stack>
              ) : (
                <Text size="sm">{RECEPTION_TEXT.handlingNone}</Text>
              )}
              <div style={{ marginTop: 12 }}>
                <Detail label={RECEPTION_TEXT.followUp}>{v.followUp ?? RECEPTION_TEXT.followUpNone}</Detail>
              </div>
              {v.notes ? (
                <div style={{ marginTop: 12 }}>
                  <Detail label={RECEPTION_TEXT.notes}>{v.notes}</Detail>
                </div>
              ) : null}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={handling} onClose={() => setHandling(false)} title={RECEPTION_TEXT.handleTitle} size="lg">
        {handling ? <HandleForm visit={v} onClose={() => setHandling(false)} onReload={reload} /> : null}
      </Modal>
      <Modal opened={following} onClose={() => setFollowing(false)} title={RECEPTION_TEXT.followUpTitle} size="lg">
        {following ? <FollowUpForm visit={v} onClose={() => setFollowing(false)} /> : null}
      </Modal>
    </>
  );
}

function HandleForm({ visit, onClose, onReload }: { visit: VisitView; onClose(): void; onReload(): Promise<unknown> }) {
  const handle = useHandleVisit();
  const [failure, setFailure] = useState<string | null>(null);
  const conflict = useVersionConflict(onReload);
  const form = useAppForm<{ handling: HandlingValues }>({
    initialValues: { handling: emptyHandling() },
    validate: (values) =>
      schemaResolver(handleVisitBody, { sync: true })({
        version: visit.version,
        handling: handlingBody(values.handling),
      }),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    conflict.reset();
    try {
      await handle.mutateAsync({
        id: visit.id,
        body: { version: visit.version, handling: handlingBody(values.handling) } as HandleVisitBody,
      });
      notifications.show({ color: "green", message: COMMON.saved });
      onClose();
    } catch (error) {
      if (!conflict.caught(error)) setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="visit-handle-form">
      <Stack gap="sm">
        <VersionConflictAlert conflict={conflict} text={RECEPTION_TEXT} />
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <HandlingFields form={form} prefix="handling" values={form.values.handling} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" loading={handle.isPending}>
            {COMMON.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FollowUpForm({ visit, onClose }: { visit: VisitView; onClose(): void }) {
  const followUp = useFollowUpVisit();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm({
    initialValues: { followUp: visit.followUp ?? "" },
    validate: (values) => schemaResolver(followUpVisitBody, { sync: true })({ version: visit.version, ...values }),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await followUp.mutateAsync({ id: visit.id, body: { version: visit.version, followUp: values.followUp } });
      notifications.show({ color: "green", message: COMMON.saved });
      onClose();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Textarea
          label={RECEPTION_TEXT.followUpText}
          required
          autosize
          minRows={4}
          {...form.getInputProps("followUp")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" loading={followUp.isPending}>
            {COMMON.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
