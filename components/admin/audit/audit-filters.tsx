"use client";

import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { foldedFilter } from "@/components/ui/folded-filter";
import { DateField } from "@/components/ui/date-field";
import {
  auditActionGroups,
  auditActionNames,
  auditEntityTypes,
  groupOf,
} from "@/lib/audit-actions";
import { isCalendarDay } from "@/lib/dates";
import type { AuditFilters } from "./audit-params";

type Props = {
  filters: AuditFilters;
  onChange: (change: Partial<AuditFilters>) => void;
  actors: { id: string; name: string }[];
  /** The server's message for each filter it refused, by the filter's name. */
  errors: Partial<Record<keyof AuditFilters, string>>;
};

/** Person, action, record and days; each change goes to the URL, which the list follows. */
export function AuditFilterFields({ filters, onChange, actors, errors }: Props) {
  const t = useTranslations("audit");
  const tAll = useTranslations();
  const record = useRecordText(filters.record, (record) => onChange({ record }));

  const actionOptions = auditActionGroups.map((group) => {
    const label = t(`groups.${group}`);
    return {
      group: label,
      items: [
        { value: group, label: t("filters.allOfGroup", { group: label }) },
        ...auditActionNames
          .filter((a) => groupOf(a) === group)
          .map((a) => ({ value: a, label: tAll(`audit.actions.${a}`) })),
      ],
    };
  });
  // A day, or nothing: text that is not yet a day stays in the field, which says why.
  const day = (name: "from" | "to") => (value: string | null) => {
    if (value === null || isCalendarDay(value)) onChange({ [name]: value });
  };

  return (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
      <Select
        label={t("filters.actor")}
        placeholder={t("filters.anyone")}
        data={actors.map((a) => ({ value: a.id, label: a.name }))}
        value={filters.actor}
        onChange={(actor) => onChange({ actor })}
        error={errors.actor}
        filter={foldedFilter}
        searchable
        clearable
        data-testid="audit-filter-actor"
      />
      <Select
        label={t("filters.action")}
        placeholder={t("filters.anyAction")}
        data={actionOptions}
        value={filters.action}
        onChange={(action) => onChange({ action })}
        error={errors.action}
        filter={foldedFilter}
        searchable
        clearable
        maxDropdownHeight={360}
        comboboxProps={{ width: 300, position: "bottom-start" }}
        data-testid="audit-filter-action"
      />
      <Select
        label={t("filters.entityType")}
        placeholder={t("filters.anyType")}
        data={auditEntityTypes.map((type) => ({ value: type, label: t(`entities.${type}`) }))}
        value={filters.type}
        onChange={(type) => onChange({ type })}
        error={errors.type}
        clearable
        data-testid="audit-filter-type"
      />
      <TextInput
        label={t("filters.entityId")}
        placeholder={t("filters.entityIdPlaceholder")}
        value={record.text}
        onChange={(e) => record.setText(e.currentTarget.value)}
        error={errors.record}
        maxLength={100}
        spellCheck={false}
        autoComplete="off"
        data-testid="audit-filter-record"
      />
      <DateField
        label={t("filters.from")}
        value={filters.from}
        onChange={day("from")}
        maxDate={filters.to ?? undefined}
        maxMessage="audit.filters.fromAfterTo"
        error={errors.from}
        data-testid="audit-filter-from"
      />
      <DateField
        label={t("filters.to")}
        value={filters.to}
        onChange={day("to")}
        minDate={filters.from ?? undefined}
        minMessage="audit.filters.toBeforeFrom"
        error={errors.to}
        data-testid="audit-filter-to"
      />
    </SimpleGrid>
  );
}

/**
 * The record id as it is typed, sent a moment after typing stops; an id put in the URL from
 * elsewhere (an event's "only this record", clearing the filters) replaces the text.
 */
function useRecordText(value: string | null, commit: (value: string | null) => void) {
  const [text, setText] = useState(value ?? "");
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if ((value ?? "") !== text.trim()) setText(value ?? "");
  }
  const [typed] = useDebouncedValue(text.trim(), 400);
  useEffect(() => {
    if ((typed || null) !== value) commit(typed || null);
    // Only what was typed drives this; the URL's value is read fresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);
  return { text, setText };
}
