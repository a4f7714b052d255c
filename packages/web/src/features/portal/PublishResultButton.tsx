/**
 * "Công khai kết quả" on an issued complaint decision, denunciation conclusion or inspection
 * conclusion: the server proposes the public text with the parties' personal data masked, the
 * officer reviews and edits it and chooses how long it stays (at least 15 consecutive days), then
 * publishes it on the portal. The server refuses a text that still holds personal data.
 */
import type { DocumentSummary } from "@minhbach/domain/api/documents";
import { PUBLISHABLE_FORMS, publicationMinEnd } from "@minhbach/domain/portal/publication";
import { Alert, Anchor, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconWorldUpload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { call } from "../../api/call.ts";
import { errorMessage } from "../../api/client.ts";
import { splitServerError } from "../../ui/forms.ts";
import { DateField } from "../../ui/DateField.tsx";
import { formatDate } from "../../ui/format.ts";

export function PublishResultButton({ doc }: { doc: Pick<DocumentSummary, "id" | "formCode" | "status" | "title"> }) {
  const [open, setOpen] = useState(false);
  if (doc.status !== "issued" || !PUBLISHABLE_FORMS[doc.formCode]) return null;
  return (
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconWorldUpload size={14} aria-hidden />}
        aria-label={`Công khai kết quả: ${doc.title}`}
        onClick={() => setOpen(true)}
      >
        Công khai kết quả
      </Button>
      {open ? <PublishModal documentId={doc.id} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function PublishModal({ documentId, onClose }: { documentId: string; onClose(): void }) {
  const queryClient = useQueryClient();
  const proposal = useQuery({
    queryKey: ["portal", "publication-proposal", documentId],
    queryFn: ({ signal }) => call("portal.publications.proposal", { params: { documentId }, signal }),
  });
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [visibleUntil, setVisibleUntil] = useState<string | null>(null);
  const [publishedOn, setPublishedOn] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const p = proposal.data;
  useEffect(() => {
    if (!p) return;
    setTitle(p.title);
    setBody(p.body);
    setVisibleUntil(p.minVisibleUntil);
    setPublishedOn(p.publishedOn);
  }, [p]);
  // The least last day follows the planned first day (15 consecutive days counted from it).
  const minEnd = publishedOn ? publicationMinEnd(publishedOn) : (p?.minVisibleUntil ?? null);
  const publish = useMutation({
    mutationFn: () =>
      call("portal.publications.create", {
        body: { documentId, title, body, publishedOn: publishedOn ?? "", visibleUntil: visibleUntil ?? "" },
      }),
    onSuccess: async (published) => {
      notifications.show({
        color: "green",
        message:
          published.status === "scheduled"
            ? `Đã lên lịch công khai trên cổng từ ngày ${formatDate(published.publishedOn)} đến hết ngày ${formatDate(published.visibleUntil)}.`
            : `Đã công khai trên cổng đến hết ngày ${formatDate(published.visibleUntil)}.`,
      });
      await queryClient.invalidateQueries({ queryKey: ["portal"] });
      onClose();
    },
    onError: (error) => {
      const { errors, failure } = splitServerError(error, ["title", "body", "publishedOn", "visibleUntil"]);
      setErrors(errors);
      setFailure(failure);
    },
  });
  return (
    <Modal opened onClose={onClose} title="Công khai kết quả trên cổng" size="xl">
      {proposal.isPending ? <Text size="sm">Đang chuẩn bị nội dung công khai…</Text> : null}
      {proposal.isError ? <Alert color="red">{errorMessage(proposal.error)}</Alert> : null}
      {p ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            publish.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              {p.kindLabel} số {p.symbol}, ban hành ngày {formatDate(p.issuedOn)} — {p.agencyName}. Căn cứ: {p.basis}.
            </Text>
            {p.live ? (
              <Alert color="yellow">
                Văn bản này đang được công khai đến hết ngày {formatDate(p.live.visibleUntil)}. Rút công khai tại trang{" "}
                <Anchor href="/cong-khai-ket-qua">Công khai kết quả</Anchor> trước khi công khai lại.
              </Alert>
            ) : null}
            <Alert color="blue">
              Thông tin cá nhân của người khiếu nại, người tố cáo và mọi số điện thoại, số giấy tờ đã được che bằng
              “[thông tin cá nhân đã được che]”. Đọc lại toàn bộ nội dung trước khi công khai.
            </Alert>
            <TextInput
              label="Tiêu đề công khai"
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              maxLength={500}
            />
            <Textarea
              label="Nội dung công khai"
              required
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={errors.body}
              autosize
              minRows={10}
              maxRows={24}
            />
            <DateField
              label="Ngày bắt đầu công khai"
              description="Hôm nay hoặc một ngày sau đó (tối đa 90 ngày); thời hạn công khai tính từ ngày này."
              required
              value={publishedOn}
              onChange={(value) => {
                setPublishedOn(value);
                // Keep the last day at least the least window from the new first day.
                if (value && visibleUntil && visibleUntil < publicationMinEnd(value))
                  setVisibleUntil(publicationMinEnd(value));
              }}
              error={errors.publishedOn}
            />
            <DateField
              label="Công khai đến hết ngày"
              description={`Ít nhất 15 ngày liên tục kể từ ngày bắt đầu, tức là đến hết ngày ${formatDate(minEnd ?? p.minVisibleUntil)} trở đi.`}
              required
              value={visibleUntil}
              onChange={(value) => setVisibleUntil(value)}
              error={errors.visibleUntil}
            />
            {failure ? <Alert color="red">{failure}</Alert> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Đóng
              </Button>
              <Button type="submit" loading={publish.isPending} disabled={!!p.live}>
                Công khai
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
