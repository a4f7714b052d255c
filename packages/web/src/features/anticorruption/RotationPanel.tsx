import { DEFERRAL_KINDS, DEFERRAL_LABELS, ROTATION_STATUS_LABELS, type RotationStatus } from "@minhbach/domain";
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { call, type Answer } from "../../api/call.ts";
import { errorMessage } from "../../api/client.ts";
import { DateField } from "../../ui/DateField.tsx";
import { saveDownload } from "../../ui/download.ts";
import { reportServerError } from "../../ui/forms.ts";
import { formatDate, todayIso } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";
import { AC_KEY, useAcMutation } from "./api.ts";
import { PAPERS } from "./records-text.ts";
import { PlanModal, RotationPlan } from "./RotationPlan.tsx";
import { AC_TEXT } from "./text.ts";
import { FormActions } from "../../ui/FormActions.tsx";

type Item = Answer<"anticorruption.rotation.list">["items"][number];
const R = AC_TEXT.rotationPage;
const COLOR: Record<RotationStatus, string> = {
  not_due: "gray",
  due: "blue",
  approaching_max: "orange",
  over_max: "red",
  retirement_exempt: "gray",
  deferred: "violet",
};
const ORDER: RotationStatus[] = ["over_max", "approaching_max", "due", "deferred", "retirement_exempt", "not_due"];

/** The tenure clock of everyone in a rotation position: due, approaching the maximum, exempt, deferred. */
export function RotationPanel({ write }: { write: boolean }) {
  const [on, setOn] = useState<string | null>(todayIso());
  const [status, setStatus] = useState<string | null>(null);
  const [deferring, setDeferring] = useState<Item | null>(null);
  const [planning, setPlanning] = useState<Item | null>(null);
  const [paperError, setPaperError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: [...AC_KEY, "rotation", on],
    queryFn: ({ signal }) => call("anticorruption.rotation.list", { query: { on: on ?? "" }, signal }),
  });
  const items = (list.data?.items ?? []).filter((i) => !status || i.status === status);
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <DateField label={R.on} value={on} onChange={(v) => setOn(v)} w={180} />
        <Select
          label={AC_TEXT.status}
          clearable
          w={320}
          data={ORDER.map((s) => ({ value: s, label: ROTATION_STATUS_LABELS[s] }))}
          value={status}
          onChange={setStatus}
        />
        <Button
          variant="default"
          onClick={() =>
            void saveDownload(
              "anticorruption.rotation.plan",
              { query: { on: on ?? "" } },
              "Ke-hoach-chuyen-doi.docx",
            ).catch((e: unknown) => setPaperError(errorMessage(e)))
          }
        >
          {PAPERS.rotationPlan}
        </Button>
      </Group>
      {paperError ? (
        <Alert color="red" role="alert">
          {paperError}
        </Alert>
      ) : null}
      <QueryStatus query={list} />
      {list.data ? (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
            {ORDER.map((s) => (
              <Paper key={s} withBorder p="sm">
                <Text size="xs" c="dimmed">
                  {ROTATION_STATUS_LABELS[s]}
                </Text>
                <Text fw={700} fz="xl">
                  {list.data.counts[s] ?? 0}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Table.ScrollContainer minWidth={900}>
            <Table striped data-testid="ac-rotation">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{AC_TEXT.fullName}</Table.Th>
                  <Table.Th>{AC_TEXT.unit}</Table.Th>
                  <Table.Th>{R.position}</Table.Th>
                  <Table.Th>{R.from}</Table.Th>
                  <Table.Th>{R.tenure}</Table.Th>
                  <Table.Th>{AC_TEXT.status}</Table.Th>
                  {write ? <Table.Th>{AC_TEXT.actions}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={`${i.officialId}-${i.from}`}>
                    <Table.Td>
                      {i.fullName}
                      <Text size="xs" c="dimmed">
                        {i.officialCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>{i.unitName}</Table.Td>
                    <Table.Td>
                      {i.positionName}
                      <Text size="xs" c="dimmed">
                        {i.sector} — {AC_TEXT.months(i.periodMonths)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDate(i.from)}</Table.Td>
                    <Table.Td>{AC_TEXT.months(i.tenureMonths)}</Table.Td>
                    <Table.Td>
                      <Badge color={COLOR[i.status]} variant="light">
                        {ROTATION_STATUS_LABELS[i.status]}
                      </Badge>
                      <Text size="xs">{i.detail}</Text>
                    </Table.Td>
                    {write ? (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="subtle"
                            aria-label={R.planFor(i.fullName)}
                            onClick={() => setPlanning(i)}
                          >
                            {R.plan}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            aria-label={R.deferFor(i.fullName)}
                            onClick={() => setDeferring(i)}
                          >
                            {R.defer}
                          </Button>
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
      {deferring ? <DeferralModal item={deferring} onClose={() => setDeferring(null)} /> : null}
      {planning ? (
        <PlanModal
          official={planning}
          year={Number((on ?? todayIso()).slice(0, 4))}
          onClose={() => setPlanning(null)}
        />
      ) : null}
      <RotationPlan write={write} initialYear={Number((on ?? todayIso()).slice(0, 4))} />
    </Stack>
  );
}

function DeferralModal({ item, onClose }: { item: Item; onClose(): void }) {
  const form = useAppForm({
    initialValues: {
      kind: null as string | null,
      from: todayIso() as string | null,
      to: null as string | null,
      evidence: "",
    },
  });
  const [error, setError] = useState<string | null>(null);
  const save = useAcMutation((v: typeof form.values) =>
    call("anticorruption.officials.deferrals.add", {
      params: { id: item.officialId },
      body: {
        kind: (v.kind ?? "") as (typeof DEFERRAL_KINDS)[number],
        from: v.from ?? "",
        to: v.to ?? (undefined as unknown as string),
        evidence: v.evidence,
      },
    }),
  );
  return (
    <Modal opened onClose={onClose} title={R.deferFor(item.fullName)}>
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, { onSuccess: onClose, onError: (e) => setError(reportServerError(form, e)) }),
        )}
      >
        <Stack gap="xs">
          <Select
            label={R.kind}
            required
            data={DEFERRAL_KINDS.map((k) => ({ value: k, label: DEFERRAL_LABELS[k] }))}
            {...form.getInputProps("kind")}
          />
          <Group grow>
            <DateField label={R.deferFrom} required {...form.getInputProps("from")} />
            <DateField label={R.deferTo} required {...form.getInputProps("to")} />
          </Group>
          <TextInput label={R.evidence} required {...form.getInputProps("evidence")} />
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <FormActions onCancel={onClose} submit={AC_TEXT.save} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
