import {
  OUTCOMES,
  PETITION_FORMS,
  timelineActionLabel,
  type PetitionFormCode,
  type PetitionOutcome,
} from "@minhbach/domain";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Collapse,
  Grid,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconChevronDown, IconFileText, IconGitMerge, IconListCheck } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { errorMessage, isApiError } from "../../api/client.ts";
import { formatDate, formatDateTime } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { ErrorBlock, LoadingBlock } from "../../ui/QueryState.tsx";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel.tsx";
import { useSession } from "../auth/session.tsx";
import { PetitionProtectedWriters } from "../cases/IdentityPanel.tsx";
import { PetitionCaseCard } from "../cases/OpenCaseModal.tsx";
import { computeDeadline, useDeadlineRules } from "../deadlines/api.ts";
import { DeadlineExplanation } from "../deadlines/DeadlineExplanation.tsx";
import { DueDateBadge } from "../deadlines/DueDateBadge.tsx";
import type { ComputeDeadlineBody } from "../deadlines/types.ts";
import { PATHS } from "../shell/nav.ts";
import { useJoinMatter, usePetition, usePetitionDuplicates, type PetitionDetail, type PetitionStep } from "./api.ts";
import { ClassifyModal } from "./ClassifyModal.tsx";
import { Detail, DuplicateCard, PetitionStateBadge } from "./components.tsx";
import { DocumentRow, DocumentsPanel } from "./DocumentsPanel.tsx";
import { channelLabel, competenceLabel, fieldName, IDENTITY_SHORT, kindLabel, stateLabel } from "./labels.ts";
import { OutcomeModal } from "./OutcomeModal.tsx";
// portal (issue 20): the thread with a sender who filed online
import { PortalThreadPanel } from "../portal/PortalThreadPanel.tsx";
import { StepModal, stepsFor, stepTransition } from "./StepModal.tsx";
import { PETITION_TEXT } from "./text.ts";
import { useDocumentsByIds } from "./transferred-docs.ts";

const CLASSIFIABLE = ["REGISTERED", "CLASSIFIED", "ELIGIBLE", "NOT_ELIGIBLE"];
const STEP_PARAM = "thao-tac";

export default function PetitionPage() {
  const { id = "" } = useParams();
  const petition = usePetition(id);
  if (petition.isPending) return <LoadingBlock />;
  if (petition.isError) return <ErrorBlock error={petition.error} onRetry={() => void petition.refetch()} />;
  return <PetitionView petition={petition.data} reload={() => petition.refetch()} />;
}

function PetitionView({ petition: p, reload }: { petition: PetitionDetail; reload(): Promise<unknown> }) {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const canWrite = can("petition.write");
  const [classifying, setClassifying] = useState(false);
  const [outcome, setOutcome] = useState<PetitionOutcome | null>(null);
  const [editingDoc, setEditingDoc] = useState<string | null>(null);
  const requested = params.get(STEP_PARAM) as PetitionStep | null;
  const steps = canWrite ? stepsFor(p.state).filter((s) => s !== "dispatch" || can("petition.transfer")) : [];
  const step = requested && steps.includes(requested) ? requested : null;
  const setStep = (next: PetitionStep | null) => {
    const copy = new URLSearchParams(params);
    if (next) copy.set(STEP_PARAM, next);
    else copy.delete(STEP_PARAM);
    setParams(copy, { replace: true });
  };

  return (
    <>
      <Anchor component={Link} to={PATHS.petitions} size="sm" mb="xs" style={{ display: "inline-flex", gap: 4 }}>
        <IconArrowLeft size={16} aria-hidden />
        {PETITION_TEXT.backToList}
      </Anchor>
      <PageHeader
        title={PETITION_TEXT.petitionTitle(p.code)}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <PetitionStateBadge state={p.state} label={p.stateLabel} />
            {p.kind ? (
              <Badge variant="outline" color="gray" tt="none">
                {kindLabel(p.kind)}
              </Badge>
            ) : null}
            <span>
              {PETITION_TEXT.receivedOn}: {formatDate(p.receivedOn)}
            </span>
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          <Stack gap="md">
            <DeadlineCard petition={p} />
            <TasksCard
              petition={p}
              canWrite={canWrite}
              steps={steps}
              onClassify={() => setClassifying(true)}
              onOutcome={setOutcome}
              onStep={setStep}
            />
            <PetitionCaseCard petition={p} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          <Stack gap="md">
            <ContentCard petition={p} />
            <PartiesCard petition={p} />
            {p.classification ? <ClassificationCard petition={p} /> : null}
            <DocumentsPanel entityType="petition" entityId={p.id} editing={editingDoc} onEdit={setEditingDoc} />
            <AttachmentsPanel owner={`petitions/${p.id}`} />
            <PortalThreadPanel petitionId={p.id} />
            <TransferredDocuments petition={p} />
            <DuplicatesCard petition={p} canWrite={canWrite} />
            <TimelineCard petition={p} />
          </Stack>
        </Grid.Col>
      </Grid>
      {canWrite ? (
        <>
          <ClassifyModal petition={p} opened={classifying} onClose={() => setClassifying(false)} onReload={reload} />
          <OutcomeModal
            petition={p}
            outcome={outcome}
            onClose={() => setOutcome(null)}
            onReload={reload}
            onDocument={setEditingDoc}
          />
          <StepModal
            petition={p}
            step={step}
            onClose={() => setStep(null)}
            onReload={reload}
            onDocument={setEditingDoc}
          />
        </>
      ) : null}
    </>
  );
}

function Card({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * What a tracked time limit is for: its label without the petition's code, or the rule's title
 * when the label only repeats the rule's id.
 */
function useDeadlineTitle() {
  const rules = useDeadlineRules();
  return (d: { ruleId: string; label: string }) => {
    const label = d.label.replace(/^Đơn [^:]+: /, "");
    return label === d.ruleId ? (rules.data?.find((r) => r.id === d.ruleId)?.title ?? label) : label;
  };
}

/** The nearest open time limit, with "Cách tính hạn" from the deadline engine; the others below. */
function DeadlineCard({ petition: p }: { petition: PetitionDetail }) {
  const title = useDeadlineTitle();
  const open = p.deadlines.filter((d) => d.open).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const main = open[0];
  const computed = useQuery({
    queryKey: ["deadline-explain", main?.input ?? null],
    queryFn: () => computeDeadline(main!.input as ComputeDeadlineBody),
    enabled: main !== undefined,
    staleTime: 5 * 60_000,
  });
  return (
    <Card title={PETITION_TEXT.overview} id="petition-overview">
      <Stack gap="sm">
        <Detail label={PETITION_TEXT.state}>
          <PetitionStateBadge state={p.state} label={p.stateLabel} />
        </Detail>
        {main ? (
          <div data-testid="petition-due">
            <Text size="xs" c="gray.7" fw={700}>
              {PETITION_TEXT.dueMain}: {computed.data?.title ?? title(main)}
            </Text>
            <DueDateBadge due={main.due} status={computed.data?.status ?? null} showDate />
            {computed.data ? (
              <div style={{ marginTop: 8 }}>
                <DeadlineExplanation result={computed.data} />
              </div>
            ) : null}
          </div>
        ) : (
          <Text size="sm">{PETITION_TEXT.noDue}</Text>
        )}
        {open.length > 1 ? (
          <Detail label={PETITION_TEXT.deadlines}>
            <List size="sm" spacing={2}>
              {open.map((d) => (
                <List.Item key={d.ruleId}>
                  {title(d)}: <b>{formatDate(d.due)}</b>
                </List.Item>
              ))}
            </List>
          </Detail>
        ) : null}
        {p.retentionUntil ? <Detail label={PETITION_TEXT.retentionUntil}>{formatDate(p.retentionUntil)}</Detail> : null}
      </Stack>
    </Card>
  );
}

/** What the officer can do now: only what the server allows, and why the rest is not possible. */
function TasksCard({
  petition: p,
  canWrite,
  steps,
  onClassify,
  onOutcome,
  onStep,
}: {
  petition: PetitionDetail;
  canWrite: boolean;
  steps: PetitionStep[];
  onClassify(): void;
  onOutcome(outcome: PetitionOutcome): void;
  onStep(step: PetitionStep): void;
}) {
  const [refusedOpen, { toggle }] = useDisclosure(false);
  if (!canWrite) {
    return (
      <Card title={PETITION_TEXT.tasks} id="petition-tasks">
        <Text size="sm">{PETITION_TEXT.readOnly}</Text>
      </Card>
    );
  }
  const classifiable = CLASSIFIABLE.includes(p.state);
  const nothing = !classifiable && p.allowedOutcomes.length === 0 && steps.length === 0;
  return (
    <Card title={PETITION_TEXT.tasks} id="petition-tasks">
      <Stack gap="sm" data-testid="petition-tasks">
        {nothing ? <Text size="sm">{PETITION_TEXT.noTasks}</Text> : null}
        {classifiable ? (
          <Button
            variant={p.kind ? "light" : "filled"}
            leftSection={<IconListCheck size={18} aria-hidden />}
            onClick={onClassify}
          >
            {p.kind ? PETITION_TEXT.reclassify : PETITION_TEXT.classify}
          </Button>
        ) : null}
        {p.allowedOutcomes.length > 0 ? (
          <Stack gap={6}>
            <Text size="sm" fw={700}>
              {PETITION_TEXT.chooseOutcome}
            </Text>
            {p.allowedOutcomes.map((o) => {
              const form = o.form ? PETITION_FORMS[o.form as PetitionFormCode] : null;
              return (
                <Button
                  key={o.outcome}
                  variant="outline"
                  onClick={() => onOutcome(o.outcome as PetitionOutcome)}
                  styles={{
                    root: { height: "auto", paddingBlock: 8 },
                    inner: { justifyContent: "flex-start" },
                    label: { whiteSpace: "normal", textAlign: "left" },
                  }}
                >
                  <Stack gap={0} align="flex-start">
                    <span>{OUTCOMES[o.outcome as PetitionOutcome]?.label ?? o.outcome}</span>
                    {form ? (
                      <Text size="xs" c="gray.7" fw={400}>
                        {PETITION_TEXT.formLabel(form.number, form.name)}
                      </Text>
                    ) : null}
                  </Stack>
                </Button>
              );
            })}
          </Stack>
        ) : null}
        {steps.map((s) => (
          <Button
            key={s}
            onClick={() => onStep(s)}
            variant={s === "dispatch" ? "filled" : "light"}
            styles={{ root: { height: "auto", paddingBlock: 8 }, label: { whiteSpace: "normal" } }}
          >
            {stepTransition(s).label}
          </Button>
        ))}
        {p.refusedOutcomes.length > 0 && (classifiable || p.allowedOutcomes.length > 0) ? (
          <div>
            <UnstyledButton onClick={toggle} aria-expanded={refusedOpen} aria-controls="refused-outcomes">
              <Group gap={4} wrap="nowrap">
                <IconChevronDown
                  size={16}
                  aria-hidden
                  style={{ transform: refusedOpen ? "rotate(180deg)" : undefined, transition: "transform 150ms" }}
                />
                <Text size="sm" fw={700}>
                  {PETITION_TEXT.otherOutcomes}
                </Text>
              </Group>
            </UnstyledButton>
            <Collapse expanded={refusedOpen} id="refused-outcomes">
              <Stack gap={6} mt="xs" data-testid="refused-outcomes">
                {p.refusedOutcomes.map((r) => (
                  <div key={r.outcome}>
                    <Text size="sm" fw={600}>
                      {OUTCOMES[r.outcome as PetitionOutcome]?.label ?? r.outcome}
                    </Text>
                    <List size="xs" spacing={2}>
                      {r.reasons.map((reason) => (
                        <List.Item key={reason}>{reason}</List.Item>
                      ))}
                    </List>
                  </div>
                ))}
              </Stack>
            </Collapse>
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}

function ContentCard({ petition: p }: { petition: PetitionDetail }) {
  return (
    <Card title={PETITION_TEXT.contentCard} id="petition-content">
      <Stack gap="sm">
        {p.title ? (
          <Text fw={700} size="sm">
            {p.title}
          </Text>
        ) : null}
        {p.summary && p.summary.trim() !== p.content.trim() ? (
          <Detail label={PETITION_TEXT.summary}>{p.summary}</Detail>
        ) : null}
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="petition-content">
          {p.content}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Detail label={PETITION_TEXT.channel}>{channelLabel(p.channel)}</Detail>
          <Detail label={PETITION_TEXT.receivedOn}>{formatDate(p.receivedOn)}</Detail>
          <Detail label={PETITION_TEXT.writtenOn}>{formatDate(p.writtenOn)}</Detail>
          <Detail label={PETITION_TEXT.field}>{fieldName(p.fieldCode)}</Detail>
          <Detail label={PETITION_TEXT.language}>
            {p.language === "vi" ? PETITION_TEXT.languageVi : PETITION_TEXT.languageOther}
          </Detail>
          {p.forwardedBy ? (
            <Detail label={PETITION_TEXT.forwardedBy}>
              {PETITION_TEXT.forwardedText(
                p.forwardedBy.agencyName,
                p.forwardedBy.documentNumber,
                formatDate(p.forwardedBy.documentDate),
              )}
            </Detail>
          ) : null}
          {p.visitId ? (
            <Detail label={PETITION_TEXT.fromVisit}>
              <Anchor component={Link} to={`${PATHS.reception}/${p.visitId}`} size="sm">
                {PETITION_TEXT.openVisit}
              </Anchor>
            </Detail>
          ) : null}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function identityText(identity: unknown): string {
  if (!identity || typeof identity !== "object") return "";
  const i = identity as { kind?: string; number?: string; birthYear?: number | null };
  return [IDENTITY_SHORT[i.kind ?? ""] ?? "", i.number ?? "", i.birthYear ? `(${i.birthYear})` : ""]
    .filter(Boolean)
    .join(" ");
}

function PartiesCard({ petition: p }: { petition: PetitionDetail }) {
  return (
    <Card title={PETITION_TEXT.parties} id="petition-parties">
      <Stack gap="sm">
        {p.anonymous || p.impersonated ? (
          <Group gap="xs">
            {p.anonymous ? (
              <Badge color="gray" tt="none">
                {PETITION_TEXT.anonymous}
              </Badge>
            ) : null}
            {p.impersonated ? (
              <Badge color="gray" tt="none">
                {PETITION_TEXT.impersonated}
              </Badge>
            ) : null}
          </Group>
        ) : null}
        <Detail label={PETITION_TEXT.sectionWriters}>
          {p.petitioners.length === 0 ? (
            p.identity.protected && p.kind !== null ? (
              <PetitionProtectedWriters petition={p} />
            ) : (
              p.petitionerDisplay || PETITION_TEXT.noWriters
            )
          ) : (
            <Stack gap={6} mt={4}>
              {p.petitioners.map((w, i) => {
                const person = w as Record<string, unknown>;
                const name = String(person.kind === "organisation" ? person.name : person.fullName);
                const identity = identityText(
                  person.kind === "organisation" ? person.representativeIdentity : person.identity,
                );
                return (
                  <div key={i}>
                    <Text size="sm" fw={600}>
                      {name}
                    </Text>
                    {person.kind === "organisation" ? (
                      <Text size="xs">
                        {PETITION_TEXT.representativeName}: {String(person.representativeName ?? "")}
                      </Text>
                    ) : null}
                    {person.address ? <Text size="xs">{String(person.address)}</Text> : null}
                    {identity ? (
                      <Text size="xs">
                        {PETITION_TEXT.identity}: {identity}
                      </Text>
                    ) : null}
                  </div>
                );
              })}
            </Stack>
          )}
        </Detail>
        <Detail label={PETITION_TEXT.respondent}>
          {p.respondents.length === 0 ? null : (
            <Stack gap={4} mt={4}>
              {p.respondents.map((r, i) => (
                <Text key={i} size="sm">
                  {r.name}
                  {r.address ? ` — ${String(r.address)}` : ""}
                </Text>
              ))}
            </Stack>
          )}
        </Detail>
      </Stack>
    </Card>
  );
}

function ClassificationCard({ petition: p }: { petition: PetitionDetail }) {
  const e = (p.eligibility ?? {}) as {
    eligible?: boolean;
    failed?: { id: string; label: string }[];
    anonymousDenunciationException?: boolean;
  };
  return (
    <Card title={PETITION_TEXT.classification} id="petition-classification">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Detail label={PETITION_TEXT.kind}>{kindLabel(p.kind)}</Detail>
        <Detail label={PETITION_TEXT.competence}>{competenceLabel(p.competence)}</Detail>
        <Detail label={PETITION_TEXT.eligibility}>
          {e.eligible === undefined ? null : e.eligible ? (
            <Badge color="green" variant="light" tt="none">
              {PETITION_TEXT.eligibleYes}
            </Badge>
          ) : (
            <Badge color="red" variant="light" tt="none">
              {PETITION_TEXT.eligibleNo}
            </Badge>
          )}
        </Detail>
      </SimpleGrid>
      {e.anonymousDenunciationException ? (
        <Text size="sm" mt="xs">
          {PETITION_TEXT.anonymousException}
        </Text>
      ) : null}
      {e.failed && e.failed.length > 0 ? (
        <div style={{ marginTop: 8 }}>
          <Text size="sm" fw={700}>
            {PETITION_TEXT.failedItems}:
          </Text>
          <List size="sm">
            {e.failed.map((f) => (
              <List.Item key={f.id}>{f.label}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
    </Card>
  );
}

/** Documents that came with a petition transferred in from another agency of the installation. */
function TransferredDocuments({ petition: p }: { petition: PetitionDetail }) {
  const arrival = p.events.find((e) => e.action === "transferred_in");
  const data = (arrival?.data ?? {}) as { fromCode?: string; fromAgency?: string; documents?: string[] };
  const documents = useDocumentsByIds(data.documents ?? []);
  if (!arrival) return null;
  return (
    <Card title={PETITION_TEXT.transferredInDocs} id="petition-transferred-docs">
      <Stack gap="sm">
        <Text size="sm">{PETITION_TEXT.transferredInFrom(data.fromCode ?? "", data.fromAgency ?? "")}</Text>
        {documents.map((d, i) =>
          d.data ? (
            <DocumentRow key={d.data.id} doc={d.data} />
          ) : d.isError ? (
            <Alert key={i} color="orange">
              {isApiError(d.error, "FORBIDDEN") || (isApiError(d.error) && d.error.status === 403)
                ? PETITION_TEXT.transferredDocForbidden(data.fromAgency ?? "", p.forwardedBy?.documentNumber ?? "")
                : errorMessage(d.error)}
            </Alert>
          ) : (
            <LoadingBlock key={i} />
          ),
        )}
        {documents.length === 0 ? <Text size="sm">{PETITION_TEXT.noDocuments}</Text> : null}
      </Stack>
    </Card>
  );
}

function DuplicatesCard({ petition: p, canWrite }: { petition: PetitionDetail; canWrite: boolean }) {
  const duplicates = usePetitionDuplicates(p.id);
  const join = useJoinMatter();
  if (!duplicates.data || duplicates.data.length === 0) return null;
  const confirm = async (otherId: string) => {
    try {
      await join.mutateAsync({ id: p.id, body: { version: p.version, petitionId: otherId } });
      notifications.show({ color: "green", message: PETITION_TEXT.sameMatterDone });
    } catch (error) {
      notifications.show({ color: "red", message: errorMessage(error) });
    }
  };
  return (
    <Card title={PETITION_TEXT.duplicatesOfThis} id="petition-duplicates">
      <Stack gap="sm">
        {duplicates.data.map((m, i) => (
          <DuplicateCard
            key={m.id ?? `${m.agencyId}-${i}`}
            match={m}
            action={
              canWrite && m.visible && m.id ? (
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconGitMerge size={14} aria-hidden />}
                    loading={join.isPending}
                    onClick={() => void confirm(m.id!)}
                  >
                    {PETITION_TEXT.sameMatter}
                  </Button>
                </Group>
              ) : null
            }
          />
        ))}
      </Stack>
    </Card>
  );
}

function eventLabel(action: string): string {
  return timelineActionLabel(action);
}

/** The facts an event carries that the officer needs to see (numbers, dates, where it went). */
function eventDetail(action: string, data: unknown): string {
  const d = (data ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : "");
  switch (action) {
    case "dispatch": {
      const to = d.transferredTo as { code?: string } | null | undefined;
      return PETITION_TEXT.eventDispatch(text("documentNumber"), formatDate(text("sentOn")), to?.code ?? null);
    }
    case "urge":
      return PETITION_TEXT.eventUrge(formatDate(text("on")), text("documentNumber") || null);
    case "record_feedback":
      return text("result");
    // Kept for the history of petitions accepted by the step earlier versions had.
    case "accept":
      return PETITION_TEXT.eventAccept(text("decisionNumber"), formatDate(text("decisionDate")));
    case "handed_to_case":
      return PETITION_TEXT.eventCase(text("caseCode"));
    case "reopened_for_case":
      return text("reason");
    case "joined_matter":
      return PETITION_TEXT.eventJoined(text("otherCode"));
    case "transferred_in":
      return PETITION_TEXT.transferredInFrom(text("fromCode"), text("fromAgency"));
    default:
      return "";
  }
}

function TimelineCard({ petition: p }: { petition: PetitionDetail }) {
  const events = [...p.events].reverse();
  return (
    <Card title={PETITION_TEXT.timeline} id="petition-timeline">
      <Timeline active={events.length} bulletSize={22} lineWidth={2} data-testid="petition-timeline">
        {events.map((e, i) => (
          <Timeline.Item
            key={`${e.at}-${i}`}
            bullet={e.documentId ? <IconFileText size={12} aria-hidden /> : null}
            title={eventLabel(e.action)}
          >
            <Text size="xs" c="gray.7">
              {formatDateTime(e.at)}
              {e.actorName ? ` · ${e.actorName}` : ""}
            </Text>
            {e.toState && e.toState !== e.fromState ? (
              <Text size="sm">
                {e.fromState ? `${stateLabel(e.fromState)} → ` : ""}
                {stateLabel(e.toState)}
              </Text>
            ) : null}
            {eventDetail(e.action, e.data) ? <Text size="sm">{eventDetail(e.action, e.data)}</Text> : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
