import {
  formatDong,
  PREVENTION_DOCUMENT_ACTION_LABELS,
  PREVENTION_DOCUMENT_ACTIONS,
  PREVENTION_DOCUMENT_KIND_LABELS,
  PREVENTION_DOCUMENT_KINDS,
  TRAINING_KIND_LABELS,
  TRAINING_KINDS,
  type PreventionDocumentAction,
  type PreventionDocumentKind,
  type TrainingKind,
} from "@minhbach/domain";
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { call, type Answer } from "../../api/call.ts";
import { DateField } from "../../ui/DateField.tsx";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import { formatDate, formatNumber, todayIso } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";
import { AC_KEY, useAcMutation } from "./api.ts";
import { RecordTable } from "./RecordTable.tsx";
import { REC_TEXT } from "./records-text.ts";
import { FormActions } from "../../ui/FormActions.tsx";

const R = REC_TEXT.registers;
type Loophole = Answer<"anticorruption.loopholes.list">["items"][number];
const count = { min: 0, allowNegative: false, allowDecimal: false, thousandSeparator: ".", hideControls: true };

/**
 * The registers 01/PCTN and 03/PCTN count: loophole documents and their remedy, prevention
 * documents, gifts handed in, training and propaganda sessions.
 */
export function RegistersPanel({ write }: { write: boolean }) {
  return (
    <Stack>
      <Loopholes write={write} />
      <PreventionDocuments write={write} />
      <Gifts write={write} />
      <Trainings write={write} />
    </Stack>
  );
}

function Section(props: { title: string; write: boolean; onAdd(): void; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={props.testId}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4">
          {props.title}
        </Title>
        {props.write ? (
          <Button size="xs" onClick={props.onAdd} aria-label={`${R.add}: ${props.title}`}>
            {R.add}
          </Button>
        ) : null}
      </Group>
      {props.children}
    </Paper>
  );
}

function FormModal(props: {
  title: string;
  onClose(): void;
  onSubmit(): void;
  pending: boolean;
  error: string | null;
  children: ReactNode;
}) {
  return (
    <Modal opened onClose={props.onClose} title={props.title} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <Stack gap="xs">
          {props.children}
          {props.error ? (
            <Alert color="red" role="alert">
              {props.error}
            </Alert>
          ) : null}
          <FormActions onCancel={props.onClose} submit={REC_TEXT.save} loading={props.pending} />
        </Stack>
      </form>
    </Modal>
  );
}

// ---- Loophole documents ---------------------------------------------------------------------

function Loopholes({ write }: { write: boolean }) {
  const [editing, setEditing] = useState<Loophole | "new" | null>(null);
  const list = useQuery({
    queryKey: [...AC_KEY, "loopholes"],
    queryFn: ({ signal }) => call("anticorruption.loopholes.list", { query: { page: 1, pageSize: 200 }, signal }),
  });
  return (
    <Section title={R.loopholes} write={write} onAdd={() => setEditing("new")} testId="ac-loopholes">
      <QueryStatus query={list} />
      <RecordTable
        rows={list.data?.items}
        minWidth={760}
        columns={[
          {
            header: R.docTitle,
            cell: (d) => `${d.title}${d.numberSymbol ? ` (${d.numberSymbol})` : ""}`,
          },
          { header: R.issuingBody, cell: (d) => d.issuingBody },
          { header: R.loophole, cell: (d) => d.loophole },
          { header: R.foundOn, cell: (d) => formatDate(d.foundOn) },
          {
            header: R.status,
            cell: (d) =>
              d.remediedOn ? (
                <Badge color="green">{`${R.remedied} ${formatDate(d.remediedOn)}`}</Badge>
              ) : (
                <Badge color="orange">{R.notRemedied}</Badge>
              ),
          },
          write && {
            header: null,
            cell: (d) => (
              <Button size="xs" variant="subtle" onClick={() => setEditing(d)}>
                {R.markRemedied}
              </Button>
            ),
          },
        ]}
      />
      {editing ? <LoopholeModal current={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Section>
  );
}

function LoopholeModal({ current, onClose }: { current: Loophole | null; onClose(): void }) {
  const form = useAppForm({
    initialValues: {
      title: current?.title ?? "",
      numberSymbol: current?.numberSymbol ?? "",
      issuedOn: (current?.issuedOn ?? null) as string | null,
      issuingBody: current?.issuingBody ?? "",
      loophole: current?.loophole ?? "",
      foundOn: (current?.foundOn ?? todayIso()) as string | null,
      remediedOn: (current?.remediedOn ?? null) as string | null,
      remedy: current?.remedy ?? "",
      notRemediedReason: current?.notRemediedReason ?? "",
    },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) => {
    const body = {
      title: v.title,
      numberSymbol: emptyToNull(v.numberSymbol),
      issuedOn: v.issuedOn,
      issuingBody: v.issuingBody,
      loophole: v.loophole,
      foundOn: v.foundOn ?? "",
      remediedOn: v.remediedOn,
      remedy: emptyToNull(v.remedy),
      notRemediedReason: v.remediedOn ? null : emptyToNull(v.notRemediedReason),
    };
    return current
      ? call("anticorruption.loopholes.update", {
          params: { id: current.id },
          body: { version: current.version, document: body },
        })
      : call("anticorruption.loopholes.create", { body });
  });
  return (
    <FormModal
      title={current ? current.title : R.loopholes}
      onClose={onClose}
      pending={save.isPending}
      error={error}
      onSubmit={() =>
        save.mutate(form.values, { onSuccess: onClose, onError: (e) => setError(reportServerError(form, e)) })
      }
    >
      <TextInput label={R.docTitle} required data-autofocus {...form.getInputProps("title")} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={R.numberSymbol} {...form.getInputProps("numberSymbol")} />
        <DateField label={R.issuedOn} clearable {...form.getInputProps("issuedOn")} />
        <TextInput label={R.issuingBody} required {...form.getInputProps("issuingBody")} />
      </SimpleGrid>
      <Textarea label={R.loophole} required autosize minRows={2} {...form.getInputProps("loophole")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={R.foundOn} required {...form.getInputProps("foundOn")} />
        <DateField label={R.remediedOn} clearable {...form.getInputProps("remediedOn")} />
      </SimpleGrid>
      {form.values.remediedOn ? (
        <Textarea label={R.remedy} required autosize {...form.getInputProps("remedy")} />
      ) : (
        <Textarea label={R.notRemediedReason} autosize {...form.getInputProps("notRemediedReason")} />
      )}
    </FormModal>
  );
}

// ---- Prevention documents -------------------------------------------------------------------

function PreventionDocuments({ write }: { write: boolean }) {
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: [...AC_KEY, "prevention-documents"],
    queryFn: ({ signal }) =>
      call("anticorruption.preventionDocuments.list", { query: { page: 1, pageSize: 200 }, signal }),
  });
  const form = useAppForm({
    initialValues: {
      kind: null as string | null,
      action: "issued" as string | null,
      numberSymbol: "",
      title: "",
      issuedOn: todayIso() as string | null,
    },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) =>
    call("anticorruption.preventionDocuments.create", {
      body: {
        kind: (v.kind ?? "") as PreventionDocumentKind,
        action: (v.action ?? "") as PreventionDocumentAction,
        numberSymbol: emptyToNull(v.numberSymbol),
        title: v.title,
        issuedOn: v.issuedOn ?? "",
      },
    }),
  );
  const close = () => {
    setAdding(false);
    form.reset();
    setError(null);
  };
  return (
    <Section title={R.prevention} write={write} onAdd={() => setAdding(true)} testId="ac-prevention">
      <QueryStatus query={list} />
      <RecordTable
        rows={list.data?.items}
        columns={[
          { header: R.issuedOn, cell: (d) => formatDate(d.issuedOn) },
          { header: R.numberSymbol, cell: (d) => d.numberSymbol ?? "" },
          { header: R.excerpt, cell: (d) => d.title },
          { header: R.kind, cell: (d) => PREVENTION_DOCUMENT_KIND_LABELS[d.kind] },
          { header: R.action, cell: (d) => PREVENTION_DOCUMENT_ACTION_LABELS[d.action] },
        ]}
      />
      {adding ? (
        <FormModal
          title={R.prevention}
          onClose={close}
          pending={save.isPending}
          error={error}
          onSubmit={() =>
            save.mutate(form.values, { onSuccess: close, onError: (e) => setError(reportServerError(form, e)) })
          }
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={R.kind}
              required
              data={PREVENTION_DOCUMENT_KINDS.map((k) => ({ value: k, label: PREVENTION_DOCUMENT_KIND_LABELS[k] }))}
              {...form.getInputProps("kind")}
            />
            <Select
              label={R.action}
              required
              data={PREVENTION_DOCUMENT_ACTIONS.map((k) => ({ value: k, label: PREVENTION_DOCUMENT_ACTION_LABELS[k] }))}
              {...form.getInputProps("action")}
            />
            <TextInput label={R.numberSymbol} {...form.getInputProps("numberSymbol")} />
            <DateField label={R.issuedOn} required {...form.getInputProps("issuedOn")} />
          </SimpleGrid>
          <TextInput label={R.excerpt} required {...form.getInputProps("title")} />
        </FormModal>
      ) : null}
    </Section>
  );
}

// ---- Gifts handed in ------------------------------------------------------------------------

function Gifts({ write }: { write: boolean }) {
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: [...AC_KEY, "gifts"],
    queryFn: ({ signal }) => call("anticorruption.gifts.list", { query: { page: 1, pageSize: 200 }, signal }),
  });
  const form = useAppForm({
    initialValues: {
      fullName: "",
      handedOn: todayIso() as string | null,
      description: "",
      value: 0 as number | string,
      handling: "",
    },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) =>
    call("anticorruption.gifts.create", {
      body: {
        officialId: null,
        fullName: v.fullName,
        handedOn: v.handedOn ?? "",
        description: v.description,
        value: v.value === "" ? 0 : Number(v.value),
        handling: emptyToNull(v.handling),
      },
    }),
  );
  const close = () => {
    setAdding(false);
    form.reset();
    setError(null);
  };
  return (
    <Section title={R.gifts} write={write} onAdd={() => setAdding(true)} testId="ac-gifts">
      <QueryStatus query={list} />
      <RecordTable
        rows={list.data?.items}
        columns={[
          { header: R.handedOn, cell: (g) => formatDate(g.handedOn) },
          { header: R.giver, cell: (g) => g.fullName },
          { header: R.gift, cell: (g) => g.description },
          { header: R.value, cell: (g) => formatDong(g.value) },
          { header: R.giftHandling, cell: (g) => g.handling ?? "" },
        ]}
      />
      {adding ? (
        <FormModal
          title={R.gifts}
          onClose={close}
          pending={save.isPending}
          error={error}
          onSubmit={() =>
            save.mutate(form.values, { onSuccess: close, onError: (e) => setError(reportServerError(form, e)) })
          }
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={R.giver} required data-autofocus {...form.getInputProps("fullName")} />
            <DateField label={R.handedOn} required {...form.getInputProps("handedOn")} />
          </SimpleGrid>
          <TextInput label={R.gift} required {...form.getInputProps("description")} />
          <NumberInput label={R.value} {...count} inputMode="numeric" {...form.getInputProps("value")} />
          <TextInput label={R.giftHandling} {...form.getInputProps("handling")} />
        </FormModal>
      ) : null}
    </Section>
  );
}

// ---- Training and propaganda ----------------------------------------------------------------

function Trainings({ write }: { write: boolean }) {
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: [...AC_KEY, "trainings"],
    queryFn: ({ signal }) => call("anticorruption.trainings.list", { query: { page: 1, pageSize: 200 }, signal }),
  });
  const form = useAppForm({
    initialValues: {
      kind: "training" as string | null,
      title: "",
      heldOn: todayIso() as string | null,
      sessions: 1 as number | string,
      participants: 0 as number | string,
    },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) =>
    call("anticorruption.trainings.create", {
      body: {
        kind: (v.kind ?? "") as TrainingKind,
        title: v.title,
        heldOn: v.heldOn ?? "",
        sessions: v.sessions === "" ? 0 : Number(v.sessions),
        participants: v.participants === "" ? 0 : Number(v.participants),
      },
    }),
  );
  const close = () => {
    setAdding(false);
    form.reset();
    setError(null);
  };
  const items = list.data?.items ?? [];
  return (
    <Section title={R.trainings} write={write} onAdd={() => setAdding(true)} testId="ac-trainings">
      <QueryStatus query={list} />
      <RecordTable
        rows={list.data ? items : undefined}
        columns={[
          { header: R.heldOn, cell: (t) => formatDate(t.heldOn) },
          { header: R.trainingKind, cell: (t) => TRAINING_KIND_LABELS[t.kind] },
          { header: R.trainingTitle, cell: (t) => t.title },
          { header: R.sessions, cell: (t) => formatNumber(t.sessions) },
          { header: R.participants, cell: (t) => formatNumber(t.participants) },
        ]}
      >
        <Text size="sm" mb="xs">
          {R.totalParticipants(
            formatNumber(items.reduce((s, i) => s + i.sessions, 0)),
            formatNumber(items.reduce((s, i) => s + i.participants, 0)),
          )}
        </Text>
      </RecordTable>
      {adding ? (
        <FormModal
          title={R.trainings}
          onClose={close}
          pending={save.isPending}
          error={error}
          onSubmit={() =>
            save.mutate(form.values, { onSuccess: close, onError: (e) => setError(reportServerError(form, e)) })
          }
        >
          <Select
            label={R.trainingKind}
            required
            data={TRAINING_KINDS.map((k) => ({ value: k, label: TRAINING_KIND_LABELS[k] }))}
            {...form.getInputProps("kind")}
          />
          <TextInput label={R.trainingTitle} required data-autofocus {...form.getInputProps("title")} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label={R.heldOn} required {...form.getInputProps("heldOn")} />
            <NumberInput label={R.sessions} required {...count} min={1} {...form.getInputProps("sessions")} />
            <NumberInput label={R.participants} required {...count} {...form.getInputProps("participants")} />
          </SimpleGrid>
        </FormModal>
      ) : null}
    </Section>
  );
}
