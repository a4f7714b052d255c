import { ROLE_CODES, ROLES, compareVietnamese, type RoleCode } from "@minhbach/domain";
import type { User } from "@minhbach/domain/api/users";
import { ActionIcon, Badge, Button, Group, Menu, Modal, Select, Stack, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDots, IconKey, IconLock, IconLockOpen, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { errorMessage, isApiError } from "../../api/client.ts";
import { SortableTh } from "../../ui/DataTable.tsx";
import { formatDateTime, formatNumber } from "../../ui/format.ts";
import { ClearFilters, FilterPanel, ListExport, ListResults, SearchField } from "../../ui/list-page/ListPage.tsx";
import { useListState } from "../../ui/list-page/list-state.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { vietnameseFilter } from "../../ui/select-filter.ts";
import { COMMON } from "../../ui/text.ts";
import { useAgencies, useAllAgencies } from "../agencies/api.ts";
import { useMe, useSession } from "../auth/session.tsx";
import { fetchAllUsers, useUpdateUser, useUsers, type UserFilters } from "./api.ts";
import { ResetPasswordModal } from "./ResetPasswordModal.tsx";
import { CreateUserModal, EditUserModal } from "./UserFormModal.tsx";
import { USER_TEXT } from "./text.ts";

type SortKey = "username" | "fullName" | "createdAt" | "lastLoginAt";
const SORT_KEYS: readonly SortKey[] = ["username", "fullName", "createdAt", "lastLoginAt"];
const FILTERS = { q: "search", agencyId: "text", role: "text", status: "text" } as const;

function roleName(code: RoleCode): string {
  return ROLES[code]?.name ?? code;
}

export default function UsersPage() {
  const me = useMe();
  const { can } = useSession();
  const canManage = can("user.manage");
  const list = useListState({
    filters: FILTERS,
    sort: { keys: SORT_KEYS, default: "username", order: "asc" },
  });
  const { params, update, sort, order } = list;
  const filters: UserFilters = { ...(list.query as Omit<UserFilters, "sort" | "order">), sort, order };
  const users = useUsers({ ...filters, page: list.page, pageSize: list.pageSize });
  const all = useAllAgencies();
  const current = useAgencies();
  const agencyOptions = useMemo(
    () =>
      [...(all.data ?? [])]
        .sort((a, b) => compareVietnamese(a.name, b.name))
        .map((a) => ({ value: a.id, label: a.name })),
    [all.data],
  );
  const roleOptions = ROLE_CODES.map((code) => ({ value: code, label: roleName(code) }));

  const editingId = params.get("edit");
  const creating = params.get("new") === "1";
  const editing = editingId ? (users.data?.items.find((u) => u.id === editingId) ?? null) : null;
  const [resetting, setResetting] = useState<User | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);

  const loadExport = async (onProgress: (done: number, total: number) => void) => {
    const items = await fetchAllUsers(filters, onProgress);
    return {
      headers: [
        USER_TEXT.username,
        USER_TEXT.fullName,
        USER_TEXT.email,
        USER_TEXT.agency,
        USER_TEXT.roles,
        USER_TEXT.status,
        USER_TEXT.lastLogin,
        USER_TEXT.createdAt,
      ],
      rows: items.map((u) => [
        u.username,
        u.fullName,
        u.email ?? "",
        u.agencyName,
        u.roles.map(roleName).join(", "),
        u.disabled ? USER_TEXT.statusDisabled : USER_TEXT.statusActive,
        u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "",
        formatDateTime(u.createdAt),
      ]),
    };
  };

  return (
    <>
      <PageHeader
        title={USER_TEXT.title}
        description={USER_TEXT.description}
        actions={
          <>
            <ListExport texts={USER_TEXT} load={loadExport} />
            {canManage ? (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => update({ new: "1" }, false)}>
                {USER_TEXT.create}
              </Button>
            ) : null}
          </>
        }
      />

      <FilterPanel label={USER_TEXT.filters}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <SearchField
            label={USER_TEXT.search}
            placeholder={USER_TEXT.searchPlaceholder}
            {...list.text("q")}
            style={{ flex: "2 1 240px" }}
          />
          <Select
            label={USER_TEXT.filterAgency}
            placeholder={USER_TEXT.allAgencies}
            data={agencyOptions}
            {...list.field("agencyId")}
            searchable
            clearable
            filter={vietnameseFilter}
            nothingFoundMessage={COMMON.nothingFound}
            style={{ flex: "2 1 220px" }}
          />
          <Select
            label={USER_TEXT.filterRole}
            placeholder={USER_TEXT.allRoles}
            data={roleOptions}
            {...list.field("role")}
            clearable
            style={{ flex: "1 1 180px" }}
          />
          <Select
            label={USER_TEXT.filterStatus}
            placeholder={USER_TEXT.allStatuses}
            data={[
              { value: "active", label: USER_TEXT.statusActive },
              { value: "disabled", label: USER_TEXT.statusDisabled },
            ]}
            {...list.field("status")}
            clearable
            style={{ flex: "1 1 160px" }}
          />
          <ClearFilters active={list.active} onClear={list.clear} />
        </Group>
      </FilterPanel>

      <ListResults query={users} paging={list.paging}>
        {(data) => (
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="users-table">
              <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
                {USER_TEXT.total(formatNumber(data.total))}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh column="username" {...list.sorting}>
                    {USER_TEXT.username}
                  </SortableTh>
                  <SortableTh column="fullName" {...list.sorting}>
                    {USER_TEXT.fullName}
                  </SortableTh>
                  <Table.Th>{USER_TEXT.agency}</Table.Th>
                  <Table.Th>{USER_TEXT.roles}</Table.Th>
                  <Table.Th>{USER_TEXT.status}</Table.Th>
                  <SortableTh column="lastLoginAt" {...list.sorting}>
                    {USER_TEXT.lastLogin}
                  </SortableTh>
                  <SortableTh column="createdAt" {...list.sorting}>
                    {USER_TEXT.createdAt}
                  </SortableTh>
                  {canManage ? <Table.Th w={70}>{USER_TEXT.actions}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={canManage ? 8 : 7}>{USER_TEXT.empty}</Table.Td>
                  </Table.Tr>
                ) : null}
                {data.items.map((u) => (
                  <Table.Tr key={u.id} data-username={u.username}>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {u.username}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {u.fullName}
                      {u.id === me.user.id ? (
                        <Badge ml={6} size="xs" variant="light" color="blue">
                          {USER_TEXT.self}
                        </Badge>
                      ) : null}
                      {u.email ? (
                        <Text size="xs" c="gray.7">
                          {u.email}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{u.agencyName}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {u.roles.map((code) => (
                          <Text key={code} size="sm">
                            {roleName(code)}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <Badge variant="light" color={u.disabled ? "red" : "green"}>
                        {u.disabled ? USER_TEXT.statusDisabled : USER_TEXT.statusActive}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : USER_TEXT.neverLoggedIn}</Table.Td>
                    <Table.Td>{formatDateTime(u.createdAt)}</Table.Td>
                    {canManage ? (
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={USER_TEXT.actionsFor(u.username)}>
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item
                              leftSection={<IconPencil size={16} aria-hidden />}
                              onClick={() => update({ edit: u.id }, false)}
                            >
                              {USER_TEXT.edit}
                            </Menu.Item>
                            <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setResetting(u)}>
                              {USER_TEXT.resetPassword}
                            </Menu.Item>
                            {u.id !== me.user.id ? (
                              <Menu.Item
                                color={u.disabled ? undefined : "red"}
                                leftSection={
                                  u.disabled ? (
                                    <IconLockOpen size={16} aria-hidden />
                                  ) : (
                                    <IconLock size={16} aria-hidden />
                                  )
                                }
                                onClick={() => setToggling(u)}
                              >
                                {u.disabled ? USER_TEXT.enable : USER_TEXT.disable}
                              </Menu.Item>
                            ) : null}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListResults>

      {canManage ? (
        <>
          <CreateUserModal
            opened={creating}
            onClose={() => update({ new: null }, false)}
            agencies={current.data ?? []}
            defaultAgencyId={me.agency.id}
          />
          <EditUserModal user={editing} onClose={() => update({ edit: null }, false)} agencies={all.data ?? []} />
          <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
          <ToggleDisabledModal user={toggling} onClose={() => setToggling(null)} />
        </>
      ) : null}
    </>
  );
}

function ToggleDisabledModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const update = useUpdateUser();
  const [failure, setFailure] = useState<string | null>(null);
  if (!user) return <Modal opened={false} onClose={onClose} title="" />;
  const disabling = !user.disabled;
  const confirm = async () => {
    setFailure(null);
    try {
      await update.mutateAsync({ id: user.id, body: { version: user.version, disabled: disabling } });
      notifications.show({
        color: "green",
        message: disabling ? USER_TEXT.disabled(user.username) : USER_TEXT.enabled(user.username),
      });
      onClose();
    } catch (error) {
      setFailure(isApiError(error, "VERSION_CONFLICT") ? USER_TEXT.conflict : errorMessage(error));
    }
  };
  return (
    <Modal
      opened
      onClose={() => {
        setFailure(null);
        onClose();
      }}
      title={disabling ? USER_TEXT.disableConfirmTitle : USER_TEXT.enableConfirmTitle}
    >
      <Stack>
        <Text>{disabling ? USER_TEXT.disableConfirm(user.username) : USER_TEXT.enableConfirm(user.username)}</Text>
        {failure ? (
          <Text c="red.9" role="alert">
            {failure}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button color={disabling ? "red" : "blue"} onClick={() => void confirm()} loading={update.isPending}>
            {disabling ? USER_TEXT.disable : USER_TEXT.enable}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
