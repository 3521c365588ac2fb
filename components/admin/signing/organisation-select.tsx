"use client";

import { foldedFilter } from "@/components/ui/folded-filter";
import { Select } from "@mantine/core";
import { IconBuilding } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { orgOption } from "@/components/admin/organisations/org-tree-helpers";
import { useTRPC } from "@/components/providers/trpc";
import { compareVietnamese } from "@/lib/collate";

/** The organisation whose certificates are shown: any active one of the tree, found without diacritics. */
export function OrganisationSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (organisationId: string) => void;
}) {
  const t = useTranslations("signingAdmin");
  const trpc = useTRPC();
  const tree = useQuery(trpc.orgTree.list.queryOptions());
  const data = (tree.data ?? [])
    .filter((o) => o.status === "active")
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map(orgOption);
  return (
    <Select
      label={t("organisation")}
      placeholder={t("organisationPlaceholder")}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable
      allowDeselect={false}
      filter={foldedFilter}
      nothingFoundMessage={t("noOrganisation")}
      leftSection={<IconBuilding size={16} />}
      comboboxProps={{ withinPortal: true }}
      maw={560}
      style={{ flex: 1, minWidth: 0 }}
      data-testid="signing-organisation"
    />
  );
}
