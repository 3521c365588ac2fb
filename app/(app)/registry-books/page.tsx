import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import {
  RegistryBooksView,
  type BookRegistryOption,
} from "@/components/reports/registry-books-view";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/server-caller";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registryBooks");
  return { title: t("title") };
}

export default async function RegistryBooksPage() {
  const { allowed } = await requireActor("registry.read");
  if (!allowed) return <ForbiddenNotice action="registry.read" />;
  const t = await getTranslations("registryBooks");
  // Incoming registries (the secret one too) keep the incoming books, outgoing ones the
  // outgoing book; a registry of copies has none.
  const registries = (await (await serverApi()).registries.list({})).flatMap(
    (r): BookRegistryOption[] =>
      r.kind === "copy" ? [] : [{ id: r.id, name: r.name, kind: r.kind, isDefault: r.isDefault }],
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <RegistryBooksView registries={registries} />
    </>
  );
}
