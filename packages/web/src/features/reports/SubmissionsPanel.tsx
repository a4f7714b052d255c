/**
 * Sending reports up (issue 19): "Lưu và gửi báo cáo" freezes the computed form and submits it to
 * the superior; the list shows the own agency's reports and those its units sent, with the buttons
 * the server says the person may use (submit again; return with a reason or accept for the
 * superior). The server checks every step again.
 */
import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Textarea } from "@mantine/core";
import { SUBMISSION_STATUSES, SUBMISSION_STATUS_LABELS } from "@minhbach/domain/reports/submission";
import { useMemo, useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { ExportMenu } from "../../ui/ExportMenu.tsx";
import { formatDate } from "../../ui/format.ts";
import { saveDownload } from "../../ui/download.ts";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { usePhone } from "../../ui/responsive.ts";
import {
  useSaveAndSubmit,
  useSubmission,
  useSubmissions,
  useSubmissionStep,
  type ReportChoice,
  type SubmissionItem,
} from "./api.ts";
import { DrilldownModal } from "./DrilldownModal.tsx";
import { ReportTable } from "./ReportTable.tsx";
import { SUBMISSION_LIST_TEXT as L, SUBMISSION_TEXT as T, UPLOAD_TEXT as U } from "./text.ts";

type SortKey = "period" | "agency" | "status";
const SORTS: Record<SortKey, (a: SubmissionItem, b: SubmissionItem) => number> = {
  period: (a, b) =>
    b.from.localeCompare(a.from) || a.agency.code.localeCompare(b.agency.code) || b.revision - a.revision,
  agency: (a, b) => a.agency.name.localeCompare(b.agency.name, "vi") || b.from.localeCompare(a.from),
  status: (a, b) =>
    SUBMISSION_STATUSES.indexOf(a.status) - SUBMISSION_STATUSES.indexOf(b.status) || b.from.localeCompare(a.from),
};

/** The rows as the table shows them, for the export. */
function exportTable(items: readonly SubmissionItem[]) {
  return {
    headers: [T.agency, T.form, L.from, L.to, T.revision, T.status, T.reason],
    rows: items.map((s) => [
      s.agency.name,
      s.origin === "upload" ? `${s.form} (${U.badge})` : s.form,
      formatDate(s.from),
      formatDate(s.to),
      s.revision,
      s.statusLabel,
      s.returnReason ?? s.correctionReason ?? "",
    ]),
  };
}

const sameReport = (s: SubmissionItem, c: ReportChoice) =>
  s.agency.id === c.agencyId && s.form === c.form && s.from === c.from && s.to === c.to;

/** The save-and-submit button under a computed report of the user's own agency. */
export function SaveAndSubmit({ choice }: { choice: ReportChoice }) {
  const list = useSubmissions();
  const save = useSaveAndSubmit();
  const [reason, setReason] = useState("");
  const [done, setDone] = useState(false);
  const latest = (list.data?.items ?? []).find((s) => s.latest && sameReport(s, choice)) ?? null;
  // An uploaded form is never replaced in place (docs/LAW.md §11.15): a new revision, with its reason.
  const needsReason =
    latest !== null && (latest.status === "submitted" || latest.status === "accepted" || latest.origin === "upload");
  const version = latest && (latest.status === "draft" || latest.status === "returned") ? latest.version : undefined;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {T.saveHint}
        </Text>
        {needsReason ? (
          <Textarea
            label={T.correctionReason}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
        ) : null}
        <Group>
          <Button
            loading={save.isPending}
            onClick={() => {
              setDone(false);
              save.mutate(
                { choice, ...(version !== undefined ? { version } : {}), ...(needsReason ? { reason } : {}) },
                { onSuccess: () => (setDone(true), setReason("")) },
              );
            }}
          >
            {T.saveAndSubmit}
          </Button>
        </Group>
        {save.error ? <Alert color="red">{errorMessage(save.error)}</Alert> : null}
        {done ? <Alert color="green">{T.sent}</Alert> : null}
      </Stack>
    </Paper>
  );
}

/** The reports of the own agency and those its units sent up. */
export function SubmissionsPanel() {
  const list = useSubmissions();
  const step = useSubmissionStep();
  const [returning, setReturning] = useState<SubmissionItem | null>(null);
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [form, setForm] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey>("period");
  const [originalError, setOriginalError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<SubmissionItem | null>(null);
  const all = list.data?.items;
  const forms = useMemo(() => [...new Set((all ?? []).map((s) => s.form))].sort(), [all]);
  const items = useMemo(
    () =>
      (all ?? [])
        .filter((s) => (status === null || s.status === status) && (form === null || s.form === form))
        .sort(SORTS[sort]),
    [all, status, form, sort],
  );
  return (
    <Paper withBorder p="md" mt="md">
      <Stack gap="sm">
        <Text fw={700}>{T.title}</Text>
        <Group align="flex-end">
          <Select
            label={L.status}
            placeholder={L.all}
            data={SUBMISSION_STATUSES.map((v) => ({ value: v, label: SUBMISSION_STATUS_LABELS[v] }))}
            value={status}
            onChange={setStatus}
            clearable
            w={280}
          />
          <Select label={L.form} placeholder={L.all} data={forms} value={form} onChange={setForm} clearable w={180} />
          <Select
            label={L.sortBy}
            data={[
              { value: "period", label: L.sortPeriod },
              { value: "agency", label: L.sortAgency },
              { value: "status", label: L.sortStatus },
            ]}
            value={sort}
            onChange={(v) => setSort((v as SortKey | null) ?? "period")}
            allowDeselect={false}
            w={220}
          />
          <ExportMenu
            fileName="bao-cao-da-lap"
            sheetName={T.title}
            load={async () => exportTable(items)}
            progressText={L.progress}
            doneText={L.done}
          />
        </Group>
        <QueryStatus query={list} />
        {step.error && returning === null ? <Alert color="red">{errorMessage(step.error)}</Alert> : null}
        {originalError ? <Alert color="red">{originalError}</Alert> : null}
        {list.data && items.length === 0 ? <Text>{(all ?? []).length === 0 ? T.empty : L.noMatch}</Text> : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label={T.title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{T.agency}</Table.Th>
                  <Table.Th>{T.form}</Table.Th>
                  <Table.Th>{T.period}</Table.Th>
                  <Table.Th>{T.revision}</Table.Th>
                  <Table.Th>{T.status}</Table.Th>
                  <Table.Th>{T.reason}</Table.Th>
                  <Table.Th>{T.actions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id} data-submission={s.id}>
                    <Table.Td>{s.agency.name}</Table.Td>
                    <Table.Td>
                      {s.form}
                      {s.origin === "upload" ? (
                        <Badge ml="xs" variant="light" color="grape" data-badge="upload">
                          {U.badge}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {formatDate(s.from)} – {formatDate(s.to)}
                    </Table.Td>
                    <Table.Td>{s.revision}</Table.Td>
                    <Table.Td>{s.statusLabel}</Table.Td>
                    <Table.Td>{s.returnReason ?? s.correctionReason ?? ""}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={T.viewLabel(s.form, s.agency.name, s.revision)}
                          onClick={() => setViewing(s)}
                        >
                          {T.view}
                        </Button>
                        {s.origin === "upload" ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            onClick={async () => {
                              setOriginalError(null);
                              try {
                                await saveDownload(
                                  "reports.submissions.original",
                                  { params: { id: s.id } },
                                  "bao-cao-goc.xlsx",
                                );
                              } catch (error) {
                                setOriginalError(errorMessage(error));
                              }
                            }}
                          >
                            {U.original}
                          </Button>
                        ) : null}
                        {s.canSubmit ? (
                          <Button
                            size="xs"
                            onClick={() => step.mutate({ id: s.id, action: "submit", version: s.version })}
                          >
                            {T.submit}
                          </Button>
                        ) : null}
                        {s.canDecide ? (
                          <>
                            <Button size="xs" variant="light" color="orange" onClick={() => setReturning(s)}>
                              {T.return}
                            </Button>
                            <Button
                              size="xs"
                              onClick={() => step.mutate({ id: s.id, action: "accept", version: s.version })}
                            >
                              {T.accept}
                            </Button>
                          </>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      <SentReportModal item={viewing} onClose={() => setViewing(null)} />
      <Modal
        opened={returning !== null}
        onClose={() => {
          setReturning(null);
          step.reset();
        }}
        title={T.confirmReturn}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!returning) return;
            step.mutate(
              { id: returning.id, action: "return", version: returning.version, reason },
              { onSuccess: () => (setReturning(null), setReason("")) },
            );
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={T.returnReason}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={3}
            />
            {step.error ? <Alert color="red">{errorMessage(step.error)}</Alert> : null}
            <Group justify="flex-end">
              <Button type="submit" color="orange" loading={step.isPending}>
                {T.confirmReturn}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}

/**
 * A sent report as it was sent: its frozen figures in the form's layout, each opening the records
 * counted into it when it was saved; its Excel form with those figures.
 */
function SentReportModal({ item, onClose }: { item: SubmissionItem | null; onClose: () => void }) {
  const phone = usePhone();
  const sent = useSubmission(item?.id ?? null);
  const [cell, setCell] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const report = sent.data?.snapshot;
  return (
    <>
      <Modal
        opened={item !== null}
        onClose={() => {
          setDownloadError(null);
          onClose();
        }}
        title={item ? T.viewTitle(item.form, item.agency.name, item.revision, item.statusLabel) : ""}
        size="100%"
        fullScreen={phone}
      >
        <Stack gap="sm">
          <QueryStatus query={sent} />
          <Text size="sm" c="dimmed">
            {item?.origin === "upload" ? T.uploadedHint : T.frozenHint}
          </Text>
          {report && item ? (
            <ReportTable
              report={report}
              onOpen={setCell}
              onDownload={async () => {
                setDownloadError(null);
                try {
                  await saveDownload("reports.submissions.form", { params: { id: item.id } }, "bao-cao-da-gui.xlsx");
                } catch (error) {
                  setDownloadError(errorMessage(error));
                }
              }}
              downloadError={downloadError}
            />
          ) : null}
        </Stack>
      </Modal>
      <DrilldownModal
        target={item && cell !== null ? { submissionId: item.id, cell } : null}
        onClose={() => setCell(null)}
        fallbackTitle={report?.title ?? ""}
      />
    </>
  );
}
