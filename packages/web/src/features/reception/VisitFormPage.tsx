import {
  checkGroupRepresentation,
  HANDLING_ROUTES,
  REFUSAL_REASONS,
  REPRESENTATION_BASIS,
  VISIT_KINDS,
  VISITOR_CAPACITIES,
  type HandlingRoute,
  type RefusalReasonCode,
  type VisitKind,
  type VisitorCapacity,
} from "@minhbach/domain";
import {
  createVisitRequest,
  updateVisitRequest,
  type CreateVisitRequest,
  type UpdateVisitRequest,
  type VisitView,
} from "@minhbach/domain/api/reception-views";
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { DateField } from "../../ui/DateField.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { useDraft } from "../../ui/drafts.ts";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import { todayIso } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { ErrorBlock, LoadingBlock } from "../../ui/QueryState.tsx";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useVersionConflict, VersionConflictAlert } from "../../ui/VersionConflict.tsx";
import { useMe } from "../auth/session.tsx";
import { COMPETENCE_OPTIONS, fieldOptions, KIND_OPTIONS } from "../petitions/labels.ts";
import { EMPTY_IDENTITY, identityBody, type FormInputs, type IdentityValues } from "../petitions/PartyFields.tsx";
import { PATHS } from "../shell/nav.ts";
import { useCreateVisit, useUpdateVisit, useVisit } from "./api.ts";
import { visitNumber, visitPath } from "./ReceptionPage.tsx";
import { VisitorFieldset } from "./VisitorFieldset.tsx";
import { RECEPTION_TEXT } from "./text.ts";
import { TimeField } from "../../ui/TimeField.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";

interface VisitorValues {
  fullName: string;
  address: string;
  identity: IdentityValues;
  capacity: string;
  authorisationPaper: string;
  phone: string;
  email: string;
  representative: boolean;
}

interface RefusalValues {
  reason: string | null;
  explanation: string;
  earlierMatterId: string;
  refusalNotice: { number: string; date: string | null };
  legalBasis: string;
}

export interface HandlingValues {
  route: string | null;
  targetBody: string;
  documentNumber: string;
  refusal: RefusalValues;
}

interface VisitValues {
  kind: string;
  receivedOn: string | null;
  receivedAt: string;
  receiverName: string;
  presidingHead: string;
  visitors: VisitorValues[];
  peopleCount: number | string;
  writtenAppointment: boolean;
  contentSummary: string;
  contentKind: string | null;
  fieldCode: string | null;
  competence: string | null;
  previousResolver: string;
  respondentName: string;
  respondentAddress: string;
  documentsReceived: { name: string; pages: number | string }[];
  recordHandling: boolean;
  handling: HandlingValues;
  notes: string;
}

function emptyVisitor(): VisitorValues {
  return {
    fullName: "",
    address: "",
    identity: { ...EMPTY_IDENTITY },
    capacity: "self",
    authorisationPaper: "",
    phone: "",
    email: "",
    representative: false,
  };
}

export function emptyHandling(): HandlingValues {
  return {
    route: null,
    targetBody: "",
    documentNumber: "",
    refusal: {
      reason: null,
      explanation: "",
      earlierMatterId: "",
      refusalNotice: { number: "", date: null },
      legalBasis: "",
    },
  };
}

function emptyValues(receiverName: string): VisitValues {
  return {
    kind: "regular",
    receivedOn: todayIso(),
    receivedAt: "",
    receiverName,
    presidingHead: "",
    visitors: [emptyVisitor()],
    peopleCount: 1,
    writtenAppointment: false,
    contentSummary: "",
    contentKind: null,
    fieldCode: null,
    competence: null,
    previousResolver: "",
    respondentName: "",
    respondentAddress: "",
    documentsReceived: [],
    recordHandling: false,
    handling: emptyHandling(),
    notes: "",
  };
}

/** "08:30" on the visit day, as an instant in Viet Nam time. */
function timeOf(v: VisitValues): string | null {
  return v.receivedOn && /^\d{2}:\d{2}$/.test(v.receivedAt) ? `${v.receivedOn}T${v.receivedAt}:00+07:00` : null;
}

function count(value: number | string): number {
  return typeof value === "number" ? value : Number(value) || 0;
}

export function handlingBody(h: HandlingValues) {
  const route = h.route as HandlingRoute | null;
  const refusal = h.refusal;
  const reason = refusal.reason ? (Number(refusal.reason) as RefusalReasonCode) : undefined;
  return {
    route: route ?? undefined,
    targetBody: route === "returned_guided" || route === "transferred" ? emptyToNull(h.targetBody) : null,
    documentNumber: route === "returned_guided" || route === "transferred" ? emptyToNull(h.documentNumber) : null,
    refusal:
      route === "refused"
        ? {
            reason,
            explanation: emptyToNull(refusal.explanation),
            earlierMatterId: reason === 3 ? emptyToNull(refusal.earlierMatterId) : null,
            refusalNotice:
              reason === 3
                ? { number: refusal.refusalNotice.number, date: refusal.refusalNotice.date ?? undefined }
                : null,
            legalBasis: reason === 4 ? emptyToNull(refusal.legalBasis) : null,
          }
        : null,
  };
}

function toBody(v: VisitValues) {
  const kind = VISIT_KINDS[v.kind as VisitKind];
  const people = count(v.peopleCount);
  const group = people >= 5;
  const representatives = group
    ? v.visitors
        .filter((p) => p.representative)
        .map((p) => ({ fullName: p.fullName, idNumber: emptyToNull(p.identity.number) }))
    : [];
  return {
    kind: v.kind,
    receivedOn: v.receivedOn ?? undefined,
    receivedAt: timeOf(v),
    receiverName: v.receiverName,
    presidingHead: kind?.needsPresidingHead ? emptyToNull(v.presidingHead) : null,
    visitors: v.visitors.map((p) => {
      const paper = VISITOR_CAPACITIES[p.capacity as VisitorCapacity]?.paper;
      return {
        fullName: p.fullName,
        address: p.address.trim(),
        identity: identityBody(p.identity),
        gender: (p.identity.gender || null) as "male" | "female" | null,
        capacity: p.capacity,
        authorisationPaper: paper ? emptyToNull(p.authorisationPaper) : null,
        phone: emptyToNull(p.phone),
        email: emptyToNull(p.email),
      };
    }),
    peopleCount: people,
    representatives,
    writtenAppointment: representatives.length > 0 ? v.writtenAppointment : null,
    contentSummary: v.contentSummary.trim(),
    contentKind: v.contentKind,
    fieldCode: v.fieldCode,
    competence: v.competence,
    previousResolver: emptyToNull(v.previousResolver),
    respondentName: emptyToNull(v.respondentName),
    respondentAddress: emptyToNull(v.respondentAddress),
    documentsReceived: v.documentsReceived
      .filter((d) => d.name.trim())
      .map((d) => ({ name: d.name.trim(), pages: count(d.pages) || null })),
    handling: v.recordHandling ? handlingBody(v.handling) : null,
    notes: emptyToNull(v.notes),
  };
}

/**
 * An edit sends the handling only when the visit already has one: an open visit is handled
 * through its own action ("Ghi hướng xử lý"), which checks the route against the record.
 */
function toUpdateBody(v: VisitValues, version: number) {
  const { handling, ...rest } = toBody(v);
  return v.recordHandling ? { ...rest, handling, version } : { ...rest, version };
}

function valuesOfVisit(visit: VisitView): VisitValues {
  const reps = new Set(visit.representatives.map((r) => r.fullName));
  const h = visit.handling;
  const time = visit.receivedAt
    ? new Intl.DateTimeFormat("en-GB", {
        timeZone: "Asia/Ho_Chi_Minh",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(new Date(visit.receivedAt))
    : "";
  return {
    kind: visit.kind,
    receivedOn: visit.receivedOn,
    receivedAt: time,
    receiverName: visit.receiverName,
    presidingHead: visit.presidingHead ?? "",
    visitors: visit.visitors.map((p) => ({
      fullName: p.fullName,
      address: p.address,
      identity: p.identity
        ? {
            kind: p.identity.kind,
            number: p.identity.number,
            birthYear: p.identity.birthYear ?? "",
            gender: p.identity.gender ?? p.gender ?? null,
          }
        : { ...EMPTY_IDENTITY, gender: p.gender },
      capacity: p.capacity,
      authorisationPaper: p.authorisationPaper ?? "",
      phone: p.phone ?? "",
      email: p.email ?? "",
      representative: reps.has(p.fullName),
    })),
    peopleCount: visit.peopleCount,
    writtenAppointment: visit.writtenAppointment ?? false,
    contentSummary: visit.contentSummary,
    contentKind: visit.contentKind,
    fieldCode: visit.fieldCode,
    competence: visit.competence,
    previousResolver: visit.previousResolver ?? "",
    respondentName: visit.respondentName ?? "",
    respondentAddress: visit.respondentAddress ?? "",
    documentsReceived: visit.documentsReceived.map((d) => ({ name: d.name, pages: d.pages ?? "" })),
    recordHandling: h !== null,
    handling: h
      ? {
          route: h.route,
          targetBody: h.targetBody ?? "",
          documentNumber: h.documentNumber ?? "",
          refusal: {
            reason: h.refusal ? String(h.refusal.reason) : null,
            explanation: h.refusal?.explanation ?? "",
            earlierMatterId: h.refusal?.earlierMatterId ?? "",
            refusalNotice: {
              number: h.refusal?.refusalNotice?.number ?? "",
              date: h.refusal?.refusalNotice?.date ?? null,
            },
            legalBasis: h.refusal?.legalBasis ?? "",
          },
        }
      : emptyHandling(),
    notes: visit.notes ?? "",
  };
}

export default function VisitFormPage() {
  const { id } = useParams();
  const visit = useVisit(id);
  if (!id) return <VisitForm visit={null} />;
  if (visit.isPending) return <LoadingBlock />;
  if (visit.isError) return <ErrorBlock error={visit.error} onRetry={() => void visit.refetch()} />;
  // The form would carry the masks back as the record: the server refuses such an edit anyway.
  if (visit.data.identityMasked)
    return (
      <Alert color="gray" role="alert">
        {RECEPTION_TEXT.editMasked}
      </Alert>
    );
  return <VisitForm key={visit.data.version} visit={visit.data} onReload={() => visit.refetch()} />;
}

function VisitForm({ visit, onReload }: { visit: VisitView | null; onReload?: () => Promise<unknown> }) {
  const me = useMe();
  const navigate = useNavigate();
  const draft = useDraft<VisitValues>(visit ? `visit-edit:${visit.id}` : "visit-new");
  const create = useCreateVisit();
  const update = useUpdateVisit();
  const [failure, setFailure] = useState<string | null>(null);
  const conflict = useVersionConflict(onReload);
  const [invalid, setInvalid] = useState(false);
  const form = useAppForm<VisitValues>({
    initialValues: { ...(visit ? valuesOfVisit(visit) : emptyValues(me.user.fullName)), ...draft.load() },
    onValuesChange: (values) => draft.save(values),
    validate: (values) =>
      visit
        ? schemaResolver(updateVisitRequest, { sync: true })(toUpdateBody(values, visit.version))
        : schemaResolver(createVisitRequest, { sync: true })(toBody(values)),
  });
  const v = form.values;
  const kind = VISIT_KINDS[v.kind as VisitKind];
  const people = count(v.peopleCount);
  const body = toBody(v);
  const group = checkGroupRepresentation({
    peopleCount: people,
    members: body.visitors.map((p) => ({ fullName: p.fullName, idNumber: p.identity?.number ?? null })),
    representatives: body.representatives,
    writtenAppointment: body.writtenAppointment,
  });

  const submit = form.onSubmit(
    async (values) => {
      setInvalid(false);
      setFailure(null);
      conflict.reset();
      try {
        if (visit) {
          const saved = await update.mutateAsync({
            id: visit.id,
            body: toUpdateBody(values, visit.version) as UpdateVisitRequest,
          });
          draft.clear();
          notifications.show({ color: "green", message: RECEPTION_TEXT.updated });
          navigate(visitPath(saved.id));
        } else {
          const saved = await create.mutateAsync(toBody(values) as CreateVisitRequest);
          draft.clear();
          notifications.show({ color: "green", message: RECEPTION_TEXT.saved(visitNumber(saved)) });
          navigate(visitPath(saved.id));
        }
      } catch (error) {
        if (!conflict.caught(error)) setFailure(reportServerError(form, error));
      }
    },
    () => setInvalid(true),
  );

  const cancel = () => {
    draft.clear();
    navigate(visit ? visitPath(visit.id) : PATHS.reception);
  };

  const groupError =
    form.errors.representatives ?? Object.entries(form.errors).find(([k]) => k.startsWith("representatives."))?.[1];

  return (
    <>
      <PageHeader
        title={visit ? RECEPTION_TEXT.editVisit(visitNumber(visit)) : RECEPTION_TEXT.newVisit}
        description={visit ? undefined : RECEPTION_TEXT.newVisitDescription}
      />
      <form onSubmit={submit} noValidate data-testid="visit-form">
        <Stack gap="md" maw={1100}>
          <VersionConflictAlert conflict={conflict} text={RECEPTION_TEXT} />

          <Paper withBorder p="md" component="section" aria-labelledby="visit-section">
            <Title order={2} fz="h4" mb="sm" id="visit-section">
              {RECEPTION_TEXT.sectionVisit}
            </Title>
            <Stack gap="sm">
              <Radio.Group label={RECEPTION_TEXT.kind} required {...form.getInputProps("kind")}>
                <Stack gap={6} mt={6}>
                  {Object.entries(VISIT_KINDS).map(([value, info]) => (
                    <Radio key={value} value={value} label={info.label} />
                  ))}
                </Stack>
              </Radio.Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <DateField
                  label={RECEPTION_TEXT.receivedOn}
                  required
                  maxDate={todayIso()}
                  {...form.getInputProps("receivedOn")}
                />
                <TimeField label={RECEPTION_TEXT.receivedAt} {...form.getInputProps("receivedAt")} />
                <TextInput label={RECEPTION_TEXT.receiver} required {...form.getInputProps("receiverName")} />
              </SimpleGrid>
              {kind?.needsPresidingHead ? (
                <TextInput
                  label={RECEPTION_TEXT.presidingHead}
                  description={`${RECEPTION_TEXT.basis}: ${kind.basis}`}
                  required
                  {...form.getInputProps("presidingHead")}
                />
              ) : null}
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="visitors-section">
            <Title order={2} fz="h4" mb="sm" id="visitors-section">
              {RECEPTION_TEXT.sectionVisitors}
            </Title>
            <Stack gap="sm">
              <NumberInput
                label={RECEPTION_TEXT.peopleCount}
                description={RECEPTION_TEXT.peopleCountHint}
                required
                min={1}
                max={10000}
                allowDecimal={false}
                allowNegative={false}
                maw={260}
                {...form.getInputProps("peopleCount")}
              />
              <GroupRule
                people={people}
                range={group.representatives}
                chosen={body.representatives.length}
                problems={group.problems.map((p) => p.message)}
                isCrowd={group.isCrowd}
                error={groupError}
              />
              {people >= 5 && body.representatives.length > 0 ? (
                <Checkbox
                  label={RECEPTION_TEXT.writtenAppointment}
                  {...form.getInputProps("writtenAppointment", { type: "checkbox" })}
                />
              ) : null}
              {v.visitors.map((p, i) => (
                <VisitorFieldset
                  key={i}
                  form={form}
                  index={i}
                  capacity={p.capacity}
                  group={people >= 5}
                  onRemove={v.visitors.length > 1 ? () => form.removeListItem("visitors", i) : null}
                />
              ))}
              {form.errors.visitors ? (
                <Text c="red.8" size="sm" role="alert">
                  {form.errors.visitors}
                </Text>
              ) : null}
              <Group>
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => form.insertListItem("visitors", emptyVisitor())}
                >
                  {RECEPTION_TEXT.addVisitor}
                </Button>
              </Group>
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="content-section">
            <Title order={2} fz="h4" mb="sm" id="content-section">
              {RECEPTION_TEXT.sectionContent}
            </Title>
            <Stack gap="sm">
              <Textarea
                label={RECEPTION_TEXT.contentSummary}
                autosize
                minRows={3}
                maxRows={10}
                {...form.getInputProps("contentSummary")}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={RECEPTION_TEXT.contentKindLabel}
                  data={KIND_OPTIONS}
                  clearable
                  {...form.getInputProps("contentKind")}
                />
                <Select
                  label={RECEPTION_TEXT.filterField}
                  data={fieldOptions()}
                  searchable
                  clearable
                  filter={vietnameseFilter}
                  nothingFoundMessage={COMMON.nothingFound}
                  {...form.getInputProps("fieldCode")}
                />
              </SimpleGrid>
              <Radio.Group label={RECEPTION_TEXT.competence} {...form.getInputProps("competence")}>
                <Group gap="lg" mt={4}>
                  {COMPETENCE_OPTIONS.map((o) => (
                    <Radio key={o.value} value={o.value} label={o.label} />
                  ))}
                </Group>
              </Radio.Group>
              {/* Who is complained about or denounced: the petition made from the visit starts with it. */}
              {v.contentKind === "complaint" ||
              v.contentKind === "denunciation" ||
              v.contentKind === "multi_content" ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={RECEPTION_TEXT.respondentName}
                    description={RECEPTION_TEXT.respondentHint}
                    {...form.getInputProps("respondentName")}
                  />
                  <TextInput label={RECEPTION_TEXT.respondentAddress} {...form.getInputProps("respondentAddress")} />
                </SimpleGrid>
              ) : null}
              <TextInput label={RECEPTION_TEXT.previousResolver} {...form.getInputProps("previousResolver")} />
              <Text size="sm" fw={500}>
                {RECEPTION_TEXT.documentsReceived}
              </Text>
              {v.documentsReceived.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {RECEPTION_TEXT.noDocuments}
                </Text>
              ) : null}
              {v.documentsReceived.map((_, i) => (
                <Group key={i} align="flex-end" gap="sm" wrap="nowrap">
                  <TextInput
                    label={RECEPTION_TEXT.documentName}
                    style={{ flex: 1 }}
                    {...form.getInputProps(`documentsReceived.${i}.name`)}
                  />
                  <NumberInput
                    label={RECEPTION_TEXT.documentPages}
                    min={1}
                    allowDecimal={false}
                    w={110}
                    {...form.getInputProps(`documentsReceived.${i}.pages`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    aria-label={RECEPTION_TEXT.removeDocument(i + 1)}
                    onClick={() => form.removeListItem("documentsReceived", i)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => form.insertListItem("documentsReceived", { name: "", pages: "" })}
                >
                  {RECEPTION_TEXT.addDocument}
                </Button>
              </Group>
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="section" aria-labelledby="handling-section">
            <Title order={2} fz="h4" mb="sm" id="handling-section">
              {RECEPTION_TEXT.sectionHandling}
            </Title>
            <Stack gap="sm">
              {visit?.handling ? null : visit ? (
                <Text size="sm" c="gray.7">
                  {RECEPTION_TEXT.handleLater}
                </Text>
              ) : (
                <Checkbox
                  label={RECEPTION_TEXT.recordHandling}
                  {...form.getInputProps("recordHandling", { type: "checkbox" })}
                />
              )}
              {v.recordHandling ? <HandlingFields form={form} prefix="handling" values={v.handling} /> : null}
              <Textarea label={RECEPTION_TEXT.notes} autosize minRows={2} {...form.getInputProps("notes")} />
            </Stack>
          </Paper>

          <ErrorSummary errors={form.errors} shown={invalid} />
          {failure ? (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={cancel}>
              {COMMON.cancel}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {visit ? COMMON.save : RECEPTION_TEXT.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/** The representation rule for a group, checked live as people are counted and chosen. */
function GroupRule({
  people,
  range,
  chosen,
  problems,
  isCrowd,
  error,
}: {
  people: number;
  range: { min: number; max: number } | null;
  chosen: number;
  problems: string[];
  isCrowd: boolean;
  error: React.ReactNode;
}) {
  const bad = problems.length > 0 || Boolean(error);
  return (
    <Alert
      color={!range ? "gray" : bad ? "orange" : "green"}
      variant="light"
      title={range ? RECEPTION_TEXT.groupRule(people, range.min, range.max) : RECEPTION_TEXT.groupSmall}
      data-testid="group-rule"
      role="status"
    >
      {range ? (
        <Stack gap={4}>
          <Text size="sm">{RECEPTION_TEXT.groupChosen(chosen)}</Text>
          {isCrowd ? <Text size="sm">{RECEPTION_TEXT.groupCrowd}</Text> : null}
          {problems.length > 0 ? (
            <List size="sm">
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{RECEPTION_TEXT.groupOk}</Text>
          )}
          {error && !problems.includes(String(error)) ? (
            <Text size="sm" c="red.8">
              {error}
            </Text>
          ) : null}
          <Text size="xs" c="gray.7">
            {RECEPTION_TEXT.basis}: {REPRESENTATION_BASIS}
          </Text>
        </Stack>
      ) : null}
    </Alert>
  );
}

/** Route of handling; the body guided or transferred to; or the ground of refusal with what it needs. */
export function HandlingFields({ form, prefix, values }: { form: FormInputs; prefix: string; values: HandlingValues }) {
  const reason = values.refusal.reason ? REFUSAL_REASONS[Number(values.refusal.reason) as RefusalReasonCode] : null;
  return (
    <Stack gap="sm">
      <Radio.Group label={RECEPTION_TEXT.route} required {...form.getInputProps(`${prefix}.route`)}>
        <Stack gap={6} mt={6}>
          {Object.entries(HANDLING_ROUTES).map(([value, label]) => (
            <Radio key={value} value={value} label={label} />
          ))}
        </Stack>
      </Radio.Group>
      {values.route === "returned_guided" || values.route === "transferred" ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={RECEPTION_TEXT.targetBody} required {...form.getInputProps(`${prefix}.targetBody`)} />
          <TextInput label={RECEPTION_TEXT.documentNumber} {...form.getInputProps(`${prefix}.documentNumber`)} />
        </SimpleGrid>
      ) : null}
      {values.route === "refused" ? (
        <>
          <Radio.Group
            label={RECEPTION_TEXT.refusalReason}
            required
            {...form.getInputProps(`${prefix}.refusal.reason`)}
          >
            <Stack gap={8} mt={6}>
              {Object.values(REFUSAL_REASONS).map((r) => (
                <Radio
                  key={r.code}
                  value={String(r.code)}
                  label={r.label}
                  description={r.basis}
                  styles={{ body: { alignItems: "flex-start" } }}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={RECEPTION_TEXT.refusalExplanation}
            autosize
            minRows={2}
            {...form.getInputProps(`${prefix}.refusal.explanation`)}
          />
          {reason?.needsEarlierMatter ? (
            <TextInput
              label={RECEPTION_TEXT.earlierMatter}
              required
              {...form.getInputProps(`${prefix}.refusal.earlierMatterId`)}
            />
          ) : null}
          {reason?.needsRefusalNotice ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={RECEPTION_TEXT.refusalNoticeNumber}
                required
                {...form.getInputProps(`${prefix}.refusal.refusalNotice.number`)}
              />
              <DateField
                label={RECEPTION_TEXT.refusalNoticeDate}
                required
                {...form.getInputProps(`${prefix}.refusal.refusalNotice.date`)}
              />
            </SimpleGrid>
          ) : null}
          {reason?.needsLegalBasis ? (
            <TextInput
              label={RECEPTION_TEXT.legalBasis}
              required
              {...form.getInputProps(`${prefix}.refusal.legalBasis`)}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
