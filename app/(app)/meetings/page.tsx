import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyMeetings } from "@/components/meetings/my-meetings";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetings");
  return { title: t("title") };
}

export default async function MeetingsPage() {
  const { allowed } = await requireActor("meeting.read");
  if (!allowed) return <ForbiddenNotice action="meeting.read" />;
  const t = await getTranslations("meetings");
  return (
    <>
      <PageHeader title={t("title")} />
      <MyMeetings />
    </>
  );
}
