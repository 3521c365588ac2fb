"use client";

import {
  Alert,
  Button,
  EmptyState,
  Flex,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch, IconUserSearch, IconUsers } from "@tabler/icons-react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ColumnsMenu, useColumnChoice } from "@/components/ui/columns-menu";
import { LoadMore } from "@/components/ui/load-more";
import type { UserStatusFilter } from "@/lib/schemas/users";
import { ResetPasswordModal } from "./reset-password-modal";
import { UserFormModal } from "./user-form-modal";
import { UserStatusModal } from "./user-status-modal";
import type { UserRow } from "./user-types";
import { UsersTable, useUserColumns, type UserAction } from "./users-table";

const PAGE_SIZE = 50;
const ALL_UNITS = "all";

type Dialog = { kind: "create" } | { kind: UserAction; user: UserRow } | null;

export function UsersManager({
  organisationId,
  currentUserId,
  canGrantDeploymentAdmin,
  initialQuery = "",
}: {
  organisationId: string | null;
  currentUserId: string;
  canGrantDeploymentAdmin: boolean;
  /** The search the page opens with (`?q=`), as a link from the audit log gives it. */
  initialQuery?: string;
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const [search, setSearch] = useState(initialQuery);
  const [query] = useDebouncedValue(search.trim(), 300);
  const [unitFilter, setUnitFilter] = useState<string>(ALL_UNITS);
  const [status, setStatus] = useState<UserStatusFilter>("all");
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const columns = useUserColumns(currentUserId);
  const choice = useColumnChoice("admin.users", columns);

  const units = useQuery(trpc.units.list.queryOptions({ organisationId }));
  const list = useInfiniteQuery(
    trpc.users.list.infiniteQueryOptions(
      {
        organisationId,
        query: query || undefined,
        unitId: unitFilter === ALL_UNITS ? undefined : unitFilter,
        status,
        limit: PAGE_SIZE,
      },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = query !== "" || unitFilter !== ALL_UNITS || status !== "all";
  const clearFilters = () => {
    setSearch("");
    setUnitFilter(ALL_UNITS);
    setStatus("all");
  };

  const createButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setDialog({ kind: "create" })}
      data-testid="create-user-button"
    >
      {t("users.create")}
    </Button>
  );
  const unitOptions = [
    { value: ALL_UNITS, label: t("users.unitAll") },
    { value: "none", label: t("users.unitNone") },
    ...(units.data ?? []).map((u) => ({
      value: u.id,
      label: u.active ? u.name : `${u.name} (${t("common.inactive")})`,
    })),
  ];

  let body;
  if (list.isPending) {
    body = (
      <Group justify="center" py="xl">
        <Loader aria-label={t("common.loading")} />
      </Group>
    );
  } else if (list.isError) {
    body = (
      <Alert color="red" variant="light">
        {t("users.loadError")}
      </Alert>
    );
  } else if (rows.length === 0) {
    body = filtered ? (
      <EmptyState
        icon={<IconUserSearch />}
        withIndicatorBackground
        title={t("users.noMatchTitle")}
        description={t("users.noMatchDescription")}
        data-testid="users-empty"
        py="xl"
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={clearFilters} data-testid="clear-user-filters">
            {t("users.clearFilters")}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    ) : (
      <EmptyState
        icon={<IconUsers />}
        withIndicatorBackground
        title={t("users.emptyTitle")}
        description={t("users.emptyDescription")}
        data-testid="users-empty"
        py="xl"
      >
        <EmptyState.Actions>{createButton}</EmptyState.Actions>
      </EmptyState>
    );
  } else {
    body = (
      <Stack gap="sm">
        <UsersTable
          users={rows}
          columns={columns}
          choice={choice}
          currentUserId={currentUserId}
          onAction={(kind, user) => setDialog({ kind, user })}
        />
        <LoadMore shown={t("users.shown", { count: rows.length })} list={list} testId="users" />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Flex
        direction={{ base: "column-reverse", md: "row" }}
        align={{ base: "stretch", md: "flex-end" }}
        gap="sm"
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ flex: 1 }}>
          <TextInput
            label={t("users.search")}
            placeholder={t("users.searchPlaceholder")}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maxLength={100}
            type="search"
            data-testid="user-search"
          />
          <Select
            label={t("users.unitFilter")}
            data={unitOptions}
            value={unitFilter}
            onChange={(v) => setUnitFilter(v ?? ALL_UNITS)}
            allowDeselect={false}
            searchable
            data-testid="user-unit-filter"
          />
          <Select
            label={t("users.statusFilter")}
            data={[
              { value: "all", label: t("users.statusAll") },
              { value: "active", label: t("users.statusActive") },
              { value: "inactive", label: t("users.statusInactive") },
            ]}
            value={status}
            onChange={(v) => setStatus((v as UserStatusFilter | null) ?? "all")}
            allowDeselect={false}
            data-testid="user-status-filter"
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="xs">
          {rows.length > 0 && <ColumnsMenu columns={columns} choice={choice} />}
          {createButton}
        </Group>
      </Flex>
      {body}
      {dialog?.kind === "create" && (
        <UserFormModal
          organisationId={organisationId}
          user={null}
          units={units.data ?? []}
          canGrantDeploymentAdmin={canGrantDeploymentAdmin}
          onClose={close}
        />
      )}
      {dialog?.kind === "edit" && (
        <UserFormModal
          organisationId={organisationId}
          user={dialog.user}
          units={units.data ?? []}
          canGrantDeploymentAdmin={canGrantDeploymentAdmin}
          onClose={close}
        />
      )}
      {dialog?.kind === "reset" && (
        <ResetPasswordModal organisationId={organisationId} user={dialog.user} onClose={close} />
      )}
      {dialog?.kind === "status" && (
        <UserStatusModal organisationId={organisationId} user={dialog.user} onClose={close} />
      )}
    </Stack>
  );
}
