/**
 * "Trao đổi với người gửi": on a petition filed through the public portal, the messages between
 * the handler and the sender, who reads and answers them with the receipt code (no account).
 * Shown only for a petition filed online. A protected sender's words (an unclassified letter or a
 * denunciation) are read only by those who may see the sender; the server decides.
 */
import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call } from "../../api/call.ts";
import { errorMessage } from "../../api/client.ts";
import { formatDateTime } from "../../ui/format.ts";

const key = (id: string) => ["petitions", id, "portal"] as const;

export function PortalThreadPanel({ petitionId }: { petitionId: string }) {
  const queryClient = useQueryClient();
  const thread = useQuery({
    queryKey: key(petitionId),
    queryFn: ({ signal }) => call("petitions.portal.thread", { params: { id: petitionId }, signal }),
  });
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: (body: { text: string }) => call("petitions.portal.ask", { params: { id: petitionId }, body }),
    onSuccess: (data) => {
      queryClient.setQueryData(key(petitionId), data);
      setText("");
      setError(null);
      notifications.show({ message: "Đã gửi câu hỏi. Người gửi đơn đọc được khi tra cứu bằng mã." });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const t = thread.data;
  if (!t || !t.online) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="petition-portal">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4" id="petition-portal">
          Trao đổi với người gửi
        </Title>
        <Badge variant="light">Gửi qua cổng trực tuyến</Badge>
      </Group>
      <Stack gap="sm">
        {t.declaredKindLabel ? (
          <Text size="sm">
            Người gửi chọn loại đơn: <strong>{t.declaredKindLabel}</strong> (chỉ để tham khảo, cán bộ vẫn phân loại theo
            nội dung).
          </Text>
        ) : null}
        {t.messages.length === 0 ? <Text size="sm">Chưa có tin nhắn.</Text> : null}
        <Stack gap="xs" data-testid="portal-messages">
          {t.messages.map((m) => (
            <Paper key={m.id} withBorder p="xs" bg={m.author === "officer" ? "blue.0" : "green.0"}>
              <Text size="xs" c="dimmed">
                {m.author === "officer" ? (m.authorName ?? "Cán bộ") : "Người gửi đơn"} — {formatDateTime(m.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {m.text ?? "(Nội dung được bảo mật: chỉ người được xem danh tính người gửi đọc được.)"}
              </Text>
            </Paper>
          ))}
        </Stack>
        {t.canAsk ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              ask.mutate({ text });
            }}
          >
            <Stack gap="xs">
              <Textarea
                label="Câu hỏi, đề nghị bổ sung thông tin"
                description="Người gửi đọc và trả lời bằng mã tra cứu trên cổng. Không ghi thông tin của người khác."
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={3}
                maxLength={4000}
                error={error}
              />
              <Group>
                <Button type="submit" loading={ask.isPending}>
                  Gửi cho người gửi đơn
                </Button>
              </Group>
            </Stack>
          </form>
        ) : !t.canRead ? (
          <Alert color="gray">Chỉ người xử lý đơn được xem danh tính người gửi mới trao đổi được với người gửi.</Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
