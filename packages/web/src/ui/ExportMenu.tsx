import { Button, Menu } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconFileSpreadsheet, IconFileText } from "@tabler/icons-react";
import { useState } from "react";
import { errorMessage } from "../api/client.ts";
import { downloadCsv, downloadXlsx, type Table } from "./export-file.ts";
import { todayIso } from "./format.ts";
import { COMMON } from "./text.ts";

/**
 * "Xuất" with CSV and Excel: `load` produces the whole filtered list (all pages), reporting
 * progress through `onProgress` so a long export shows it is working.
 */
export function ExportMenu({
  fileName,
  sheetName,
  load,
  progressText,
  doneText,
}: {
  fileName: string;
  sheetName: string;
  load(onProgress: (done: number, total: number) => void): Promise<Table>;
  progressText(done: number, total: number): string;
  doneText(count: number): string;
}) {
  const [busy, setBusy] = useState(false);
  const run = async (kind: "csv" | "xlsx") => {
    setBusy(true);
    const id = `export-${fileName}`;
    notifications.show({ id, loading: true, message: COMMON.exporting, autoClose: false, withCloseButton: false });
    try {
      const table = await load((done, total) =>
        notifications.update({ id, loading: true, message: progressText(done, total), autoClose: false }),
      );
      const name = `${fileName}-${todayIso()}`;
      if (kind === "csv") downloadCsv(`${name}.csv`, table);
      else await downloadXlsx(`${name}.xlsx`, sheetName, table);
      notifications.update({
        id,
        loading: false,
        color: "green",
        message: doneText(table.rows.length),
        autoClose: 4000,
      });
    } catch (error) {
      notifications.update({ id, loading: false, color: "red", message: errorMessage(error), autoClose: 8000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} loading={busy}>
          {COMMON.exportList}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => void run("xlsx")}>
          {COMMON.exportExcel} (.xlsx)
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={16} aria-hidden />} onClick={() => void run("csv")}>
          {COMMON.exportCsv} (.csv)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
