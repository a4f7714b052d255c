/**
 * The drafts an agency puts to public comment (issue 20): the list in the reader's scope, filtered
 * by phase, sorted, exported; a new draft is created here and opens on its own page.
 */
import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { PHASE_LABELS, PHASES, type Phase } from "@minhbach/domain/consultations/index";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { DateField } from "../../ui/DateField.tsx";
import { downloadCsv } from "../../ui/export-file.ts";
import { formatDate, formatNumber, todayIso } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useUrlState } from "../../ui/url-state.ts";
import { useSession } from "../auth/session.tsx";
import { PATHS } from "../shell/nav.ts";
import { useConsultations, useCreateConsultation, useScopeAgencies, type ConsultationItem } from "./api.ts";
import { CONSULTATION_TEXT as T } from "./text.ts";

export const CONSULTATIONS_PATH = PATHS.consultations;

const SORTS = {
  newest: (a: ConsultationItem, b: ConsultationItem) => b.opensOn.localeCompare(a.opensOn),
  closing: (a: ConsultationItem, b: ConsultationItem) => a.closesOn.localeCompare(b.closesOn),
  title: (a: ConsultationItem, b: ConsultationItem) => a.title.localeCompare(b.title, "vi"),
} as const;
type SortKey = keyof typeof SORTS;

export default function ConsultationsPage() {
  const list = useConsultations();
  const { params, update } = useUrlState();
  const [creating, setCreating] = useState(false);
  const phase = (params.get("giaiDoan") ?? "") as Phase | "";
  const sort = (params.get("sapXep") ?? "newest") as SortKey;
  const items = useMemo(
    () =>
      (list.data?.items ?? [])
        .filter((i) => !phase || i.phase === phase)
        .slice()
        .sort(SORTS[sort] ?? SORTS.newest),
    [list.data, phase, sort],
  );
  const exportCsv = () =>
    downloadCsv(`${T.exportFile}-${todayIso()}.csv`, {
      headers: [T.draftTitle, T.agency, T.field, T.opensOn, T.closesOn, T.phase, T.version, T.comments, T.pending],
      rows: items.map((i) => [
        i.title,
        i.agencyName,
        i.field,
        formatDate(i.opensOn),
        formatDate(i.closesOn),
        i.phaseLabel,
        i.currentVersion,
        i.comments,
        i.pending,
      ]),
    });
  return (
    <>
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          <>
            <Button variant="default" onClick={exportCsv} disabled={!items.length}>
              {T.exportCsv}
            </Button>
            <Button onClick={() => setCreating(true)}>{T.create}</Button>
          </>
        }
      />
      <Group mb="md" align="flex-end">
        <Select
          label={T.phase}
          data={[{ value: "", label: T.allPhases }, ...PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))]}
          value={phase}
          onChange={(v) => update({ giaiDoan: v })}
          allowDeselect={false}
          w={260}
        />
        <Select
          label={T.sortBy}
          data={[
            { value: "newest", label: T.sortNewest },
            { value: "closing", label: T.sortClosing },
            { value: "title", label: T.sortTitle },
          ]}
          value={sort}
          onChange={(v) => update({ sapXep: v === "newest" ? null : v })}
          allowDeselect={false}
          w={260}
        />
      </Group>
      <QueryStatus query={list} />
      {list.data && !items.length ? <Text>{T.empty}</Text> : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={T.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{T.draftTitle}</Table.Th>
                <Table.Th>{T.agency}</Table.Th>
                <Table.Th>{T.phase}</Table.Th>
                <Table.Th>
                  {T.opensOn} – {T.closesOn}
                </Table.Th>
                <Table.Th ta="right">{T.comments}</Table.Th>
                <Table.Th ta="right">{T.pending}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Link to={`${CONSULTATIONS_PATH}/${i.id}`}>{i.title}</Link>
                  </Table.Td>
                  <Table.Td>{i.agencyName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{i.phaseLabel}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(i.opensOn)} – {formatDate(i.closesOn)}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(i.comments)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(i.pending)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <CreateModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function CreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { me } = useSession();
  const agencies = useScopeAgencies();
  const create = useCreateConsultation();
  const navigate = useNavigate();
  const [agencyId, setAgencyId] = useState<string | null>(me?.agency.id ?? null);
  const [title, setTitle] = useState("");
  const [field, setField] = useState("");
  const [opensOn, setOpensOn] = useState<string | null>(todayIso());
  const [closesOn, setClosesOn] = useState<string | null>(null);
  const [summaryDueOn, setSummaryDueOn] = useState<string | null>(null);
  const [text, setText] = useState("");
  const submit = () =>
    create.mutate(
      {
        agencyId: agencyId ?? "",
        title,
        field,
        opensOn: opensOn ?? "",
        closesOn: closesOn ?? "",
        summaryDueOn: summaryDueOn ?? "",
        text,
      },
      { onSuccess: (view) => navigate(`${CONSULTATIONS_PATH}/${view.id}`) },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={T.create} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label={T.agency}
            required
            searchable
            data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={agencyId}
            onChange={setAgencyId}
          />
          <TextInput label={T.draftTitle} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <TextInput label={T.field} value={field} onChange={(e) => setField(e.currentTarget.value)} />
          <Group grow align="flex-start">
            <DateField label={T.opensOn} required value={opensOn} onChange={setOpensOn} />
            <DateField label={T.closesOn} required value={closesOn} onChange={setClosesOn} />
          </Group>
          <DateField label={T.summaryDueOn} value={summaryDueOn} onChange={setSummaryDueOn} />
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
          {create.error ? (
            <Alert color="red" role="alert">
              {errorMessage(create.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {T.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
