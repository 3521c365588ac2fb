import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExchangeAdmin } from "@/components/admin/exchange/exchange-admin";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exchangeAdmin");
  return { title: t("title") };
}

export default async function ExchangeAdminPage({
  searchParams,
}: {
  searchParams: Promise<{ tab?: string }>;
}) {
  const { allowed } = await requireActor("exchange.manage");
  if (!allowed) return <ForbiddenNotice action="exchange.manage" />;
  const t = await getTranslations("exchangeAdmin");
  const params = await searchParams;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ExchangeAdmin initialTab={params.tab === "outbox" ? "outbox" : "peers"} />
    </>
  );
}
