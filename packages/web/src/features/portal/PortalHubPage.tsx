/**
 * "Cổng công dân" in the back office: what citizens find on the public portal (each page opens in
 * a new tab) and where officers keep each part of it. The portal itself is server-rendered under
 * /cong-dan, apart from this application.
 */
import type { Permission } from "@minhbach/domain";
import { Anchor, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router-dom";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { useSession } from "../auth/session.tsx";
import { PATHS } from "../shell/nav.ts";

const PUBLIC_PAGES: readonly { href: string; label: string; what: string }[] = [
  {
    href: "/cong-dan/gui-don",
    label: "Gửi đơn trực tuyến",
    what: "người gửi nhận mã tra cứu, đơn vào hộp thư của cơ quan",
  },
  { href: "/cong-dan/tra-cuu", label: "Tra cứu đơn bằng mã", what: "tình trạng, hạn giải quyết, văn bản, trao đổi" },
  { href: "/cong-dan/cong-khai", label: "Công khai kết quả", what: "quyết định, kết luận đã che thông tin cá nhân" },
  { href: "/cong-dan/du-thao", label: "Góp ý dự thảo văn bản", what: "góp ý từng điều, khoản; kết quả tiếp thu" },
  { href: "/cong-dan/hoi-dap", label: "Hỏi đáp", what: "câu hỏi thường gặp của các cơ quan" },
  { href: "/cong-dan/khao-sat", label: "Đánh giá mức độ hài lòng", what: "phiếu khảo sát sau khi được tiếp" },
  { href: "/cong-dan/du-lieu-mo", label: "Dữ liệu mở", what: "số liệu đơn theo cơ quan, kế hoạch thanh tra" },
];

const BACK_OFFICE: readonly { to: string; label: string; what: string; permission: Permission }[] = [
  {
    to: PATHS.petitions,
    label: "Xử lý đơn",
    what: "đơn gửi qua cổng có kênh “Cổng trực tuyến”; trao đổi với người gửi trên trang của đơn",
    permission: "petition.read",
  },
  {
    to: "/cong-khai-ket-qua",
    label: "Công khai kết quả",
    what: "các bản đã đăng, thời hạn công khai, gỡ xuống",
    permission: "document.read",
  },
  {
    to: PATHS.consultations,
    label: "Lấy ý kiến dự thảo",
    what: "giai đoạn, phiên bản, duyệt góp ý, tiếp thu",
    permission: "consultation.manage",
  },
  { to: "/hoi-dap-cong-dan", label: "Hỏi đáp trên cổng", what: "câu hỏi và trả lời", permission: "reception.write" },
  {
    to: "/khao-sat-hai-long",
    label: "Kết quả khảo sát hài lòng",
    what: "số phiếu, tỷ lệ hài lòng theo cơ quan và thời gian; ý kiến đã che thông tin cá nhân",
    permission: "report.read",
  },
];

export default function PortalHubPage() {
  const { can } = useSession();
  const mine = BACK_OFFICE.filter((item) => can(item.permission));
  return (
    <Stack>
      <PageHeader
        title="Cổng công dân"
        description="Người dân, doanh nghiệp dùng cổng không cần tài khoản; cán bộ trả lời từ các trang nghiệp vụ."
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Các trang trên cổng
          </Title>
          <List spacing="xs">
            {PUBLIC_PAGES.map((p) => (
              <List.Item key={p.href}>
                <Anchor href={p.href} target="_blank" rel="noopener">
                  {p.label}
                </Anchor>{" "}
                <Text span size="sm" c="dimmed">
                  — {p.what} (mở trong thẻ mới)
                </Text>
              </List.Item>
            ))}
          </List>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Việc của cán bộ
          </Title>
          {mine.length ? (
            <List spacing="xs">
              {mine.map((item) => (
                <List.Item key={item.to}>
                  <Anchor component={Link} to={item.to}>
                    {item.label}
                  </Anchor>{" "}
                  <Text span size="sm" c="dimmed">
                    — {item.what}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">Tài khoản của bạn không có quyền quản lý nội dung nào của cổng.</Text>
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
