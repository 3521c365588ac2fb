import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoticePage } from "@/components/notices/notice-page";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notices");
  return { title: t("title") };
}

export default async function NoticeDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { allowed } = await requireActor("notice.read");
  if (!allowed) return <ForbiddenNotice action="notice.read" />;
  return <NoticePage id={(await params).id} />;
}
