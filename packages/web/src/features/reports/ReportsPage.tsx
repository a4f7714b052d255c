/**
 * Periodic reports: choose a form, an agency (alone, with the units reporting to it, or an
 * emulation cluster), a period of the reporting regime;
 * the form is computed from the records and shown in the appendix's layout (grouped headers,
 * numbered columns, a total row and one row per unit). Every figure opens the list of records it
 * counts; the form downloads as Excel. A consolidated report (a unit and its units, a cluster) is
 * computed as a job: its id in the address (`?job=`), a progress bar while it runs, the same report
 * when done, found again after a reload.
 */
import { Alert, Anchor, Button, Group, Paper, Progress, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { formatDate } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { saveDownload } from "../../ui/download.ts";
import { useSession } from "../auth/session.tsx";
import { DateField } from "../../ui/DateField.tsx";
import {
  choiceOfJob,
  useAgencies,
  useCatalogue,
  useClusters,
  useReport,
  useReportJob,
  useStartReportJob,
  type ReportChoice,
  type ReportJobView,
} from "./api.ts";
import { ConsolidationPanel } from "./ConsolidationPanel.tsx";
import { DrilldownModal } from "./DrilldownModal.tsx";
import { ReportTable } from "./ReportTable.tsx";
import { DASHBOARD_PATH } from "./dashboard/path.ts";
import { REPORT_TEXT as T, SCOPE_TEXT as S } from "./text.ts";

import { SaveAndSubmit, SubmissionsPanel } from "./SubmissionsPanel.tsx";
import { TimelinessPanel } from "./TimelinessPanel.tsx";
import { UploadPanel } from "./UploadPanel.tsx";
import { ManualCellsPanel } from "./ManualCellsPanel.tsx";
import { manualCellsOf } from "@minhbach/domain/reports/manual-cells";

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: THIS_YEAR + 1 - 2021 + 1 }, (_, i) => String(THIS_YEAR + 1 - i));

export default function ReportsPage() {
  const session = useSession();
  const [form, setForm] = useState<string | null>("02/XLD");
  const [year, setYear] = useState<string>(String(THIS_YEAR));
  const [period, setPeriod] = useState<string | null>(null);
  // Ad hoc (đột xuất): any days, as the server accepts with kind "adhoc".
  const [kind, setKind] = useState<"periodic" | "adhoc">("periodic");
  const [adhocFrom, setAdhocFrom] = useState<string | null>(null);
  const [adhocTo, setAdhocTo] = useState<string | null>(null);
  const [agencyId, setAgencyId] = useState<string | null>(session.me?.agency.id ?? null);
  const [scope, setScope] = useState<"unit" | "subtree" | "cluster">("unit");
  const [groupId, setGroupId] = useState<string | null>(null);
  const [choice, setChoice] = useState<ReportChoice | null>(null);
  const [cell, setCell] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const catalogue = useCatalogue(Number(year));
  const agencies = useAgencies();
  // A consolidated report runs as a job (server reports/jobs.ts); a unit's report is computed directly.
  const [params, setParams] = useSearchParams();
  const jobId = params.get("job");
  const job = useReportJob(jobId);
  const startJob = useStartReportJob();
  const consolidated = choice !== null && choice.scope !== undefined && choice.scope !== "unit";
  const direct = useReport(consolidated ? null : choice);
  useEffect(() => {
    // After a reload the address names the job: show what it computes.
    if (choice !== null || !job.data) return;
    const restored = choiceOfJob(job.data);
    setChoice(restored);
    setForm(restored.form);
    setAgencyId(restored.agencyId);
    setScope(restored.scope ?? "subtree");
    setGroupId(restored.groupId ?? null);
    setKind(restored.kind);
    if (restored.kind === "periodic") {
      setYear(restored.to.slice(0, 4));
      setPeriod(`${restored.from}_${restored.to}`);
    } else {
      setAdhocFrom(restored.from);
      setAdhocTo(restored.to);
    }
  }, [choice, job.data]);
  const jobReport = jobId !== null && job.data?.status === "done" ? job.data.report : null;
  const report = { data: consolidated ? (jobReport ?? undefined) : direct.data };

  const periods = catalogue.data?.periods ?? [];
  const chosenPeriod = periods.find((p) => `${p.from}_${p.to}` === period) ?? null;
  const clusters = useClusters(kind === "periodic" ? (chosenPeriod?.to ?? null) : adhocTo);
  const days =
    kind === "periodic"
      ? chosenPeriod && { from: chosenPeriod.from, to: chosenPeriod.to }
      : adhocFrom && adhocTo && adhocFrom <= adhocTo
        ? { from: adhocFrom, to: adhocTo }
        : null;
  const ready = form !== null && agencyId !== null && days !== null && (scope !== "cluster" || groupId !== null);
  const rangeError = kind === "adhoc" && adhocFrom && adhocTo && adhocFrom > adhocTo ? T.rangeOrder : null;

  return (
    <>
      <PageHeader title={T.title} description={T.description} />
      <Text mb="sm">
        <Anchor component={Link} to={DASHBOARD_PATH}>
          {T.toDashboard}
        </Anchor>
      </Text>
      <Paper withBorder p="md" mb="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!ready) return;
            setCell(null);
            const next: ReportChoice = {
              form,
              agencyId,
              from: days.from,
              to: days.to,
              subtree: scope !== "unit",
              scope,
              ...(scope === "cluster" && groupId ? { groupId } : {}),
              kind,
            };
            setChoice(next);
            const withoutJob = new URLSearchParams(params);
            withoutJob.delete("job");
            setParams(withoutJob, { replace: true });
            if (scope !== "unit")
              startJob.mutate(next, {
                onSuccess: (started) => {
                  const withJob = new URLSearchParams(params);
                  withJob.set("job", started.id);
                  setParams(withJob, { replace: true });
                },
              });
          }}
        >
          <Group align="flex-end" wrap="wrap" gap="sm">
            <Select
              label={T.form}
              data={(catalogue.data?.forms ?? []).map((f) => ({ value: f.code, label: `${f.code} — ${f.title}` }))}
              value={form}
              onChange={setForm}
              w={{ base: "100%", sm: 360 }}
              allowDeselect={false}
            />
            <Stack gap={4}>
              <Text component="span" size="sm" fw={500} id="report-kind-label">
                {T.kind}
              </Text>
              <SegmentedControl
                aria-labelledby="report-kind-label"
                value={kind}
                onChange={(v) => setKind(v === "adhoc" ? "adhoc" : "periodic")}
                data={[
                  { value: "periodic", label: T.kindPeriodic },
                  { value: "adhoc", label: T.kindAdhoc },
                ]}
              />
            </Stack>
            {kind === "adhoc" ? (
              <>
                <DateField
                  label={T.from}
                  value={adhocFrom}
                  onChange={(v) => setAdhocFrom(v)}
                  w={{ base: "100%", sm: 170 }}
                />
                <DateField
                  label={T.to}
                  value={adhocTo}
                  onChange={(v) => setAdhocTo(v)}
                  error={rangeError}
                  w={{ base: "100%", sm: 170 }}
                />
              </>
            ) : null}
            {kind === "periodic" ? (
              <>
                <Select
                  label={T.year}
                  data={YEARS}
                  value={year}
                  onChange={(v) => {
                    setYear(v ?? String(THIS_YEAR));
                    setPeriod(null);
                  }}
                  w={{ base: "100%", sm: 120 }}
                  allowDeselect={false}
                />
                <Select
                  label={T.period}
                  placeholder={T.choosePeriod}
                  data={periods.map((p) => ({
                    value: `${p.from}_${p.to}`,
                    label: `${p.label} (${formatDate(p.from)} – ${formatDate(p.to)})`,
                  }))}
                  value={period}
                  onChange={setPeriod}
                  w={{ base: "100%", sm: 320 }}
                />
              </>
            ) : null}
            <Select
              label={T.agency}
              data={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
              value={agencyId}
              onChange={setAgencyId}
              searchable
              allowDeselect={false}
              w={{ base: "100%", sm: 320 }}
            />
            <Select
              label={S.scope}
              data={[
                { value: "unit", label: S.unit },
                { value: "subtree", label: S.subtree },
                { value: "cluster", label: S.cluster },
              ]}
              value={scope}
              onChange={(v) => setScope((v as "unit" | "subtree" | "cluster" | null) ?? "unit")}
              allowDeselect={false}
              w={{ base: "100%", sm: 280 }}
            />
            {scope === "cluster" ? (
              <Select
                label={S.chooseCluster}
                data={(clusters.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                value={groupId}
                onChange={setGroupId}
                w={{ base: "100%", sm: 320 }}
              />
            ) : null}
            <Button type="submit" disabled={!ready} loading={startJob.isPending}>
              {T.compute}
            </Button>
          </Group>
        </form>
      </Paper>
      {choice ? (
        <>
          {consolidated ? (
            <JobStatus
              job={jobId !== null ? job.data : undefined}
              starting={startJob.isPending}
              error={startJob.error ?? (jobId !== null ? job.error : null)}
            />
          ) : (
            <QueryStatus query={direct} />
          )}
          {report.data ? (
            <ReportTable
              report={report.data}
              onOpen={setCell}
              onDownload={async () => {
                setDownloadError(null);
                try {
                  await saveDownload(
                    "reports.export",
                    { query: { ...choice, subtree: String(choice.subtree) } },
                    "bao-cao.xlsx",
                  );
                } catch (error) {
                  setDownloadError(errorMessage(error));
                }
              }}
              onDownloadNarrative={async () => {
                setDownloadError(null);
                try {
                  const { agencyId, from, to, subtree, kind } = choice;
                  await saveDownload(
                    "reports.narrative",
                    { query: { agencyId, from, to, subtree: String(subtree), kind } },
                    "bao-cao.docx",
                  );
                } catch (error) {
                  setDownloadError(errorMessage(error));
                }
              }}
              downloadError={downloadError}
            />
          ) : null}
          {report.data ? <ConsolidationPanel report={report.data} /> : null}
          {report.data &&
          choice.scope !== "cluster" &&
          choice.agencyId === session.me?.agency.id &&
          session.can("report.write") ? (
            <SaveAndSubmit choice={choice} />
          ) : null}
        </>
      ) : null}
      {choice && manualCellsOf(choice.form).length > 0 ? <ManualCellsPanel choice={choice} /> : null}
      {choice && choice.kind === "periodic" ? (
        <TimelinessPanel form={choice.form} from={choice.from} to={choice.to} />
      ) : null}
      {session.can("report.write") ? (
        <UploadPanel target={ready && kind === "periodic" ? { form, agencyId, from: days.from, to: days.to } : null} />
      ) : null}
      <SubmissionsPanel />
      <DrilldownModal
        target={choice && cell !== null ? { ...choice, cell } : null}
        onClose={() => setCell(null)}
        fallbackTitle={report.data?.title ?? ""}
      />
    </>
  );
}

/** The job's progress ("Đang tính: 12/34 đơn vị"), or why it failed. */
function JobStatus({ job, starting, error }: { job: ReportJobView | undefined; starting: boolean; error: unknown }) {
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  if (job?.status === "failed")
    return (
      <Alert color="red" title={S.jobFailed}>
        {job.error?.message ?? ""}
      </Alert>
    );
  if (job?.status === "done") return null;
  if (!job)
    return starting ? (
      <Text role="status" mb="sm">
        {S.jobStarting}
      </Text>
    ) : null;
  const percent = job.total === 0 ? 100 : Math.round((job.done * 100) / job.total);
  const text = S.jobProgress(job.done, job.total);
  return (
    <Stack gap={4} mb="sm" data-testid="report-job">
      <Text role="status" aria-live="polite">
        {text}
        {job.step ? ` — ${job.step}` : ""}
      </Text>
      <Progress.Root size="lg">
        <Progress.Section
          value={percent}
          withAria={false}
          role="progressbar"
          aria-label={text}
          aria-valuemin={0}
          aria-valuemax={job.total}
          aria-valuenow={job.done}
          aria-valuetext={job.step ? `${text} — ${job.step}` : text}
        />
      </Progress.Root>
    </Stack>
  );
}
