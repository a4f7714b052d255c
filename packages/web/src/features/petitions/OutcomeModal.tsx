import {
  allowedArchiveReasons,
  ARCHIVE_REASONS,
  compareVietnamese,
  OUTCOMES,
  PETITION_FORMS,
  type ArchiveReason,
  type ChannelCode,
  type PetitionFacts,
  type PetitionFormCode,
  type PetitionOutcome,
  type PetitionState,
} from "@minhbach/domain";
import { applyOutcomeBody, type ApplyOutcomeBody } from "@minhbach/domain/api/petitions";
import { Alert, Checkbox, Modal, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo, useState } from "react";
import { DateField } from "../../ui/DateField.tsx";
import { useDraft } from "../../ui/drafts.ts";
import { usePhone } from "../../ui/responsive.ts";
import { emptyToNull, reportServerError } from "../../ui/forms.ts";
import { todayIso } from "../../ui/format.ts";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useVersionConflict, VersionConflictAlert } from "../../ui/VersionConflict.tsx";
import { useAgencies, useAgencyDirectory, useAgencyGroups } from "../agencies/api.ts";
import { useMe } from "../auth/session.tsx";
import { useApplyOutcome, usePetitionDuplicates, type PetitionDetail } from "./api.ts";
import { PETITION_TEXT } from "./text.ts";
import { FormActions } from "../../ui/FormActions.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";

interface OutcomeValues {
  on: string | null;
  note: string;
  reasons: string;
  targetBody: string;
  targetBodies: string[];
  targetAgencyId: string | null;
  documentNumber: string;
  notifyWriter: boolean;
  replySummary: string;
  reason: string | null;
  duplicateOf: string;
  resolvedBy: string;
}

function toBody(outcome: PetitionOutcome, v: OutcomeValues, version: number) {
  const base = { outcome, version, on: v.on ?? undefined, note: emptyToNull(v.note) };
  const documentNumber = emptyToNull(v.documentNumber);
  switch (outcome) {
    case "notify_not_accepted":
      return { ...base, reasons: v.reasons };
    case "guide":
      return { ...base, targetBody: v.targetBody, documentNumber };
    case "guide_multi":
      return { ...base, targetBodies: v.targetBodies, documentNumber };
    case "return_to_sender_body":
      return { ...base, documentNumber };
    case "transfer":
      return {
        ...base,
        targetBody: v.targetBody,
        targetAgencyId: v.targetAgencyId,
        documentNumber,
        notifyWriter: v.notifyWriter,
      };
    case "resolve_reply":
      return { ...base, replySummary: v.replySummary, documentNumber };
    case "archive":
      return {
        ...base,
        reason: v.reason ?? undefined,
        duplicateOf: emptyToNull(v.duplicateOf),
        resolvedBy: emptyToNull(v.resolvedBy),
      };
    default:
      return base;
  }
}

/** The facts the domain's archive rules read, from the petition page's data. */
function factsOf(p: PetitionDetail): PetitionFacts {
  return {
    status: p.state as PetitionState,
    channel: p.channel as ChannelCode,
    receivedOn: p.receivedOn,
    anonymous: p.anonymous,
    impersonated: p.impersonated,
    classification: p.classification as PetitionFacts["classification"],
    eligibility: p.eligibility as PetitionFacts["eligibility"],
  };
}

export function OutcomeModal({
  petition,
  outcome,
  onClose,
  onReload,
  onDocument,
}: {
  petition: PetitionDetail;
  outcome: PetitionOutcome | null;
  onClose(): void;
  onReload(): Promise<unknown>;
  onDocument(documentId: string): void;
}) {
  const phone = usePhone();
  return (
    <Modal
      opened={outcome !== null}
      onClose={onClose}
      title={outcome ? OUTCOMES[outcome].label : ""}
      size="lg"
      fullScreen={phone}
    >
      {outcome ? (
        <OutcomeForm
          key={outcome}
          petition={petition}
          outcome={outcome}
          onClose={onClose}
          onReload={onReload}
          onDocument={onDocument}
        />
      ) : null}
    </Modal>
  );
}

/** Agencies of the installation the transfer can land in: what the server lets this user see. */
function useTargetAgencies(petition: PetitionDetail, enabled: boolean) {
  const me = useMe();
  const scope = useAgencies();
  const groups = useAgencyGroups();
  const directory = useAgencyDirectory(enabled);
  const duplicates = usePetitionDuplicates(petition.id);
  return useMemo(() => {
    if (!enabled) return [];
    const seen = new Set<string>([me.agency.id, petition.agencyId]);
    const take = (items: { value: string; label: string }[]) =>
      items
        .filter((i) => !seen.has(i.value) && (seen.add(i.value), true))
        .sort((a, b) => compareVietnamese(a.label, b.label));
    const fromDuplicates = take((duplicates.data ?? []).map((d) => ({ value: d.agencyId, label: d.agencyName })));
    const fromScope = take((scope.data ?? []).map((a) => ({ value: a.id, label: a.name })));
    const fromGroups = take(
      (groups.data ?? []).flatMap((g) => g.memberIds.map((id, i) => ({ value: id, label: g.memberNames[i] ?? id }))),
    );
    const fromDirectory = take((directory.data ?? []).map((a) => ({ value: a.id, label: a.name })));
    return [
      { group: PETITION_TEXT.targetAgencyGroupDuplicates, items: fromDuplicates },
      { group: PETITION_TEXT.targetAgencyGroupScope, items: fromScope },
      { group: PETITION_TEXT.targetAgencyGroupClusters, items: fromGroups },
      { group: PETITION_TEXT.targetAgencyGroupDirectory, items: fromDirectory },
    ].filter((g) => g.items.length > 0);
  }, [enabled, me.agency.id, petition.agencyId, duplicates.data, scope.data, groups.data, directory.data]);
}

function OutcomeForm({
  petition,
  outcome,
  onClose,
  onReload,
  onDocument,
}: {
  petition: PetitionDetail;
  outcome: PetitionOutcome;
  onClose(): void;
  onReload(): Promise<unknown>;
  onDocument(documentId: string): void;
}) {
  const definition = OUTCOMES[outcome];
  const allowed = petition.allowedOutcomes.find((o) => o.outcome === outcome);
  const form = allowed?.form ? PETITION_FORMS[allowed.form as PetitionFormCode] : null;
  const archiveReasons = outcome === "archive" ? allowedArchiveReasons(factsOf(petition)) : [];
  const draft = useDraft<OutcomeValues>(`petition-outcome:${petition.id}:${outcome}`);
  const apply = useApplyOutcome();
  const [failure, setFailure] = useState<string | null>(null);
  const conflict = useVersionConflict(onReload);
  const agencyOptions = useTargetAgencies(petition, outcome === "transfer");
  const formState = useAppForm<OutcomeValues>({
    initialValues: {
      on: todayIso(),
      note: "",
      reasons: "",
      targetBody: "",
      targetBodies: [],
      targetAgencyId: null,
      documentNumber: "",
      notifyWriter: true,
      replySummary: "",
      reason: archiveReasons.length === 1 ? (archiveReasons[0] ?? null) : null,
      duplicateOf: "",
      resolvedBy: "",
      ...draft.load(),
    },
    onValuesChange: (values) => draft.save(values),
    validate: (values) => schemaResolver(applyOutcomeBody, { sync: true })(toBody(outcome, values, petition.version)),
  });
  const v = formState.values;

  const submit = formState.onSubmit(async (values) => {
    setFailure(null);
    conflict.reset();
    try {
      const result = await apply.mutateAsync({
        id: petition.id,
        body: toBody(outcome, values, petition.version) as ApplyOutcomeBody,
      });
      draft.clear();
      notifications.show({
        color: "green",
        message: result.documentId
          ? PETITION_TEXT.appliedWithDraft(definition.label)
          : PETITION_TEXT.applied(definition.label),
      });
      onClose();
      if (result.documentId) onDocument(result.documentId);
    } catch (error) {
      if (!conflict.caught(error)) setFailure(reportServerError(formState, error));
    }
  });

  const pickAgency = (id: string | null) => {
    const previous = agencyOptions.flatMap((g) => g.items).find((i) => i.value === v.targetAgencyId);
    const next = agencyOptions.flatMap((g) => g.items).find((i) => i.value === id);
    formState.setFieldValue("targetAgencyId", id);
    if (next && (v.targetBody.trim() === "" || v.targetBody === previous?.label)) {
      formState.setFieldValue("targetBody", next.label);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="outcome-form" data-outcome={outcome}>
      <Stack gap="sm">
        <Text size="sm">
          <b>{PETITION_TEXT.outcomeNeeds}:</b> {definition.needs}.
        </Text>
        <Text size="xs" c="gray.7">
          {PETITION_TEXT.basis}: {definition.basis}
        </Text>
        <Alert color="blue" variant="light">
          {form ? PETITION_TEXT.formWillBe(PETITION_TEXT.formLabel(form.number, form.name)) : PETITION_TEXT.noForm}
        </Alert>
        <VersionConflictAlert conflict={conflict} text={PETITION_TEXT} />
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <DateField label={PETITION_TEXT.outcomeOn} required maxDate={todayIso()} {...formState.getInputProps("on")} />

        {outcome === "notify_not_accepted" ? (
          <Textarea
            label={PETITION_TEXT.reasons}
            required
            autosize
            minRows={3}
            {...formState.getInputProps("reasons")}
          />
        ) : null}

        {outcome === "guide" || outcome === "transfer" ? (
          <TextInput
            label={PETITION_TEXT.targetBody}
            description={PETITION_TEXT.targetBodyHint}
            required
            {...formState.getInputProps("targetBody")}
          />
        ) : null}

        {outcome === "transfer" ? (
          <>
            <Select
              label={PETITION_TEXT.targetAgency}
              description={PETITION_TEXT.targetAgencyHint}
              placeholder={PETITION_TEXT.targetAgencyNone}
              data={agencyOptions}
              searchable
              clearable
              filter={vietnameseFilter}
              nothingFoundMessage={COMMON.nothingFound}
              {...formState.getInputProps("targetAgencyId")}
              onChange={pickAgency}
            />
            <Checkbox
              label={PETITION_TEXT.notifyWriter}
              {...formState.getInputProps("notifyWriter", { type: "checkbox" })}
            />
          </>
        ) : null}

        {outcome === "guide_multi" ? (
          <TagsInput
            label={PETITION_TEXT.targetBodies}
            description={PETITION_TEXT.targetBodiesHint}
            required
            {...formState.getInputProps("targetBodies")}
          />
        ) : null}

        {outcome === "resolve_reply" ? (
          <Textarea
            label={PETITION_TEXT.replySummary}
            required
            autosize
            minRows={3}
            {...formState.getInputProps("replySummary")}
          />
        ) : null}

        {outcome === "archive" ? (
          <>
            <Select
              label={PETITION_TEXT.archiveReason}
              required
              data={archiveReasons.map((r) => ({ value: r, label: ARCHIVE_REASONS[r as ArchiveReason].label }))}
              allowDeselect={false}
              {...formState.getInputProps("reason")}
            />
            {v.reason ? (
              <Text size="xs" c="gray.7">
                {PETITION_TEXT.basis}: {ARCHIVE_REASONS[v.reason as ArchiveReason]?.basis}
              </Text>
            ) : null}
            {v.reason === "duplicate" ? (
              <TextInput label={PETITION_TEXT.duplicateOf} required {...formState.getInputProps("duplicateOf")} />
            ) : null}
            {v.reason === "already_resolved" ? (
              <TextInput label={PETITION_TEXT.resolvedBy} required {...formState.getInputProps("resolvedBy")} />
            ) : null}
          </>
        ) : null}

        {["guide", "guide_multi", "return_to_sender_body", "transfer", "resolve_reply"].includes(outcome) ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={PETITION_TEXT.documentNumber} {...formState.getInputProps("documentNumber")} />
          </SimpleGrid>
        ) : null}
        <Textarea label={PETITION_TEXT.note} autosize minRows={2} {...formState.getInputProps("note")} />
        <FormActions draft={draft} onCancel={onClose} submit={PETITION_TEXT.apply} loading={apply.isPending} />
      </Stack>
    </form>
  );
}
