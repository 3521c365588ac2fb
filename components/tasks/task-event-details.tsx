"use client";

import { List, Text } from "@mantine/core";
import { useTranslations } from "next-intl";
import { formatDate } from "@/components/documents/document-format";

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const names = (v: unknown) =>
  (Array.isArray(v) ? v : []).filter((x): x is string => typeof x === "string").join(", ");

/**
 * What one step of the history changed, where the step says more than its name: an edit's
 * fields from their old to their new values and the people and documents it added or removed,
 * and the names of files added or removed.
 */
export function TaskEventDetails({
  action,
  data,
}: {
  action: string;
  data: Record<string, unknown>;
}) {
  const t = useTranslations("tasksUi");
  const lines: string[] = [];
  if (action === "edited") {
    const shown = (field: string, v: unknown) =>
      field === "priority"
        ? t(`priority.${String(v)}` as never)
        : field === "startDate" || field === "deadline"
          ? formatDate(String(v))
          : String(v ?? "");
    for (const [field, c] of Object.entries(obj(data.changes))) {
      if (!["title", "startDate", "deadline", "priority"].includes(field)) continue;
      lines.push(
        `${t(`change.${field}` as never)}: ${shown(field, obj(c).from)} → ${shown(field, obj(c).to)}`,
      );
    }
    if (data.description === true) lines.push(t("change.description"));
    for (const side of ["added", "removed"] as const) {
      for (const [what, list] of Object.entries(obj(data[side]))) {
        if (!["co", "watchers", "documents"].includes(what) || !names(list)) continue;
        lines.push(t(`change.${side}`, { what: t(`change.${what}` as never), names: names(list) }));
      }
    }
  } else if (action === "filesAdded") {
    if (names(data.files)) lines.push(t("change.files", { names: names(data.files) }));
  } else if (action === "fileRemoved") {
    if (typeof data.fileName === "string") lines.push(t("change.files", { names: data.fileName }));
  }
  if (lines.length === 0) return null;
  return (
    <List size="sm" spacing={2} data-testid="task-event-details">
      {lines.map((line, i) => (
        <List.Item key={i}>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {line}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
