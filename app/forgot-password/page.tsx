import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { mailEnabled } from "@/server/mail/settings";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  // Without a mail server there is no link to send: the sign-in page does not offer this one.
  if (!mailEnabled()) redirect("/sign-in");
  const t = await getTranslations();
  return (
    <AuthCard
      appName={t("app.name")}
      tagline={t("app.tagline")}
      title={t("auth.forgotTitle")}
      subtitle={t("auth.forgotSubtitle")}
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
