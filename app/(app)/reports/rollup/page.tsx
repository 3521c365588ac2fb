import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RollupView } from "@/components/reports/rollup-view";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rollup");
  return { title: t("title") };
}

export default async function RollupPage() {
  const { allowed } = await requireActor("incoming.report");
  if (!allowed) return <ForbiddenNotice action="incoming.report" />;
  const t = await getTranslations("rollup");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <RollupView />
    </>
  );
}
