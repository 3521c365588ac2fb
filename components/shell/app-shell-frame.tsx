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
  IconBuildingCommunity,
  IconChevronDown,
  IconHome,
  IconListCheck,
  IconLogout,
  IconSitemap,
  IconUserCircle,
  IconUsers,
} from "@tabler/icons-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Action, Role } from "@/lib/permissions";
import { signOutAction } from "@/server/auth/actions";
import { LanguageSwitch } from "./language-switch";

export type ShellUser = {
  fullName: string;
  jobTitle: string;
  unitName: string | null;
  organisationName: string;
  roles: Role[];
};

type NavItem = { href: string; label: string; icon: ReactNode; action?: Action };

export function AppShellFrame({
  user,
  actions,
  children,
}: {
  user: ShellUser;
  actions: Action[];
  children: ReactNode;
}) {
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = usePathname();
  const t = useTranslations();

  const main: NavItem[] = [
    { href: "/", label: t("nav.home"), icon: <IconHome size={18} /> },
    { href: "/directory", label: t("nav.directory"), icon: <IconAddressBook size={18} /> },
    { href: "/account", label: t("nav.account"), icon: <IconUserCircle size={18} /> },
  ];
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
      active={item.href === "/" ? pathname === "/" : pathname.startsWith(item.href)}
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
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts.at(-2)?.[0] ?? "") + (parts.at(-1)?.[0] ?? "")).toUpperCase();
}
