import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ScheduleWeek } from "@/components/schedule/schedule-week";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { PageHeader } from "@/components/ui/page-header";
import { vietnamToday } from "@/lib/dates";
import { isoWeekOf, isRealIsoWeek } from "@/lib/schedule";
import { isUuid } from "@/lib/schemas/fields";
import { scheduleEntrySource } from "@/lib/schemas/schedule";
import { requireActor } from "@/server/authz/require";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("schedule");
  return { title: t("title") };
}

type Search = {
  year?: string;
  week?: string;
  unit?: string;
  doc?: string;
  meeting?: string;
  at?: string;
};

/** The invitation (`doc=<id>`) or meeting occurrence (`meeting=<id>&at=<start>`) to add, if any. */
function sourceOf(params: Search) {
  const asked = params.doc
    ? { kind: "document", id: params.doc }
    : params.meeting
      ? { kind: "meeting", id: params.meeting, occurrenceStart: params.at }
      : null;
  const parsed = asked ? scheduleEntrySource.safeParse(asked) : null;
  return parsed?.success ? parsed.data : null;
}

/**
 * `/schedule?year=2026&week=50&unit=<id>`: a week of a sheet; this week's leadership's by
 * default. With `doc=` or `meeting=&at=`, the week of that invitation or meeting, ready to add it.
 */
export default async function SchedulePage({ searchParams }: { searchParams: Promise<Search> }) {
  const { allowed } = await requireActor("schedule.read");
  if (!allowed) return <ForbiddenNotice action="schedule.read" />;
  const t = await getTranslations("schedule");
  const params = await searchParams;
  const asked = { year: Number(params.year), week: Number(params.week) };
  const week = isRealIsoWeek(asked) ? asked : isoWeekOf(vietnamToday());
  const unitId = params.unit && isUuid(params.unit) ? params.unit : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ScheduleWeek initial={{ ...week, unitId }} source={sourceOf(params)} />
    </>
  );
}
