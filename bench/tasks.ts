// A person's open tasks, first page (`bench my-tasks`), measured like the lists, through tRPC
// beside the SQL the service ran. The dataset gets, in proportion to its documents, one task for
// every five documents in Phường Định Công over three years, given by its leaders and unit heads
// to its people (each task's lead, and a co-assignee on every third), most of them done, the
// rest open or cancelled; made once and kept with the dataset.
import type pg from "pg";
import { addDays, vietnamToday } from "@/lib/dates";
import { listTasks } from "@/server/tasks/list";
import { benchActor, capturingDb, type Measurement } from "./measure";
import { uuidSql } from "./dataset";

const YEARS_OF_DAYS = 1095;
const MARK = "[bench]";

async function ensureTaskData(pool: pg.Pool, documents: number, today: string) {
  const made = await pool.query(`select 1 from task where title like $1 limit 1`, [`%${MARK}%`]);
  if (made.rowCount) return;
  const { rows } = await pool.query<{ org: string }>(
    "select organisation_id as org from app_user where username = 'vanthu.dc'",
  );
  const orgId = rows[0]!.org;
  const { rows: staff } = await pool.query<{ id: string; unit: string | null }>(
    "select id, unit_id as unit from app_user where organisation_id = $1 and active order by username",
    [orgId],
  );
  const { rows: givers } = await pool.query<{ id: string }>(
    `select distinct u.id from app_user u join user_role r on r.user_id = u.id
      where u.organisation_id = $1 and r.role in ('leader', 'unit_head') order by u.id`,
    [orgId],
  );
  const tasks = Math.max(200, Math.round(documents / 5));
  const first = addDays(today, -YEARS_OF_DAYS);
  const client = await pool.connect();
  try {
    await client.query("begin");
    // Spread over three years and the next month; the older a task, the likelier it is done.
    await client.query(
      `insert into task (id, organisation_id, title, description_text, assigner_id, lead_user_id,
          unit_id, start_date, deadline, priority, status, progress, completed_at, version)
        select ${uuidSql("'task' || n::text")}, $1,
          'Công việc số ' || n || ' ${MARK}', 'Nội dung công việc số ' || n,
          ($2::uuid[])[1 + n % array_length($2::uuid[], 1)],
          ($3::uuid[])[1 + (n * 7) % array_length($3::uuid[], 1)],
          ($4::uuid[])[1 + (n * 7) % array_length($3::uuid[], 1)],
          day - 10, day,
          (array['low','normal','normal','high','urgent'])[1 + n % 5]::task_priority,
          st::task_status,
          case when st = 'done' then 100 when st = 'in_progress' then 10 * (n % 10) else 0 end,
          case when st = 'done' then (day - (n % 3 - 1)) + time '16:00' end,
          1
        from (
          select n, day,
            case when n % 20 = 0 then 'cancelled'
                 when day < $5::date - 30 or n % 4 = 0 and day < $5::date then 'done'
                 when n % 3 = 0 then 'new' else 'in_progress' end as st
          from (select n, $6::date + ((n * $7::int) / $8::int) as day
                from generate_series(0, $8::int - 1) n) g
        ) s`,
      [
        orgId,
        givers.map((g) => g.id),
        staff.map((s) => s.id),
        staff.map((s) => s.unit),
        today,
        first,
        YEARS_OF_DAYS + 30,
        tasks,
      ],
    );
    await client.query(
      `insert into task_participant (task_id, user_id, organisation_id, role)
        select id, lead_user_id, organisation_id, 'lead' from task
        where organisation_id = $1 and title like $2 and lead_user_id is not null`,
      [orgId, `%${MARK}%`],
    );
    // A co-assignee on every third task: the next person in the list.
    await client.query(
      `insert into task_participant (task_id, user_id, organisation_id, role)
        select t.id, ($3::uuid[])[1 + (k + 1) % array_length($3::uuid[], 1)], t.organisation_id, 'co'
        from (select id, organisation_id, lead_user_id,
                row_number() over (order by id) as i from task
              where organisation_id = $1 and title like $2) t
        join lateral (select array_position($3::uuid[], t.lead_user_id) - 1 as k) p on true
        where t.i % 3 = 0
        on conflict do nothing`,
      [orgId, `%${MARK}%`, staff.map((s) => s.id)],
    );
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
  await pool.query("analyze task; analyze task_participant");
}

/** The specialist's open tasks, nearest deadline first: the first page of "Việc của tôi". */
export async function myTasksMeasurement(
  pool: pg.Pool,
  cookie: string,
  documents: number,
): Promise<Measurement> {
  const today = vietnamToday();
  await ensureTaskData(pool, documents, today);
  const captured = capturingDb(pool);
  const { db, take } = captured;
  const actor = await benchActor(pool, captured, "chuyenvien.kt");
  const input = { view: "mine" as const, status: ["new" as const, "in_progress" as const] };
  const page = await listTasks(db, actor, input);
  if (page.items.length === 0) throw new Error("bench my-tasks: the specialist has no open task");
  return {
    name: "my-tasks",
    path: "tasks.list",
    input,
    cookie,
    statements: take(),
    check: (d) =>
      (d as { items: unknown[] }).items.length > 0 ? null : "the list answered no tasks",
  };
}
