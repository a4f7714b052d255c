import { CASE_OUTCOMES, type CaseOutcome } from "@minhbach/domain";
import { openCaseBody, type OpenCaseBody } from "@minhbach/domain/api/cases";
import type { PetitionDetail } from "@minhbach/domain/api/petition-views";
import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  MultiSelect,
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
import { IconFolderOpen } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { DateField } from "../../ui/DateField.tsx";
import { useDraft } from "../../ui/drafts.ts";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import { todayIso } from "../../ui/format.ts";
import { usePhone } from "../../ui/responsive.ts";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useSession } from "../auth/session.tsx";
import { useCases, useOpenCase } from "./api.ts";
import { useResolverOptions } from "./AssignmentsModal.tsx";
import { Section } from "./components.tsx";
import { casePath, type CaseKind } from "./paths.ts";
import { CASE_TEXT } from "./text.ts";
import { FormActions } from "../../ui/FormActions.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";

const OPEN_STATE = "PROPOSED_FOR_ACCEPTANCE";

function caseKindOf(kind: string | null): CaseKind | null {
  return kind === "complaint" || kind === "denunciation" ? kind : null;
}

/**
 * On a petition page: the case opened from the petition, or — once the petition is proposed for
 * acceptance — the button that opens one (a leader assigns, a resolver takes it).
 */
export function PetitionCaseCard({ petition }: { petition: PetitionDetail }) {
  const { can } = useSession();
  const [opened, setOpened] = useState(false);
  const phone = usePhone();
  const kind = caseKindOf(petition.kind);
  const caseId = petition.identity.caseId;
  if (!kind) return null;
  if (caseId) {
    return (
      <Section title={CASE_TEXT.resolutionCard} id="petition-case" testId="petition-case">
        <Anchor component={Link} to={casePath(kind, caseId)} size="sm" fw={700}>
          {CASE_TEXT.openCaseExists}
        </Anchor>
      </Section>
    );
  }
  if (petition.state !== OPEN_STATE) return null;
  // Those who may not open the case are told who does: acceptance is the case's opening, not a
  // step of the petition.
  if (!(can("case.assign") || can("case.write")))
    return (
      <Section title={CASE_TEXT.resolutionCard} id="petition-case" testId="petition-case">
        <Text size="sm">{CASE_TEXT.awaitingOpen(petition.code)}</Text>
      </Section>
    );
  return (
    <Section title={CASE_TEXT.resolutionCard} id="petition-case" testId="petition-case">
      <Stack gap="sm">
        <Text size="sm">{CASE_TEXT.openIntro(petition.code)}</Text>
        <Button leftSection={<IconFolderOpen size={18} aria-hidden />} onClick={() => setOpened(true)}>
          {CASE_TEXT.openButton}
        </Button>
      </Stack>
      <Modal opened={opened} onClose={() => setOpened(false)} title={CASE_TEXT.openTitle} size="lg" fullScreen={phone}>
        {opened ? <OpenCaseForm petition={petition} kind={kind} onClose={() => setOpened(false)} /> : null}
      </Modal>
    </Section>
  );
}

interface OpenValues {
  instance: string;
  firstInstance: {
    decisionNumber: string;
    decisionDate: string | null;
    decidedBy: string;
    outcome: string | null;
    caseId: string | null;
  };
  repeatedOf: string | null;
  leadId: string | null;
  memberIds: string[];
  note: string;
}

function toBody(petitionId: string, kind: CaseKind, v: OpenValues, choosing: boolean): OpenCaseBody {
  const assignees = choosing && v.leadId ? [v.leadId, ...v.memberIds.filter((id) => id !== v.leadId)] : undefined;
  const base = { petitionId, note: emptyToNull(v.note), ...(assignees ? { assignees } : {}) };
  if (kind === "denunciation") return { ...base, repeatedOf: v.repeatedOf ?? null };
  const second = v.instance === "2";
  const f = v.firstInstance;
  return {
    ...base,
    instance: second ? 2 : 1,
    firstInstance: second
      ? {
          decisionNumber: f.decisionNumber,
          decisionDate: f.decisionDate ?? "",
          decidedBy: f.decidedBy,
          outcome: (f.outcome as CaseOutcome | null) ?? null,
          caseId: f.caseId ?? null,
        }
      : null,
  };
}

function OpenCaseForm({ petition, kind, onClose }: { petition: PetitionDetail; kind: CaseKind; onClose(): void }) {
  const { can, me } = useSession();
  const navigate = useNavigate();
  const open = useOpenCase();
  // A leader (or anyone who may list accounts) chooses; a resolver without that right takes the case.
  const choosing = can("user.read");
  const resolvers = useResolverOptions(petition.agencyId);
  const earlier = useCases({
    kind,
    sort: "received_on",
    order: "desc",
    page: 1,
    pageSize: 100,
  });
  const draft = useDraft<OpenValues>(`open-case:${petition.id}`);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const form = useAppForm<OpenValues>({
    initialValues: {
      instance: "1",
      firstInstance: { decisionNumber: "", decisionDate: null, decidedBy: "", outcome: null, caseId: null },
      repeatedOf: null,
      leadId: null,
      memberIds: [],
      note: "",
      ...draft.load(),
    },
    onValuesChange: (values) => draft.save(values),
    validate: (values) => {
      const errors = schemaResolver(openCaseBody, { sync: true })(toBody(petition.id, kind, values, choosing));
      if (choosing && !values.leadId) errors.leadId = CASE_TEXT.chooseLead;
      return errors;
    },
  });
  const caseOptions = (earlier.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }));
  const outcomeOptions = Object.entries(CASE_OUTCOMES.complaint).map(([value, label]) => ({ value, label }));

  const submit = form.onSubmit(
    async (values) => {
      setFailure(null);
      try {
        const created = await open.mutateAsync(toBody(petition.id, kind, values, choosing));
        draft.clear();
        notifications.show({ color: "green", message: CASE_TEXT.openDone(created.code) });
        onClose();
        void navigate(casePath(kind, created.id));
      } catch (error) {
        setFailure(reportServerError(form, error));
      }
    },
    () => setSubmitted(true),
  );

  return (
    <form onSubmit={submit} noValidate data-testid="open-case-form">
      <Stack gap="sm">
        <Text size="sm">{CASE_TEXT.openIntro(petition.code)}</Text>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        {kind === "complaint" ? (
          <>
            <Radio.Group
              label={CASE_TEXT.openInstance}
              description={CASE_TEXT.openInstanceHint}
              required
              {...form.getInputProps("instance")}
            >
              <Group gap="md" mt={6}>
                <Radio value="1" label={CASE_TEXT.instance1} />
                <Radio value="2" label={CASE_TEXT.instance2} />
              </Group>
            </Radio.Group>
            {form.values.instance === "2" ? (
              <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
                <Title order={3} fz="h5" component="legend">
                  {CASE_TEXT.openFirstInstance}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={CASE_TEXT.openFirstNumber}
                    required
                    {...form.getInputProps("firstInstance.decisionNumber")}
                  />
                  <DateField
                    label={CASE_TEXT.openFirstDate}
                    required
                    maxDate={todayIso()}
                    {...form.getInputProps("firstInstance.decisionDate")}
                  />
                </SimpleGrid>
                <TextInput label={CASE_TEXT.openFirstBy} required {...form.getInputProps("firstInstance.decidedBy")} />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Select
                    label={CASE_TEXT.openFirstOutcome}
                    data={outcomeOptions}
                    clearable
                    {...form.getInputProps("firstInstance.outcome")}
                  />
                  <Select
                    label={CASE_TEXT.openFirstCase}
                    placeholder={CASE_TEXT.openFirstCasePlaceholder}
                    data={caseOptions}
                    searchable
                    clearable
                    filter={vietnameseFilter}
                    nothingFoundMessage={COMMON.nothingFound}
                    {...form.getInputProps("firstInstance.caseId")}
                  />
                </SimpleGrid>
              </Stack>
            ) : null}
          </>
        ) : (
          <Select
            label={CASE_TEXT.openRepeated}
            placeholder={CASE_TEXT.openRepeatedPlaceholder}
            data={caseOptions}
            searchable
            clearable
            filter={vietnameseFilter}
            nothingFoundMessage={COMMON.nothingFound}
            {...form.getInputProps("repeatedOf")}
          />
        )}
        {choosing ? (
          <>
            {!resolvers.loading && resolvers.options.length === 0 ? (
              <Alert color="yellow">{CASE_TEXT.noResolvers}</Alert>
            ) : null}
            <Select
              label={CASE_TEXT.assignLead}
              required
              data={resolvers.options}
              searchable
              filter={vietnameseFilter}
              nothingFoundMessage={COMMON.nothingFound}
              {...form.getInputProps("leadId")}
            />
            <MultiSelect
              label={CASE_TEXT.assignMembers}
              description={CASE_TEXT.assignMembersHint}
              data={resolvers.options.filter((o) => o.value !== form.values.leadId)}
              searchable
              filter={vietnameseFilter}
              nothingFoundMessage={COMMON.nothingFound}
              {...form.getInputProps("memberIds")}
            />
          </>
        ) : (
          <Alert color="blue" variant="light">
            {CASE_TEXT.openSelfAssigned(me?.user.fullName ?? "")}
          </Alert>
        )}
        <Textarea label={CASE_TEXT.openNote} autosize minRows={2} {...form.getInputProps("note")} />
        <ErrorSummary errors={form.errors} shown={submitted} />
        <FormActions draft={draft} onCancel={onClose} submit={CASE_TEXT.openSubmit} loading={open.isPending} />
      </Stack>
    </form>
  );
}
