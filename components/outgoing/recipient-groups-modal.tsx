"use client";

import {
  ActionIcon,
  Button,
  Combobox,
  Group,
  Input,
  InputBase,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  useCombobox,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPencil, IconPlus, IconTrash, IconUsersGroup, IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/components/documents/document-format";
import { useTRPC } from "@/components/providers/trpc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { ListStates } from "@/components/ui/list-states";
import { RowAction } from "@/components/ui/row-action";
import { showServerError } from "@/components/ui/server-errors";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
import { vietnamToday } from "@/lib/dates";
import { GROUP_MEMBERS_MAX, GROUP_NAME_MAX } from "@/lib/schemas/recipients";
import { StateWarning } from "./addressee-state";
import {
  BRANCH,
  ORG,
  OrganisationOptions,
  PeerBadge,
  useBranchLoader,
  useRecipientSearch,
} from "./organisation-options";
import type { RecipientGroupRow } from "./recipient-types";

type View = { kind: "list" } | { kind: "form"; group: RecipientGroupRow | null };
type Member = RecipientGroupRow["members"][number] | { id: string; name: string; code: string };

/**
 * The organisation's recipient groups, kept by its clerks: a list with edit and delete, and the
 * form for a new or changed group in the same window.
 */
export function RecipientGroupsModal({ onClose }: { onClose: () => void }) {
  const t = useTranslations("recipientGroups");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const phone = useMediaQuery("(max-width: 36em)");
  const me = useQuery(trpc.account.me.queryOptions());
  const groups = useQuery(trpc.recipients.groups.queryOptions());
  const [view, setView] = useState<View>({ kind: "list" });
  const [deleting, setDeleting] = useState<RecipientGroupRow | null>(null);
  const list = groups.data?.groups ?? [];
  const columns = useGroupColumns();

  const createButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setView({ kind: "form", group: null })}
      data-testid="create-recipient-group"
    >
      {t("create")}
    </Button>
  );

  return (
    <>
      <Modal
        opened={!deleting}
        onClose={onClose}
        title={view.kind === "list" ? t("title") : t(view.group ? "editTitle" : "createTitle")}
        closeButtonProps={{ "aria-label": tc("close") }}
        size="xl"
        fullScreen={phone}
        centered
      >
        {view.kind === "form" ? (
          <GroupForm group={view.group} onDone={() => setView({ kind: "list" })} />
        ) : (
          <Stack gap="sm" data-testid="recipient-groups-manager">
            <Text size="sm" c="dimmed">
              {t("description", { organisation: me.data?.organisationName ?? "" })}
            </Text>
            <ListStates
              query={groups}
              count={list.length}
              loadError={t("loadError")}
              empty={{
                icon: <IconUsersGroup />,
                title: t("empty"),
                description: t("emptyHint"),
                testId: "recipient-groups-empty",
                action: createButton,
              }}
            />
            {list.length > 0 && (
              <>
                <Group justify="flex-end">{createButton}</Group>
                <DataTable
                  label={t("title")}
                  columns={columns}
                  rows={list}
                  rowKey={(group) => group.id}
                  rowTestId={() => "recipient-group-row"}
                  actions={(group) => (
                    <>
                      <RowAction
                        label={tc("edit")}
                        name={t("edit", { name: group.name })}
                        icon={<IconPencil size={18} />}
                        onClick={() => setView({ kind: "form", group })}
                        testId="edit-recipient-group"
                      />
                      <RowAction
                        label={t("delete")}
                        name={t("deleteName", { name: group.name })}
                        icon={<IconTrash size={18} />}
                        color="red"
                        onClick={() => setDeleting(group)}
                        testId="delete-recipient-group"
                      />
                    </>
                  )}
                  testId="recipient-groups-table"
                />
              </>
            )}
          </Stack>
        )}
      </Modal>
      {deleting && <DeleteGroup group={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}

function useGroupColumns(): DataColumn<RecipientGroupRow>[] {
  const t = useTranslations("recipientGroups");
  return [
    {
      key: "name",
      header: t("name"),
      fixed: true,
      card: "title",
      minWidth: 180,
      render: (group) => (
        <Text fw={600} size="sm">
          {group.name}
        </Text>
      ),
    },
    {
      key: "members",
      header: t("members"),
      fixed: true,
      card: "wide",
      render: (group) => (
        <Text size="sm">
          {group.members
            .map((m) =>
              m.status === "active"
                ? m.name
                : `${m.name} (${t(m.status === "merged" ? "mergedBadge" : "closedBadge")})`,
            )
            .join("; ")}{" "}
          <Text span size="sm" c="dimmed">
            ({t("memberCount", { count: group.members.length })})
          </Text>
        </Text>
      ),
    },
    {
      key: "updatedAt",
      header: t("updatedAt"),
      nowrap: true,
      render: (group) => formatDate(vietnamToday(group.updatedAt)),
    },
  ];
}

/** A new group (`group` null) or a change to one; the row's version travels with the change. */
function GroupForm({ group, onDone }: { group: RecipientGroupRow | null; onDone: () => void }) {
  const t = useTranslations("recipientGroups");
  const tc = useTranslations("common");
  const tv = useTranslations("validation");
  const trpc = useTRPC();
  const form = useForm<{ name: string; members: Member[] }>({
    initialValues: { name: group?.name ?? "", members: group?.members ?? [] },
    validate: {
      name: (v) => (v.trim() ? null : tv("required")),
    },
  });
  const { succeed, fail } = useSaveFeedback({
    queryKeys: [trpc.recipients.groups.pathKey()],
    onClose: onDone,
    errorMessage: t("saveError"),
    form,
  });
  const onSuccess = (saved: { name: string }) =>
    succeed(t(group ? "updated" : "created", { name: saved.name }));
  const create = useMutation(
    trpc.recipients.createGroup.mutationOptions({ onSuccess, onError: fail }),
  );
  const update = useMutation(
    trpc.recipients.updateGroup.mutationOptions({ onSuccess, onError: fail }),
  );
  const { members } = form.getValues();

  const submit = form.onSubmit((values) => {
    const fields = { name: values.name, memberIds: values.members.map((m) => m.id) };
    if (group) update.mutate({ id: group.id, version: group.version, ...fields });
    else create.mutate(fields);
  });
  const add = (picked: Member[]) => {
    const have = new Set(form.getValues().members.map((m) => m.id));
    const fresh = picked.filter((m) => !have.has(m.id));
    form.setFieldValue("members", [...form.getValues().members, ...fresh]);
    form.clearFieldError("memberIds");
  };

  return (
    <form onSubmit={submit} noValidate data-testid="recipient-group-form">
      <Stack gap="sm">
        <TextInput
          label={t("name")}
          placeholder={t("namePlaceholder")}
          required
          maxLength={GROUP_NAME_MAX}
          data-autofocus
          data-testid="recipient-group-name"
          {...form.getInputProps("name")}
        />
        <Input.Wrapper
          label={t("members")}
          description={t("membersHint")}
          error={form.errors.memberIds}
          required
          inputWrapperOrder={["label", "description", "input", "error"]}
        >
          <Stack gap={6} mt={6}>
            {members.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="recipient-group-members-empty">
                {t("membersEmpty")}
              </Text>
            ) : (
              <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: "none" }}>
                {members.map((m, i) => (
                  <Paper
                    key={m.id}
                    component="li"
                    withBorder
                    px="sm"
                    py={6}
                    data-testid="group-member"
                  >
                    <Group gap="sm" wrap="nowrap">
                      <Text size="sm" c="dimmed" w={24} ta="right" style={{ flexShrink: 0 }}>
                        {i + 1}.
                      </Text>
                      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                        <Group gap={6}>
                          <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                            {m.name}
                          </Text>
                          {"peer" in m && m.peer && <PeerBadge />}
                        </Group>
                        {"status" in m && <StateWarning state={m} name={m.name} />}
                      </Stack>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="lg"
                        onClick={() => form.removeListItem("members", i)}
                        aria-label={t("removeMember", { name: m.name })}
                      >
                        <IconX size={18} />
                      </ActionIcon>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            )}
            <MemberPicker
              chosen={new Set(members.map((m) => m.id))}
              disabled={members.length >= GROUP_MEMBERS_MAX}
              onPick={add}
            />
          </Stack>
        </Input.Wrapper>
      </Stack>
      <DialogButtons
        onCancel={onDone}
        submitLabel={tc(group ? "save" : "create")}
        pending={create.isPending || update.isPending}
        testId="recipient-group-submit"
      />
    </form>
  );
}

/** Adds organisations of the tree to a group, one at a time or a whole branch. */
function MemberPicker({
  chosen,
  disabled,
  onPick,
}: {
  chosen: ReadonlySet<string>;
  disabled: boolean;
  onPick: (members: Member[]) => void;
}) {
  const t = useTranslations("recipientGroups");
  const td = useTranslations("outgoingDraft");
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [text, setText] = useState("");
  const choices = useRecipientSearch(text);
  const loadBranch = useBranchLoader();
  const organisations = (choices.data?.organisations ?? []).filter(
    (o) => !chosen.has(o.id) || o.children > 0,
  );

  const submitOption = async (option: string) => {
    setText("");
    combobox.closeDropdown();
    if (option.startsWith(ORG)) {
      const o = organisations.find((c) => ORG + c.id === option);
      if (o) onPick([o]);
      return;
    }
    try {
      const branch = await loadBranch(option.slice(BRANCH.length));
      onPick(branch.children);
    } catch {
      notifications.show({ color: "red", message: t("branchError") });
    }
  };

  return (
    <Combobox store={combobox} onOptionSubmit={(o) => void submitOption(o)} withinPortal>
      <Combobox.Target>
        <InputBase
          value={text}
          placeholder={t("search")}
          aria-label={t("search")}
          disabled={disabled}
          onChange={(event) => {
            setText(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          rightSection={choices.isFetching ? <Loader size={14} /> : null}
          maxLength={100}
          autoComplete="off"
          data-testid="group-member-input"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={organisations.length === 0}>
        <Combobox.Options mah={320} style={{ overflowY: "auto" }}>
          <OrganisationOptions
            organisations={organisations}
            exclude={chosen}
            label={td("treeOrganisations")}
          />
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

/** Confirms deleting a group; drafts that took their addressees from it keep them. */
function DeleteGroup({ group, onClose }: { group: RecipientGroupRow; onClose: () => void }) {
  const t = useTranslations("recipientGroups");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.recipients.deleteGroup.mutationOptions({
      onSuccess: (done) => {
        notifications.show({ color: "green", message: t("deleted", { name: done.name }) });
        onClose();
      },
      onError: (error) => {
        showServerError(error, t("saveError"));
        onClose();
      },
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.recipients.groups.pathKey() }),
    }),
  );
  return (
    <ConfirmDialog
      title={t("deleteTitle")}
      message={t("deleteConfirm", { name: group.name })}
      confirmLabel={t("delete")}
      color="red"
      pending={remove.isPending}
      testId="confirm-recipient-group-delete"
      onConfirm={() => remove.mutate({ id: group.id, version: group.version })}
      onClose={onClose}
    />
  );
}
