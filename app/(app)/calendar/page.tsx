import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyCalendar } from "@/components/calendar/my-calendar";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calendar");
  return { title: t("title") };
}

export default async function CalendarPage() {
  const { allowed } = await requireActor("calendar.read");
  if (!allowed) return <ForbiddenNotice action="calendar.read" />;
  const t = await getTranslations("calendar");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <MyCalendar />
    </>
  );
}
