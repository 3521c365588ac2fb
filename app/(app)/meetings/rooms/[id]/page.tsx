import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RoomWeek } from "@/components/meetings/room-week";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { isCalendarDay } from "@/lib/dates";
import { isUuid } from "@/lib/schemas/fields";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meetings");
  return { title: t("rooms.week") };
}

export default async function RoomWeekPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ week?: string }>;
}) {
  const { allowed } = await requireActor("meeting.read");
  if (!allowed) return <ForbiddenNotice action="meeting.read" />;
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const { week } = await searchParams;
  return <RoomWeek roomId={id} initialDay={isCalendarDay(week) ? week : undefined} />;
}
