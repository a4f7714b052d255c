import { ROLES } from "@minhbach/domain";
import {
  ActionIcon,
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconKey, IconLogout, IconUserCircle } from "@tabler/icons-react";
import { Suspense, useEffect } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { LoadingBlock } from "../../ui/QueryState.tsx";
import { COMMON } from "../../ui/text.ts";
import { AUTH_TEXT } from "../auth/text.ts";
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from "../auth/RequireAuth.tsx";
import { useMe, useSession } from "../auth/session.tsx";
import { useFieldCatalogSync } from "../petitions/api.ts";
import { ADMIN_NAV, WORK_NAV, type NavItem } from "./nav.ts";
import classes from "./AppLayout.module.css";
import { SHELL_TEXT } from "./text.ts";

function isActive(item: NavItem, pathname: string): boolean {
  return item.path === "/" ? pathname === "/" : pathname === item.path || pathname.startsWith(item.path + "/");
}

function NavSection({ title, items, pathname }: { title: string; items: NavItem[]; pathname: string }) {
  if (items.length === 0) return null;
  const headingId = `nav-${title}`;
  return (
    <Box component="section" aria-labelledby={headingId} mb="sm">
      <Text id={headingId} size="xs" fw={700} tt="uppercase" c="gray.7" px="sm" py={6}>
        {title}
      </Text>
      <ul className={classes.navList}>
        {items.map((item) => {
          const active = isActive(item, pathname);
          return (
            <li key={item.path}>
              <NavLink
                component={Link}
                to={item.path}
                label={item.label}
                active={active}
                aria-current={active ? "page" : undefined}
                leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                rightSection={
                  item.comingSoon ? (
                    <Badge size="xs" variant="light" color="gray" radius="sm" style={{ flex: "none" }}>
                      {COMMON.comingSoon}
                    </Badge>
                  ) : null
                }
                className={classes.navLink}
              />
            </li>
          );
        })}
      </ul>
    </Box>
  );
}

export function AppLayout() {
  const me = useMe();
  const { can, logout } = useSession();
  useFieldCatalogSync(can("petition.read") || can("reception.read"));
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  useEffect(() => close(), [pathname, close]);

  const workItems = WORK_NAV.filter((item) => !item.permission || can(item.permission));
  const adminItems = ADMIN_NAV.filter((item) => !item.permission || can(item.permission));
  const doLogout = async () => {
    await logout();
    navigate(LOGIN_PATH, { replace: true });
  };
  const roleNames = me.user.roles.map((code) => ROLES[code]?.name ?? code).join(", ");

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: { sm: 264, md: 300 }, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "sm", sm: "md", lg: "lg" }}
    >
      <a href="#main-content" className={classes.skipLink}>
        {SHELL_TEXT.skipToContent}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              color="white"
              aria-label={opened ? SHELL_TEXT.closeNavigation : SHELL_TEXT.openNavigation}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/" className={classes.brand} aria-label={SHELL_TEXT.home}>
              <img src="/favicon.svg" width={28} height={28} alt="" />
              <span>{COMMON.productName}</span>
            </UnstyledButton>
          </Group>

          <Group gap="sm" wrap="nowrap" visibleFrom="sm">
            <Stack gap={0} align="flex-end" style={{ minWidth: 0 }}>
              <Text fw={600} size="sm" c="white" truncate="end" maw={320} data-testid="current-user">
                {me.user.fullName}
              </Text>
              <Text size="xs" c="blue.0" truncate="end" maw={320}>
                {me.agency.name}
              </Text>
            </Stack>
            <Button
              component={Link}
              to={CHANGE_PASSWORD_PATH}
              variant="white"
              color="blue"
              size="xs"
              leftSection={<IconKey size={16} aria-hidden />}
            >
              {AUTH_TEXT.changePassword}
            </Button>
            <Button
              variant="outline"
              color="gray"
              size="xs"
              className={classes.logoutButton}
              onClick={() => void doLogout()}
              leftSection={<IconLogout size={16} aria-hidden />}
            >
              {AUTH_TEXT.logout}
            </Button>
          </Group>

          <Box hiddenFrom="sm">
            <Menu position="bottom-end" width={260} withinPortal>
              <Menu.Target>
                <ActionIcon variant="transparent" size="lg" aria-label={SHELL_TEXT.userMenu} c="white">
                  <IconUserCircle size={28} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Box px="sm" py={6}>
                  <Text fw={600} size="sm">
                    {me.user.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {me.agency.name}
                  </Text>
                  <VisuallyHidden>{roleNames}</VisuallyHidden>
                </Box>
                <Menu.Divider />
                <Menu.Item component={Link} to={CHANGE_PASSWORD_PATH} leftSection={<IconKey size={16} aria-hidden />}>
                  {AUTH_TEXT.changePassword}
                </Menu.Item>
                <Menu.Item onClick={() => void doLogout()} leftSection={<IconLogout size={16} aria-hidden />}>
                  {AUTH_TEXT.logout}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Box>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="main-navigation" aria-label={SHELL_TEXT.mainNavigation} component="nav">
        <ScrollArea type="auto" p="xs">
          <NavSection title={SHELL_TEXT.sectionWork} items={workItems} pathname={pathname} />
          <NavSection title={SHELL_TEXT.sectionAdmin} items={adminItems} pathname={pathname} />
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        <Suspense fallback={<LoadingBlock />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
