import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EdxmlImport } from "@/components/reception/edxml-import";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("edxmlImport");
  return { title: t("title") };
}

export default async function EdxmlImportPage() {
  const { allowed } = await requireActor("incoming.receive");
  if (!allowed) return <ForbiddenNotice action="incoming.receive" />;
  const t = await getTranslations("edxmlImport");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <EdxmlImport />
    </>
  );
}
