import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  auditActionLabel,
  auditEntityTypeLabel,
  auditSummaryLines,
  compareVietnamese,
} from "@minhbach/domain";
import { ActionIcon, Alert, Button, Group, List, Select, Table, Text, VisuallyHidden } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconShieldCheck } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { Fragment, useMemo, useState } from "react";
import type { AuditEvent } from "@minhbach/domain/api/audit";
import { call } from "../../api/call.ts";
import { errorMessage } from "../../api/client.ts";
import { DateField } from "../../ui/DateField.tsx";
import { formatDateTime, formatNumber } from "../../ui/format.ts";
import { ClearFilters, FilterPanel, ListExport, ListResults, SearchField } from "../../ui/list-page/ListPage.tsx";
import { useListState } from "../../ui/list-page/list-state.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useSession } from "../auth/session.tsx";
import { fetchUsers } from "../users/api.ts";
import { AUDIT_TEXT } from "./text.ts";

const FILTERS = {
  from: "text",
  to: "text",
  action: "text",
  entityType: "text",
  actorId: "text",
  q: "search",
} as const;

const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => compareVietnamese(a.label, b.label));
const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_TYPES).map(([value, label]) => ({ value, label }));

/** The object of an event as officers know it: its kind and its code or name, never an internal id. */
function entityText(e: AuditEvent): string {
  return [auditEntityTypeLabel(e.entityType), e.entityLabel].filter(Boolean).join(": ");
}

function fetchAudit(query: Record<string, string | number | undefined>, signal?: AbortSignal) {
  return call("audit.list", { query, signal });
}

export default function AuditPage() {
  const { can } = useSession();
  const list = useListState({ filters: FILTERS, defaultPageSize: 50 });
  const { page, pageSize } = list;
  const filters = list.query;
  const [expanded, setExpanded] = useState<Set<number>>(new Set());

  const events = useQuery({
    queryKey: ["audit", filters, page, pageSize],
    queryFn: ({ signal }) => fetchAudit({ ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const actors = useQuery({
    queryKey: ["users", "all-for-audit"],
    queryFn: ({ signal }) => fetchUsers({ page: 1, pageSize: 200, sort: "fullName", order: "asc" }, signal),
    enabled: can("user.read"),
    staleTime: 5 * 60_000,
  });
  const actorOptions = useMemo(
    () =>
      [...(actors.data?.items ?? [])]
        .sort((a, b) => compareVietnamese(a.fullName, b.fullName))
        .map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` })),
    [actors.data],
  );

  const verify = useMutation({ mutationFn: () => call("audit.verify") });

  const toggle = (id: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const loadExport = async (onProgress: (done: number, total: number) => void) => {
    const rows: AuditEvent[] = [];
    for (let p = 1; ; p++) {
      const result = await fetchAudit({ ...filters, page: p, pageSize: 200 });
      rows.push(...result.items);
      onProgress(rows.length, result.total);
      if (result.items.length < 200 || rows.length >= result.total) break;
    }
    return {
      headers: [
        "Số",
        AUDIT_TEXT.at,
        AUDIT_TEXT.actor,
        AUDIT_TEXT.agency,
        AUDIT_TEXT.action,
        AUDIT_TEXT.entity,
        AUDIT_TEXT.clientIp,
        AUDIT_TEXT.summary,
        AUDIT_TEXT.hash,
      ],
      rows: rows.map((e) => [
        e.id,
        formatDateTime(e.at, true),
        e.actorName ?? AUDIT_TEXT.system,
        e.agencyName ?? "",
        auditActionLabel(e.action),
        entityText(e),
        e.clientIp ?? "",
        auditSummaryLines(e.summary).join("\n"),
        e.hash,
      ]),
    };
  };

  return (
    <>
      <PageHeader
        title={AUDIT_TEXT.title}
        description={AUDIT_TEXT.description}
        actions={
          <>
            <ListExport texts={AUDIT_TEXT} load={loadExport} />
            <Button
              leftSection={<IconShieldCheck size={18} aria-hidden />}
              onClick={() => verify.mutate()}
              loading={verify.isPending}
            >
              {AUDIT_TEXT.verify}
            </Button>
          </>
        }
      />

      <div aria-live="polite">
        {verify.isError ? (
          <Alert color="red" mb="md" role="alert">
            {errorMessage(verify.error)}
          </Alert>
        ) : null}
        {verify.data ? (
          <Alert
            color={verify.data.ok ? "green" : "red"}
            title={verify.data.ok ? AUDIT_TEXT.verifyOkTitle : AUDIT_TEXT.verifyBrokenTitle}
            mb="md"
            data-testid="audit-verify-result"
            withCloseButton
            closeButtonLabel={COMMON.close}
            onClose={() => verify.reset()}
          >
            {verify.data.ok || !verify.data.firstBroken
              ? AUDIT_TEXT.verifyOk(formatNumber(verify.data.checked))
              : AUDIT_TEXT.verifyBroken(
                  formatNumber(verify.data.checked),
                  String(verify.data.firstBroken.id),
                  verify.data.firstBroken.reason,
                )}
          </Alert>
        ) : null}
      </div>

      <FilterPanel label={AUDIT_TEXT.filters}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <DateField label={AUDIT_TEXT.from} {...list.field("from")} style={{ flex: "0 1 170px" }} />
          <DateField label={AUDIT_TEXT.to} {...list.field("to")} style={{ flex: "0 1 170px" }} />
          {can("user.read") ? (
            <Select
              label={AUDIT_TEXT.actor}
              placeholder={AUDIT_TEXT.allActors}
              data={actorOptions}
              {...list.field("actorId")}
              searchable
              clearable
              filter={vietnameseFilter}
              nothingFoundMessage={COMMON.nothingFound}
              style={{ flex: "1 1 220px" }}
            />
          ) : null}
          <Select
            label={AUDIT_TEXT.action}
            placeholder={AUDIT_TEXT.allActions}
            data={ACTION_OPTIONS}
            {...list.field("action")}
            searchable
            clearable
            filter={vietnameseFilter}
            nothingFoundMessage={COMMON.nothingFound}
            style={{ flex: "1 1 220px" }}
          />
          <Select
            label={AUDIT_TEXT.entityType}
            placeholder={AUDIT_TEXT.allEntityTypes}
            data={ENTITY_OPTIONS}
            {...list.field("entityType")}
            clearable
            style={{ flex: "1 1 160px" }}
          />
          <SearchField label={AUDIT_TEXT.search} {...list.text("q")} style={{ flex: "2 1 200px" }} />
          <ClearFilters active={list.active} onClear={list.clear} />
        </Group>
      </FilterPanel>

      <ListResults query={events} paging={list.paging}>
        {(data) => (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" data-testid="audit-table">
              <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
                {AUDIT_TEXT.total(formatNumber(data.total))}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={44}>
                    <VisuallyHidden>{AUDIT_TEXT.details}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th w={70}>Số</Table.Th>
                  <Table.Th w={170}>{AUDIT_TEXT.at}</Table.Th>
                  <Table.Th>{AUDIT_TEXT.actor}</Table.Th>
                  <Table.Th>{AUDIT_TEXT.action}</Table.Th>
                  <Table.Th>{AUDIT_TEXT.entity}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>{AUDIT_TEXT.empty}</Table.Td>
                  </Table.Tr>
                ) : null}
                {data.items.map((e) => {
                  const open = expanded.has(e.id);
                  const detailId = `audit-detail-${e.id}`;
                  return (
                    <Fragment key={e.id}>
                      <Table.Tr>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            onClick={() => toggle(e.id)}
                            aria-expanded={open}
                            aria-controls={open ? detailId : undefined}
                            aria-label={
                              open ? AUDIT_TEXT.hideDetails(String(e.id)) : AUDIT_TEXT.showDetails(String(e.id))
                            }
                          >
                            {open ? (
                              <IconChevronDown size={18} aria-hidden />
                            ) : (
                              <IconChevronRight size={18} aria-hidden />
                            )}
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td>{e.id}</Table.Td>
                        <Table.Td>{formatDateTime(e.at, true)}</Table.Td>
                        <Table.Td>
                          {e.actorName ?? AUDIT_TEXT.system}
                          {e.agencyName ? (
                            <Text size="xs" c="gray.7">
                              {e.agencyName}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>{auditActionLabel(e.action)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{auditEntityTypeLabel(e.entityType)}</Text>
                          {e.entityLabel ? <Text size="sm">{e.entityLabel}</Text> : null}
                        </Table.Td>
                      </Table.Tr>
                      {open ? (
                        <Table.Tr id={detailId}>
                          <Table.Td colSpan={6} bg="gray.0">
                            <Text size="sm" fw={600} mb={4}>
                              {AUDIT_TEXT.summary}
                            </Text>
                            <SummaryLines summary={e.summary} />
                            <Group gap="lg" mt="xs">
                              <Text size="xs" c="gray.7">
                                {AUDIT_TEXT.clientIp}: {e.clientIp ?? COMMON.none}
                              </Text>
                              <Text size="xs" c="gray.7" ff="monospace" style={{ wordBreak: "break-all" }}>
                                {AUDIT_TEXT.hash}: {e.hash}
                              </Text>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListResults>
    </>
  );
}

function SummaryLines({ summary }: { summary: unknown }) {
  const lines = auditSummaryLines(summary);
  if (lines.length === 0) return <Text size="sm">{COMMON.none}</Text>;
  return (
    <List size="sm" spacing={2} data-testid="audit-summary">
      {lines.map((line, i) => (
        <List.Item key={i} style={{ wordBreak: "break-word" }}>
          {line}
        </List.Item>
      ))}
    </List>
  );
}
