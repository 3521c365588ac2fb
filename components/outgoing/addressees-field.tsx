"use client";

import {
  ActionIcon,
  Badge,
  Button,
  Combobox,
  Group,
  Input,
  InputBase,
  Loader,
  Paper,
  Stack,
  Text,
  useCombobox,
} from "@mantine/core";
import { useDebouncedValue, useId } from "@mantine/hooks";
import { IconPlus, IconX } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { foldVietnamese } from "@/components/reception/fold-search";
import type { Addressee } from "./draft-values";

const ORG = "org:";
const NAME = "name:";
const TYPED = "typed:";

const sameAddressee = (a: Addressee, b: Addressee) =>
  a.kind === "organisation" && b.kind === "organisation"
    ? a.organisationId === b.organisationId
    : foldVietnamese(a.name) === foldVietnamese(b.name);

/**
 * "Kính gửi": the bodies the document is addressed to, in the order they will be printed. A
 * body outside the tree is written in full and added with Enter or the add button; where the
 * user may search the tree (`searchOrganisations`), its organisations are offered as they type,
 * with the outside bodies typed before.
 */
export function AddresseesField({
  value,
  onChange,
  error,
  searchOrganisations,
}: {
  value: Addressee[];
  onChange: (value: Addressee[]) => void;
  error?: string;
  searchOrganisations: boolean;
}) {
  const t = useTranslations("outgoingDraft");
  const trpc = useTRPC();
  const inputId = useId();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [text, setText] = useState("");
  const [query] = useDebouncedValue(text.trim(), 250);
  const choices = useQuery({
    ...trpc.reception.issuers.queryOptions({ query }, { placeholderData: keepPreviousData }),
    enabled: searchOrganisations,
  });

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
  const organisations = (choices.data?.organisations ?? []).filter(
    (o) => !value.some((a) => a.kind === "organisation" && a.organisationId === o.id),
  );
  const recent = (choices.data?.recent ?? []).filter(
    (name) =>
      !value.some((a) => a.kind === "outside" && sameAddressee(a, { kind: "outside", name })),
  );

  const submitOption = (option: string) => {
    if (option.startsWith(ORG)) {
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
      description={t(searchOrganisations ? "addresseesHint" : "addresseesHintOutside")}
      error={error}
      labelProps={{ htmlFor: inputId }}
      inputWrapperOrder={["label", "description", "input", "error"]}
    >
      <Stack gap="xs" mt={6}>
        {value.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="addressees-empty">
            {t("addresseesEmpty")}
          </Text>
        ) : (
          <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: "none" }}>
            {value.map((a, i) => (
              <Paper
                key={a.kind === "organisation" ? a.organisationId : `outside:${a.name}`}
                component="li"
                withBorder
                px="sm"
                py={6}
                data-testid="addressee"
              >
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm" c="dimmed" w={20} ta="right" style={{ flexShrink: 0 }}>
                    {i + 1}.
                  </Text>
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                      {a.name}
                    </Text>
                    <Badge
                      size="sm"
                      variant="light"
                      tt="none"
                      color={a.kind === "organisation" ? "indigo" : "gray"}
                    >
                      {t(a.kind === "organisation" ? "addresseeInTree" : "addresseeOutside")}
                    </Badge>
                  </Stack>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="xl"
                    onClick={() => remove(i)}
                    aria-label={t("removeAddressee", { name: a.name })}
                    data-testid="remove-addressee"
                  >
                    <IconX size={20} />
                  </ActionIcon>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
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
                {organisations.length > 0 && (
                  <Combobox.Group label={t("treeOrganisations")}>
                    {organisations.map((o) => (
                      <Combobox.Option value={ORG + o.id} key={o.id}>
                        <Group gap={8} wrap="nowrap" justify="space-between">
                          <Text size="sm">{o.name}</Text>
                          <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
                            {o.code}
                          </Text>
                        </Group>
                      </Combobox.Option>
                    ))}
                  </Combobox.Group>
                )}
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
      </Stack>
    </Input.Wrapper>
  );
}
