import { createUserBody, updateUserBody, type CreateUserBody, type User } from "@minhbach/domain/api/users";
import type { RoleCode } from "@minhbach/domain";
import { compareVietnamese } from "@minhbach/domain";
import type { Agency } from "@minhbach/domain/api/agencies";
import { Alert, Button, Group, Modal, MultiSelect, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useDraft } from "../../ui/drafts.ts";
import { applyServerError, emptyToNull } from "../../ui/forms.ts";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useVersionConflict, VersionConflictAlert } from "../../ui/VersionConflict.tsx";
import { generatePassword, USERS_KEY, useCreateUser, useRoles, useUpdateUser } from "./api.ts";
import { USER_TEXT } from "./text.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

function useAgencyOptions(agencies: readonly Agency[]) {
  return useMemo(
    () => [...agencies].sort((a, b) => compareVietnamese(a.name, b.name)).map((a) => ({ value: a.id, label: a.name })),
    [agencies],
  );
}

function useRoleOptions() {
  const roles = useRoles();
  return useMemo(() => (roles.data ?? []).map((r) => ({ value: r.code, label: r.name })), [roles.data]);
}

interface CreateValues {
  username: string;
  fullName: string;
  position: string;
  email: string;
  agencyId: string | null;
  roles: RoleCode[];
  password: string;
}

function toCreateBody(v: CreateValues) {
  return {
    username: v.username.trim(),
    fullName: v.fullName,
    position: emptyToNull(v.position),
    email: emptyToNull(v.email),
    agencyId: v.agencyId,
    roles: v.roles,
    password: v.password,
  };
}

export function CreateUserModal({
  opened,
  onClose,
  agencies,
  defaultAgencyId,
}: {
  opened: boolean;
  onClose(): void;
  agencies: readonly Agency[];
  defaultAgencyId: string | null;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={USER_TEXT.createTitle} size="lg">
      {opened ? <CreateUserForm onClose={onClose} agencies={agencies} defaultAgencyId={defaultAgencyId} /> : null}
    </Modal>
  );
}

function CreateUserForm({
  onClose,
  agencies,
  defaultAgencyId,
}: {
  onClose(): void;
  agencies: readonly Agency[];
  defaultAgencyId: string | null;
}) {
  // The password is never written to the draft.
  const draft = useDraft<CreateValues>("user-create", ["password"]);
  const create = useCreateUser();
  const agencyOptions = useAgencyOptions(agencies);
  const roleOptions = useRoleOptions();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useAppForm<CreateValues>({
    initialValues: {
      username: "",
      fullName: "",
      position: "",
      email: "",
      agencyId: defaultAgencyId,
      roles: [],
      password: "",
      ...draft.load(),
    },
    onValuesChange: (values) => draft.save(values),
    validate: (values) => schemaResolver(createUserBody, { sync: true })(toCreateBody(values)),
  });

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const user = await create.mutateAsync(toCreateBody(values) as CreateUserBody);
      draft.clear();
      notifications.show({ color: "green", message: USER_TEXT.created(user.username) });
      onClose();
    } catch (error) {
      setFailure(applyServerError(form, error));
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="user-create-form">
      <Stack>
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <TextInput
          label={USER_TEXT.username}
          description={USER_TEXT.usernameHint}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...form.getInputProps("username")}
        />
        <TextInput label={USER_TEXT.fullName} required autoComplete="off" {...form.getInputProps("fullName")} />
        <TextInput
          label={USER_TEXT.position}
          description={USER_TEXT.positionHint}
          autoComplete="off"
          {...form.getInputProps("position")}
        />
        <TextInput label={USER_TEXT.email} type="email" autoComplete="off" {...form.getInputProps("email")} />
        <Select
          label={USER_TEXT.agency}
          data={agencyOptions}
          searchable
          required
          filter={vietnameseFilter}
          nothingFoundMessage={COMMON.nothingFound}
          {...form.getInputProps("agencyId")}
        />
        <MultiSelect
          label={USER_TEXT.roles}
          description={USER_TEXT.rolesHint}
          data={roleOptions}
          required
          searchable
          filter={vietnameseFilter}
          {...form.getInputProps("roles")}
        />
        <PasswordInput
          label={USER_TEXT.password}
          description={USER_TEXT.passwordHint}
          required
          autoComplete="new-password"
          {...form.getInputProps("password")}
        />
        <Group justify="space-between" wrap="wrap">
          <Button variant="subtle" size="compact-sm" onClick={() => form.setFieldValue("password", generatePassword())}>
            {USER_TEXT.generatePassword}
          </Button>
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => {
                draft.clear();
                onClose();
              }}
            >
              {COMMON.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {COMMON.save}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

interface EditValues {
  version: number;
  fullName: string;
  position: string;
  email: string;
  agencyId: string | null;
  roles: RoleCode[];
}

function editValuesOf(user: User): EditValues {
  return {
    version: user.version,
    fullName: user.fullName,
    position: user.position ?? "",
    email: user.email ?? "",
    agencyId: user.agencyId,
    roles: [...user.roles],
  };
}

function toUpdateBody(v: EditValues) {
  return {
    version: v.version,
    fullName: v.fullName,
    position: emptyToNull(v.position),
    email: emptyToNull(v.email),
    ...(v.agencyId ? { agencyId: v.agencyId } : {}),
    roles: v.roles,
  };
}

export function EditUserModal({
  user,
  onClose,
  agencies,
}: {
  user: User | null;
  onClose(): void;
  agencies: readonly Agency[];
}) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? USER_TEXT.editTitle(user.username) : ""} size="lg">
      {user ? <EditUserForm key={user.id} user={user} onClose={onClose} agencies={agencies} /> : null}
    </Modal>
  );
}

function EditUserForm({ user, onClose, agencies }: { user: User; onClose(): void; agencies: readonly Agency[] }) {
  // The version is part of the draft: a draft restored after a new login still detects a conflict.
  const draft = useDraft<EditValues>(`user-edit:${user.id}`);
  const update = useUpdateUser();
  const queryClient = useQueryClient();
  const agencyOptions = useAgencyOptions(agencies);
  const roleOptions = useRoleOptions();
  const [failure, setFailure] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const conflict = useVersionConflict(async () => {
    await queryClient.refetchQueries({ queryKey: USERS_KEY });
    setReloading(true);
  });
  const form = useAppForm<EditValues>({
    initialValues: { ...editValuesOf(user), ...draft.load() },
    onValuesChange: (values) => draft.save(values),
    validate: (values) => schemaResolver(updateUserBody, { sync: true })(toUpdateBody(values)),
  });

  useEffect(() => {
    if (!reloading) return;
    form.setValues(editValuesOf(user));
    draft.clear();
    conflict.reset();
    setReloading(false);
    // `form` and `draft` are stable for the life of this form.
  }, [reloading, user]);

  const close = () => {
    draft.clear();
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    conflict.reset();
    try {
      await update.mutateAsync({ id: user.id, body: toUpdateBody(values) });
      draft.clear();
      notifications.show({ color: "green", message: USER_TEXT.updated });
      onClose();
    } catch (error) {
      if (!conflict.caught(error)) setFailure(applyServerError(form, error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <VersionConflictAlert conflict={conflict} text={USER_TEXT} testId="version-conflict" />
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <TextInput label={USER_TEXT.username} value={user.username} readOnly variant="filled" />
        <TextInput label={USER_TEXT.fullName} required {...form.getInputProps("fullName")} />
        <TextInput
          label={USER_TEXT.position}
          description={USER_TEXT.positionHint}
          {...form.getInputProps("position")}
        />
        <TextInput label={USER_TEXT.email} type="email" {...form.getInputProps("email")} />
        <Select
          label={USER_TEXT.agency}
          data={agencyOptions}
          searchable
          required
          allowDeselect={false}
          filter={vietnameseFilter}
          nothingFoundMessage={COMMON.nothingFound}
          {...form.getInputProps("agencyId")}
        />
        <MultiSelect
          label={USER_TEXT.roles}
          data={roleOptions}
          required
          searchable
          filter={vietnameseFilter}
          {...form.getInputProps("roles")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
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
