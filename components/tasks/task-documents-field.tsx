"use client";

import { Loader, MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";

export type DocumentChoice = { value: string; label: string };

/**
 * The documents a task follows: incoming and issued documents the person may see, found by
 * number, notation or subject. A document once chosen keeps its label while the search changes.
 */
export function TaskDocumentsField({
  linked,
  value,
  onChange,
  searchable,
  error,
  description,
}: {
  /** The documents already linked, with their labels. */
  linked: DocumentChoice[];
  value: string[];
  onChange: (ids: string[]) => void;
  searchable: boolean;
  error?: string;
  description?: ReactNode;
}) {
  const t = useTranslations("tasksUi");
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery(
    trpc.search.linkable.queryOptions({ q, limit: 20 }, { enabled: searchable && q.length >= 2 }),
  );
  const [chosen, setChosen] = useState<DocumentChoice[]>([]);
  const options = new Map<string, string>();
  for (const d of [...linked, ...chosen]) options.set(d.value, d.label);
  for (const d of found.data ?? [])
    if (!options.has(d.id)) options.set(d.id, `${d.numberNotation} ${d.subject}`.trim());
  const data = [...options].map(([v, label]) => ({ value: v, label }));
  return (
    <MultiSelect
      label={t("documents")}
      placeholder={searchable ? t("pickDocuments") : undefined}
      searchable={searchable}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: shown }) => shown}
      data={data}
      value={value}
      onChange={(ids) => {
        setChosen(data.filter((d) => ids.includes(d.value)));
        onChange(ids);
      }}
      nothingFoundMessage={
        !searchable
          ? undefined
          : search.trim().length < 2
            ? t("documentsTypeMore")
            : found.isFetching || q !== search.trim()
              ? t("documentsSearching")
              : t("documentsNoneFound")
      }
      rightSection={found.isFetching ? <Loader size="xs" /> : undefined}
      description={description}
      error={error}
      data-testid="task-documents"
    />
  );
}
