import { PETITION_TRANSITIONS, type PetitionAction } from "@minhbach/domain";
import {
  destroyPetitionBody,
  dispatchPetitionBody,
  recordFeedbackBody,
  urgePetitionBody,
} from "@minhbach/domain/api/petitions";
import { z } from "@minhbach/domain/api/zod-vi";
import { Alert, Checkbox, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { DateField } from "../../ui/DateField.tsx";
import { useDraft } from "../../ui/drafts.ts";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import { todayIso } from "../../ui/format.ts";
import { useVersionConflict, VersionConflictAlert } from "../../ui/VersionConflict.tsx";
import { usePetitionStep, type PetitionDetail, type PetitionStep } from "./api.ts";
import { FOLLOW_UP_TEXT, PETITION_TEXT } from "./text.ts";
import { FormActions } from "../../ui/FormActions.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";

/** Route of each step and the domain action (its label, its states) behind it. */
export const STEPS: Record<PetitionStep, PetitionAction> = {
  dispatch: "dispatch",
  urge: "urge",
  feedback: "record_feedback",
  close: "close_guided",
  destroy: "destroy",
};

export function stepTransition(step: PetitionStep) {
  return PETITION_TRANSITIONS.find((t) => t.action === STEPS[step])!;
}

/** The steps the petition's state allows now, in the order of the procedure. */
export function stepsFor(state: string): PetitionStep[] {
  return (Object.keys(STEPS) as PetitionStep[]).filter((s) =>
    stepTransition(s).from.includes(state as (typeof PETITION_TRANSITIONS)[number]["from"][number]),
  );
}

const closeBody = z.strictObject({ version: z.number().int().min(1), note: z.string().max(2000).nullish() });

const SCHEMAS = {
  dispatch: dispatchPetitionBody,
  urge: urgePetitionBody,
  feedback: recordFeedbackBody,
  close: closeBody,
  destroy: destroyPetitionBody,
} as const;

interface StepValues {
  issuedOutside: boolean;
  decisionNumber: string;
  decisionDate: string | null;
  documentNumber: string;
  sentOn: string | null;
  on: string | null;
  receivedOn: string | null;
  result: string;
  note: string;
  decidedBy: string;
}

function toBody(step: PetitionStep, v: StepValues, version: number) {
  switch (step) {
    case "dispatch":
      return { version, documentNumber: v.documentNumber, sentOn: v.sentOn ?? undefined };
    case "urge":
      return { version, on: v.on ?? undefined, documentNumber: emptyToNull(v.documentNumber) };
    case "feedback":
      return {
        version,
        receivedOn: v.receivedOn ?? undefined,
        result: v.result,
        documentNumber: emptyToNull(v.documentNumber),
      };
    case "close":
      return { version, note: emptyToNull(v.note) };
    case "destroy":
      // Drafted for the leader's signature, unless the decision was signed on paper.
      return v.issuedOutside
        ? {
            version,
            issuedOutside: true,
            decisionNumber: v.decisionNumber,
            decisionDate: v.decisionDate ?? undefined,
            decidedBy: v.decidedBy,
          }
        : { version };
  }
}

export function StepModal({
  petition,
  step,
  onClose,
  onReload,
  onDocument,
}: {
  petition: PetitionDetail;
  step: PetitionStep | null;
  onClose(): void;
  onReload(): Promise<unknown>;
  /** Urging and destruction draft their letter or decision: opened here to complete. */
  onDocument?(documentId: string): void;
}) {
  return (
    <Modal opened={step !== null} onClose={onClose} title={step ? stepTransition(step).label : ""} size="lg">
      {step ? (
        <StepForm
          key={step}
          petition={petition}
          step={step}
          onClose={onClose}
          onReload={onReload}
          {...(onDocument ? { onDocument } : {})}
        />
      ) : null}
    </Modal>
  );
}

function StepForm({
  petition,
  step,
  onClose,
  onReload,
  onDocument,
}: {
  petition: PetitionDetail;
  step: PetitionStep;
  onClose(): void;
  onReload(): Promise<unknown>;
  onDocument?(documentId: string): void;
}) {
  const transition = stepTransition(step);
  const slip = petition.documents.find((d) => d.formCode === "TT05-05" || d.formCode === "TT05-06");
  const draft = useDraft<StepValues>(`petition-step:${petition.id}:${step}`);
  const run = usePetitionStep();
  const [failure, setFailure] = useState<string | null>(null);
  const conflict = useVersionConflict(onReload);
  const today = todayIso();
  const form = useAppForm<StepValues>({
    initialValues: {
      issuedOutside: false,
      decisionNumber: "",
      decisionDate: today,
      documentNumber: step === "dispatch" ? (slip?.symbol ?? "") : "",
      sentOn: today,
      on: today,
      receivedOn: today,
      result: "",
      note: "",
      decidedBy: "",
      ...draft.load(),
    },
    onValuesChange: (values) => draft.save(values),
    validate: (values) => schemaResolver(SCHEMAS[step], { sync: true })(toBody(step, values, petition.version)),
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    conflict.reset();
    try {
      const result = await run.mutateAsync({
        id: petition.id,
        step,
        body: toBody(step, values, petition.version) as Record<string, unknown>,
      });
      draft.clear();
      const drafted = step === "destroy" && result.documentId !== null;
      notifications.show({
        color: "green",
        message: drafted ? FOLLOW_UP_TEXT.drafted("01") : PETITION_TEXT.stepDone(transition.label),
      });
      if (result.transferredTo) {
        notifications.show({ color: "green", message: PETITION_TEXT.transferredTo(result.transferredTo.code) });
      }
      if (result.documentId && !drafted) notifications.show({ color: "green", message: FOLLOW_UP_TEXT.stepDraft });
      onClose();
      if (result.documentId) onDocument?.(result.documentId);
    } catch (error) {
      if (!conflict.caught(error)) setFailure(reportServerError(form, error));
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="step-form" data-step={step}>
      <Stack gap="sm">
        {transition.basis ? (
          <Text size="xs" c="gray.7">
            {PETITION_TEXT.basis}: {transition.basis}
          </Text>
        ) : null}
        {step === "dispatch" && slip && slip.status !== "issued" ? (
          <Alert color="orange">{PETITION_TEXT.slipNotIssued}</Alert>
        ) : null}
        <VersionConflictAlert conflict={conflict} text={PETITION_TEXT} />
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        {step === "destroy" ? (
          <>
            <Text size="sm">{FOLLOW_UP_TEXT.destroyIntro}</Text>
            <Checkbox
              label={FOLLOW_UP_TEXT.destroyOutside}
              description={FOLLOW_UP_TEXT.destroyOutsideHint}
              {...form.getInputProps("issuedOutside", { type: "checkbox" })}
            />
          </>
        ) : null}
        {step === "destroy" && form.values.issuedOutside ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={PETITION_TEXT.destroyNumber} required {...form.getInputProps("decisionNumber")} />
              <DateField
                label={PETITION_TEXT.destroyDate}
                required
                maxDate={today}
                {...form.getInputProps("decisionDate")}
              />
            </SimpleGrid>
            <TextInput label={PETITION_TEXT.destroyBy} required {...form.getInputProps("decidedBy")} />
          </>
        ) : null}
        {step === "dispatch" ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={PETITION_TEXT.dispatchNumber} required {...form.getInputProps("documentNumber")} />
            <DateField label={PETITION_TEXT.sentOn} required maxDate={today} {...form.getInputProps("sentOn")} />
          </SimpleGrid>
        ) : null}
        {step === "urge" ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField label={PETITION_TEXT.urgeOn} required maxDate={today} {...form.getInputProps("on")} />
            <TextInput label={PETITION_TEXT.urgeNumber} {...form.getInputProps("documentNumber")} />
          </SimpleGrid>
        ) : null}
        {step === "feedback" ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <DateField
                label={PETITION_TEXT.feedbackOn}
                required
                maxDate={today}
                {...form.getInputProps("receivedOn")}
              />
              <TextInput label={PETITION_TEXT.feedbackNumber} {...form.getInputProps("documentNumber")} />
            </SimpleGrid>
            <Textarea
              label={PETITION_TEXT.feedbackResult}
              required
              autosize
              minRows={3}
              {...form.getInputProps("result")}
            />
          </>
        ) : null}
        {step === "close" ? (
          <Textarea label={PETITION_TEXT.closeNote} autosize minRows={2} {...form.getInputProps("note")} />
        ) : null}
        <FormActions draft={draft} onCancel={onClose} submit={transition.label} loading={run.isPending} />
      </Stack>
    </form>
  );
}
