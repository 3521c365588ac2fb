"use client";

import {
  Combobox,
  Group,
  Input,
  InputBase,
  Loader,
  Stack,
  Text,
  TextInput,
  useCombobox,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { DialogButtons } from "@/components/ui/dialog-buttons";
import { useSaveFeedback } from "@/components/ui/use-save-feedback";
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
import { NumberedItem, NumberedList } from "./numbered-list";
import type { RecipientGroupRow } from "./recipient-types";

type Member = RecipientGroupRow["members"][number] | { id: string; name: string; code: string };

/** A new group (`group` null) or a change to one; the row's version travels with the change. */
export function GroupForm({
  group,
  onDone,
}: {
  group: RecipientGroupRow | null;
  onDone: () => void;
}) {
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
            <NumberedList empty={t("membersEmpty")} emptyTestId="recipient-group-members-empty">
              {members.map((m, i) => (
                <NumberedItem
                  key={m.id}
                  index={i}
                  testId="group-member"
                  onRemove={() => form.removeListItem("members", i)}
                  removeLabel={t("removeMember", { name: m.name })}
                >
                  <Group gap={6}>
                    <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                      {m.name}
                    </Text>
                    {"peer" in m && m.peer && <PeerBadge />}
                  </Group>
                  {"status" in m && <StateWarning state={m} name={m.name} />}
                </NumberedItem>
              ))}
            </NumberedList>
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
