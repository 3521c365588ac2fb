import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SearchView } from "@/components/search/search-view";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("searchPage");
  return { title: t("title") };
}

export default async function SearchPage() {
  const { allowed } = await requireActor("incoming.read");
  if (!allowed) return <ForbiddenNotice action="incoming.read" />;
  const t = await getTranslations("searchPage");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SearchView />
    </>
  );
}
