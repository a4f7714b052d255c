import type { AuditEvent } from "@minhbach/domain/api/audit";
import { compareVietnamese } from "@minhbach/domain";
import {
  ActionIcon,
  Alert,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconChevronDown, IconChevronRight, IconSearch, IconShieldCheck } from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { Fragment, useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { api, errorMessage } from "../../api/client.ts";
import { Pager } from "../../ui/DataTable.tsx";
import { DateField } from "../../ui/DateField.tsx";
import { ExportMenu } from "../../ui/ExportMenu.tsx";
import { formatDateTime, formatNumber } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { ErrorBlock, LoadingBlock } from "../../ui/QueryState.tsx";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useSession } from "../auth/session.tsx";
import { fetchUsers } from "../users/api.ts";
import { AUDIT_TEXT } from "./text.ts";

interface AuditPage {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
}

interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; reason: string } | null;
}

const FILTER_KEYS = ["from", "to", "action", "entityType", "actorId", "q"] as const;

function fetchAudit(query: Record<string, string | number | undefined>, signal?: AbortSignal) {
  return api<AuditPage>("/audit", { query, ...(signal ? { signal } : {}) });
}

export default function AuditPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string | undefined> = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, params.get(key) ?? undefined]),
  );
  const page = Math.max(1, Number(params.get("page") ?? 1) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get("pageSize") ?? 50) || 50));
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const [text, setText] = useState({
    action: filters.action ?? "",
    entityType: filters.entityType ?? "",
    q: filters.q ?? "",
  });

  const update = (changes: Record<string, string | number | null | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === "") next.delete(key);
      else next.set(key, String(value));
    }
    if (resetPage && !("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };
  const pushText = useDebouncedCallback((key: string, value: string) => update({ [key]: value.trim() || null }), 300);

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

  const verify = useMutation({ mutationFn: () => api<VerifyResult>("/audit/verify") });

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
        e.action,
        [e.entityType, e.entityId].filter(Boolean).join(" "),
        e.clientIp ?? "",
        JSON.stringify(e.summary ?? null),
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
            <ExportMenu
              fileName={AUDIT_TEXT.exportFileName}
              sheetName={AUDIT_TEXT.exportSheet}
              load={loadExport}
              progressText={(d, t) => AUDIT_TEXT.exportProgress(formatNumber(d), formatNumber(t))}
              doneText={(n) => AUDIT_TEXT.exported(formatNumber(n))}
            />
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

      <Paper withBorder p="md" mb="md" role="search" aria-label={AUDIT_TEXT.filters}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <DateField
            label={AUDIT_TEXT.from}
            value={filters.from ?? null}
            onChange={(v) => update({ from: v })}
            style={{ flex: "0 1 170px" }}
          />
          <DateField
            label={AUDIT_TEXT.to}
            value={filters.to ?? null}
            onChange={(v) => update({ to: v })}
            style={{ flex: "0 1 170px" }}
          />
          {can("user.read") ? (
            <Select
              label={AUDIT_TEXT.actor}
              placeholder={AUDIT_TEXT.allActors}
              data={actorOptions}
              value={filters.actorId ?? null}
              onChange={(v) => update({ actorId: v })}
              searchable
              clearable
              filter={vietnameseFilter}
              nothingFoundMessage={COMMON.nothingFound}
              style={{ flex: "1 1 220px" }}
            />
          ) : null}
          <TextInput
            label={AUDIT_TEXT.action}
            placeholder={AUDIT_TEXT.actionPlaceholder}
            value={text.action}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setText((t) => ({ ...t, action: value }));
              pushText("action", value);
            }}
            style={{ flex: "1 1 160px" }}
          />
          <TextInput
            label={AUDIT_TEXT.entityType}
            placeholder={AUDIT_TEXT.entityTypePlaceholder}
            value={text.entityType}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setText((t) => ({ ...t, entityType: value }));
              pushText("entityType", value);
            }}
            style={{ flex: "1 1 140px" }}
          />
          <TextInput
            label={AUDIT_TEXT.search}
            type="search"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text.q}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setText((t) => ({ ...t, q: value }));
              pushText("q", value);
            }}
            style={{ flex: "2 1 200px" }}
          />
          {FILTER_KEYS.some((k) => filters[k]) ? (
            <Button
              variant="subtle"
              onClick={() => {
                setText({ action: "", entityType: "", q: "" });
                update(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])));
              }}
            >
              {COMMON.clearFilters}
            </Button>
          ) : null}
        </Group>
      </Paper>

      <Paper withBorder p="md">
        {events.isPending ? <LoadingBlock /> : null}
        {events.isError ? <ErrorBlock error={events.error} onRetry={() => void events.refetch()} /> : null}
        {events.data ? (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing="xs" data-testid="audit-table">
                <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
                  {AUDIT_TEXT.total(formatNumber(events.data.total))}
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
                  {events.data.items.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={6}>{AUDIT_TEXT.empty}</Table.Td>
                    </Table.Tr>
                  ) : null}
                  {events.data.items.map((e) => {
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
                          <Table.Td>
                            <Code>{e.action}</Code>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{e.entityType}</Text>
                            {e.entityId ? (
                              <Text size="xs" c="gray.7" ff="monospace" style={{ wordBreak: "break-all" }}>
                                {e.entityId}
                              </Text>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                        {open ? (
                          <Table.Tr id={detailId}>
                            <Table.Td colSpan={6} bg="gray.0">
                              <Text size="sm" fw={600} mb={4}>
                                {AUDIT_TEXT.summary}
                              </Text>
                              <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
                                {JSON.stringify(e.summary ?? null, null, 2)}
                              </Code>
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
            <Pager
              page={page}
              pageSize={pageSize}
              total={events.data.total}
              onPage={(p) => update({ page: p }, false)}
              onPageSize={(size) => update({ pageSize: size })}
            />
          </>
        ) : null}
      </Paper>
    </>
  );
}
