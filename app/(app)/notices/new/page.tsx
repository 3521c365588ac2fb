import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoticeForm } from "@/components/notices/notice-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notices");
  return { title: t("newTitle") };
}

export default async function NewNoticePage() {
  const { allowed } = await requireActor("notice.publish");
  if (!allowed) return <ForbiddenNotice action="notice.publish" />;
  const t = await getTranslations("notices");
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <NoticeForm />
    </>
  );
}
