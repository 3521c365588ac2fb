"use client";

import {
  Badge,
  Button,
  Combobox,
  Group,
  Input,
  InputBase,
  Loader,
  Stack,
  Text,
  useCombobox,
} from "@mantine/core";
import { useId } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { addOrganisations, replaceBySuccessor, sameAddressee } from "./addressee-list";
import { StateBadges, StateWarning } from "./addressee-state";
import type { Addressee } from "./draft-values";
import {
  BRANCH,
  ORG,
  OrganisationOptions,
  useBranchLoader,
  useRecipientSearch,
} from "./organisation-options";
import { RecipientGroupsMenu } from "./recipient-groups-menu";
import { NumberedItem, NumberedList } from "./numbered-list";

const NAME = "name:";
const TYPED = "typed:";

/**
 * "Kính gửi": the bodies the document is addressed to, in the order they will be printed.
 * Organisations of the tree are offered as the user types a name or a code (diacritics
 * ignored), one at a time or a whole branch at once, or from one of the organisation's
 * recipient groups; a body outside the tree is written in full and added with Enter or the
 * add button. An addressee that has since merged or closed says what will become of the
 * document.
 */
export function AddresseesField({
  value,
  onChange,
  error,
}: {
  value: Addressee[];
  onChange: (value: Addressee[]) => void;
  error?: string;
}) {
  const t = useTranslations("outgoingDraft");
  const tg = useTranslations("recipientGroups");
  const trpc = useTRPC();
  const inputId = useId();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [text, setText] = useState("");
  const choices = useRecipientSearch(text);
  const loadBranch = useBranchLoader();
  const organisationIds = value.flatMap((a) =>
    a.kind === "organisation" ? [a.organisationId] : [],
  );
  const states = useQuery({
    ...trpc.recipients.describe.queryOptions({ organisationIds }),
    enabled: organisationIds.length > 0,
  });
  const stateOf = new Map((states.data ?? []).map((s) => [s.id, s]));

  const add = (addressee: Addressee) => {
    if (!value.some((a) => sameAddressee(a, addressee))) onChange([...value, addressee]);
    setText("");
    combobox.closeDropdown();
  };
  const addTyped = () => {
    const name = text.trim().replace(/\s+/g, " ");
    if (name) add({ kind: "outside", name });
  };

  const typed = text.trim();
  const chosen = new Set(organisationIds);
  // One already addressed is still offered for its branch.
  const organisations = (choices.data?.organisations ?? []).filter(
    (o) => !chosen.has(o.id) || o.children > 0,
  );
  const recent = (choices.data?.recent ?? []).filter(
    (name) =>
      !value.some((a) => a.kind === "outside" && sameAddressee(a, { kind: "outside", name })),
  );

  const addMany = (picked: { id: string; name: string }[], done: (added: number) => string) => {
    const { next, added } = addOrganisations(value, picked);
    if (added > 0) onChange(next);
    notifications.show({ color: added > 0 ? "green" : "gray", message: done(added) });
  };
  const addBranch = async (organisationId: string) => {
    setText("");
    combobox.closeDropdown();
    try {
      const branch = await loadBranch(organisationId);
      addMany(branch.children, (added) =>
        tg(added > 0 ? "branchAdded" : "branchNone", { count: added, name: branch.parent.name }),
      );
    } catch {
      notifications.show({ color: "red", message: tg("branchError") });
    }
  };

  const submitOption = (option: string) => {
    if (option.startsWith(BRANCH)) {
      void addBranch(option.slice(BRANCH.length));
    } else if (option.startsWith(ORG)) {
      const org = organisations.find((o) => ORG + o.id === option);
      if (org) add({ kind: "organisation", organisationId: org.id, name: org.name });
    } else if (option.startsWith(NAME)) {
      add({ kind: "outside", name: option.slice(NAME.length) });
    } else {
      addTyped();
    }
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter while a Vietnamese input method is composing finishes the word, nothing more.
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    if (combobox.dropdownOpened && combobox.getSelectedOptionIndex() !== -1) return;
    event.preventDefault();
    addTyped();
  };

  const remove = (index: number) => onChange(value.filter((_, i) => i !== index));
  const hasOptions = organisations.length > 0 || recent.length > 0 || typed !== "";

  return (
    <Input.Wrapper
      label={t("addressees")}
      description={t("addresseesHint")}
      error={error}
      labelProps={{ htmlFor: inputId }}
      inputWrapperOrder={["label", "description", "input", "error"]}
    >
      <Stack gap="xs" mt={6}>
        <NumberedList empty={t("addresseesEmpty")} emptyTestId="addressees-empty">
          {value.map((a, i) => (
            <NumberedItem
              key={a.kind === "organisation" ? a.organisationId : `outside:${a.name}`}
              index={i}
              testId="addressee"
              state={a.kind === "organisation" ? stateOf.get(a.organisationId)?.status : undefined}
              onRemove={() => remove(i)}
              removeLabel={t("removeAddressee", { name: a.name })}
              removeTestId="remove-addressee"
            >
              <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                {a.name}
              </Text>
              <Group gap={6}>
                <Badge
                  size="sm"
                  variant="light"
                  tt="none"
                  color={a.kind === "organisation" ? "indigo" : "gray"}
                >
                  {t(a.kind === "organisation" ? "addresseeInTree" : "addresseeOutside")}
                </Badge>
                {a.kind === "organisation" && <StateBadges state={stateOf.get(a.organisationId)} />}
              </Group>
              {a.kind === "organisation" && (
                <StateWarning
                  state={stateOf.get(a.organisationId)}
                  name={a.name}
                  onReplace={(successor) =>
                    onChange(replaceBySuccessor(value, a.organisationId, successor))
                  }
                />
              )}
            </NumberedItem>
          ))}
        </NumberedList>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Combobox store={combobox} onOptionSubmit={submitOption} withinPortal>
            <Combobox.Target>
              <InputBase
                id={inputId}
                style={{ flex: 1 }}
                value={text}
                placeholder={t("addresseePlaceholder")}
                onChange={(event) => {
                  setText(event.currentTarget.value);
                  combobox.openDropdown();
                  combobox.updateSelectedOptionIndex();
                }}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => combobox.closeDropdown()}
                onKeyDown={keyDown}
                rightSection={choices.isFetching ? <Loader size={14} /> : null}
                maxLength={300}
                autoComplete="off"
                enterKeyHint="enter"
                error={Boolean(error)}
                data-testid="addressee-input"
              />
            </Combobox.Target>
            <Combobox.Dropdown hidden={!hasOptions}>
              <Combobox.Options mah={320} style={{ overflowY: "auto" }}>
                <OrganisationOptions
                  organisations={organisations}
                  exclude={chosen}
                  label={t("treeOrganisations")}
                />
                {recent.length > 0 && (
                  <Combobox.Group label={t("recentOutside")}>
                    {recent.map((name) => (
                      <Combobox.Option value={NAME + name} key={name}>
                        <Text size="sm">{name}</Text>
                      </Combobox.Option>
                    ))}
                  </Combobox.Group>
                )}
                {typed && (
                  <Combobox.Option value={TYPED + typed}>
                    <Text size="sm">{t("addTyped", { name: typed })}</Text>
                  </Combobox.Option>
                )}
              </Combobox.Options>
            </Combobox.Dropdown>
          </Combobox>
          <Button
            variant="light"
            leftSection={<IconPlus size={18} />}
            onClick={addTyped}
            disabled={!typed}
            data-testid="add-addressee"
          >
            {t("add")}
          </Button>
        </Group>
        <RecipientGroupsMenu
          onApply={(group) =>
            addMany(
              group.members.map((m) => ({ id: m.id, name: m.name })),
              (added) =>
                tg(added > 0 ? "applied" : "appliedNone", { count: added, name: group.name }),
            )
          }
        />
      </Stack>
    </Input.Wrapper>
  );
}
