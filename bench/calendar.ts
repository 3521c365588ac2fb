// A person's calendar for one month (`bench calendar-month`), measured like the lists, through
// tRPC beside the SQL the service ran. The dataset gets, in proportion to its documents, three
// years of the ward's weekly leadership schedule (published, a dozen entries a week) and of its
// meetings (about one for every 50 documents, a few people invited to each), and a weekly
// briefing of the leadership over the last three years; made once and kept with the dataset.
import type pg from "pg";
import { addDays, vietnamToday } from "@/lib/dates";
import { calendarItems, rangeOfDays } from "@/server/calendar/calendar";
import { visibleDays } from "@/components/calendar/calendar-range";
import { benchActor, capturingDb, type Measurement } from "./measure";
import { uuidSql } from "./dataset";

const YEARS_OF_DAYS = 1095;
const MARK = "[bench]";

const idOf = async (pool: pg.Pool, sql: string, params: unknown[]) =>
  (await pool.query<{ id: string }>(sql, params)).rows[0]?.id ?? null;

/** The schedule and meetings of Phường Định Công, unless an earlier run made them. */
async function ensureCalendarData(pool: pg.Pool, documents: number, today: string) {
  const made = await pool.query(`select 1 from meeting where title like $1 limit 1`, [`%${MARK}%`]);
  if (made.rowCount) return;
  const orgId = await idOf(
    pool,
    "select organisation_id as id from app_user where username = 'vanthu.dc'",
    [],
  );
  const user = (name: string) =>
    idOf(pool, "select id from app_user where username = $1", [name]) as Promise<string>;
  const [clerk, chair, deputy, specialist, head] = await Promise.all(
    ["vanthu.dc", "chutich.dc", "phochutich.dc", "chuyenvien.kt", "truongphong.kt"].map(user),
  );
  const { rows: staff } = await pool.query<{ id: string }>(
    "select id from app_user where organisation_id = $1 and active order by username",
    [orgId],
  );
  const { rows: units } = await pool.query<{ id: string }>(
    "select id from unit where organisation_id = $1 order by name",
    [orgId],
  );
  const first = addDays(today, -YEARS_OF_DAYS);
  const client = await pool.connect();
  try {
    await client.query("begin");
    // A published leadership sheet for every week of the three years and the next four weeks,
    // twelve entries each: mornings and afternoons of the working days, two on Monday.
    await client.query(
      `insert into schedule_sheet (id, organisation_id, year, week, week_start, status, version,
          created_by_id, published_by_id, published_at)
        select ${uuidSql("'sheet' || w::text")}, $1, extract(isoyear from w)::int,
          extract(week from w)::int, w::date, 'published', 3, $2, $3, w - interval '3 days'
        from generate_series(date_trunc('week', $4::date), $5::date, interval '7 days') w
        on conflict do nothing`,
      [orgId, clerk, chair, first, addDays(today, 28)],
    );
    await client.query(
      `insert into schedule_entry (sheet_id, organisation_id, day, session, start_time, end_time,
          content, chair_user_id, participant_user_ids, participant_unit_ids, location,
          created_by_id)
        select s.id, s.organisation_id, s.week_start + d,
          (case when slot = 1 then 'morning' else 'afternoon' end)::schedule_session,
          case when slot = 1 then time '07:30' else time '14:00' end,
          case when slot = 1 then time '09:00' else time '16:30' end,
          'Làm việc theo lịch ' || d || '-' || slot || ' ${MARK}',
          case when (d + slot) % 2 = 0 then $2::uuid else $3::uuid end,
          case when (d * 2 + slot) % 3 = 0 then array[$4::uuid] else '{}'::uuid[] end,
          case when (d + slot) % 4 = 0 then $5::uuid[] else '{}'::uuid[] end,
          'Phòng họp tầng 2', $6
        from schedule_sheet s, generate_series(0, 4) d, generate_series(1, 2) slot
        where s.organisation_id = $1 and s.unit_id is null
          and not exists (select 1 from schedule_entry e where e.sheet_id = s.id)`,
      [orgId, chair, deputy, specialist, units.slice(0, 2).map((u) => u.id), clerk],
    );
    // Single meetings: about one for every 50 documents, over the same three years, on
    // working days, each with four of the ward's people invited (the specialist in a third).
    const meetings = Math.max(100, Math.round(documents / 50));
    await client.query(
      `insert into meeting (id, organisation_id, organiser_id, title, starts_at, ends_at,
          location_text)
        select ${uuidSql("'meeting' || n::text")}, $1,
          (case when n % 2 = 0 then $2 else $3 end)::uuid,
          'Họp chuyên đề số ' || n || ' ${MARK}',
          (day + time '08:00' + (n % 8) * interval '1 hour') at time zone 'Asia/Ho_Chi_Minh',
          (day + time '09:00' + (n % 8) * interval '1 hour') at time zone 'Asia/Ho_Chi_Minh',
          'Phòng họp nhỏ'
        from (select n, $4::date + ((n * $5::int) / $6::int) as day
          from generate_series(0, $6::int - 1) n) g
        where extract(isodow from day) < 6`,
      [orgId, chair, deputy, first, YEARS_OF_DAYS + 28, meetings],
    );
    await client.query(
      `insert into meeting_participant (meeting_id, user_id, response)
        select m.id, s.id,
          (case when (s.k + m.i) % 3 = 0 then 'pending' else 'accepted' end)::meeting_response
        from (select id, row_number() over (order by starts_at) as i from meeting
              where organisation_id = $1 and title like $3) m
        join (select id, row_number() over () as k from unnest($2::uuid[]) id) s
          on ((s.k - m.i) % $4 + $4) % $4 < 4
        on conflict do nothing`,
      [orgId, staff.map((s) => s.id), `%${MARK}%`, staff.length],
    );
    await client.query(
      `insert into meeting_participant (meeting_id, user_id, response)
        select id, $2, 'accepted' from meeting
        where organisation_id = $1 and title like $3 and
          (extract(epoch from starts_at)::bigint / 3600) % 3 = 0
        on conflict do nothing`,
      [orgId, specialist, `%${MARK}%`],
    );
    // The leadership's weekly briefing of the last three years, the unit heads invited.
    const monday = (
      await client.query<{ d: string }>("select (date_trunc('week', $1::date))::date::text as d", [
        first,
      ])
    ).rows[0]!.d;
    const briefing = await client.query<{ id: string }>(
      `insert into meeting (organisation_id, organiser_id, title, starts_at, ends_at,
          location_text, recurrence)
        values ($1, $2, 'Giao ban lãnh đạo ${MARK}',
          ($3::date + time '07:30') at time zone 'Asia/Ho_Chi_Minh',
          ($3::date + time '08:30') at time zone 'Asia/Ho_Chi_Minh',
          'Phòng họp tầng 2', 'FREQ=WEEKLY;BYDAY=MO;COUNT=160')
        returning id`,
      [orgId, chair, monday],
    );
    await client.query(
      `insert into meeting_participant (meeting_id, user_id, response)
        select $1, u, 'accepted' from unnest($2::uuid[]) u`,
      [briefing.rows[0]!.id, [head, specialist, deputy]],
    );
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
  await pool.query(
    "analyze schedule_sheet; analyze schedule_entry; analyze meeting; analyze meeting_participant",
  );
}

/** The month view of this month for the specialist, as the calendar page asks for it. */
export async function calendarMeasurement(
  pool: pg.Pool,
  cookie: string,
  documents: number,
): Promise<Measurement> {
  const today = vietnamToday();
  await ensureCalendarData(pool, documents, today);
  const captured = capturingDb(pool);
  const { db, take } = captured;
  const actor = await benchActor(pool, captured, "chuyenvien.kt");
  const input = visibleDays("month", today);
  const items = await calendarItems(db, actor, rangeOfDays(input));
  if (items.length === 0) throw new Error("bench calendar-month: the month is empty");
  return {
    name: "calendar-month",
    path: "calendar.items",
    input,
    cookie,
    statements: take(),
    check: (d) => ((d as unknown[]).length > 0 ? null : "the calendar answered no items"),
  };
}
