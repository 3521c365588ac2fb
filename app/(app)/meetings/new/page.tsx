import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetings");
  return { title: t("new") };
}

export default async function NewMeetingPage() {
  const { allowed } = await requireActor("meeting.organise");
  if (!allowed) return <ForbiddenNotice action="meeting.organise" />;
  const t = await getTranslations("meetings");
  return (
    <>
      <PageHeader title={t("new")} />
      <MeetingForm />
    </>
  );
}
