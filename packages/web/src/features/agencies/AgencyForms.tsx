import { compareVietnamese } from "@minhbach/domain";
import {
  AGENCY_KINDS,
  createAgencyBody,
  updateAgencyBody,
  type Agency,
  type AgencyKind,
  type CreateAgencyBody,
} from "@minhbach/domain/api/agencies";
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { DateField } from "../../ui/DateField.tsx";
import { useDraft } from "../../ui/drafts.ts";
import { applyServerError, emptyToNull } from "../../ui/forms.ts";
import { todayIso } from "../../ui/format.ts";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useVersionConflict, VersionConflictAlert } from "../../ui/VersionConflict.tsx";
import { AGENCIES_KEY, useCreateAgency, useUpdateAgency } from "./api.ts";
import { AGENCY_TEXT } from "./text.ts";
import { FormActions } from "../../ui/FormActions.tsx";
import { useAppForm } from "../../ui/use-app-form.ts";

const KIND_OPTIONS = (Object.entries(AGENCY_KINDS) as [AgencyKind, string][]).map(([value, label]) => ({
  value,
  label,
}));

function agencyOptions(agencies: readonly Agency[]) {
  return [...agencies]
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));
}

interface CreateValues {
  code: string;
  name: string;
  shortName: string;
  kind: AgencyKind | null;
  parentId: string | null;
  validFrom: string | null;
  predecessorIds: string[];
}

export function CreateAgencyModal({
  opened,
  onClose,
  parentId,
  agencies,
  onCreated,
}: {
  opened: boolean;
  onClose(): void;
  parentId: string | null;
  agencies: readonly Agency[];
  onCreated(agency: Agency): void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={AGENCY_TEXT.createTitle} size="lg">
      {opened ? (
        <CreateAgencyForm parentId={parentId} agencies={agencies} onClose={onClose} onCreated={onCreated} />
      ) : null}
    </Modal>
  );
}

function CreateAgencyForm({
  parentId,
  agencies,
  onClose,
  onCreated,
}: {
  parentId: string | null;
  agencies: readonly Agency[];
  onClose(): void;
  onCreated(agency: Agency): void;
}) {
  const draft = useDraft<CreateValues>("agency-create");
  const create = useCreateAgency();
  const [failure, setFailure] = useState<string | null>(null);
  const options = useMemo(() => agencyOptions(agencies), [agencies]);
  const form = useAppForm<CreateValues>({
    initialValues: {
      code: "",
      name: "",
      shortName: "",
      kind: null,
      parentId,
      validFrom: todayIso(),
      predecessorIds: [],
      ...draft.load(),
    },
    onValuesChange: (values) => draft.save(values),
    validate: (values) =>
      values.kind === null
        ? { ...schemaResolver(createAgencyBody, { sync: true })(toBody(values)), kind: AGENCY_TEXT.kindRequired }
        : schemaResolver(createAgencyBody, { sync: true })(toBody(values)),
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const agency = await create.mutateAsync(toBody(values) as CreateAgencyBody);
      draft.clear();
      notifications.show({ color: "green", message: AGENCY_TEXT.created });
      onCreated(agency);
      onClose();
    } catch (error) {
      setFailure(applyServerError(form, error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <TextInput label={AGENCY_TEXT.name} required {...form.getInputProps("name")} />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={AGENCY_TEXT.code}
            description={AGENCY_TEXT.codeHint}
            required
            {...form.getInputProps("code")}
            onChange={(e) => form.setFieldValue("code", e.currentTarget.value.toUpperCase())}
          />
          <TextInput label={AGENCY_TEXT.shortName} {...form.getInputProps("shortName")} />
        </Group>
        <Select
          label={AGENCY_TEXT.kind}
          data={KIND_OPTIONS}
          required
          allowDeselect={false}
          {...form.getInputProps("kind")}
        />
        <Select
          label={AGENCY_TEXT.parent}
          data={options}
          searchable
          clearable
          filter={vietnameseFilter}
          placeholder={AGENCY_TEXT.noParent}
          nothingFoundMessage={COMMON.nothingFound}
          {...form.getInputProps("parentId")}
        />
        <DateField label={AGENCY_TEXT.validFrom} required {...form.getInputProps("validFrom")} />
        <MultiSelect
          label={AGENCY_TEXT.predecessors}
          data={options}
          searchable
          clearable
          filter={vietnameseFilter}
          nothingFoundMessage={COMMON.nothingFound}
          {...form.getInputProps("predecessorIds")}
        />
        <FormActions draft={draft} onCancel={onClose} submit={COMMON.save} loading={create.isPending} />
      </Stack>
    </form>
  );
}

function toBody(values: CreateValues) {
  return {
    code: values.code,
    name: values.name,
    shortName: emptyToNull(values.shortName),
    kind: values.kind,
    parentId: values.parentId,
    validFrom: values.validFrom,
    predecessorIds: values.predecessorIds,
  };
}

interface EditValues {
  name: string;
  shortName: string;
  validTo: string | null;
}

export function EditAgencyModal({ agency, onClose }: { agency: Agency | null; onClose(): void }) {
  return (
    <Modal
      opened={agency !== null}
      onClose={onClose}
      title={agency ? AGENCY_TEXT.editTitle(agency.name) : ""}
      size="lg"
    >
      {agency ? <EditAgencyForm agency={agency} onClose={onClose} /> : null}
    </Modal>
  );
}

function EditAgencyForm({ agency, onClose }: { agency: Agency; onClose(): void }) {
  const update = useUpdateAgency();
  const [failure, setFailure] = useState<string | null>(null);
  // The version the form was started from; replaced only when the user reloads explicitly.
  const [version, setVersion] = useState(agency.version);
  const form = useAppForm<EditValues>({
    initialValues: { name: agency.name, shortName: agency.shortName ?? "", validTo: agency.validTo },
    validate: (values) => schemaResolver(updateAgencyBody, { sync: true })(toUpdate(values, version)),
  });

  const queryClient = useQueryClient();
  const [reloading, setReloading] = useState(false);
  const conflict = useVersionConflict(async () => {
    await queryClient.refetchQueries({ queryKey: AGENCIES_KEY });
    setReloading(true);
  });
  // Once the list has the newest data, the form shows it (the parent passes the fresh agency).
  useEffect(() => {
    if (!reloading) return;
    form.setValues({ name: agency.name, shortName: agency.shortName ?? "", validTo: agency.validTo });
    setVersion(agency.version);
    conflict.reset();
    setReloading(false);
  }, [reloading, agency]);

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    conflict.reset();
    try {
      await update.mutateAsync({ id: agency.id, body: toUpdate(values, version) });
      notifications.show({ color: "green", message: AGENCY_TEXT.updated });
      onClose();
    } catch (error) {
      if (!conflict.caught(error)) setFailure(applyServerError(form, error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <VersionConflictAlert conflict={conflict} text={AGENCY_TEXT} />
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <TextInput label={AGENCY_TEXT.name} required {...form.getInputProps("name")} />
        <TextInput label={AGENCY_TEXT.shortName} {...form.getInputProps("shortName")} />
        <DateField
          label={AGENCY_TEXT.validTo}
          description={AGENCY_TEXT.endDateHint}
          clearable
          {...form.getInputProps("validTo")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {COMMON.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function toUpdate(values: EditValues, version: number) {
  return { version, name: values.name, shortName: emptyToNull(values.shortName), validTo: values.validTo };
}
