import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HandlingReportView } from "@/components/reports/handling-report-view";
import { AnchorLink } from "@/components/ui/anchor-link";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("handling") };
}

export default async function HandlingReportPage() {
  const { allowed } = await requireActor("incoming.report");
  if (!allowed) return <ForbiddenNotice action="incoming.report" />;
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t("reports.handling")}
        description={t("handlingPage.description")}
        actions={
          <AnchorLink href="/reports/rollup" size="sm" data-testid="rollup-link">
            {t("rollup.link")}
          </AnchorLink>
        }
      />
      <HandlingReportView />
    </>
  );
}
