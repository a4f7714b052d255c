import { Button, Menu, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconFileSpreadsheet, IconFileText } from "@tabler/icons-react";
import { useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { downloadCsv, type Table } from "../../ui/export-file.ts";
import { formatNumber, todayIso } from "../../ui/format.ts";
import { COMMON } from "../../ui/text.ts";
import { downloadPetitionsXlsx, type PetitionFilters } from "./api.ts";
import { FOLLOW_UP_TEXT, PETITION_TEXT } from "./text.ts";

/**
 * "Xuất danh sách" of the petition list: Excel of every petition matching the filters, written
 * by the server (up to 50,000 rows, the denouncer masked as in the list), or CSV built here from
 * the list pages.
 */
export function PetitionExportMenu({
  filters,
  loadCsv,
}: {
  filters: PetitionFilters;
  loadCsv(onProgress: (done: number, total: number) => void): Promise<Table>;
}) {
  const [busy, setBusy] = useState(false);
  const id = "export-petitions";

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    notifications.show({ id, loading: true, message: COMMON.exporting, autoClose: false, withCloseButton: false });
    try {
      const message = await work();
      notifications.update({ id, loading: false, color: "green", message, autoClose: 4000 });
    } catch (error) {
      notifications.update({ id, loading: false, color: "red", message: errorMessage(error), autoClose: 8000 });
    } finally {
      setBusy(false);
    }
  };

  const xlsx = () =>
    run(async () =>
      FOLLOW_UP_TEXT.exportAllDone(await downloadPetitionsXlsx(filters, FOLLOW_UP_TEXT.exportAllFileName)),
    );

  const csv = () =>
    run(async () => {
      const table = await loadCsv((done, total) =>
        notifications.update({
          id,
          loading: true,
          message: PETITION_TEXT.exportProgress(formatNumber(done), formatNumber(total)),
          autoClose: false,
        }),
      );
      downloadCsv(`${PETITION_TEXT.exportFileName}-${todayIso()}.csv`, table);
      return PETITION_TEXT.exported(formatNumber(table.rows.length));
    });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} loading={busy}>
          {COMMON.exportList}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => void xlsx()}>
          {FOLLOW_UP_TEXT.exportAll}
          <Text size="xs" c="gray.7">
            {FOLLOW_UP_TEXT.exportAllHint}
          </Text>
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={16} aria-hidden />} onClick={() => void csv()}>
          {COMMON.exportCsv} (.csv)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
