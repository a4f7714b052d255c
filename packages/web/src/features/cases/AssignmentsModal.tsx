import { assignmentBody } from "@minhbach/domain/api/case-views";
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack } from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { reportServerError } from "../../ui/forms.ts";
import { usePhone } from "../../ui/responsive.ts";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useVersionConflict, VersionConflictAlert } from "../../ui/VersionConflict.tsx";
import { useSession } from "../auth/session.tsx";
import { useResolvers, useSetAssignments, type CaseDetail } from "./api.ts";
import { CASE_TEXT } from "./text.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

/** The resolvers of the case's agency, plus whoever is assigned now (even if they lost the role). */
export function useResolverOptions(agencyId: string, current: { userId: string; name: string }[] = []) {
  const { can } = useSession();
  const resolvers = useResolvers(agencyId, can("user.read"));
  const options = new Map<string, string>();
  for (const a of current) options.set(a.userId, a.name);
  for (const u of resolvers.data ?? []) options.set(u.id, u.fullName);
  return {
    loading: resolvers.isPending && resolvers.fetchStatus !== "idle",
    options: [...options].map(([value, label]) => ({ value, label })),
  };
}

export function AssignmentsModal({
  detail,
  opened,
  onClose,
  onReload,
}: {
  detail: CaseDetail;
  opened: boolean;
  onClose(): void;
  onReload(): Promise<unknown>;
}) {
  const phone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={CASE_TEXT.assignTitle} fullScreen={phone}>
      {opened ? <AssignmentsForm detail={detail} onClose={onClose} onReload={onReload} /> : null}
    </Modal>
  );
}

interface AssignmentValues {
  leadId: string | null;
  memberIds: string[];
}

function AssignmentsForm({
  detail,
  onClose,
  onReload,
}: {
  detail: CaseDetail;
  onClose(): void;
  onReload(): Promise<unknown>;
}) {
  const save = useSetAssignments();
  const { options, loading } = useResolverOptions(detail.agencyId, detail.assignments);
  const [failure, setFailure] = useState<string | null>(null);
  const conflict = useVersionConflict(onReload);
  const body = (v: AssignmentValues) => ({
    version: detail.version,
    leadId: v.leadId ?? "",
    memberIds: v.memberIds.filter((id) => id !== v.leadId),
  });
  const form = useAppForm<AssignmentValues>({
    initialValues: {
      leadId: detail.assignments.find((a) => a.role === "lead")?.userId ?? null,
      memberIds: detail.assignments.filter((a) => a.role === "member").map((a) => a.userId),
    },
    validate: (values) => schemaResolver(assignmentBody, { sync: true })(body(values)),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    conflict.reset();
    try {
      await save.mutateAsync({ id: detail.id, body: body(values) });
      notifications.show({ color: "green", message: CASE_TEXT.assigned });
      onClose();
    } catch (error) {
      if (!conflict.caught(error)) setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="assignments-form">
      <Stack gap="sm">
        <VersionConflictAlert conflict={conflict} text={CASE_TEXT} />
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        {!loading && options.length === 0 ? <Alert color="yellow">{CASE_TEXT.noResolvers}</Alert> : null}
        <Select
          label={CASE_TEXT.assignLead}
          required
          data={options}
          searchable
          filter={vietnameseFilter}
          nothingFoundMessage={COMMON.nothingFound}
          {...form.getInputProps("leadId")}
        />
        <MultiSelect
          label={CASE_TEXT.assignMembers}
          description={CASE_TEXT.assignMembersHint}
          data={options.filter((o) => o.value !== form.values.leadId)}
          searchable
          filter={vietnameseFilter}
          nothingFoundMessage={COMMON.nothingFound}
          {...form.getInputProps("memberIds")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {CASE_TEXT.assignSave}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
