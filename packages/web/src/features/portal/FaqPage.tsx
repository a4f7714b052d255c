/**
 * "Hỏi đáp trên cổng": the frequent questions of the officer's agency, written and kept here and
 * shown on the portal (/cong-dan/hoi-dap) while "Hiển thị trên cổng" is on.
 */
import type { FaqView } from "@minhbach/domain/api/routes/portal";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { call } from "../../api/call.ts";
import { splitServerError } from "../../ui/forms.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { QueryStatus } from "../../ui/QueryState.tsx";
import { useMe } from "../auth/session.tsx";

const KEY = ["portal", "faq"] as const;

const fold = (s: string) =>
  s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

export default function FaqPage() {
  const list = useQuery({ queryKey: KEY, queryFn: ({ signal }) => call("portal.faq.list", { signal }) });
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<FaqView | "new" | null>(null);
  const rows = useMemo(() => {
    const words = fold(q).split(/\s+/).filter(Boolean);
    return (list.data ?? []).filter((f) => words.every((w) => fold(`${f.question} ${f.answer}`).includes(w)));
  }, [list.data, q]);
  return (
    <Stack>
      <PageHeader
        title="Hỏi đáp trên cổng"
        description={
          <>
            Câu hỏi thường gặp và câu trả lời của cơ quan, hiển thị tại trang{" "}
            <Anchor href="/cong-dan/hoi-dap" target="_blank" rel="noopener">
              Hỏi đáp
            </Anchor>{" "}
            của cổng công dân.
          </>
        }
        actions={<Button onClick={() => setEditing("new")}>Thêm câu hỏi</Button>}
      />
      <TextInput label="Tìm câu hỏi" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <QueryStatus query={list} />
      {list.data && rows.length === 0 ? <Text size="sm">Chưa có câu hỏi nào.</Text> : null}
      <Stack gap="sm">
        {rows.map((f) => (
          <Paper key={f.id} withBorder p="sm" data-testid="faq-row">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2} style={{ flex: "1 1 260px", minWidth: 0 }}>
                <Text fw={700} size="sm">
                  {f.question}
                </Text>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {f.answer}
                </Text>
                <Group gap="xs">
                  <Badge variant="light" color={f.published ? "green" : "gray"} tt="none">
                    {f.published ? "Hiển thị trên cổng" : "Đang ẩn"}
                  </Badge>
                  <Text size="xs" c="gray.7">
                    {f.agencyName} — thứ tự {f.position}
                  </Text>
                </Group>
              </Stack>
              <Button size="xs" variant="light" aria-label={`Sửa câu hỏi: ${f.question}`} onClick={() => setEditing(f)}>
                Sửa
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      {editing ? <FaqModal faq={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

function FaqModal({ faq, onClose }: { faq: FaqView | null; onClose(): void }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const [question, setQuestion] = useState(faq?.question ?? "");
  const [answer, setAnswer] = useState(faq?.answer ?? "");
  const [position, setPosition] = useState<number>(faq?.position ?? 0);
  const [published, setPublished] = useState(faq?.published ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      faq
        ? call("portal.faq.update", {
            params: { id: faq.id },
            body: { question, answer, position, published, version: faq.version },
          })
        : call("portal.faq.create", { body: { agencyId: me.agency.id, question, answer, position, published } }),
    onSuccess: async () => {
      notifications.show({ color: "green", message: "Đã lưu câu hỏi." });
      await queryClient.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: (error) => {
      const { errors, failure } = splitServerError(error, ["question", "answer", "position"]);
      setErrors(errors);
      setFailure(failure);
    },
  });
  return (
    <Modal opened onClose={onClose} title={faq ? "Sửa câu hỏi thường gặp" : "Thêm câu hỏi thường gặp"} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Textarea
            label="Câu hỏi"
            required
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            error={errors.question}
            autosize
            minRows={2}
            maxLength={1000}
          />
          <Textarea
            label="Câu trả lời"
            required
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            error={errors.answer}
            autosize
            minRows={5}
            maxLength={10000}
          />
          <NumberInput
            label="Thứ tự hiển thị"
            description="Số nhỏ hiển thị trước."
            min={0}
            max={10000}
            value={position}
            onChange={(v) => setPosition(typeof v === "number" ? v : Number(v) || 0)}
            error={errors.position}
            thousandSeparator="."
            decimalSeparator=","
          />
          <Switch
            label="Hiển thị trên cổng"
            checked={published}
            onChange={(e) => setPublished(e.currentTarget.checked)}
          />
          {failure ? <Alert color="red">{failure}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Đóng
            </Button>
            <Button type="submit" loading={save.isPending}>
              Lưu
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
