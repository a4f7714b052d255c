import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { call } from "../../api/call.ts";
import { errorMessage } from "../../api/client.ts";
import { DateField } from "../../ui/DateField.tsx";
import { saveDownload } from "../../ui/download.ts";
import { formatDate, formatNumber, todayIso } from "../../ui/format.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useAcMutation, useCampaign, useCampaigns, type Obligation } from "./api.ts";
import { AddObligationForm, DeclarationModal, PublicationModal, RemoveObligationModal } from "./ObligationForms.tsx";
import { PAPERS } from "./records-text.ts";
import { AC_TEXT } from "./text.ts";

const STATUS_COLOR: Record<Obligation["status"], string> = {
  pending: "gray",
  received: "green",
  late_received: "orange",
  overdue: "red",
  removed: "gray",
};

export function StatusBadge({ status }: { status: Obligation["status"] }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {AC_TEXT.statuses[status]}
    </Badge>
  );
}

export function CampaignPanel({ write }: { write: boolean }) {
  const campaigns = useCampaigns();
  const [chosen, setChosen] = useState<string | null>(null);
  const list = campaigns.data?.items ?? [];
  useEffect(() => {
    if (!chosen && list[0]) setChosen(list[0].id);
  }, [chosen, list]);
  const [year, setYear] = useState<number | string>(Number(todayIso().slice(0, 4)));
  const open = useAcMutation((y: number) => call("anticorruption.campaigns.create", { body: { year: y } }));
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack>
      <QueryStatus query={campaigns} />
      <Group align="flex-end" wrap="wrap">
        {list.length ? (
          <Select
            label={AC_TEXT.chooseCampaign}
            data={list.map((c) => ({ value: c.id, label: `${c.year} (${c.received}/${c.obligated})` }))}
            value={chosen}
            onChange={setChosen}
            allowDeselect={false}
            w={200}
          />
        ) : (
          <Text>{AC_TEXT.noCampaign}</Text>
        )}
        {write ? (
          <>
            <NumberInput label={AC_TEXT.year} value={year} onChange={setYear} min={2019} max={2200} w={110} />
            <Button
              loading={open.isPending}
              onClick={() =>
                open.mutate(Number(year), {
                  onSuccess: (c) => {
                    setError(null);
                    setChosen(c.id);
                  },
                  onError: (e) => setError(errorMessage(e)),
                })
              }
            >
              {AC_TEXT.openCampaign}
            </Button>
          </>
        ) : null}
      </Group>
      {write ? (
        <Text size="sm" c="dimmed">
          {AC_TEXT.openCampaignHint}
        </Text>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      {chosen ? <CampaignView id={chosen} write={write} /> : null}
    </Stack>
  );
}

function CampaignView({ id, write }: { id: string; write: boolean }) {
  const campaign = useCampaign(id);
  const [onlyLate, setOnlyLate] = useState(false);
  const [receiving, setReceiving] = useState<string | null>(null);
  const [modal, setModal] = useState<{ kind: "remove" | "publish" | "enter"; obligation: Obligation } | null>(null);
  const remind = useAcMutation(() => call("anticorruption.campaigns.remind", { params: { id } }));
  const recompute = useAcMutation(() => call("anticorruption.campaigns.recompute", { params: { id } }));
  if (!campaign.data) return <QueryStatus query={campaign} />;
  const c = campaign.data;
  const items = c.items.filter((i) => !onlyLate || i.status === "overdue" || i.status === "late_received");
  return (
    <Stack>
      <Text size="sm">
        {AC_TEXT.deadline}: <b>{formatDate(c.deadline.due)}</b> ({c.deadline.basis})
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {(["obligated", "received", "late", "pending"] as const).map((k) => (
          <Paper key={k} withBorder p="sm" data-testid={`ac-total-${k}`}>
            <Text size="sm" c="dimmed">
              {AC_TEXT.totals[k]}
            </Text>
            <Text fw={700} fz="xl">
              {formatNumber(c.totals[k])}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Title order={2} fz="h4">
        {AC_TEXT.unitProgress}
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table striped data-testid="ac-units">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{AC_TEXT.unit}</Table.Th>
              {(["obligated", "received", "late", "pending"] as const).map((k) => (
                <Table.Th key={k}>{AC_TEXT.totals[k]}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.units.map((u) => (
              <Table.Tr key={u.unitAgencyId}>
                <Table.Td>{u.unitName}</Table.Td>
                <Table.Td>{formatNumber(u.obligated)}</Table.Td>
                <Table.Td>{formatNumber(u.received)}</Table.Td>
                <Table.Td>{formatNumber(u.late)}</Table.Td>
                <Table.Td>{formatNumber(u.pending)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" wrap="wrap">
        <Group gap="md" align="center">
          <Checkbox
            label={AC_TEXT.onlyLate}
            checked={onlyLate}
            onChange={(e) => setOnlyLate(e.currentTarget.checked)}
          />
          <Button
            variant="default"
            onClick={() =>
              void saveDownload(
                "anticorruption.campaigns.obligatedList",
                { params: { id } },
                "Danh-sach-ke-khai.docx",
              ).catch((e: unknown) => notifications.show({ color: "red", message: errorMessage(e) }))
            }
          >
            {PAPERS.obligatedList}
          </Button>
        </Group>
        {write ? (
          <Group gap="xs">
            <Button variant="light" loading={recompute.isPending} onClick={() => recompute.mutate(undefined)}>
              {AC_TEXT.recompute}
            </Button>
            <Button
              variant="light"
              loading={remind.isPending}
              onClick={() =>
                remind.mutate(undefined, {
                  onSuccess: (r) => notifications.show({ color: "green", message: AC_TEXT.reminded(r.reminded) }),
                })
              }
            >
              {AC_TEXT.remind}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="xs" data-testid="ac-obligations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{AC_TEXT.fullName}</Table.Th>
              <Table.Th>{AC_TEXT.unit}</Table.Th>
              <Table.Th>{AC_TEXT.kind}</Table.Th>
              <Table.Th>{AC_TEXT.reason}</Table.Th>
              <Table.Th>{AC_TEXT.due}</Table.Th>
              <Table.Th>{AC_TEXT.status}</Table.Th>
              {write ? <Table.Th>{AC_TEXT.actions}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((o) => (
              <Table.Tr key={o.id} data-official={o.officialCode}>
                <Table.Td>
                  {o.fullName}
                  <Text size="xs" c="dimmed">
                    {o.officialCode}
                  </Text>
                </Table.Td>
                <Table.Td>{o.unitName}</Table.Td>
                <Table.Td>{AC_TEXT.kinds[o.kind]}</Table.Td>
                <Table.Td>
                  <Text size="sm">{o.reason}</Text>
                </Table.Td>
                <Table.Td>{formatDate(o.dueOn)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={o.status} />
                  {o.receivedOn ? <Text size="xs">{formatDate(o.receivedOn)}</Text> : null}
                </Table.Td>
                {write ? (
                  <Table.Td>
                    {receiving === o.id ? (
                      <ReceiveForm obligation={o} onDone={() => setReceiving(null)} />
                    ) : o.removed ? (
                      <Text size="xs">{o.removedReason}</Text>
                    ) : (
                      <Group gap={4} wrap="wrap">
                        {!o.receivedOn ? (
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={AC_TEXT.receiveFor(o.fullName)}
                            onClick={() => setReceiving(o.id)}
                          >
                            {AC_TEXT.receive}
                          </Button>
                        ) : null}
                        {!o.declarationId ? (
                          <Button
                            size="xs"
                            variant="light"
                            aria-label={AC_TEXT.forms.enterFor(o.fullName)}
                            onClick={() => setModal({ kind: "enter", obligation: o })}
                          >
                            {AC_TEXT.forms.enter}
                          </Button>
                        ) : null}
                        {o.declarationId ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            aria-label={AC_TEXT.downloadFormFor(o.fullName)}
                            onClick={() =>
                              void saveDownload(
                                "anticorruption.declarations.form",
                                { params: { id: o.declarationId! } },
                                `Ban-ke-khai-${o.officialCode}.docx`,
                              ).catch((e: unknown) => notifications.show({ color: "red", message: errorMessage(e) }))
                            }
                          >
                            {AC_TEXT.downloadForm}
                          </Button>
                        ) : null}
                        {o.receivedOn ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            aria-label={AC_TEXT.forms.publishFor(o.fullName)}
                            onClick={() => setModal({ kind: "publish", obligation: o })}
                          >
                            {o.publication ? AC_TEXT.forms.published : AC_TEXT.forms.publish}
                          </Button>
                        ) : null}
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={AC_TEXT.forms.removeFor(o.fullName)}
                          onClick={() => setModal({ kind: "remove", obligation: o })}
                        >
                          {AC_TEXT.forms.remove}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {write ? <AddObligationForm campaignId={id} /> : null}
      {modal?.kind === "remove" ? (
        <RemoveObligationModal campaignId={id} obligation={modal.obligation} onClose={() => setModal(null)} />
      ) : null}
      {modal?.kind === "publish" ? (
        <PublicationModal obligation={modal.obligation} onClose={() => setModal(null)} />
      ) : null}
      {modal?.kind === "enter" ? (
        <DeclarationModal obligation={modal.obligation} onClose={() => setModal(null)} />
      ) : null}
    </Stack>
  );
}

function ReceiveForm({ obligation, onDone }: { obligation: Obligation; onDone(): void }) {
  const [on, setOn] = useState<string | null>(todayIso());
  const [error, setError] = useState<string | null>(null);
  const receive = useAcMutation((receivedOn: string) =>
    call("anticorruption.obligations.receive", {
      params: { id: obligation.id },
      body: { version: obligation.version, receivedOn },
    }),
  );
  return (
    <Stack gap={4}>
      <DateField label={AC_TEXT.receivedOn} value={on} onChange={(v) => setOn(v)} required error={error} size="xs" />
      <Group gap={4}>
        <Button
          size="xs"
          loading={receive.isPending}
          onClick={() => receive.mutate(on ?? "", { onSuccess: onDone, onError: (e) => setError(errorMessage(e)) })}
        >
          {AC_TEXT.save}
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone}>
          {AC_TEXT.cancel}
        </Button>
      </Group>
    </Stack>
  );
}
