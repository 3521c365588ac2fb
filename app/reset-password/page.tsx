import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("resetTitle") };
}

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const t = await getTranslations();
  return (
    <AuthCard
      appName={t("app.name")}
      tagline={t("app.tagline")}
      title={t("auth.resetTitle")}
      subtitle={t("auth.resetSubtitle")}
    >
      <ResetPasswordForm token={typeof token === "string" && token ? token : null} />
    </AuthCard>
  );
}
