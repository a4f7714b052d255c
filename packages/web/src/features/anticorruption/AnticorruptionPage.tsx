import { Tabs } from "@mantine/core";
import { useSession } from "../auth/session.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { useUrlState } from "../../ui/url-state.ts";
import { CampaignPanel } from "./CampaignPanel.tsx";
import { CasesPanel } from "./CasesPanel.tsx";
import { RegistersPanel } from "./RegistersPanel.tsx";
import { LotteryPanel } from "./LotteryPanel.tsx";
import { MyDeclarations } from "./MyDeclarations.tsx";
import { PeoplePanel } from "./PeoplePanel.tsx";
import { RotationPanel } from "./RotationPanel.tsx";
import { AC_TEXT } from "./text.ts";

type Tab = "campaign" | "lottery" | "rotation" | "cases" | "registers" | "people" | "mine";

/**
 * The anti-corruption work of an agency: the declaration campaign, the verification plan and its
 * lottery, officials and positions; and for every user, his own declarations.
 */
export default function AnticorruptionPage() {
  const { can } = useSession();
  const officer = can("anticorruption.read");
  const tabs: Tab[] = officer ? ["campaign", "lottery", "rotation", "cases", "registers", "people", "mine"] : ["mine"];
  const { params, update } = useUrlState();
  const asked = params.get("phan") as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : tabs[0]!;
  return (
    <>
      <PageHeader title={AC_TEXT.title} description={AC_TEXT.description} />
      <Tabs value={tab} onChange={(value) => update({ phan: value === tabs[0] ? null : value })} keepMounted={false}>
        <Tabs.List aria-label={AC_TEXT.tabsLabel} mb="md">
          {tabs.map((t) => (
            <Tabs.Tab key={t} value={t}>
              {AC_TEXT.tabs[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {officer ? (
          <>
            <Tabs.Panel value="campaign">
              <CampaignPanel write={can("anticorruption.write")} />
            </Tabs.Panel>
            <Tabs.Panel value="lottery">
              <LotteryPanel write={can("anticorruption.write")} />
            </Tabs.Panel>
            <Tabs.Panel value="rotation">
              <RotationPanel write={can("anticorruption.write")} />
            </Tabs.Panel>
            <Tabs.Panel value="cases">
              <CasesPanel write={can("anticorruption.write")} />
            </Tabs.Panel>
            <Tabs.Panel value="registers">
              <RegistersPanel write={can("anticorruption.write")} />
            </Tabs.Panel>
            <Tabs.Panel value="people">
              <PeoplePanel write={can("anticorruption.write")} />
            </Tabs.Panel>
          </>
        ) : null}
        <Tabs.Panel value="mine">
          <MyDeclarations />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
