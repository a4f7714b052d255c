import {
  applicableEligibilityItems,
  assessEligibility,
  isRecommendationLike,
  type EligibilityAnswers,
  type EligibilityItemId,
  type PetitionKind,
} from "@minhbach/domain";
import { classifyPetitionBody, type ClassifyPetitionBody } from "@minhbach/domain/api/petitions";
import {
  Alert,
  Checkbox,
  Divider,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useDraft } from "../../ui/drafts.ts";
import { usePhone } from "../../ui/responsive.ts";
import { reportServerError } from "../../ui/forms.ts";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useVersionConflict, VersionConflictAlert } from "../../ui/VersionConflict.tsx";
import { useClassifyPetition, type PetitionDetail } from "./api.ts";
import { COMPETENCE_OPTIONS, fieldOptions, KIND_OPTIONS } from "./labels.ts";
import { PETITION_TEXT } from "./text.ts";
import { FormActions } from "../../ui/FormActions.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";

type Answer = "yes" | "no" | null;

interface ClassifyValues {
  kind: string | null;
  contentKinds: string[];
  severalBodies: boolean;
  competence: string | null;
  fieldCode: string | null;
  complaintAcceptable: boolean;
  aboutAdministrativeRegulations: boolean;
  alreadyResolved: boolean;
  newEvidence: boolean;
  eligibilityAnswers: Partial<Record<EligibilityItemId, Answer>>;
}

interface StoredEligibility {
  applicable?: { id: EligibilityItemId }[];
  failed?: { id: EligibilityItemId }[];
  unanswered?: { id: EligibilityItemId }[];
}

function initialValues(p: PetitionDetail): ClassifyValues {
  const c = (p.classification ?? {}) as Partial<ClassifyPetitionBody>;
  const e = (p.eligibility ?? {}) as StoredEligibility;
  const answers: ClassifyValues["eligibilityAnswers"] = {};
  const failed = new Set((e.failed ?? []).map((i) => i.id));
  const open = new Set((e.unanswered ?? []).map((i) => i.id));
  for (const item of e.applicable ?? [])
    answers[item.id] = failed.has(item.id) ? "no" : open.has(item.id) ? null : "yes";
  if (!e.applicable && p.language === "vi") answers.language = "yes";
  return {
    // What reception recorded is the first answer, not a question asked again.
    kind: c.kind ?? p.kind ?? p.fromReception?.contentKind ?? null,
    contentKinds: [...(c.contentKinds ?? [])],
    severalBodies: c.severalBodies ?? false,
    competence: c.competence ?? p.competence ?? p.fromReception?.competence ?? null,
    fieldCode: c.fieldCode ?? p.fieldCode ?? null,
    complaintAcceptable: c.complaintAcceptable ?? false,
    aboutAdministrativeRegulations: c.aboutAdministrativeRegulations ?? false,
    alreadyResolved: c.alreadyResolved ?? false,
    newEvidence: c.newEvidence ?? false,
    eligibilityAnswers: answers,
  };
}

function hiddenWriter(p: PetitionDetail): boolean {
  return p.anonymous || p.impersonated;
}

function answersOf(v: ClassifyValues, p: PetitionDetail): EligibilityAnswers {
  if (!v.kind) return {};
  const out: EligibilityAnswers = {};
  for (const item of applicableEligibilityItems({
    kind: v.kind as PetitionKind,
    anonymous: p.anonymous,
    impersonated: p.impersonated,
  })) {
    const answer = v.eligibilityAnswers[item.id];
    if (answer === "yes") out[item.id] = true;
    else if (answer === "no") out[item.id] = false;
  }
  return out;
}

function toBody(v: ClassifyValues, p: PetitionDetail) {
  const kind = v.kind as PetitionKind | null;
  const multi = kind === "multi_content";
  return {
    version: p.version,
    kind: kind ?? undefined,
    contentKinds: multi ? v.contentKinds : null,
    severalBodies: multi ? v.severalBodies : null,
    competence: v.competence ?? undefined,
    fieldCode: v.fieldCode ?? undefined,
    complaintAcceptable: kind === "complaint" && v.competence === "within" ? v.complaintAcceptable : null,
    aboutAdministrativeRegulations: isRecommendationLike(kind) ? v.aboutAdministrativeRegulations : null,
    alreadyResolved: v.alreadyResolved,
    newEvidence: v.alreadyResolved ? v.newEvidence : null,
    eligibilityAnswers: answersOf(v, p),
  };
}

const SINGLE_KIND_OPTIONS = KIND_OPTIONS.filter((o) => o.value !== "multi_content");

export function ClassifyModal({
  petition,
  opened,
  onClose,
  onReload,
}: {
  petition: PetitionDetail;
  opened: boolean;
  onClose(): void;
  onReload(): Promise<unknown>;
}) {
  const phone = usePhone();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={PETITION_TEXT.classifyTitle(petition.code)}
      size="xl"
      fullScreen={phone}
    >
      {opened ? <ClassifyForm petition={petition} onClose={onClose} onReload={onReload} /> : null}
    </Modal>
  );
}

function ClassifyForm({
  petition,
  onClose,
  onReload,
}: {
  petition: PetitionDetail;
  onClose(): void;
  onReload(): Promise<unknown>;
}) {
  const draft = useDraft<ClassifyValues>(`petition-classify:${petition.id}`);
  const classify = useClassifyPetition();
  const [failure, setFailure] = useState<string | null>(null);
  const conflict = useVersionConflict(onReload);
  const form = useAppForm<ClassifyValues>({
    initialValues: { ...initialValues(petition), ...draft.load() },
    onValuesChange: (values) => draft.save(values),
    validate: (values) => schemaResolver(classifyPetitionBody, { sync: true })(toBody(values, petition)),
  });
  const v = form.values;
  const kind = v.kind as PetitionKind | null;
  const items = kind
    ? applicableEligibilityItems({ kind, anonymous: petition.anonymous, impersonated: petition.impersonated })
    : [];
  const assessment = kind
    ? assessEligibility(
        {
          kind,
          anonymous: petition.anonymous,
          impersonated: petition.impersonated,
          language: petition.language === "vi" ? "vi" : null,
        },
        answersOf(v, petition),
      )
    : null;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    conflict.reset();
    try {
      await classify.mutateAsync({ id: petition.id, body: toBody(values, petition) as ClassifyPetitionBody });
      draft.clear();
      notifications.show({ color: "green", message: PETITION_TEXT.classified });
      onClose();
    } catch (error) {
      if (!conflict.caught(error)) setFailure(reportServerError(form, error));
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="classify-form">
      <Stack gap="md">
        <Text size="sm">{PETITION_TEXT.classifyIntro}</Text>
        <VersionConflictAlert conflict={conflict} text={PETITION_TEXT} />
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={PETITION_TEXT.kind}
            data={KIND_OPTIONS}
            required
            allowDeselect={false}
            {...form.getInputProps("kind")}
          />
          <Select
            label={PETITION_TEXT.field}
            data={fieldOptions()}
            required
            searchable
            filter={vietnameseFilter}
            nothingFoundMessage={COMMON.nothingFound}
            {...form.getInputProps("fieldCode")}
          />
        </SimpleGrid>
        {kind === "multi_content" ? (
          <>
            <MultiSelect
              label={PETITION_TEXT.contentKinds}
              data={SINGLE_KIND_OPTIONS}
              required
              {...form.getInputProps("contentKinds")}
            />
            <Checkbox
              label={PETITION_TEXT.severalBodies}
              {...form.getInputProps("severalBodies", { type: "checkbox" })}
            />
          </>
        ) : null}
        <Radio.Group label={PETITION_TEXT.competence} required {...form.getInputProps("competence")}>
          <Group gap="lg" mt={4}>
            {COMPETENCE_OPTIONS.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Radio.Group>
        {kind === "complaint" && v.competence === "within" ? (
          <Checkbox
            label={PETITION_TEXT.complaintAcceptable}
            {...form.getInputProps("complaintAcceptable", { type: "checkbox" })}
          />
        ) : null}
        {isRecommendationLike(kind) ? (
          <Checkbox
            label={PETITION_TEXT.aboutRegulations}
            {...form.getInputProps("aboutAdministrativeRegulations", { type: "checkbox" })}
          />
        ) : null}
        <Checkbox
          label={PETITION_TEXT.alreadyResolved}
          {...form.getInputProps("alreadyResolved", { type: "checkbox" })}
        />
        {v.alreadyResolved ? (
          <Checkbox label={PETITION_TEXT.newEvidence} {...form.getInputProps("newEvidence", { type: "checkbox" })} />
        ) : null}

        <Divider />
        <div>
          <Title order={3} fz="h5">
            {PETITION_TEXT.checklist}
          </Title>
          <Text size="sm" c="gray.7">
            {kind ? PETITION_TEXT.checklistIntro : PETITION_TEXT.chooseKindFirst}
          </Text>
        </div>
        <Stack gap="xs" data-testid="eligibility-checklist">
          {items.map((item) => {
            const forced = item.id === "writer_identity" && hiddenWriter(petition);
            return (
              <Paper key={item.id} withBorder p="sm" data-item={item.id}>
                <Radio.Group
                  label={item.label}
                  description={`${PETITION_TEXT.basis}: ${item.basis}`}
                  {...form.getInputProps(`eligibilityAnswers.${item.id}`)}
                  value={forced ? "no" : (v.eligibilityAnswers[item.id] ?? null)}
                >
                  <Group gap="lg" mt={6}>
                    <Radio value="yes" label={PETITION_TEXT.meets} disabled={forced} />
                    <Radio value="no" label={PETITION_TEXT.doesNotMeet} disabled={forced} />
                    {forced ? (
                      <Text size="xs" c="gray.7">
                        {PETITION_TEXT.fromFacts}
                      </Text>
                    ) : null}
                  </Group>
                </Radio.Group>
              </Paper>
            );
          })}
        </Stack>
        {assessment ? (
          <Alert
            color={assessment.eligible ? "green" : assessment.failed.length > 0 ? "red" : "blue"}
            role="status"
            data-testid="eligibility-result"
          >
            {assessment.eligible
              ? assessment.anonymousDenunciationException
                ? PETITION_TEXT.assessEligibleAnonymous
                : PETITION_TEXT.assessEligible
              : assessment.failed.length > 0
                ? PETITION_TEXT.assessNotEligible(assessment.failed.length)
                : PETITION_TEXT.assessOpen(assessment.unanswered.length)}
          </Alert>
        ) : null}
        <FormActions
          draft={draft}
          onCancel={onClose}
          submit={PETITION_TEXT.saveClassification}
          loading={classify.isPending}
        />
      </Stack>
    </form>
  );
}
