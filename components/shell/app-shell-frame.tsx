"use client";

import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconAddressBook,
  IconBook2,
  IconBuildingCommunity,
  IconCalendar,
  IconCalendarWeek,
  IconChecklist,
  IconCertificate,
  IconDoor,
  IconChartBar,
  IconChevronDown,
  IconFileImport,
  IconFilePencil,
  IconFileSearch,
  IconHierarchy,
  IconHome,
  IconInbox,
  IconListCheck,
  IconLogout,
  IconNotebook,
  IconPlugConnected,
  IconRoute,
  IconSend,
  IconSitemap,
  IconSpeakerphone,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Action, Role } from "@/lib/permissions";
import { signOutAction } from "@/server/auth/actions";
import { InboxNavBadge } from "../inbox/inbox-nav-badge";
import { NoticesNavBadge } from "../notices/notices-nav-badge";
import { OutgoingNavBadge } from "../outgoing/outgoing-nav-badge";
import { LanguageSwitch } from "./language-switch";
import { NotificationBell } from "./notification-bell";
import classes from "./app-shell-frame.module.css";

export type ShellUser = {
  fullName: string;
  jobTitle: string;
  unitName: string | null;
  organisationName: string;
  roles: Role[];
};

type NavItem = {
  href: string;
  label: string;
  icon: ReactNode;
  action?: Action;
  badge?: ReactNode;
  /** Active on this path only, not below it (the inbox is not active on /incoming/new). */
  exact?: boolean;
};

export function AppShellFrame({
  user,
  actions,
  passwordChangeOnly = false,
  children,
}: {
  user: ShellUser;
  actions: Action[];
  /** Signed in with a temporary password: nothing is offered until it is changed. */
  passwordChangeOnly?: boolean;
  children: ReactNode;
}) {
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = usePathname();
  const t = useTranslations();

  const main: NavItem[] = [
    { href: "/", label: t("nav.home"), icon: <IconHome size={18} /> },
    { href: "/calendar", label: t("nav.calendar"), icon: <IconCalendar size={18} /> },
    ...(actions.includes("task.work")
      ? [{ href: "/tasks", label: t("nav.tasks"), icon: <IconChecklist size={18} /> }]
      : []),
    { href: "/schedule", label: t("nav.schedule"), icon: <IconCalendarWeek size={18} /> },
    ...(actions.includes("meeting.read")
      ? [{ href: "/meetings", label: t("nav.meetings"), icon: <IconUsersGroup size={18} /> }]
      : []),
    {
      href: "/notices",
      label: t("nav.notices"),
      icon: <IconSpeakerphone size={18} />,
      badge: actions.includes("notice.read") ? <NoticesNavBadge /> : undefined,
    },
    { href: "/directory", label: t("nav.directory"), icon: <IconAddressBook size={18} /> },
    { href: "/account", label: t("nav.account"), icon: <IconUserCircle size={18} /> },
  ];
  // The incoming-document pages: others join this section (inbox, search, registry books).
  const incomingItems: NavItem[] = [
    {
      href: "/incoming",
      label: t("incomingNav.inbox"),
      icon: <IconInbox size={18} />,
      action: "incoming.read",
      badge: actions.includes("incoming.read") ? <InboxNavBadge /> : undefined,
      exact: true,
    },
    {
      href: "/search",
      label: t("incomingNav.search"),
      icon: <IconFileSearch size={18} />,
      action: "incoming.read",
    },
    {
      href: "/registry-books",
      label: t("incomingNav.registryBooks"),
      icon: <IconNotebook size={18} />,
      action: "registry.read",
    },
    {
      href: "/reports",
      label: t("incomingNav.reports"),
      icon: <IconChartBar size={18} />,
      action: "incoming.report",
      exact: true,
    },
    {
      href: "/reports/rollup",
      label: t("incomingNav.rollup"),
      icon: <IconHierarchy size={18} />,
      action: "incoming.report",
    },
    {
      href: "/incoming/new",
      label: t("nav.receive"),
      icon: <IconFileImport size={18} />,
      action: "incoming.receive",
    },
  ];
  const incoming = incomingItems.filter((item) => !item.action || actions.includes(item.action));
  const outgoingItems: NavItem[] = [
    {
      href: "/outgoing",
      label: t("nav.outgoingInbox"),
      icon: <IconSend size={18} />,
      action: "outgoing.approve",
      // The counters are read with incoming.read, which everyone on a draft's route has.
      badge: actions.includes("incoming.read") ? <OutgoingNavBadge /> : undefined,
      exact: true,
    },
    {
      href: "/outgoing/new",
      label: t("nav.newDraft"),
      icon: <IconFilePencil size={18} />,
      action: "outgoing.draft",
    },
  ];
  const outgoing = outgoingItems.filter((item) => item.action && actions.includes(item.action));
  const adminItems: NavItem[] = [
    {
      href: "/admin/units",
      label: t("nav.units"),
      icon: <IconBuildingCommunity size={18} />,
      action: "unit.manage",
    },
    {
      href: "/admin/users",
      label: t("nav.users"),
      icon: <IconUsers size={18} />,
      action: "user.manage",
    },
    {
      href: "/admin/organisations",
      label: t("nav.organisations"),
      icon: <IconSitemap size={18} />,
      action: "orgTree.manage",
    },
    {
      href: "/admin/registries",
      label: t("nav.registries"),
      icon: <IconBook2 size={18} />,
      action: "registry.manage",
    },
    {
      href: "/admin/route-templates",
      label: t("nav.routeTemplates"),
      icon: <IconRoute size={18} />,
      action: "outgoing.routeTemplates",
    },
    {
      href: "/admin/signing",
      label: t("nav.signing"),
      icon: <IconCertificate size={18} />,
      action: "signing.manage",
    },
    {
      href: "/admin/exchange",
      label: t("nav.exchange"),
      icon: <IconPlugConnected size={18} />,
      action: "exchange.manage",
    },
    {
      href: "/admin/rooms",
      label: t("nav.rooms"),
      icon: <IconDoor size={18} />,
      action: "room.manage",
    },
    {
      href: "/admin/audit",
      label: t("nav.audit"),
      icon: <IconListCheck size={18} />,
      action: "audit.read",
    },
  ];
  const admin = adminItems.filter((item) => item.action && actions.includes(item.action));

  const link = (item: NavItem) => (
    <NavLink
      key={item.href}
      component={Link}
      href={item.href}
      label={item.label}
      leftSection={item.icon}
      rightSection={item.badge}
      active={
        item.href === "/" || item.exact ? pathname === item.href : pathname.startsWith(item.href)
      }
      onClick={close}
    />
  );

  const roleText = user.roles.map((r) => t(`roles.${r}`)).join(", ");

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      {/* The first stop of the keyboard: past the header and the menu, straight to the page. */}
      <a href="#main-content" className={classes.skipLink} data-testid="skip-link">
        {t("nav.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("nav.menu")}
            />
            <Text component={Link} href="/" fw={700} size="lg" c="indigo.7">
              {t("app.name")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!passwordChangeOnly && <NotificationBell />}
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu">
                  <Group gap={8} wrap="nowrap">
                    <Avatar color="indigo" radius="xl" size={32}>
                      {initials(user.fullName)}
                    </Avatar>
                    <Stack gap={0} visibleFrom="sm">
                      <Text size="sm" fw={600} lh={1.2}>
                        {user.fullName}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2}>
                        {roleText}
                      </Text>
                    </Stack>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user.organisationName}</Menu.Label>
                <Menu.Item
                  component={Link}
                  href="/account"
                  leftSection={<IconUserCircle size={16} />}
                >
                  {t("nav.account")}
                </Menu.Item>
                <Menu.Item
                  color="red"
                  leftSection={<IconLogout size={16} />}
                  onClick={() => void signOutAction()}
                >
                  {t("nav.signOut")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          {main.map(link)}
          {incoming.length > 0 && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
                {t("nav.incomingSection")}
              </Text>
              {incoming.map(link)}
            </>
          )}
          {outgoing.length > 0 && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
                {t("nav.outgoingSection")}
              </Text>
              {outgoing.map(link)}
            </>
          )}
          {admin.length > 0 && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
                {t("nav.admin")}
              </Text>
              {admin.map(link)}
            </>
          )}
        </AppShell.Section>
        <AppShell.Section p="sm">
          <Text size="xs" c="dimmed">
            {user.organisationName}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: "none" }}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts.at(-2)?.[0] ?? "") + (parts.at(-1)?.[0] ?? "")).toUpperCase();
}
