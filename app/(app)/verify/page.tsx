import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerifyView } from "@/components/documents/verify-view";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signatureCheck");
  return { title: t("pageTitle") };
}

export default async function VerifyPage() {
  await requireActor();
  const t = await getTranslations("signatureCheck");
  return (
    <>
      <PageHeader title={t("pageTitle")} description={t("pageHint")} />
      <VerifyView />
    </>
  );
}
