/**
 * The year's plans of the agencies in the user's scope, the way to start one's own, and the links
 * to the subjects registry and the overlap board.
 */
import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { errorMessage } from "../../../api/client.ts";
import { PageHeader } from "../../../ui/PageHeader.tsx";
import { QueryStatus } from "../../../ui/QueryState.tsx";
import { useUrlState } from "../../../ui/url-state.ts";
import { useSession } from "../../auth/session.tsx";
import { useCreatePlan, usePlans } from "./api.ts";
import { PLAN_TEXT, PLANS_PATH } from "./text.ts";

export function useYear(): [number, (year: number) => void] {
  const { params, update } = useUrlState();
  const thisYear = new Date().getFullYear();
  const asked = Number(params.get("year"));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2200 ? asked : thisYear;
  return [year, (y: number) => update({ year: y === thisYear ? null : String(y) })];
}

export default function PlansPage() {
  const [year, setYear] = useYear();
  const plans = usePlans(year);
  const create = useCreatePlan();
  const navigate = useNavigate();
  const session = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const canWrite = session.can("inspection.write");
  return (
    <>
      <PageHeader
        title={PLAN_TEXT.title}
        description={PLAN_TEXT.description}
        actions={
          <Group gap="sm">
            <Anchor component={Link} to={`${PLANS_PATH}/doi-tuong`}>
              {PLAN_TEXT.subjectsLink}
            </Anchor>
            <Anchor component={Link} to={`${PLANS_PATH}/trung-lap?year=${year}`}>
              {PLAN_TEXT.boardLink}
            </Anchor>
          </Group>
        }
      />
      <Group mb="md" align="flex-end">
        <NumberInput
          label={PLAN_TEXT.year}
          value={year}
          min={2000}
          max={2200}
          w={120}
          onChange={(v) => typeof v === "number" && setYear(v)}
        />
        {canWrite ? (
          <Button
            loading={create.isPending}
            onClick={async () => {
              setFailure(null);
              try {
                const plan = await create.mutateAsync({ year });
                notifications.show({ color: "green", message: `${plan.title}: đã lập dự thảo.` });
                void navigate(`${PLANS_PATH}/${plan.id}`);
              } catch (error) {
                setFailure(errorMessage(error));
              }
            }}
          >
            {PLAN_TEXT.create} {year}
          </Button>
        ) : null}
      </Group>
      {failure ? (
        <Alert color="red" role="alert" mb="md">
          {failure}
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        <QueryStatus query={plans} />
        {plans.data && plans.data.items.length === 0 ? <Text>{PLAN_TEXT.noPlans}</Text> : null}
        {plans.data && plans.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs" data-testid="plans-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{PLAN_TEXT.agency}</Table.Th>
                  <Table.Th>{PLAN_TEXT.title}</Table.Th>
                  <Table.Th w={150}>{PLAN_TEXT.status}</Table.Th>
                  <Table.Th w={140}>{PLAN_TEXT.decision}</Table.Th>
                  <Table.Th w={90}>{PLAN_TEXT.items}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plans.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.agencyName}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`${PLANS_PATH}/${p.id}`} fw={700}>
                        {p.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={p.status === "issued" ? "green" : p.status === "adjusting" ? "orange" : "gray"}>
                        {p.statusLabel}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{p.decisionSymbol ?? ""}</Table.Td>
                    <Table.Td>{p.itemCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
    </>
  );
}
