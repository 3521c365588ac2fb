"use client";

import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { AppRouter } from "@/server/api/root";

export type DraftingTemplate =
  inferRouterOutputs<AppRouter>["routeTemplates"]["forDrafting"][number];

/**
 * The organisation's route templates, to start the route from one of them. Without templates
 * (or while they cannot be read) nothing is shown: the usual road is there already.
 */
export function RouteTemplateSelect({ onPick }: { onPick: (template: DraftingTemplate) => void }) {
  const t = useTranslations("routeTemplates");
  const trpc = useTRPC();
  const templates = useQuery(trpc.routeTemplates.forDrafting.queryOptions());
  const [picked, setPicked] = useState<string | null>(null);
  if (!templates.data || templates.data.length === 0) return null;
  return (
    <Select
      label={t("pick")}
      placeholder={t("pickPlaceholder")}
      description={t("pickHint")}
      data={templates.data.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
      value={picked}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data-testid="route-template-select"
      onChange={(id) => {
        const template = templates.data.find((tpl) => tpl.id === id);
        if (!template) return;
        setPicked(template.id);
        onPick(template);
      }}
    />
  );
}
