/**
 * "Quan hệ báo cáo": which unit reports to which, from which day (the reporting graph, issue 19).
 * Everyone who reads the organisation sees the lines of their scope; the system administrator
 * (`agency.manage`) adds a line with its basis, or ends one on a day. A unit without a line
 * reports to its parent in the agency tree.
 */
import { Alert, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Textarea } from "@mantine/core";
import { useMemo, useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { formatDate } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useSession } from "../auth/session.tsx";
import { useAddLine, useAgencies, useCloseLine, useReportingLines, type ReportingLine } from "./api.ts";
import { LINES_TEXT as T } from "./text.ts";

type Sort = "agency" | "from" | "to";

export default function ReportingLinesPage() {
  const session = useSession();
  const lines = useReportingLines();
  const agencies = useAgencies();
  const manage = session.can("agency.manage");
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<Sort>("agency");
  const [closing, setClosing] = useState<ReportingLine | null>(null);
  const options = (agencies.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));

  const items = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const list = (lines.data?.items ?? []).filter(
      (l) =>
        needle === "" ||
        `${l.agency.name} ${l.agency.code} ${l.reportsTo.name} ${l.reportsTo.code} ${l.basis}`
          .toLowerCase()
          .includes(needle),
    );
    const key = (l: ReportingLine) =>
      sort === "agency" ? l.agency.code : sort === "from" ? l.validFrom : (l.validTo ?? "9999-12-31");
    return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }, [lines.data, filter, sort]);

  return (
    <>
      <PageHeader title={T.title} description={T.description} />
      {manage ? <AddLineForm options={options} /> : null}
      <Paper withBorder p="md">
        <Group align="flex-end" mb="sm" wrap="wrap">
          <TextInput
            label={T.filter}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            w={{ base: "100%", sm: 320 }}
          />
          <Select
            label={T.sortBy}
            data={[
              { value: "agency", label: T.sortAgency },
              { value: "from", label: T.sortFrom },
              { value: "to", label: T.sortTo },
            ]}
            value={sort}
            onChange={(v) => setSort((v as Sort | null) ?? "agency")}
            allowDeselect={false}
            w={{ base: "100%", sm: 220 }}
          />
        </Group>
        <QueryStatus query={lines} />
        {lines.data && items.length === 0 ? <Text>{T.empty}</Text> : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={700}>
            <Table striped aria-label={T.title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{T.agency}</Table.Th>
                  <Table.Th>{T.reportsTo}</Table.Th>
                  <Table.Th>{T.validFrom}</Table.Th>
                  <Table.Th>{T.validTo}</Table.Th>
                  <Table.Th>{T.basis}</Table.Th>
                  {manage ? <Table.Th>{T.actions}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.agency.name}</Table.Td>
                    <Table.Td>{l.reportsTo.name}</Table.Td>
                    <Table.Td>{formatDate(l.validFrom)}</Table.Td>
                    <Table.Td>{l.validTo ? formatDate(l.validTo) : T.open}</Table.Td>
                    <Table.Td>
                      {l.basis}
                      {l.closeBasis ? ` — ${T.closedBy}: ${l.closeBasis}` : ""}
                    </Table.Td>
                    {manage ? (
                      <Table.Td>
                        {l.validTo === null ? (
                          <Button size="xs" variant="light" onClick={() => setClosing(l)}>
                            {T.close}
                          </Button>
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
      <CloseLineModal line={closing} onClose={() => setClosing(null)} />
    </>
  );
}

function AddLineForm({ options }: { options: { value: string; label: string }[] }) {
  const add = useAddLine();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [reportsToId, setReportsToId] = useState<string | null>(null);
  const [validFrom, setValidFrom] = useState("");
  const [validTo, setValidTo] = useState("");
  const [basis, setBasis] = useState("");
  return (
    <Paper withBorder p="md" mb="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            {
              agencyId: agencyId ?? "",
              reportsToId: reportsToId ?? "",
              validFrom,
              ...(validTo ? { validTo } : {}),
              basis,
            },
            {
              onSuccess: () => {
                setValidFrom("");
                setValidTo("");
                setBasis("");
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Text fw={700}>{T.addTitle}</Text>
          <Group align="flex-end" wrap="wrap" gap="sm">
            <Select
              label={T.agency}
              data={options}
              value={agencyId}
              onChange={setAgencyId}
              searchable
              required
              w={{ base: "100%", sm: 320 }}
            />
            <Select
              label={T.reportsTo}
              data={options}
              value={reportsToId}
              onChange={setReportsToId}
              searchable
              required
              w={{ base: "100%", sm: 320 }}
            />
            <TextInput
              type="date"
              label={T.validFrom}
              value={validFrom}
              onChange={(e) => setValidFrom(e.currentTarget.value)}
              required
              w={{ base: "100%", sm: 180 }}
            />
            <TextInput
              type="date"
              label={T.validToOptional}
              value={validTo}
              onChange={(e) => setValidTo(e.currentTarget.value)}
              w={{ base: "100%", sm: 180 }}
            />
          </Group>
          <Textarea label={T.basis} value={basis} onChange={(e) => setBasis(e.currentTarget.value)} required autosize />
          {add.error ? <Alert color="red">{errorMessage(add.error)}</Alert> : null}
          {add.isSuccess ? <Alert color="green">{T.added}</Alert> : null}
          <Group>
            <Button type="submit" loading={add.isPending}>
              {T.add}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function CloseLineModal({ line, onClose }: { line: ReportingLine | null; onClose: () => void }) {
  const close = useCloseLine();
  const [validTo, setValidTo] = useState("");
  const [basis, setBasis] = useState("");
  return (
    <Modal opened={line !== null} onClose={onClose} title={T.closeTitle}>
      {line ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            close.mutate(
              { id: line.id, validTo, basis, version: line.version },
              {
                onSuccess: () => {
                  setValidTo("");
                  setBasis("");
                  onClose();
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{T.closing(line.agency.name, line.reportsTo.name, formatDate(line.validFrom))}</Text>
            <TextInput
              type="date"
              label={T.lastDay}
              value={validTo}
              onChange={(e) => setValidTo(e.currentTarget.value)}
              required
            />
            <Textarea label={T.basis} value={basis} onChange={(e) => setBasis(e.currentTarget.value)} required />
            {close.error ? <Alert color="red">{errorMessage(close.error)}</Alert> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={close.isPending}>
                {T.close}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
