/**
 * One agency's plan of a year: its items with their overlap warnings inline, the form to add an
 * item (the overlap check runs as subjects, activity and field are chosen, and a blocking overlap
 * is resolved in place before saving), issuing and adjusting, the versions and the resolution log.
 */
import { PLAN_ACTIVITIES, PLAN_ITEM_KINDS, RESOLUTION_OUTCOMES, type ResolutionOutcome } from "@minhbach/domain";
import { planItemBody } from "@minhbach/domain/api/inspection-plans";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "../../../api/call.ts";
import { Link, useNavigate, useParams } from "react-router-dom";
import { DateField } from "../../../ui/DateField.tsx";
import { DocumentsPanel } from "../../petitions/DocumentsPanel.tsx";
import { saveDownload } from "../../../ui/download.ts";
import { emptyToNull, reportServerError } from "../../../ui/forms.ts";
import { formatDate, formatDateTime } from "../../../ui/format.ts";
import { PageHeader } from "../../../ui/PageHeader.tsx";
import { QueryStatus } from "../../../ui/QueryState.tsx";
import { usePhone } from "../../../ui/responsive.ts";
import { COMMON } from "../../../ui/text.ts";
import { useAppForm } from "../../../ui/use-app-form.ts";
import {
  useAddItem,
  useAdjustPlan,
  useCancelItem,
  useIssuePlan,
  useOverlapCheck,
  usePlan,
  useResolveOverlap,
  useSubjectSearch,
  useUpdateItem,
  useWithdrawPlanDecision,
  type OverlapView,
  type PlanDetail,
  type PlanItem,
} from "./api.ts";
import { PLAN_TEXT, PLANS_PATH } from "./text.ts";

export default function PlanPage() {
  const { id = "" } = useParams();
  const plan = usePlan(id);
  const p = plan.data;
  return (
    <>
      <PageHeader
        title={p ? `${p.title} — ${p.agencyName}` : PLAN_TEXT.title}
        description={
          p ? (
            <>
              <Badge mr="xs" color={p.status === "issued" ? "green" : p.status === "adjusting" ? "orange" : "gray"}>
                {p.statusLabel}
              </Badge>
              {p.decisionSymbol ? `Quyết định số ${p.decisionSymbol}` : null}
            </>
          ) : null
        }
        actions={
          <Anchor component={Link} to={`${PLANS_PATH}?year=${p?.year ?? ""}`}>
            {PLAN_TEXT.title}
          </Anchor>
        }
      />
      <QueryStatus query={plan} />
      {p ? <PlanBody plan={p} /> : null}
    </>
  );
}

function PlanBody({ plan }: { plan: PlanDetail }) {
  const [resolving, setResolving] = useState<OverlapView | null>(null);
  const [editingDoc, setEditingDoc] = useState<string | null>(null);
  const [editingItem, setEditingItem] = useState<PlanItem | null>(null);
  const phone = usePhone();
  return (
    <Stack gap="md">
      <PlanActions plan={plan} />
      <ItemsTable plan={plan} onResolve={setResolving} onEdit={setEditingItem} />
      {plan.actions.includes("add_item") ? <ItemForm plan={plan} onResolve={setResolving} /> : null}
      <Modal
        opened={editingItem !== null}
        onClose={() => setEditingItem(null)}
        title={PLAN_TEXT.editTitle}
        size="xl"
        fullScreen={phone}
      >
        {editingItem ? (
          <ItemForm
            key={editingItem.id}
            plan={plan}
            item={editingItem}
            onResolve={setResolving}
            onDone={() => setEditingItem(null)}
          />
        ) : null}
      </Modal>
      <Versions plan={plan} />
      <DocumentsPanel entityType="inspection_plan" entityId={plan.id} editing={editingDoc} onEdit={setEditingDoc} />
      <Resolutions plan={plan} />
      <ResolveModal plan={plan} overlap={resolving} onClose={() => setResolving(null)} />
    </Stack>
  );
}

function OverlapAlert({ overlap, onResolve }: { overlap: OverlapView; onResolve?: (o: OverlapView) => void }) {
  const color = overlap.blocking ? "red" : overlap.weight === "coordinate" ? "yellow" : "gray";
  return (
    <Alert
      color={color}
      icon={overlap.blocking ? <IconAlertTriangle aria-hidden /> : <IconCheck aria-hidden />}
      title={overlap.kindLabel}
      data-testid="overlap-warning"
      data-blocking={overlap.blocking ? "true" : "false"}
    >
      <Text size="sm">{overlap.message}</Text>
      <Text size="xs" c="dimmed">
        {overlap.otherAgencyName} — {overlap.otherLabel}
      </Text>
      {overlap.resolution ? (
        <Text size="xs" mt={4}>
          {overlap.resolution.outcomeLabel}
          {overlap.resolution.reason ? `: ${overlap.resolution.reason}` : ""} ({overlap.resolution.agencyName},{" "}
          {overlap.resolution.decidedByName})
        </Text>
      ) : null}
      {overlap.blocking && onResolve ? (
        <Button size="xs" mt="xs" color="red" variant="light" onClick={() => onResolve(overlap)}>
          {PLAN_TEXT.resolve}
        </Button>
      ) : null}
    </Alert>
  );
}

function ItemsTable({
  plan,
  onResolve,
  onEdit,
}: {
  plan: PlanDetail;
  onResolve(o: OverlapView): void;
  onEdit(item: PlanItem): void;
}) {
  const [cancelling, setCancelling] = useState<PlanItem | null>(null);
  const editable = plan.actions.includes("add_item");
  // The last revision issued: an item added by an adjustment not yet issued is not in the plan yet.
  const issuedRevision = Math.max(-1, ...plan.versions.filter((v) => v.status !== "draft").map((v) => v.revision));
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="h4" mb="sm">
        {PLAN_TEXT.itemsTitle}
      </Title>
      {plan.items.length === 0 ? <Text>{PLAN_TEXT.noItems}</Text> : null}
      {plan.items.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" data-testid="plan-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>{PLAN_TEXT.seq}</Table.Th>
                <Table.Th>{PLAN_TEXT.subjects}</Table.Th>
                <Table.Th>{PLAN_TEXT.content}</Table.Th>
                <Table.Th w={130}>{PLAN_TEXT.activity}</Table.Th>
                <Table.Th w={120}>{PLAN_TEXT.time}</Table.Th>
                <Table.Th w={160}>{PLAN_TEXT.leadingUnit}</Table.Th>
                <Table.Th w={280}>{PLAN_TEXT.overlap}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.items.map((i) => (
                <Table.Tr key={i.id} data-item={i.id} style={i.cancelled ? { opacity: 0.6 } : undefined}>
                  <Table.Td>{i.seq}</Table.Td>
                  <Table.Td>
                    {i.subjects.map((s) => (
                      <Text key={s.id} size="sm">
                        {s.name}
                        {s.taxCode ? ` (MST ${s.taxCode})` : ""}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.content}</Text>
                    {i.cancelled ? (
                      <Badge color="gray" size="sm">
                        {PLAN_TEXT.cancelled}: {i.cancelReason}
                      </Badge>
                    ) : null}
                    {plan.status !== "draft" && plan.canEdit && !i.cancelled && i.addedInRevision <= issuedRevision ? (
                      <StartInspection plan={plan} item={i} />
                    ) : null}
                    {editable && !i.cancelled ? (
                      <Group gap={4}>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => onEdit(i)}
                          aria-label={`${PLAN_TEXT.editItem}: ${i.content}`}
                        >
                          {PLAN_TEXT.editItem}
                        </Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCancelling(i)}>
                          {PLAN_TEXT.cancelItem}
                        </Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {PLAN_ACTIVITIES[i.activity]}
                    {i.kind === "standby" ? ` (${PLAN_ITEM_KINDS.standby.toLocaleLowerCase("vi")})` : ""}
                  </Table.Td>
                  <Table.Td>{i.timeLabel}</Table.Td>
                  <Table.Td>{i.leadingUnit ?? COMMON.none}</Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {i.overlaps.map((o) => (
                        <OverlapAlert
                          key={`${o.subjectId}-${o.otherSourceId}`}
                          overlap={o}
                          onResolve={plan.canEdit ? onResolve : undefined}
                        />
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <CancelModal plan={plan} item={cancelling} onClose={() => setCancelling(null)} />
    </Paper>
  );
}

interface ItemValues {
  subjectIds: string[];
  activity: "inspection" | "check";
  kind: "planned" | "standby";
  content: string;
  field: string;
  periodFrom: string | null;
  periodTo: string | null;
  quarter: string | null;
  monthFrom: number | string;
  monthTo: number | string;
  leadingUnit: string;
  note: string;
}

const EMPTY_ITEM: ItemValues = {
  subjectIds: [],
  activity: "inspection",
  kind: "planned",
  content: "",
  field: "",
  periodFrom: null,
  periodTo: null,
  quarter: null,
  monthFrom: "",
  monthTo: "",
  leadingUnit: "",
  note: "",
};

function bodyOf(values: ItemValues, planVersion: number) {
  const month = (v: number | string) => (v === "" || v === null ? null : Number(v));
  return {
    planVersion,
    subjectIds: values.subjectIds,
    activity: values.activity,
    kind: values.kind,
    content: values.content,
    field: emptyToNull(values.field),
    periodFrom: values.periodFrom,
    periodTo: values.periodTo,
    quarter: values.quarter ? Number(values.quarter) : null,
    monthFrom: month(values.monthFrom),
    monthTo: month(values.monthTo),
    leadingUnit: emptyToNull(values.leadingUnit),
    note: emptyToNull(values.note),
  };
}

function SubjectPicker({
  value,
  onChange,
  error,
  initialLabels = {},
}: {
  value: string[];
  onChange(ids: string[]): void;
  error?: React.ReactNode;
  /** The labels of the subjects already chosen (an item being edited). */
  initialLabels?: Record<string, string>;
}) {
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const found = useSubjectSearch(debounced);
  const [known, setKnown] = useState<Record<string, string>>(initialLabels);
  const data = useMemo(() => {
    const map = new Map<string, string>(Object.entries(known));
    for (const s of found.data?.items ?? []) map.set(s.id, s.taxCode ? `${s.name} (MST ${s.taxCode})` : s.name);
    return [...map.entries()].map(([v, label]) => ({ value: v, label }));
  }, [found.data, known]);
  return (
    <MultiSelect
      label={PLAN_TEXT.subjectPicker}
      description={PLAN_TEXT.subjectPickerHint}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      error={error}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? COMMON.loading : "Không tìm thấy"}
      onChange={(ids) => {
        const labels: Record<string, string> = { ...known };
        for (const o of data) if (ids.includes(o.value)) labels[o.value] = o.label;
        setKnown(labels);
        onChange(ids);
      }}
      required
      data-testid="subject-picker"
    />
  );
}

/** The values of an item being edited, as the form holds them. */
function valuesOf(item: PlanItem): ItemValues {
  return {
    subjectIds: item.subjects.map((s) => s.id),
    activity: item.activity,
    kind: item.kind,
    content: item.content,
    field: item.field ?? "",
    periodFrom: item.periodFrom,
    periodTo: item.periodTo,
    quarter: item.quarter ? String(item.quarter) : null,
    monthFrom: item.monthFrom ?? "",
    monthTo: item.monthTo ?? "",
    leadingUnit: item.leadingUnit ?? "",
    note: item.note ?? "",
  };
}

/** Adds an item to the plan, or (with `item`) edits one: the overlap check runs as the user types. */
function ItemForm({
  plan,
  onResolve,
  item,
  onDone,
}: {
  plan: PlanDetail;
  onResolve(o: OverlapView): void;
  item?: PlanItem;
  onDone?(): void;
}) {
  const add = useAddItem(plan.id);
  const update = useUpdateItem(plan.id);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm<ItemValues>({
    initialValues: item ? valuesOf(item) : EMPTY_ITEM,
    validate: (values) => schemaResolver(planItemBody, { sync: true })(bodyOf(values, plan.version)),
  });
  const values = form.getValues();
  const [checkInput] = useDebouncedValue(
    {
      planId: plan.id,
      ...(item ? { itemId: item.id } : {}),
      subjectIds: values.subjectIds,
      activity: values.activity,
      field: values.field,
    },
    300,
  );
  const check = useOverlapCheck(checkInput);
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      if (item) {
        await update.mutateAsync({ itemId: item.id, body: { ...bodyOf(v, plan.version), version: item.version } });
        notifications.show({ color: "green", message: PLAN_TEXT.itemUpdated });
        onDone?.();
        return;
      }
      await add.mutateAsync(bodyOf(v, plan.version));
      notifications.show({ color: "green", message: PLAN_TEXT.itemSaved });
      form.setValues(EMPTY_ITEM);
      form.resetDirty();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  const overlaps = values.subjectIds.length ? (check.data?.overlaps ?? []) : [];
  const titleId = item ? `edit-item-title-${item.id}` : "add-item-title";
  return (
    <Paper withBorder={!item} p={item ? 0 : "md"} component="section" aria-labelledby={titleId}>
      <Title order={2} fz="h4" mb="sm" id={titleId}>
        {item ? `${PLAN_TEXT.editTitle} (${item.seq})` : PLAN_TEXT.addTitle}
      </Title>
      <form onSubmit={submit} noValidate data-testid={item ? "plan-item-edit-form" : "plan-item-form"}>
        <Stack gap="sm">
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <SubjectPicker
            value={values.subjectIds}
            onChange={(ids) => form.setFieldValue("subjectIds", ids)}
            error={form.errors.subjectIds}
            initialLabels={Object.fromEntries(
              (item?.subjects ?? []).map((s) => [s.id, s.taxCode ? `${s.name} (MST ${s.taxCode})` : s.name]),
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={PLAN_TEXT.activity}
              data={Object.entries(PLAN_ACTIVITIES).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
              {...form.getInputProps("activity")}
            />
            <Select
              label={PLAN_TEXT.kind}
              data={Object.entries(PLAN_ITEM_KINDS).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
              {...form.getInputProps("kind")}
            />
          </SimpleGrid>
          <Textarea label={PLAN_TEXT.content} autosize minRows={2} required {...form.getInputProps("content")} />
          <TextInput label={PLAN_TEXT.field} {...form.getInputProps("field")} />
          <div aria-live="polite" data-testid="overlap-check">
            {check.isFetching && values.subjectIds.length ? (
              <Text size="sm" c="dimmed">
                {PLAN_TEXT.checking}
              </Text>
            ) : null}
            {!check.isFetching && values.subjectIds.length && overlaps.length === 0 && check.data ? (
              <Text size="sm" c="green">
                {PLAN_TEXT.noOverlap}
              </Text>
            ) : null}
            <Stack gap={4}>
              {overlaps.map((o) => (
                <OverlapAlert key={`${o.subjectId}-${o.otherSourceId}`} overlap={o} onResolve={onResolve} />
              ))}
            </Stack>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={PLAN_TEXT.quarter}
              data={["1", "2", "3", "4"].map((q) => ({ value: q, label: `Quý ${q}` }))}
              clearable
              {...form.getInputProps("quarter")}
            />
            <NumberInput label={PLAN_TEXT.monthFrom} min={1} max={12} {...form.getInputProps("monthFrom")} />
            <NumberInput label={PLAN_TEXT.monthTo} min={1} max={12} {...form.getInputProps("monthTo")} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={PLAN_TEXT.periodFrom} {...form.getInputProps("periodFrom")} />
            <DateField label={PLAN_TEXT.periodTo} {...form.getInputProps("periodTo")} />
          </SimpleGrid>
          <TextInput label={PLAN_TEXT.leadingUnit} {...form.getInputProps("leadingUnit")} />
          <Textarea label={PLAN_TEXT.note} autosize minRows={1} {...form.getInputProps("note")} />
          {check.data?.blocking && values.subjectIds.length ? (
            <Text size="sm" c="red">
              {PLAN_TEXT.blockingNote}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending || update.isPending}>
              {item ? PLAN_TEXT.saveChanges : PLAN_TEXT.saveItem}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ResolveModal({ plan, overlap, onClose }: { plan: PlanDetail; overlap: OverlapView | null; onClose(): void }) {
  const phone = usePhone();
  return (
    <Modal opened={overlap !== null} onClose={onClose} title={PLAN_TEXT.resolveTitle} fullScreen={phone}>
      {overlap ? <ResolveForm key={overlap.otherSourceId} plan={plan} overlap={overlap} onClose={onClose} /> : null}
    </Modal>
  );
}

function ResolveForm({ plan, overlap, onClose }: { plan: PlanDetail; overlap: OverlapView; onClose(): void }) {
  const resolve = useResolveOverlap();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm<{ outcome: ResolutionOutcome | null; reason: string }>({
    initialValues: { outcome: null, reason: "" },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      await resolve.mutateAsync({
        planId: plan.id,
        subjectId: overlap.subjectId,
        otherSource: overlap.otherSource as "plan_item",
        otherSourceId: overlap.otherSourceId,
        outcome: v.outcome as ResolutionOutcome,
        reason: emptyToNull(v.reason),
      });
      notifications.show({ color: "green", message: PLAN_TEXT.resolved });
      onClose();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="resolve-form">
      <Stack gap="sm">
        <Text size="sm">{overlap.message}</Text>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Select
          label={PLAN_TEXT.outcome}
          data={Object.entries(RESOLUTION_OUTCOMES).map(([value, label]) => ({ value, label }))}
          required
          {...form.getInputProps("outcome")}
        />
        <Textarea label={PLAN_TEXT.reason} autosize minRows={2} {...form.getInputProps("reason")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" loading={resolve.isPending}>
            {COMMON.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CancelModal({ plan, item, onClose }: { plan: PlanDetail; item: PlanItem | null; onClose(): void }) {
  const cancel = useCancelItem(plan.id);
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Modal opened={item !== null} onClose={onClose} title={PLAN_TEXT.cancelItem}>
      <Stack gap="sm">
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Textarea
          label={PLAN_TEXT.cancelReason}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.close}
          </Button>
          <Button
            color="red"
            loading={cancel.isPending}
            onClick={async () => {
              if (!item) return;
              setFailure(null);
              try {
                await cancel.mutateAsync({
                  itemId: item.id,
                  body: { planVersion: plan.version, version: item.version, reason },
                });
                setReason("");
                onClose();
              } catch (error) {
                setFailure(error instanceof Error ? error.message : String(error));
              }
            }}
          >
            {PLAN_TEXT.cancelItem}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PlanActions({ plan }: { plan: PlanDetail }) {
  const [open, setOpen] = useState<"issue" | "adjust" | null>(null);
  const issue = useIssuePlan(plan.id);
  const adjust = useAdjustPlan(plan.id);
  const withdraw = useWithdrawPlanDecision(plan.id);
  const [outside, setOutside] = useState(false);
  const [decisionNumber, setDecisionNumber] = useState("");
  const [issuedOn, setIssuedOn] = useState<string | null>(null);
  const [position, setPosition] = useState("");
  const [name, setName] = useState("");
  const [reason, setReason] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const pending = plan.pendingDecision;
  if (!pending && !plan.actions.includes("issue") && !plan.actions.includes("adjust")) return null;
  const run = async () => {
    setFailure(null);
    try {
      if (open === "issue") {
        if (outside) {
          await issue.mutateAsync({
            version: plan.version,
            issuedOutside: true,
            decisionNumber,
            issuedOn: issuedOn ?? "",
            signer: { position, name },
          });
          notifications.show({ color: "green", message: PLAN_TEXT.issued });
        } else {
          await issue.mutateAsync({ version: plan.version });
          notifications.show({ color: "green", message: PLAN_TEXT.decisionDrafted });
        }
      } else {
        await adjust.mutateAsync({ version: plan.version, reason });
        notifications.show({ color: "green", message: PLAN_TEXT.adjusted });
      }
      setOpen(null);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  const runWithdraw = async () => {
    try {
      await withdraw.mutateAsync({ version: plan.version });
      notifications.show({ color: "green", message: PLAN_TEXT.decisionWithdrawn });
    } catch (error) {
      notifications.show({ color: "red", message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <Stack gap="sm">
      {pending ? (
        <Alert color={pending.returnedNote && pending.status === "draft" ? "orange" : "blue"} role="status">
          {PLAN_TEXT.pendingDecision(pending.statusLabel, pending.signerName)}
          {pending.returnedNote && pending.status === "draft" ? ` ${PLAN_TEXT.returned}: ${pending.returnedNote}` : ""}
        </Alert>
      ) : null}
      <Group>
        {plan.actions.includes("issue") ? <Button onClick={() => setOpen("issue")}>{PLAN_TEXT.issue}</Button> : null}
        {plan.actions.includes("withdraw_decision") ? (
          <Button variant="light" color="red" loading={withdraw.isPending} onClick={() => void runWithdraw()}>
            {PLAN_TEXT.withdrawDecision}
          </Button>
        ) : null}
        {plan.actions.includes("adjust") ? (
          <Button variant="light" onClick={() => setOpen("adjust")}>
            {PLAN_TEXT.adjust}
          </Button>
        ) : null}
      </Group>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open === "issue" ? PLAN_TEXT.issueTitle : PLAN_TEXT.adjustTitle}
      >
        <Stack gap="sm">
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          {open === "issue" ? (
            <>
              <Checkbox
                label={PLAN_TEXT.issuedOutside}
                checked={outside}
                onChange={(e) => setOutside(e.currentTarget.checked)}
              />
              {outside ? (
                <>
                  <TextInput
                    label={PLAN_TEXT.decisionNumber}
                    required
                    value={decisionNumber}
                    onChange={(e) => setDecisionNumber(e.currentTarget.value)}
                  />
                  <DateField label={PLAN_TEXT.issuedOn} required value={issuedOn} onChange={(v) => setIssuedOn(v)} />
                  <TextInput
                    label={PLAN_TEXT.signerPosition}
                    required
                    value={position}
                    onChange={(e) => setPosition(e.currentTarget.value)}
                  />
                  <TextInput
                    label={PLAN_TEXT.signerName}
                    required
                    value={name}
                    onChange={(e) => setName(e.currentTarget.value)}
                  />
                </>
              ) : (
                <Text size="sm">{PLAN_TEXT.draftExplained}</Text>
              )}
            </>
          ) : (
            <Textarea
              label={PLAN_TEXT.adjustReason}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(null)}>
              {COMMON.cancel}
            </Button>
            <Button loading={issue.isPending || adjust.isPending} onClick={() => void run()}>
              {open === "issue" ? (outside ? PLAN_TEXT.recordOutside : PLAN_TEXT.draftDecision) : PLAN_TEXT.adjust}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Versions({ plan }: { plan: PlanDetail }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="h4" mb="sm">
        {PLAN_TEXT.versions}
      </Title>
      <Table verticalSpacing="xs">
        <Table.Tbody>
          {plan.versions.map((v) => (
            <Table.Tr key={v.revision}>
              <Table.Td>{PLAN_TEXT.revision(v.revision)}</Table.Td>
              <Table.Td>{PLAN_TEXT.versionStatus[v.status]}</Table.Td>
              <Table.Td>
                {v.decisionSymbol ? `Quyết định số ${v.decisionSymbol}, ngày ${formatDate(v.issuedOn)}` : ""}
                {v.signer ? ` — ${PLAN_TEXT.signedBy} ${v.signer}` : ""}
                {v.issuedOutside ? ` (${PLAN_TEXT.outsideShort})` : ""}
              </Table.Td>
              <Table.Td>{v.reason ?? ""}</Table.Td>
              <Table.Td>
                {v.documentId ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() =>
                      void saveDownload(
                        "documents.file",
                        { params: { id: v.documentId! } },
                        `quyet-dinh-ke-hoach-${plan.year}.docx`,
                      )
                    }
                  >
                    {PLAN_TEXT.downloadDecision}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Resolutions({ plan }: { plan: PlanDetail }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="h4" mb="sm">
        {PLAN_TEXT.resolutions}
      </Title>
      {plan.resolutions.length === 0 ? <Text size="sm">{PLAN_TEXT.noResolutions}</Text> : null}
      {plan.resolutions.length > 0 ? (
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="xs" data-testid="resolution-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{PLAN_TEXT.subjects}</Table.Th>
                <Table.Th>{PLAN_TEXT.agency}</Table.Th>
                <Table.Th>{PLAN_TEXT.outcome}</Table.Th>
                <Table.Th>{PLAN_TEXT.decidedBy}</Table.Th>
                <Table.Th>{PLAN_TEXT.at}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.resolutions.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.subjectName}</Table.Td>
                  <Table.Td>
                    {r.agencyName} ↔ {r.otherAgencyName}
                  </Table.Td>
                  <Table.Td>
                    {r.outcomeLabel}
                    {r.reason ? `: ${r.reason}` : ""}
                  </Table.Td>
                  <Table.Td>{r.decidedByName ?? COMMON.none}</Table.Td>
                  <Table.Td>{formatDateTime(r.at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Paper>
  );
}

/**
 * Starts the inspection (or specialised check) that carries out an item of the issued plan: the
 * proposal records the item, its subjects, content and year; the decision is then prepared on the
 * inspection's page.
 */
function StartInspection({ plan, item }: { plan: PlanDetail; item: PlanItem }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () =>
      call("inspections.create", {
        body: {
          kind: item.activity === "check" ? "specialised_check" : "planned",
          planItemId: item.id,
          title: item.content,
          content: item.content,
          ...(item.field ? { contentField: item.field } : {}),
          year: plan.year,
          subjectIds: item.subjects.map((s) => s.id),
          online: false,
        },
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries();
      void navigate(`/thanh-tra/${created.id}`);
    },
    onError: (error) =>
      notifications.show({ color: "red", message: error instanceof Error ? error.message : String(error) }),
  });
  return (
    <Button
      size="compact-xs"
      variant="light"
      loading={start.isPending}
      onClick={() => start.mutate()}
      aria-label={`${PLAN_TEXT.startInspection}: ${item.content}`}
    >
      {PLAN_TEXT.startInspection}
    </Button>
  );
}
