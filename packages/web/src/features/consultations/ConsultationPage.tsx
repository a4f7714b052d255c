/**
 * One draft put to public comment (issue 20): its phases and the buttons the server allows now
 * (open on the portal, close, publish the summary), the text passage by passage, the citizens'
 * comments to publish or hide with a reason, and the handling summary per comment or group.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import {
  RESPONSE_OUTCOME_LABELS,
  RESPONSE_OUTCOMES,
  COMMENT_STATUS_LABELS,
} from "@minhbach/domain/consultations/index";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { formatDate, formatDateTime } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import {
  useAddVersion,
  useConsultation,
  useConsultationStep,
  useModerate,
  useRespond,
  type ConsultationView,
} from "./api.ts";
import { CONSULTATIONS_PATH } from "./ConsultationsPage.tsx";
import { CONSULTATION_TEXT as T } from "./text.ts";

export default function ConsultationPage() {
  const { id = "" } = useParams();
  const query = useConsultation(id);
  const c = query.data;
  return (
    <>
      <Anchor component={Link} to={CONSULTATIONS_PATH} size="sm">
        {T.back}
      </Anchor>
      <QueryStatus query={query} />
      {c ? <Body c={c} /> : null}
    </>
  );
}

function Body({ c }: { c: ConsultationView }) {
  const step = useConsultationStep(c.id);
  return (
    <Stack gap="md">
      <PageHeader
        title={c.title}
        description={`${c.agencyName}${c.field ? ` · ${T.field}: ${c.field}` : ""}`}
        actions={
          <>
            {c.openedAt ? (
              <Button component="a" href={`/cong-dan/du-thao/${c.id}`} target="_blank" variant="default">
                {T.viewOnPortal}
              </Button>
            ) : null}
            {c.actions.open ? (
              <Button loading={step.isPending} onClick={() => step.mutate("open")}>
                {T.open}
              </Button>
            ) : null}
            {c.actions.close ? (
              <Button color="orange" loading={step.isPending} onClick={() => step.mutate("close")}>
                {T.close}
              </Button>
            ) : null}
            {c.actions.publishSummary ? (
              <Button color="green" loading={step.isPending} onClick={() => step.mutate("summary")}>
                {T.publishSummary}
              </Button>
            ) : null}
          </>
        }
      />
      {step.error ? (
        <Alert color="red" role="alert">
          {errorMessage(step.error)}
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {T.phases}
        </Title>
        <Group gap="xs">
          <Badge size="lg" data-testid="phase">
            {c.phaseLabel}
          </Badge>
          <Text size="sm">
            {T.opensOn}: {formatDate(c.opensOn)} · {T.closesOn}: {formatDate(c.closesOn)}
            {c.summaryDueOn ? ` · ${T.summaryDueOn}: ${formatDate(c.summaryDueOn)}` : ""}
            {c.summaryPublishedAt ? ` · ${T.publishSummary}: ${formatDateTime(c.summaryPublishedAt)}` : ""}
          </Text>
        </Group>
      </Paper>
      <Comments c={c} />
      {c.actions.respond || c.responses.length ? <Responses c={c} /> : null}
      <Passages c={c} />
    </Stack>
  );
}

function Comments({ c }: { c: ConsultationView }) {
  const moderate = useModerate(c.id);
  const [hiding, setHiding] = useState<{ id: string; number: number } | null>(null);
  const [reason, setReason] = useState("");
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {T.commentList} ({c.commentList.length})
      </Title>
      {moderate.error && !hiding ? (
        <Alert color="red" role="alert" mb="xs">
          {errorMessage(moderate.error)}
        </Alert>
      ) : null}
      {c.commentList.length === 0 ? <Text>{T.noComments}</Text> : null}
      <Stack gap="sm">
        {c.commentList.map((m) => (
          <Paper key={m.id} withBorder p="sm" data-testid={`comment-${m.number}`}>
            <Group justify="space-between" wrap="wrap">
              <Text fw={700}>
                {T.commentNo(m.number)} · {m.passageLabel ?? m.anchor} · {T.version} {m.versionNumber}
              </Text>
              <Badge color={m.status === "published" ? "green" : m.status === "hidden" ? "gray" : "yellow"}>
                {COMMENT_STATUS_LABELS[m.status]}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {m.authorName ?? T.anonymous} · {formatDateTime(m.createdAt)}
              {m.contact ? ` · ${T.contact}: ${m.contact}` : ""}
            </Text>
            {m.quote ? (
              <Text size="sm" fs="italic">
                {T.quoted}: “{m.quote}”
              </Text>
            ) : null}
            <Text style={{ whiteSpace: "pre-wrap" }}>{m.body}</Text>
            {m.moderationReason ? (
              <Text size="sm" c="dimmed">
                {T.hideReason}: {m.moderationReason}
              </Text>
            ) : null}
            {c.actions.moderate ? (
              <Group gap="xs" mt="xs">
                {m.status !== "published" ? (
                  <Button
                    size="xs"
                    loading={moderate.isPending}
                    onClick={() => moderate.mutate({ commentId: m.id, decision: "publish" })}
                    aria-label={`${T.publish} ${T.commentNo(m.number).toLowerCase()}`}
                  >
                    {T.publish}
                  </Button>
                ) : null}
                {m.status !== "hidden" && !m.responseId ? (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => (setHiding({ id: m.id, number: m.number }), setReason(""), moderate.reset())}
                    aria-label={`${T.hide} ${T.commentNo(m.number).toLowerCase()}`}
                  >
                    {T.hide}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Paper>
        ))}
      </Stack>
      <Modal opened={hiding !== null} onClose={() => setHiding(null)} title={hiding ? T.hideTitle(hiding.number) : ""}>
        <Stack gap="sm">
          <Textarea label={T.hideReason} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          {moderate.error ? (
            <Alert color="red" role="alert">
              {errorMessage(moderate.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setHiding(null)}>
              {T.cancel}
            </Button>
            <Button
              loading={moderate.isPending}
              onClick={() =>
                hiding &&
                moderate.mutate(
                  { commentId: hiding.id, decision: "hide", reason },
                  { onSuccess: () => setHiding(null) },
                )
              }
            >
              {T.hide}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function Responses({ c }: { c: ConsultationView }) {
  const respond = useRespond(c.id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [explanation, setExplanation] = useState("");
  const open = c.commentList.filter((m) => m.status === "published" && !m.responseId);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {T.respondTitle}
      </Title>
      {c.responses.length ? (
        <Stack gap="xs" mb="md" aria-label={T.responses}>
          {c.responses.map((r) => (
            <Paper key={r.id} withBorder p="sm">
              <Text fw={700}>
                {r.outcomeLabel} — {T.onComments(r.commentNumbers)}
              </Text>
              <Text style={{ whiteSpace: "pre-wrap" }}>{r.explanation}</Text>
            </Paper>
          ))}
        </Stack>
      ) : null}
      {c.actions.respond && open.length ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            respond.mutate(
              {
                commentIds: chosen,
                outcome: (outcome ?? "") as "accepted",
                explanation,
              },
              { onSuccess: () => (setChosen([]), setOutcome(null), setExplanation("")) },
            );
          }}
        >
          <Stack gap="sm">
            <Checkbox.Group label={T.respondHint} value={chosen} onChange={setChosen}>
              <Group mt="xs">
                {open.map((m) => (
                  <Checkbox key={m.id} value={m.id} label={T.respondChoose(m.number)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Select
              label={T.outcome}
              required
              data={RESPONSE_OUTCOMES.map((o) => ({ value: o, label: RESPONSE_OUTCOME_LABELS[o] }))}
              value={outcome}
              onChange={setOutcome}
            />
            <Textarea
              label={T.explanation}
              required
              autosize
              minRows={3}
              value={explanation}
              onChange={(e) => setExplanation(e.currentTarget.value)}
            />
            {respond.error ? (
              <Alert color="red" role="alert">
                {errorMessage(respond.error)}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={respond.isPending}>
                {T.respond}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Paper>
  );
}

function Passages({ c }: { c: ConsultationView }) {
  const add = useAddVersion(c.id);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(c.text);
  const [note, setNote] = useState("");
  const counts = new Map<string, number>();
  for (const m of c.commentList) if (m.status === "published") counts.set(m.anchor, (counts.get(m.anchor) ?? 0) + 1);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {T.passages} — {T.version} {c.currentVersion}
        </Title>
        {c.actions.addVersion && !c.closedAt ? (
          <Button variant="default" size="xs" onClick={() => (setText(c.text), setEditing(true))}>
            {T.addVersion}
          </Button>
        ) : null}
      </Group>
      <Stack gap={4}>
        {c.passages.map((p) => (
          <Text key={p.anchor} fw={p.kind === "article" || p.kind === "chapter" ? 700 : 400}>
            <Text span size="xs" c="dimmed">
              [{p.label}
              {counts.get(p.anchor) ? ` · ${counts.get(p.anchor)} ${T.comments.toLowerCase()}` : ""}]{" "}
            </Text>
            {p.text}
          </Text>
        ))}
      </Stack>
      <Modal opened={editing} onClose={() => setEditing(false)} title={T.addVersion} size="lg">
        <Stack gap="sm">
          <Textarea
            label={T.text}
            description={T.textHint}
            required
            autosize
            minRows={8}
            maxRows={20}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Textarea label={T.versionNote} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {add.error ? (
            <Alert color="red" role="alert">
              {errorMessage(add.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(false)}>
              {T.cancel}
            </Button>
            <Button
              loading={add.isPending}
              onClick={() => add.mutate({ text, note }, { onSuccess: () => setEditing(false) })}
            >
              {T.save}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
