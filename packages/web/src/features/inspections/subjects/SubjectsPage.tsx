/**
 * The registry of inspection subjects: search (accents ignored, by name, tax code or address),
 * add one, import a list from Excel/CSV and read which rows were refused and why (the report can
 * be downloaded).
 */
import { SUBJECT_KINDS, type SubjectKind } from "@minhbach/domain";
import { createSubjectBody, type SubjectImportReport, type SubjectView } from "@minhbach/domain/api/inspection-plans";
import type { z } from "@minhbach/domain/api/zod-vi";
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Modal,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { call } from "../../../api/call.ts";
import { errorMessage } from "../../../api/client.ts";
import { saveDownload } from "../../../ui/download.ts";
import { emptyToNull, reportServerError } from "../../../ui/forms.ts";
import { PageHeader } from "../../../ui/PageHeader.tsx";
import { QueryStatus } from "../../../ui/QueryState.tsx";
import { usePhone } from "../../../ui/responsive.ts";
import { COMMON } from "../../../ui/text.ts";
import { useAppForm } from "../../../ui/use-app-form.ts";
import { useAgencyDirectory } from "../../agencies/api.ts";
import { useSession } from "../../auth/session.tsx";
import { SUBJECTS_KEY, useSubjectSearch } from "../plans/api.ts";
import { PLANS_PATH } from "../plans/text.ts";

type CreateSubjectInput = z.input<typeof createSubjectBody>;

const TEXT = {
  title: "Danh mục đối tượng thanh tra, kiểm tra",
  description:
    "Doanh nghiệp, hộ kinh doanh theo mã số thuế; cơ quan, đơn vị nhà nước; cá nhân. Một danh mục chung cho mọi cơ quan, để phát hiện trùng lặp.",
  search: "Tìm theo tên, mã số thuế, địa chỉ",
  kind: "Loại đối tượng",
  name: "Tên đối tượng",
  taxCode: "Mã số thuế",
  address: "Địa chỉ",
  registeredBy: "Cơ quan nhập",
  add: "Thêm đối tượng",
  added: "Đã thêm đối tượng.",
  import: "Nhập từ Excel/CSV",
  importFile: "Tệp Excel (.xlsx) hoặc CSV",
  importHint: "Dòng tiêu đề gồm các cột: Loại đối tượng, Tên đối tượng, Mã số thuế, Địa chỉ.",
  importRun: "Nhập",
  importResult: (r: SubjectImportReport) =>
    `${r.rows} dòng: thêm mới ${r.created}, đã có trong danh mục ${r.existing}, bị từ chối ${r.refused.length}.`,
  refusedRow: "Dòng",
  refusedField: "Trường",
  refusedWhy: "Lý do",
  downloadReport: "Tải báo cáo nhập (Excel)",
  empty: "Không có đối tượng phù hợp.",
  plans: "Kế hoạch thanh tra, kiểm tra",
  agency: "Cơ quan trong hệ thống",
  agencyHint: "Cơ quan, đơn vị của hệ thống này: chọn để liên kết (cơ quan ngoài hệ thống thì chỉ ghi tên).",
  merge: "Gộp trùng",
  mergeTitle: "Gộp bản ghi trùng vào đối tượng được giữ lại",
  mergeInto: "Đối tượng được giữ lại",
  mergeHint:
    "Các cuộc thanh tra, kiểm tra và kế hoạch của bản ghi trùng chuyển sang đối tượng được giữ lại; bản ghi trùng vẫn được lưu để tra cứu lịch sử.",
  merged: "Đã gộp bản ghi trùng.",
} as const;

export default function SubjectsPage() {
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 300);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [merging, setMerging] = useState<SubjectView | null>(null);
  const session = useSession();
  const canWrite = session.can("inspection.write");
  const list = useQuery({
    queryKey: [...SUBJECTS_KEY, "list", debounced, page],
    queryFn: ({ signal }) => call("inspectionSubjects.list", { query: { q: debounced, page, pageSize: 50 }, signal }),
    placeholderData: keepPreviousData,
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  return (
    <>
      <PageHeader
        title={TEXT.title}
        description={TEXT.description}
        actions={
          <Group gap="sm">
            <Anchor component={Link} to={PLANS_PATH}>
              {TEXT.plans}
            </Anchor>
            {canWrite ? <Button onClick={() => setAdding(true)}>{TEXT.add}</Button> : null}
            {canWrite ? (
              <Button variant="light" onClick={() => setImporting(true)}>
                {TEXT.import}
              </Button>
            ) : null}
          </Group>
        }
      />
      <TextInput
        label={TEXT.search}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        mb="md"
        maw={480}
      />
      <Paper withBorder p="md">
        <QueryStatus query={list} />
        {list.data && list.data.items.length === 0 ? <Text>{TEXT.empty}</Text> : null}
        {list.data && list.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs" data-testid="subjects-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{TEXT.name}</Table.Th>
                  <Table.Th w={150}>{TEXT.taxCode}</Table.Th>
                  <Table.Th w={170}>{TEXT.kind}</Table.Th>
                  <Table.Th>{TEXT.address}</Table.Th>
                  <Table.Th w={200}>{TEXT.registeredBy}</Table.Th>
                  <Table.Th w={110} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td>{s.taxCode ?? COMMON.none}</Table.Td>
                    <Table.Td>{s.kindLabel}</Table.Td>
                    <Table.Td>{s.address ?? ""}</Table.Td>
                    <Table.Td>{s.registeredByAgencyName}</Table.Td>
                    <Table.Td>
                      {s.canMerge ? (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={`${TEXT.merge}: ${s.name}`}
                          onClick={() => setMerging(s)}
                        >
                          {TEXT.merge}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {pages > 1 ? (
          <Pagination mt="md" total={pages} value={page} onChange={setPage} aria-label={COMMON.pagination} />
        ) : null}
      </Paper>
      <AddModal opened={adding} onClose={() => setAdding(false)} />
      <ImportModal opened={importing} onClose={() => setImporting(false)} />
      <MergeModal subject={merging} onClose={() => setMerging(null)} />
    </>
  );
}

function AddModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const phone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={TEXT.add} fullScreen={phone}>
      {opened ? <AddForm onClose={onClose} /> : null}
    </Modal>
  );
}

function AddForm({ onClose }: { onClose(): void }) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: CreateSubjectInput) => call("inspectionSubjects.create", { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: SUBJECTS_KEY }),
  });
  const form = useAppForm({
    initialValues: {
      kind: "enterprise" as SubjectKind,
      name: "",
      taxCode: "",
      address: "",
      agencyId: null as string | null,
    },
    validate: (v) =>
      schemaResolver(createSubjectBody, { sync: true })({
        kind: v.kind,
        name: v.name,
        taxCode: emptyToNull(v.taxCode),
        address: emptyToNull(v.address),
        agencyId: v.kind === "state_body" ? v.agencyId : null,
      }),
  });
  const agencies = useAgencyDirectory(form.getValues().kind === "state_body");
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      await create.mutateAsync({
        kind: v.kind,
        name: v.name,
        taxCode: emptyToNull(v.taxCode),
        address: emptyToNull(v.address),
        agencyId: v.kind === "state_body" ? v.agencyId : null,
      });
      notifications.show({ color: "green", message: TEXT.added });
      onClose();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="subject-form">
      <Stack gap="sm">
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Select
          label={TEXT.kind}
          data={Object.entries(SUBJECT_KINDS).map(([value, label]) => ({ value, label }))}
          allowDeselect={false}
          {...form.getInputProps("kind")}
        />
        {form.getValues().kind === "state_body" ? (
          <Select
            label={TEXT.agency}
            description={TEXT.agencyHint}
            searchable
            clearable
            data={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            {...form.getInputProps("agencyId")}
            onChange={(id) => {
              form.setFieldValue("agencyId", id);
              const chosen = agencies.data?.find((a) => a.id === id);
              if (chosen && !form.getValues().name) form.setFieldValue("name", chosen.name);
            }}
          />
        ) : null}
        <TextInput label={TEXT.name} required {...form.getInputProps("name")} />
        <TextInput label={TEXT.taxCode} {...form.getInputProps("taxCode")} />
        <TextInput label={TEXT.address} {...form.getInputProps("address")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {COMMON.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function toBase64(file: File): Promise<string> {
  return file.arrayBuffer().then((buffer) => {
    const bytes = new Uint8Array(buffer);
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
}

function ImportModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<SubjectImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: async (f: File) =>
      call("inspectionSubjects.import", { body: { fileName: f.name, content: await toBase64(f) } }),
    onSuccess: () => client.invalidateQueries({ queryKey: SUBJECTS_KEY }),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={TEXT.import} size="lg">
      <Stack gap="sm">
        <Text size="sm">{TEXT.importHint}</Text>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <FileInput label={TEXT.importFile} accept=".xlsx,.csv" value={file} onChange={setFile} clearable />
        <Group justify="flex-end">
          <Button
            disabled={!file}
            loading={run.isPending}
            onClick={async () => {
              if (!file) return;
              setFailure(null);
              try {
                setReport(await run.mutateAsync(file));
              } catch (error) {
                setFailure(errorMessage(error));
              }
            }}
          >
            {TEXT.importRun}
          </Button>
        </Group>
        {report ? (
          <Stack gap="xs" data-testid="import-report">
            <Title order={3} fz="h5">
              {TEXT.importResult(report)}
            </Title>
            {report.refused.length ? (
              <Table verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{TEXT.refusedRow}</Table.Th>
                    <Table.Th w={140}>{TEXT.refusedField}</Table.Th>
                    <Table.Th>{TEXT.refusedWhy}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.refused.map((r) => (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.field}</Table.Td>
                      <Table.Td>{r.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
            <Button
              variant="light"
              onClick={async () => {
                await saveDownload(
                  "inspectionSubjects.importReport",
                  { params: { id: report.id } },
                  "bao-cao-nhap.xlsx",
                );
              }}
            >
              {TEXT.downloadReport}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </Modal>
  );
}

function MergeModal({ subject, onClose }: { subject: SubjectView | null; onClose(): void }) {
  const client = useQueryClient();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [into, setInto] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const found = useSubjectSearch(debounced);
  const merge = useMutation({
    mutationFn: (input: { id: string; intoId: string; version: number }) =>
      call("inspectionSubjects.merge", {
        params: { id: input.id },
        body: { intoId: input.intoId, version: input.version },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: SUBJECTS_KEY }),
  });
  const options = (found.data?.items ?? [])
    .filter((s) => s.id !== subject?.id)
    .map((s) => ({ value: s.id, label: s.taxCode ? `${s.name} (MST ${s.taxCode})` : s.name }));
  return (
    <Modal opened={subject !== null} onClose={onClose} title={TEXT.mergeTitle} size="lg">
      {subject ? (
        <Stack gap="sm">
          <Text size="sm" fw={700}>
            {subject.name}
            {subject.taxCode ? ` (MST ${subject.taxCode})` : ""}
          </Text>
          <Text size="sm">{TEXT.mergeHint}</Text>
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <Select
            label={TEXT.mergeInto}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: o }) => o}
            data={options}
            value={into}
            onChange={setInto}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {COMMON.cancel}
            </Button>
            <Button
              disabled={!into}
              loading={merge.isPending}
              onClick={async () => {
                if (!into) return;
                setFailure(null);
                try {
                  await merge.mutateAsync({ id: subject.id, intoId: into, version: subject.version });
                  notifications.show({ color: "green", message: TEXT.merged });
                  setInto(null);
                  onClose();
                } catch (error) {
                  setFailure(errorMessage(error));
                }
              }}
            >
              {TEXT.merge}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
