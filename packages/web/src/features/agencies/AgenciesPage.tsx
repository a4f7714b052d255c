import type { Agency } from "@minhbach/domain/api/agencies";
import { AGENCY_KINDS } from "@minhbach/domain/api/agencies";
import { Button, Checkbox, Grid, Group, List, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPencil, IconPlus, IconSearch } from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { DateField } from "../../ui/DateField.tsx";
import { formatDate, formatNumber, todayIso } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useUrlState } from "../../ui/url-state.ts";
import { useSession } from "../auth/session.tsx";
import { useAgencies, useAllAgencies } from "./api.ts";
import { AgencyGroups } from "./AgencyGroups.tsx";
import { CreateAgencyModal, EditAgencyModal } from "./AgencyForms.tsx";
import { AgencyTree, validityText } from "./AgencyTree.tsx";
import { AGENCY_TEXT } from "./text.ts";
import { allIds, buildAgencyTree, visibleForSearch } from "./tree.ts";

export default function AgenciesPage() {
  const { can } = useSession();
  const canManage = can("agency.manage");
  const { params, update } = useUrlState();
  const at = params.get("at");
  const includeEnded = params.get("ended") === "1";
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [debouncedSearch] = useDebouncedValue(search, 150);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [createParent, setCreateParent] = useState<string | null | undefined>(undefined);
  const [editingId, setEditingId] = useState<string | null>(null);
  const detailsRef = useRef<HTMLDivElement>(null);

  const list = useAgencies({ at, includeEnded });
  const all = useAllAgencies();
  const items = useMemo(() => list.data ?? [], [list.data]);
  const roots = useMemo(() => buildAgencyTree(items), [items]);
  const search_ = useMemo(() => visibleForSearch(roots, debouncedSearch), [roots, debouncedSearch]);
  const namesById = useMemo(() => new Map((all.data ?? items).map((a) => [a.id, a.name])), [all.data, items]);
  const lookup = useMemo(() => new Map((all.data ?? items).map((a) => [a.id, a])), [all.data, items]);

  // A search opens every path that leads to a match; the user can still close them.
  useEffect(() => {
    if (!search_) return;
    setExpanded((prev) => new Set([...(prev ?? []), ...search_.visible]));
  }, [search_]);

  // First load: the top two levels are open.
  useEffect(() => {
    if (expanded === null && roots.length > 0) setExpanded(new Set(roots.map((r) => r.agency.id)));
  }, [roots, expanded]);

  const setParam = (name: string, value: string | null) => update({ [name]: value }, false);

  const selected = selectedId ? (lookup.get(selectedId) ?? null) : null;
  const editing = editingId ? (lookup.get(editingId) ?? null) : null;
  const today = at ?? todayIso();

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev ?? []);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const select = (id: string) => {
    setSelectedId(id);
    if (window.matchMedia("(max-width: 62em)").matches) {
      requestAnimationFrame(() => detailsRef.current?.scrollIntoView({ behavior: "smooth", block: "start" }));
    }
  };

  return (
    <>
      <PageHeader
        title={AGENCY_TEXT.title}
        description={AGENCY_TEXT.description}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreateParent(null)}>
              {AGENCY_TEXT.create}
            </Button>
          ) : null
        }
      />

      <Paper withBorder p="md" mb="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            label={AGENCY_TEXT.search}
            placeholder={AGENCY_TEXT.searchPlaceholder}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setParam("q", e.currentTarget.value || null);
            }}
            style={{ flex: "1 1 260px" }}
            type="search"
          />
          <DateField
            label={AGENCY_TEXT.atDate}
            description={AGENCY_TEXT.atDateHint}
            value={at}
            onChange={(value) => setParam("at", value)}
            clearable
            style={{ flex: "0 1 220px" }}
          />
          <Checkbox
            label={AGENCY_TEXT.includeEnded}
            checked={includeEnded}
            onChange={(e) => setParam("ended", e.currentTarget.checked ? "1" : null)}
            mb={8}
          />
        </Group>
      </Paper>

      <Grid gap="md" mb="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="agency-tree-title">
            <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
              <Title order={2} fz="h4" id="agency-tree-title">
                {AGENCY_TEXT.treeLabel}
              </Title>
              <Group gap="xs">
                <Button size="xs" variant="subtle" onClick={() => setExpanded(new Set(allIds(roots)))}>
                  {AGENCY_TEXT.expandAll}
                </Button>
                <Button size="xs" variant="subtle" onClick={() => setExpanded(new Set())}>
                  {AGENCY_TEXT.collapseAll}
                </Button>
              </Group>
            </Group>
            <Text size="sm" c="gray.7" mb="xs" role="status" aria-live="polite">
              {search_
                ? AGENCY_TEXT.matches(formatNumber(search_.matches))
                : AGENCY_TEXT.total(formatNumber(items.length))}
            </Text>
            <QueryStatus query={list} />
            {list.isSuccess && items.length === 0 ? <Text>{AGENCY_TEXT.empty}</Text> : null}
            {search_ && search_.matches === 0 ? <Text>{AGENCY_TEXT.noMatch}</Text> : null}
            <AgencyTree
              roots={roots}
              expanded={expanded ?? new Set()}
              visible={search_?.visible ?? null}
              selectedId={selectedId}
              namesById={namesById}
              today={today}
              onToggle={toggle}
              onSelect={select}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <div ref={detailsRef} style={{ position: "sticky", top: 76 }}>
            <AgencyDetails
              agency={selected}
              all={all.data ?? items}
              namesById={namesById}
              canManage={canManage}
              onEdit={(id) => setEditingId(id)}
              onCreateChild={(id) => setCreateParent(id)}
              onSelect={select}
            />
          </div>
        </Grid.Col>
      </Grid>

      <AgencyGroups />

      {canManage ? (
        <>
          <CreateAgencyModal
            opened={createParent !== undefined}
            parentId={createParent ?? null}
            agencies={all.data ?? items}
            onClose={() => setCreateParent(undefined)}
            onCreated={(agency) => {
              setSelectedId(agency.id);
              if (agency.parentId) setExpanded((prev) => new Set([...(prev ?? []), agency.parentId as string]));
            }}
          />
          <EditAgencyModal agency={editing} onClose={() => setEditingId(null)} />
        </>
      ) : null}
    </>
  );
}

function AgencyDetails({
  agency,
  all,
  namesById,
  canManage,
  onEdit,
  onCreateChild,
  onSelect,
}: {
  agency: Agency | null;
  all: readonly Agency[];
  namesById: ReadonlyMap<string, string>;
  canManage: boolean;
  onEdit(id: string): void;
  onCreateChild(id: string): void;
  onSelect(id: string): void;
}) {
  if (!agency) {
    return (
      <Paper withBorder p="md">
        <Text c="gray.7">{AGENCY_TEXT.selectHint}</Text>
      </Paper>
    );
  }
  const parentName = agency.parentId ? namesById.get(agency.parentId) : null;
  const successors = all.filter((a) => a.predecessorIds.includes(agency.id));
  const children = all.filter((a) => a.parentId === agency.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agency-details-title" data-testid="agency-details">
      <Text size="xs" c="gray.7" tt="uppercase" fw={700}>
        {AGENCY_TEXT.details}
      </Text>
      <Title order={2} fz="h4" id="agency-details-title" mb="sm">
        {agency.name}
      </Title>
      <Table variant="vertical" withTableBorder={false} layout="fixed">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={150}>{AGENCY_TEXT.code}</Table.Th>
            <Table.Td>{agency.code}</Table.Td>
          </Table.Tr>
          {agency.shortName ? (
            <Table.Tr>
              <Table.Th>{AGENCY_TEXT.shortName}</Table.Th>
              <Table.Td>{agency.shortName}</Table.Td>
            </Table.Tr>
          ) : null}
          <Table.Tr>
            <Table.Th>{AGENCY_TEXT.kind}</Table.Th>
            <Table.Td>{AGENCY_KINDS[agency.kind]}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{AGENCY_TEXT.parent}</Table.Th>
            <Table.Td>{parentName ?? AGENCY_TEXT.noParent}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{AGENCY_TEXT.validity}</Table.Th>
            <Table.Td>{validityText(agency)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{AGENCY_TEXT.predecessors}</Table.Th>
            <Table.Td>
              {agency.predecessorIds.length === 0 ? (
                "—"
              ) : (
                <PredecessorList agency={agency} namesById={namesById} onSelect={onSelect} />
              )}
            </Table.Td>
          </Table.Tr>
          {successors.length > 0 ? (
            <Table.Tr>
              <Table.Th>{AGENCY_TEXT.successors}</Table.Th>
              <Table.Td>
                <LinkList ids={successors.map((s) => s.id)} namesById={namesById} onSelect={onSelect} />
                {successors.map((s) => (
                  <Text key={s.id} size="xs" c="gray.7">
                    {s.name}: {AGENCY_TEXT.validityOpen(formatDate(s.validFrom))}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ) : null}
          <Table.Tr>
            <Table.Th>{AGENCY_TEXT.children}</Table.Th>
            <Table.Td>{formatNumber(children.length)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {canManage ? (
        <Stack gap="xs" mt="md">
          <Group gap="xs">
            <Button
              size="sm"
              variant="light"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => onEdit(agency.id)}
            >
              {AGENCY_TEXT.edit}
            </Button>
            <Button
              size="sm"
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => onCreateChild(agency.id)}
            >
              {AGENCY_TEXT.createChild}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Paper>
  );
}

/** Predecessors by name (the API gives names even for units outside the user's scope). */
function PredecessorList({
  agency,
  namesById,
  onSelect,
}: {
  agency: Agency;
  namesById: ReadonlyMap<string, string>;
  onSelect(id: string): void;
}) {
  return (
    <List size="sm" spacing={2}>
      {agency.predecessorIds.map((id) => {
        const known = agency.predecessors.find((p) => p.id === id);
        const name = known?.name ?? namesById.get(id);
        const ended = known?.validTo ? AGENCY_TEXT.endedOn(formatDate(known.validTo)) : null;
        return (
          <List.Item key={id}>
            {name && namesById.has(id) ? (
              <Button
                variant="subtle"
                size="compact-sm"
                px={2}
                onClick={() => onSelect(id)}
                style={{ whiteSpace: "normal", height: "auto", textAlign: "left" }}
              >
                {name}
              </Button>
            ) : (
              <Text size="sm">{name ?? AGENCY_TEXT.outsideScope}</Text>
            )}
            {ended ? (
              <Text size="xs" c="gray.7">
                {known?.code} · {ended}
              </Text>
            ) : null}
          </List.Item>
        );
      })}
    </List>
  );
}

function LinkList({
  ids,
  namesById,
  onSelect,
}: {
  ids: readonly string[];
  namesById: ReadonlyMap<string, string>;
  onSelect(id: string): void;
}) {
  return (
    <List size="sm" spacing={2}>
      {ids.map((id) => {
        const name = namesById.get(id);
        return (
          <List.Item key={id}>
            {name ? (
              <Button
                variant="subtle"
                size="compact-sm"
                px={2}
                onClick={() => onSelect(id)}
                style={{ whiteSpace: "normal", height: "auto", textAlign: "left" }}
              >
                {name}
              </Button>
            ) : (
              <Text size="sm" c="gray.7">
                {AGENCY_TEXT.outsideScope}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
