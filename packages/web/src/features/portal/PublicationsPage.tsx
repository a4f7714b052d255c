/**
 * "Công khai kết quả": what the agencies in the reader's scope publish on the portal, each with its
 * window and status; a publication can be withdrawn with a reason. A new one is made from the issued
 * paper itself (the "Công khai kết quả" button on the case's or inspection's documents).
 */
import type { PublicationView } from "@minhbach/domain/api/routes/portal";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { call } from "../../api/call.ts";
import { errorMessage } from "../../api/client.ts";
import { formatDate } from "../../ui/format.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";

const STATUS: Record<PublicationView["status"], { label: string; color: string }> = {
  shown: { label: "Đang công khai", color: "green" },
  scheduled: { label: "Chưa đến ngày", color: "blue" },
  expired: { label: "Hết thời hạn", color: "gray" },
  withdrawn: { label: "Đã rút", color: "red" },
};

const fold = (s: string) =>
  s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

export default function PublicationsPage() {
  const list = useQuery({
    queryKey: ["portal", "publications"],
    queryFn: ({ signal }) => call("portal.publications.list", { signal }),
  });
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<"all" | PublicationView["status"]>("all");
  const [withdrawing, setWithdrawing] = useState<PublicationView | null>(null);
  const rows = useMemo(() => {
    const words = fold(q).split(/\s+/).filter(Boolean);
    return (list.data ?? []).filter(
      (p) =>
        (status === "all" || p.status === status) &&
        words.every((w) => fold(`${p.title} ${p.symbol} ${p.agencyName}`).includes(w)),
    );
  }, [list.data, q, status]);
  return (
    <Stack>
      <PageHeader
        title="Công khai kết quả"
        description="Quyết định giải quyết khiếu nại, kết luận nội dung tố cáo, kết luận thanh tra đã công khai trên cổng công dân. Công khai một văn bản mới từ danh sách văn bản của vụ việc hoặc cuộc thanh tra."
      />
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Tìm theo tiêu đề, số văn bản, cơ quan"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: "1 1 240px" }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="publication-status-label">
            Trạng thái
          </Text>
          <SegmentedControl
            aria-labelledby="publication-status-label"
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            data={[
              { value: "all", label: "Tất cả" },
              ...Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label })),
            ]}
          />
        </Stack>
      </Group>
      <QueryStatus query={list} />
      {list.data && rows.length === 0 ? <Text size="sm">Chưa có kết quả nào phù hợp.</Text> : null}
      <Stack gap="sm" data-testid="publications">
        {rows.map((p) => (
          <Paper key={p.id} withBorder p="sm" data-testid="publication-row">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2} style={{ flex: "1 1 260px", minWidth: 0 }}>
                <Text fw={700} size="sm">
                  {p.status === "shown" ? (
                    <Anchor href={`/cong-dan/cong-khai/${p.id}`} target="_blank" rel="noopener">
                      {p.title}
                    </Anchor>
                  ) : (
                    p.title
                  )}
                </Text>
                <Text size="xs" c="gray.7">
                  {p.kindLabel} — {p.agencyName}
                </Text>
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light" color={STATUS[p.status].color} tt="none">
                    {STATUS[p.status].label}
                  </Badge>
                  <Text size="sm">
                    Công khai từ {formatDate(p.publishedOn)} đến hết {formatDate(p.visibleUntil)}
                    {p.publishedByName ? ` (${p.publishedByName})` : ""}
                  </Text>
                </Group>
                {p.withdrawnReason ? (
                  <Text size="sm" c="gray.7">
                    Lý do rút: {p.withdrawnReason}
                  </Text>
                ) : null}
              </Stack>
              {p.status !== "withdrawn" ? (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Rút công khai: ${p.title}`}
                  onClick={() => setWithdrawing(p)}
                >
                  Rút công khai
                </Button>
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
      {withdrawing ? <WithdrawModal publication={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </Stack>
  );
}

function WithdrawModal({ publication, onClose }: { publication: PublicationView; onClose(): void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const withdraw = useMutation({
    mutationFn: () => call("portal.publications.withdraw", { params: { id: publication.id }, body: { reason } }),
    onSuccess: async () => {
      notifications.show({ color: "green", message: "Đã rút kết quả khỏi cổng." });
      await queryClient.invalidateQueries({ queryKey: ["portal"] });
      onClose();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Modal opened onClose={onClose} title="Rút kết quả khỏi cổng">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          withdraw.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{publication.title}</Text>
          <Alert color="yellow">Kết quả không còn hiển thị trên cổng ngay khi rút.</Alert>
          <Textarea
            label="Lý do rút công khai"
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
            autosize
            minRows={3}
            maxLength={2000}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Đóng
            </Button>
            <Button type="submit" color="red" loading={withdraw.isPending}>
              Rút công khai
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
