import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoticesList } from "@/components/notices/notices-list";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { can } from "@/lib/permissions";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notices");
  return { title: t("title") };
}

export default async function NoticesPage() {
  const { actor, allowed } = await requireActor("notice.read");
  if (!allowed) return <ForbiddenNotice action="notice.read" />;
  return <NoticesList office={can(actor.roles, "notice.publish")} />;
}
