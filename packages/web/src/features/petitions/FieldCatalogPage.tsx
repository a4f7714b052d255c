import { FIELD_GROUPS, type FieldGroup } from "@minhbach/domain";
import {
  createPetitionFieldBody,
  REPORT_GROUP_LABELS,
  updatePetitionFieldBody,
  type CreatePetitionFieldBody,
  type UpdatePetitionFieldBody,
} from "@minhbach/domain/api/petition-follow-up";
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { schemaResolver } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { reportServerError } from "../../ui/forms.ts";
import { formatNumber } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { COMMON } from "../../ui/text.ts";
import { useSession } from "../auth/session.tsx";
import { useDeletePetitionField, usePetitionFields, useSavePetitionField, type PetitionFieldView } from "./api.ts";
import { FIELD_CATALOG_TEXT as T } from "./text.ts";
import { useAppForm } from "../../ui/use-app-form.ts";

const GROUP_OPTIONS = Object.entries(FIELD_GROUPS).map(([value, label]) => ({ value, label }));
const REPORT_OPTIONS = Object.entries(REPORT_GROUP_LABELS).map(([value, label]) => ({ value, label }));

/**
 * Quản trị › Danh mục lĩnh vực: the installation's field catalogue. Administrators rename,
 * regroup, reorder and deactivate fields and add new ones; the code never changes, and a field
 * in use is deactivated rather than deleted (the server refuses otherwise and says why).
 */
export default function FieldCatalogPage() {
  const fields = usePetitionFields();
  const { can } = useSession();
  const canManage = can("agency.manage");
  const remove = useDeletePetitionField();
  const [editing, setEditing] = useState<PetitionFieldView | "new" | null>(null);
  const [removing, setRemoving] = useState<PetitionFieldView | null>(null);

  const confirmRemove = async () => {
    if (!removing) return;
    try {
      await remove.mutateAsync(removing.code);
      notifications.show({ color: "green", message: T.removed });
    } catch (error) {
      notifications.show({ color: "red", message: errorMessage(error) });
    }
    setRemoving(null);
  };

  return (
    <>
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing("new")}>
              {T.add}
            </Button>
          ) : null
        }
      />
      <Paper withBorder p="md">
        <QueryStatus query={fields} />
        {fields.data && fields.data.length === 0 ? <Text>{T.empty}</Text> : null}
        {fields.data && fields.data.length > 0 ? (
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" data-testid="field-catalog-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{T.position}</Table.Th>
                  <Table.Th>{T.code}</Table.Th>
                  <Table.Th>{T.name}</Table.Th>
                  <Table.Th>{T.group}</Table.Th>
                  <Table.Th>{T.reportGroup}</Table.Th>
                  <Table.Th>{T.inUse}</Table.Th>
                  <Table.Th>{T.status}</Table.Th>
                  {canManage ? <Table.Th>{T.actions}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {fields.data.map((f, i) => (
                  <Table.Tr key={f.code} data-code={f.code}>
                    {/* Officers count from 1; the stored sort key (from 0, with gaps) is not theirs to read. */}
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <Text size="sm" ff="monospace">
                        {f.code}
                      </Text>
                      {f.builtIn ? (
                        <Badge size="xs" variant="light" color="gray" tt="none">
                          {T.builtIn}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{f.name}</Table.Td>
                    <Table.Td>{FIELD_GROUPS[f.group as FieldGroup] ?? f.group}</Table.Td>
                    <Table.Td>
                      {REPORT_GROUP_LABELS[f.reportGroup as keyof typeof REPORT_GROUP_LABELS] ?? f.reportGroup}
                    </Table.Td>
                    <Table.Td>{formatNumber(f.inUse)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={f.active ? "green" : "gray"} tt="none">
                        {f.active ? T.active : T.inactive}
                      </Badge>
                    </Table.Td>
                    {canManage ? (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            leftSection={<IconPencil size={14} aria-hidden />}
                            aria-label={T.editFor(f.name)}
                            onClick={() => setEditing(f)}
                          >
                            {T.edit}
                          </Button>
                          {!f.builtIn && f.inUse === 0 ? (
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              leftSection={<IconTrash size={14} aria-hidden />}
                              aria-label={T.removeFor(f.name)}
                              onClick={() => setRemoving(f)}
                            >
                              {T.remove}
                            </Button>
                          ) : null}
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? T.add : editing ? T.editFor(editing.name) : ""}
      >
        {editing ? (
          <FieldForm key={editing === "new" ? "new" : editing.code} field={editing} onClose={() => setEditing(null)} />
        ) : null}
      </Modal>
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={T.remove}>
        <Stack>
          <Text>{removing ? T.removeConfirm(removing.name) : ""}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {COMMON.cancel}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => void confirmRemove()}>
              {T.remove}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

interface FieldValues {
  code: string;
  name: string;
  group: string | null;
  reportGroup: string | null;
  active: boolean;
  sort: number | string;
}

function FieldForm({ field, onClose }: { field: PetitionFieldView | "new"; onClose(): void }) {
  const creating = field === "new";
  const save = useSavePetitionField();
  const [failure, setFailure] = useState<string | null>(null);
  const bodyOf = (v: FieldValues) => {
    const common = {
      name: v.name,
      group: v.group ?? undefined,
      reportGroup: v.reportGroup ?? undefined,
      active: v.active,
      // The form counts from 1, the stored sort key from 0.
      ...(v.sort === "" ? {} : { sort: Number(v.sort) - 1 }),
    };
    return creating ? { code: v.code.trim(), ...common } : common;
  };
  const form = useAppForm<FieldValues>({
    initialValues: creating
      ? { code: "", name: "", group: null, reportGroup: null, active: true, sort: "" }
      : {
          code: field.code,
          name: field.name,
          group: field.group,
          reportGroup: field.reportGroup,
          active: field.active,
          sort: field.sort + 1,
        },
    validate: (values) =>
      schemaResolver(creating ? createPetitionFieldBody : updatePetitionFieldBody, { sync: true })(bodyOf(values)),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      // The form's schema has checked the body above.
      const body = bodyOf(values);
      await save.mutateAsync(
        field === "new"
          ? { code: null, body: body as CreatePetitionFieldBody }
          : { code: field.code, body: body as UpdatePetitionFieldBody },
      );
      notifications.show({ color: "green", message: T.saved });
      onClose();
    } catch (error) {
      setFailure(reportServerError(form, error));
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="field-form">
      <Stack gap="sm">
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <TextInput
          label={T.code}
          description={creating ? T.codeHint : undefined}
          required={creating}
          disabled={!creating}
          {...form.getInputProps("code")}
        />
        <TextInput label={T.name} required {...form.getInputProps("name")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select label={T.group} required data={GROUP_OPTIONS} {...form.getInputProps("group")} />
          <Select label={T.reportGroup} required data={REPORT_OPTIONS} {...form.getInputProps("reportGroup")} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput label={T.sort} min={1} max={10001} allowDecimal={false} {...form.getInputProps("sort")} />
          <Switch mt="xl" label={T.active} {...form.getInputProps("active", { type: "checkbox" })} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {COMMON.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {COMMON.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
