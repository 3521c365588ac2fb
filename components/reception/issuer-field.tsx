"use client";

import { Autocomplete, Group, Loader, Text, type ComboboxItemGroup } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc";

type Organisation = { id: string; code: string; name: string };

const ORG = "org:";
const NAME = "name:";

/**
 * The issuing body, typed once: an organisation of the tree (with its code) picked from the
 * list, or an outside body written in full. Outside bodies typed before are offered again, so
 * they are spelled the same way each time and duplicates can be recognised. The server
 * searches without diacritics, so "ubnd dinh cong" finds "UBND phường Định Công".
 */
export function IssuerField({
  name,
  organisationId,
  error,
  onChange,
}: {
  name: string;
  organisationId: string | null;
  error?: string;
  onChange: (value: { name: string; organisationId: string | null }) => void;
}) {
  const t = useTranslations("reception");
  const trpc = useTRPC();
  const [query] = useDebouncedValue(name.trim(), 250);
  const choices = useQuery(
    trpc.reception.issuers.queryOptions({ query }, { placeholderData: keepPreviousData }),
  );
  const organisations = useMemo(
    () => new Map((choices.data?.organisations ?? []).map((o) => [ORG + o.id, o])),
    [choices.data],
  );
  const linked: Organisation | undefined = organisationId
    ? (organisations.get(ORG + organisationId) ?? undefined)
    : undefined;

  const data: ComboboxItemGroup<{ value: string }>[] = [];
  if (organisations.size > 0) {
    data.push({
      group: t("treeOrganisations"),
      items: [...organisations.keys()].map((value) => ({ value })),
    });
  }
  const recent = choices.data?.recent ?? [];
  if (recent.length > 0) {
    data.push({ group: t("recentIssuers"), items: recent.map((r) => ({ value: NAME + r })) });
  }

  const change = (value: string) => {
    const org = organisations.get(value);
    if (org) onChange({ name: org.name, organisationId: org.id });
    else if (value.startsWith(NAME))
      onChange({ name: value.slice(NAME.length), organisationId: null });
    // Typing over a chosen organisation makes it an outside body again.
    else onChange({ name: value, organisationId: null });
  };

  let description: string | undefined;
  if (organisationId) {
    description = linked ? t("issuerLinked", { code: linked.code }) : t("issuerOrganisation");
  } else if (name.trim()) {
    description = t("issuerOutside");
  }

  return (
    <Autocomplete
      label={t("issuer")}
      placeholder={t("issuerPlaceholder")}
      required
      value={name}
      onChange={change}
      data={data}
      // The server has already filtered, ignoring diacritics.
      filter={({ options }) => options}
      renderOption={({ option }) => {
        const org = organisations.get(option.value);
        if (!org) return <Text size="sm">{option.value.slice(NAME.length)}</Text>;
        return (
          <Group gap={8} wrap="nowrap" justify="space-between" w="100%">
            <Text size="sm">{org.name}</Text>
            <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
              {org.code}
            </Text>
          </Group>
        );
      }}
      rightSection={choices.isFetching ? <Loader size={14} /> : null}
      description={description}
      inputWrapperOrder={["label", "input", "description", "error"]}
      error={error}
      maxDropdownHeight={320}
      maxLength={255}
      autoComplete="off"
      comboboxProps={{ withinPortal: true }}
      data-testid="issuer-input"
    />
  );
}
