"use client";

import { Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { RegistryKind } from "@/lib/schemas/registry";

/**
 * The book the document goes into: the open books of its kind (incoming or outgoing, each with
 * its secret book for a secret document), the default one chosen for the clerk. The hint shows the number it would get now;
 * the real one is taken when saving, since another clerk may register first.
 */
export function RegistryField({
  kind,
  value,
  error,
  onChange,
}: {
  kind: RegistryKind;
  value: string | null;
  error?: string;
  onChange: (registryId: string | null) => void;
}) {
  const t = useTranslations("reception");
  const trpc = useTRPC();
  const registries = useQuery(trpc.registries.list.queryOptions({}));
  const books = (registries.data ?? []).filter((r) => r.kind === kind);
  const chosen = books.find((b) => b.id === value);
  const fallback = (books.find((b) => b.isDefault) ?? books[0])?.id ?? null;

  // Keep the choice one of this kind's books: on load, after a reset, and when the
  // confidentiality moves the document between the incoming and the secret book.
  useEffect(() => {
    if (registries.isSuccess && !chosen && value !== fallback) onChange(fallback);
  }, [registries.isSuccess, chosen, value, fallback, onChange]);

  let description: string | undefined;
  if (registries.isError) description = t("registriesLoadError");
  else if (chosen) {
    description = t(kind.endsWith("outgoing") ? "expectedOutgoingNumber" : "expectedNumber", {
      number: chosen.lastNumber + 1,
    });
  } else if (registries.isSuccess) description = t("registryAutoOpen");

  return (
    <Select
      label={t("registry")}
      data={books.map((b) => ({
        value: b.id,
        label: b.isDefault ? `${b.name} (${t("registryDefault").toLowerCase()})` : b.name,
      }))}
      value={chosen ? value : null}
      onChange={onChange}
      allowDeselect={false}
      disabled={books.length === 0}
      description={description}
      inputWrapperOrder={["label", "input", "description", "error"]}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid="registry-select"
    />
  );
}
