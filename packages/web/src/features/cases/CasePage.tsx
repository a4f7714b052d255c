import {
  CASE_KINDS,
  CASE_OUTCOMES,
  COMPLEXITY_CRITERIA,
  COMPLEXITY_LEVELS,
  complexityOf,
  PROTECTION_MEASURES,
  PUBLICATION_METHODS,
  type CaseAction,
  type CaseFacts,
  type CaseOutcome,
  type ComplexityCriterion,
  type ProtectionMeasure,
  type PublicationMethod,
} from "@minhbach/domain";
import { Anchor, Badge, Button, Grid, Group, List, SimpleGrid, Stack, Text, Timeline } from "@mantine/core";
import { IconArrowLeft, IconDownload, IconFileText, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import { Link, Navigate, useParams } from "react-router-dom";
import { formatDate, formatDateTime, formatNumber } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { ErrorBlock, LoadingBlock } from "../../ui/QueryState.tsx";
import { useSession } from "../auth/session.tsx";
import { DeadlineExplanation } from "../deadlines/DeadlineExplanation.tsx";
import { DueDateBadge } from "../deadlines/DueDateBadge.tsx";
import { Detail } from "../petitions/components.tsx";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel.tsx";
import { documentStatusLabel, DocumentsPanel, downloadDocumentFile } from "../petitions/DocumentsPanel.tsx";
import { channelLabel } from "../petitions/labels.ts";
import { PATHS } from "../shell/nav.ts";
import { ActionModal } from "./ActionModal.tsx";
import { revealCaseIdentity, useCase, type CaseDetail } from "./api.ts";
import { AssignmentsModal } from "./AssignmentsModal.tsx";
import { EnforcementSection } from "./EnforcementSection.tsx";
import { CaseStateBadge, caseStateLabel, InstanceBadge, Section } from "./components.tsx";
import { IdentityRequestButton, IdentityRequestList, ProtectedWriters } from "./IdentityPanel.tsx";
import { casePath, casesPath, type CaseKind } from "./paths.ts";
import { CASE_TEXT, FIELD_TEXT } from "./text.ts";

export default function CasePage({ kind }: { kind: CaseKind }) {
  const { id = "" } = useParams();
  const kase = useCase(id);
  if (kase.isPending) return <LoadingBlock />;
  if (kase.isError) return <ErrorBlock error={kase.error} onRetry={() => void kase.refetch()} />;
  // A link that named the wrong area (a complaint under /giai-quyet-to-cao) goes to the right one.
  if (kase.data.kind !== kind) return <Navigate to={casePath(kase.data.kind, id)} replace />;
  return <CaseView key={id} detail={kase.data} reload={() => kase.refetch()} />;
}

function CaseView({ detail: c, reload }: { detail: CaseDetail; reload(): Promise<unknown> }) {
  const [action, setAction] = useState<CaseAction | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [editingDoc, setEditingDoc] = useState<string | null>(null);
  return (
    <>
      <Anchor component={Link} to={casesPath(c.kind)} size="sm" mb="xs" style={{ display: "inline-flex", gap: 4 }}>
        <IconArrowLeft size={16} aria-hidden />
        {CASE_TEXT.backToList[c.kind]}
      </Anchor>
      <PageHeader
        title={CASE_TEXT.caseTitle(c.code)}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <CaseStateBadge state={c.state} label={c.stateLabel} />
            <Badge variant="outline" color="gray" tt="none">
              {CASE_KINDS[c.kind]}
            </Badge>
            <InstanceBadge instance={c.instance} />
            {c.holder ? (
              <span>
                {CASE_TEXT.holder}: {c.holder}
              </span>
            ) : null}
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          <Stack gap="md">
            <StatusCard detail={c} />
            <TasksCard detail={c} onAction={setAction} />
            <AssignmentsCard detail={c} onChange={() => setAssigning(true)} />
            {c.identity.protected ? (
              <Section title={CASE_TEXT.identityTitle} id="case-identity" testId="case-identity">
                <ProtectedWriters
                  key={c.id}
                  identity={c.identity}
                  load={() => revealCaseIdentity(c.id)}
                  request={<IdentityRequestButton caseId={c.id} />}
                />
              </Section>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          <Stack gap="md">
            <ContentCard detail={c} />
            <DocumentsPanel entityType="case" entityId={c.id} editing={editingDoc} onEdit={setEditingDoc} />
            <AttachmentsPanel owner={`cases/${c.id}`} />
            <EnforcementSection caseId={c.id} />
            {c.identityRequests.length > 0 ? (
              <Section title={CASE_TEXT.identityRequests} id="case-identity-requests">
                <IdentityRequestList requests={c.identityRequests} />
              </Section>
            ) : null}
            <TimelineCard detail={c} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ActionModal detail={c} action={action} onClose={() => setAction(null)} onReload={reload} />
      {c.canAssign ? (
        <AssignmentsModal detail={c} opened={assigning} onClose={() => setAssigning(false)} onReload={reload} />
      ) : null}
    </>
  );
}

function outcomeLabel(kind: CaseKind, outcome: string | null): string {
  return outcome ? (CASE_OUTCOMES[kind][outcome as CaseOutcome] ?? outcome) : "";
}

/** The running time limit with "Cách tính hạn"; the complexity and extensions of a denunciation. */
function StatusCard({ detail: c }: { detail: CaseDetail }) {
  const main = c.mainDeadline;
  const facts = c.facts as Partial<CaseFacts>;
  const criteria = (facts.complexityCriteria ?? []) as ComplexityCriterion[];
  const level = COMPLEXITY_LEVELS[complexityOf(criteria)];
  const extensions = facts.extensions ?? [];
  const others = c.deadlines.filter((d) => !main || d.ruleId !== main.rule);
  return (
    <Section title={CASE_TEXT.overview} id="case-overview" testId="case-status">
      <Stack gap="sm">
        <Detail label={CASE_TEXT.state}>
          <CaseStateBadge state={c.state} label={c.stateLabel} />
        </Detail>
        {main ? (
          <div data-testid="case-due">
            <Text size="xs" c="gray.7" fw={700}>
              {CASE_TEXT.dueMain}: {main.title}
            </Text>
            <DueDateBadge due={main.due} status={main.status ?? null} showDate />
            <div style={{ marginTop: 8 }}>
              <DeadlineExplanation result={main} />
            </div>
          </div>
        ) : (
          <Text size="sm">{CASE_TEXT.noDue}</Text>
        )}
        {others.length > 0 ? (
          <Detail label={CASE_TEXT.deadlines}>
            <List size="sm" spacing={2}>
              {others.map((d) => (
                <List.Item key={d.ruleId}>
                  {d.label.replace(/^Vụ việc [^:]+: /, "")}: <b>{formatDate(d.due)}</b> (
                  {d.open ? CASE_TEXT.deadlineOpen : CASE_TEXT.deadlineClosed})
                </List.Item>
              ))}
            </List>
          </Detail>
        ) : null}
        {c.kind === "denunciation" && c.acceptedOn ? (
          <Detail label={CASE_TEXT.complexity}>
            <Text size="sm" data-testid="case-complexity">
              {level.label}
              {criteria.length > 0 ? ` (${criteria.map(criterionLetter).join(", ")})` : ""}
            </Text>
            <Text size="sm" data-testid="case-extensions">
              {CASE_TEXT.extensionsUsed(extensions.length, level.extensionsAllowed)}
            </Text>
          </Detail>
        ) : null}
        {c.outcome ? <Detail label={CASE_TEXT.outcome}>{outcomeLabel(c.kind, c.outcome)}</Detail> : null}
      </Stack>
    </Section>
  );
}

/** "Điểm a khoản 1 Điều 3 …" → "a". */
function criterionLetter(k: ComplexityCriterion): string {
  return /^Điểm (\S+)/.exec(COMPLEXITY_CRITERIA[k]?.basis ?? "")?.[1] ?? k;
}

/** Steps beside the main course of resolution: offered, but not as the obvious next step. */
const SIDE_STEPS: readonly string[] = [
  "reject",
  "set_flags",
  "set_complexity",
  "extend",
  "extend_initial",
  "transfer",
  "suspend",
  "withdraw",
  "terminate",
  "record_protection",
];

/** The steps the server allows now, and nothing else; the next step of the main course stands out. */
function TasksCard({ detail: c, onAction }: { detail: CaseDetail; onAction(action: CaseAction): void }) {
  const { can } = useSession();
  const primary = c.allowedActions.find((a) => !SIDE_STEPS.includes(a.action))?.action;
  return (
    <Section title={CASE_TEXT.tasks} id="case-tasks" testId="case-tasks">
      <Stack gap="sm">
        {!c.assigned ? (
          <Text size="sm">{can("case.write") ? CASE_TEXT.notAssigned : CASE_TEXT.readOnly}</Text>
        ) : c.allowedActions.length === 0 ? (
          <Text size="sm">{CASE_TEXT.noTasks}</Text>
        ) : (
          c.allowedActions.map((a) => (
            <Button
              key={a.action}
              variant={a.action === primary ? "filled" : "light"}
              onClick={() => onAction(a.action as CaseAction)}
              styles={{ root: { height: "auto", paddingBlock: 8 }, label: { whiteSpace: "normal" } }}
            >
              {a.label}
            </Button>
          ))
        )}
      </Stack>
    </Section>
  );
}

function AssignmentsCard({ detail: c, onChange }: { detail: CaseDetail; onChange(): void }) {
  return (
    <Section title={CASE_TEXT.assignments} id="case-assignments" testId="case-assignments">
      <Stack gap="sm">
        {c.assignments.length === 0 ? <Text size="sm">{CASE_TEXT.noAssignments}</Text> : null}
        <Stack gap={4}>
          {c.assignments.map((a) => (
            <Group key={a.userId} gap="xs" wrap="nowrap">
              <Text size="sm" fw={a.role === "lead" ? 700 : 400}>
                {a.name}
              </Text>
              <Badge size="sm" variant="light" color={a.role === "lead" ? "blue" : "gray"} tt="none">
                {a.role === "lead" ? CASE_TEXT.lead : CASE_TEXT.member}
              </Badge>
            </Group>
          ))}
        </Stack>
        {c.canAssign ? (
          <Button size="xs" variant="light" leftSection={<IconUsers size={14} aria-hidden />} onClick={onChange}>
            {CASE_TEXT.changeAssignments}
          </Button>
        ) : null}
      </Stack>
    </Section>
  );
}

function ContentCard({ detail: c }: { detail: CaseDetail }) {
  return (
    <Section title={CASE_TEXT.contentCard} id="case-content">
      <Stack gap="sm">
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="case-title">
          {c.title}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Detail label={CASE_TEXT.petition}>
            <Anchor component={Link} to={`${PATHS.petitions}/${c.petition.id}`} size="sm">
              {CASE_TEXT.openPetition(c.petition.code)}
            </Anchor>
            <Text size="xs" c="gray.7">
              {channelLabel(c.petition.channel)}, {CASE_TEXT.petitionReceived(formatDate(c.petition.receivedOn))}
            </Text>
          </Detail>
          <Detail label={CASE_TEXT.receivedOn}>{formatDate(c.receivedOn)}</Detail>
          <Detail label={CASE_TEXT.acceptedOn}>
            {c.acceptedOn ? formatDate(c.acceptedOn) : CASE_TEXT.notAccepted}
          </Detail>
          <Detail label={CASE_TEXT.petitioner[c.kind]}>{c.petitioner}</Detail>
          {c.instance ? <Detail label={CASE_TEXT.instance}>{CASE_TEXT.instanceLabel(c.instance)}</Detail> : null}
          {c.firstCaseId ? (
            <Detail label={CASE_TEXT.firstCase}>
              <Anchor component={Link} to={casePath("complaint", c.firstCaseId)} size="sm">
                {CASE_TEXT.openCase}
              </Anchor>
            </Detail>
          ) : null}
          {c.repeatedOfId ? (
            <Detail label={CASE_TEXT.repeatedOf}>
              <Anchor component={Link} to={casePath("denunciation", c.repeatedOfId)} size="sm">
                {CASE_TEXT.openCase}
              </Anchor>
            </Detail>
          ) : null}
        </SimpleGrid>
        <Detail label={CASE_TEXT.respondents[c.kind]}>
          {c.respondents.length === 0 ? (
            CASE_TEXT.noRespondents
          ) : (
            <Stack gap={4} mt={4}>
              {c.respondents.map((r, i) => (
                <Text key={i} size="sm">
                  {r.name}
                  {r.address ? ` — ${r.address}` : ""}
                </Text>
              ))}
            </Stack>
          )}
        </Detail>
      </Stack>
    </Section>
  );
}

/** The facts an event carries that the officer needs to see, as "label: value" lines. */
function eventDetails(kind: CaseKind, data: Record<string, unknown>): string[] {
  const out: string[] = [];
  const str = (key: string) => (typeof data[key] === "string" && data[key] !== "" ? (data[key] as string) : null);
  const add = (label: string, value: string | null | undefined) => {
    if (value) out.push(`${label}: ${value}`);
  };
  add(CASE_TEXT.paperSymbol, str("symbol"));
  if (data.issuedOutside === true) out.push(CASE_TEXT.issuedOutsideEvent);
  add(FIELD_TEXT.decisionNumber, str("number") ?? str("decisionNumber"));
  add(FIELD_TEXT.documentNumber.replace(/ \(.*\)$/, ""), str("documentNumber"));
  add(CASE_TEXT.eventDate, formatDate(str("date") ?? str("decisionDate") ?? str("on")));
  add(FIELD_TEXT.signer, str("signer"));
  if (typeof data.outcome === "string") add(FIELD_TEXT.outcome, outcomeLabel(kind, data.outcome));
  const assignee = data.assignee as { name?: string } | undefined;
  add(FIELD_TEXT.assigneeName, assignee?.name);
  add(FIELD_TEXT.targetBody, str("targetBody"));
  if (Array.isArray(data.criteria)) {
    const criteria = data.criteria as ComplexityCriterion[];
    add(
      CASE_TEXT.complexity,
      `${COMPLEXITY_LEVELS[complexityOf(criteria)].label} (${criteria.map(criterionLetter).join(", ")})`,
    );
  }
  if (typeof data.method === "string")
    add(FIELD_TEXT.method, PUBLICATION_METHODS[data.method as PublicationMethod]?.label);
  if (typeof data.measure === "string")
    add(FIELD_TEXT.measure, PROTECTION_MEASURES[data.measure as ProtectionMeasure]?.label);
  add(FIELD_TEXT.reason, str("reason"));
  const override = data.paperOverride as { reason?: string } | undefined;
  add(CASE_TEXT.paperOverrideEvent, override?.reason);
  add(FIELD_TEXT.summary, str("summary"));
  const amounts = data.amounts as Record<string, number> | undefined;
  if (amounts && typeof amounts === "object") {
    const money = (amounts.moneyToState ?? 0) + (amounts.moneyToOthers ?? 0);
    const land = (amounts.landToState ?? 0) + (amounts.landToOthers ?? 0);
    if (money > 0) out.push(CASE_TEXT.eventMoney(formatNumber(money)));
    if (land > 0) out.push(CASE_TEXT.eventLand(formatNumber(land)));
  }
  return out;
}

function TimelineCard({ detail: c }: { detail: CaseDetail }) {
  const events = [...c.events].reverse();
  const docs = new Map(c.documents.map((d) => [d.id, d]));
  return (
    <Section title={CASE_TEXT.timeline} id="case-timeline">
      {events.length === 0 ? <Text size="sm">{CASE_TEXT.noEvents}</Text> : null}
      <Timeline active={events.length} bulletSize={22} lineWidth={2} data-testid="case-timeline">
        {events.map((e, i) => {
          const doc = e.documentId ? docs.get(e.documentId) : undefined;
          return (
            <Timeline.Item
              key={`${e.at}-${i}`}
              bullet={e.documentId ? <IconFileText size={12} aria-hidden /> : null}
              title={e.actionLabel}
              data-action={e.action}
            >
              <Text size="xs" c="gray.7">
                {formatDateTime(e.at)}
                {e.actorName ? ` · ${e.actorName}` : ""}
              </Text>
              {e.toState && e.toState !== e.fromState ? (
                <Text size="sm">
                  {e.fromState
                    ? CASE_TEXT.stateChange(caseStateLabel(e.fromState), caseStateLabel(e.toState))
                    : caseStateLabel(e.toState)}
                </Text>
              ) : null}
              {eventDetails(c.kind, e.data).map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
              {doc ? (
                <Group gap="xs" mt={4} wrap="wrap">
                  <Text size="sm">
                    {CASE_TEXT.eventDocument}: {doc.title}
                    {doc.symbol ? ` (${doc.symbol})` : ""} — {documentStatusLabel(doc.status)}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconDownload size={12} aria-hidden />}
                    onClick={() => void downloadDocumentFile(doc)}
                    aria-label={CASE_TEXT.downloadDoc(doc.title)}
                  >
                    {CASE_TEXT.download}
                  </Button>
                </Group>
              ) : null}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Section>
  );
}
