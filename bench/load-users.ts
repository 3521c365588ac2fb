// The load test's people: N accounts in Phường Định Công and Phường Hoàng Liệt, mostly specialists
// and unit heads, some leaders and clerks, each given an inbox over the generated documents (their
// own assignments, participant rows and notifications) so that every list they open has rows.
// Accounts are kept with the dataset (--keep): a later run reuses them and adds only the missing.
import type pg from "pg";
import { demoOrganisations, DEMO_PASSWORD } from "@/db/seed/demo";
import { hashPassword } from "@/server/auth/password";
import { uuidSql } from "./dataset";

export type LoadRole = "specialist" | "unit_head" | "leader" | "clerk";
export type LoadUser = { login: string; role: LoadRole; org: "dinhcong" | "hoangliet" };

type Slot = [LoadUser["org"], LoadRole, unit: string | null];

/**
 * Every 20 accounts: 11 in Định Công and 9 in Hoàng Liệt (their share of the mail), 13
 * specialists, 3 unit heads, 2 leaders, 2 clerks. Account i always takes slot i % 20, so a run
 * with more users keeps the accounts of a run with fewer; a clerk comes third, so that even a
 * handful of users registers documents.
 */
const pattern: Slot[] = [
  ["dinhcong", "specialist", "kt"],
  ["hoangliet", "specialist", "kt"],
  ["dinhcong", "clerk", "vp"],
  ["hoangliet", "unit_head", "kt"],
  ["dinhcong", "specialist", "vhxh"],
  ["hoangliet", "leader", null],
  ["dinhcong", "unit_head", "kt"],
  ["hoangliet", "specialist", "vp"],
  ["dinhcong", "leader", null],
  ["hoangliet", "clerk", "vp"],
  ["dinhcong", "specialist", "kt"],
  ["hoangliet", "specialist", "kt"],
  ["dinhcong", "specialist", "vhxh"],
  ["hoangliet", "specialist", "kt"],
  ["dinhcong", "unit_head", "vhxh"],
  ["hoangliet", "specialist", "vp"],
  ["dinhcong", "specialist", "kt"],
  ["hoangliet", "specialist", "kt"],
  ["dinhcong", "specialist", "vhxh"],
  ["dinhcong", "specialist", "kt"],
];

const roleSlug: Record<LoadRole, string> = {
  specialist: "chuyenvien",
  unit_head: "truongphong",
  leader: "lanhdao",
  clerk: "vanthu",
};
const orgSlug = { dinhcong: "dc", hoangliet: "hl" } as const;
/** The demo leader of each ward, who directs the documents given to the new accounts. */
const director = { dinhcong: "chutich.dc", hoangliet: "chutich.hl" } as const;

const families = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Vũ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Ngô",
  "Dương",
];
const middles = ["Văn", "Thị", "Minh", "Đức", "Thu", "Quang", "Thanh", "Hồng", "Ngọc"];
const givens = [
  "An",
  "Bình",
  "Chi",
  "Dũng",
  "Giang",
  "Hà",
  "Khánh",
  "Linh",
  "Nam",
  "Phương",
  "Quân",
];
const jobTitle: Record<LoadRole, string> = {
  specialist: "Chuyên viên",
  unit_head: "Trưởng phòng",
  leader: "Phó Chủ tịch UBND phường",
  clerk: "Văn thư",
};

function specOf(i: number) {
  const [org, role, unit] = pattern[i % pattern.length]!;
  const n = String(i + 1).padStart(4, "0");
  const fullName = `${families[i % families.length]} ${middles[(i * 7) % middles.length]} ${givens[(i * 5) % givens.length]}`;
  return { login: `bench.${roleSlug[role]}.${orgSlug[org]}.${n}`, org, role, unit, fullName };
}

/**
 * One ward's new accounts of one role get their part of the ward's directed documents. Each
 * document goes to `$4` of them while open and `$5` once completed, taken in turn from a hash of
 * its id; specialists through a co-handling assignment of their own, unit heads through one of
 * their unit, as a leader's direction would have made them.
 */
const handlerRowsSql = `
with u as (
  select x.user_id, x.unit_id, (x.n - 1)::int as n
  from unnest($2::uuid[], $3::uuid[]) with ordinality as x(user_id, unit_id, n)
), d as (
  select id, urgency, deadline, registered_at, status = 'in_progress' as open,
    hashtextextended(id::text, 11) & 9223372036854775807 as h
  from document
  where organisation_id = $1 and direction = 'incoming' and status in ('in_progress', 'completed')
), p as (
  select d.*, u.user_id, u.unit_id, ${uuidSql("'bench-load:' || d.id || ':' || u.user_id")} as part
  from d
  cross join lateral generate_series(0, least(case when d.open then $4::int else $5::int end, $6::int) - 1) j
  join u on u.n = (d.h + j) % $6::int
), a as (
  insert into assignment (id, document_id, organisation_id, role, unit_id, user_id, assigned_by_id,
    deadline, status, completed_at, created_at, updated_at)
  select part, id, $1, 'co', unit_id, case when unit_id is null then user_id end, $7, deadline,
    (case when open then 'in_progress' else 'completed' end)::assignment_status,
    case when not open then registered_at + interval '5 days' end,
    registered_at + interval '2 hours', registered_at + interval '2 hours'
  from p
)
insert into document_participant (document_id, user_id, kind, organisation_id, assignment_id, box,
  urgency, deadline, returned, created_at, updated_at)
select id, user_id, $8::participant_kind, $1, part,
  (case when open then 'to_handle' else 'handled' end)::inbox_box, urgency,
  coalesce(deadline, 'infinity'::date), 0, registered_at + interval '2 hours',
  registered_at + interval '2 hours'
from p
on conflict do nothing`;

/**
 * Leaders: documents presented to them (to direct; each to two of them), a copy for information
 * of every directed one (unread while it is open), and a quarter of those they directed.
 */
const leaderRowsSql = `
with u as (
  select x.user_id, (x.n - 1)::int as n from unnest($2::uuid[]) with ordinality as x(user_id, n)
), d as (
  select id, urgency, deadline, registered_at, status, status = 'in_progress' as open,
    hashtextextended(id::text, 13) & 9223372036854775807 as h
  from document
  where organisation_id = $1 and direction = 'incoming'
    and status in ('presented', 'in_progress', 'completed')
), p as (
  select d.*, v.kind, v.box, v.j
  from d cross join lateral (values
    ('presented', 'to_direct', case when d.status = 'presented' then 0 end),
    ('presented', 'to_direct', case when d.status = 'presented' then 1 end),
    ('info', case when d.open or (d.h / 7) % 8 = 0 then 'info_unread' else 'info_read' end,
      case when d.status <> 'presented' then 0 end),
    ('director', 'handled', case when d.status <> 'presented' and (d.h / 5) % 4 = 0 then 1 end)
  ) as v(kind, box, j)
  where v.j is not null
)
insert into document_participant (document_id, user_id, kind, organisation_id, box, urgency,
  deadline, returned, created_at, updated_at)
select p.id, u.user_id, p.kind::participant_kind, $1, p.box::inbox_box, p.urgency,
  coalesce(p.deadline, 'infinity'::date), 0, p.registered_at + interval '1 hour',
  p.registered_at + interval '1 hour'
from p join u on u.n = (p.h + p.j) % $3::int
on conflict do nothing`;

/** The bell: what the last six weeks brought each new account; unread while still to act on. */
const notificationSql = `
insert into notification (organisation_id, user_id, kind, document_id, message_key, params,
  created_at, read_at)
select p.organisation_id, p.user_id,
  case when p.kind = 'presented' then 'presented' when p.kind = 'info' then 'forInformation'
    else 'assigned' end,
  p.document_id,
  case when p.kind = 'presented' then 'presented' when p.kind = 'info' then 'forInformation'
    else 'assignedCo' end,
  jsonb_build_object('subject', left(d.subject, 120)), p.created_at,
  case when p.box in ('handled', 'info_read') then p.created_at + interval '1 day' end
from document_participant p join document d on d.id = p.document_id
where p.user_id = any($1::uuid[]) and p.created_at > now() - interval '42 days'`;

/** Creates the accounts that are missing (one password hash for all), with their inboxes. */
export async function prepareLoadUsers(
  pool: pg.Pool,
  count: number,
  log: (line: string) => void,
): Promise<LoadUser[]> {
  const specs = Array.from({ length: count }, (_, i) => specOf(i));
  const { rows: existing } = await pool.query<{ username: string }>(
    "select username from app_user where username = any($1)",
    [specs.map((s) => s.login)],
  );
  const have = new Set(existing.map((r) => r.username));
  const missing = specs.filter((s) => !have.has(s.login));
  if (missing.length === 0) {
    log(`Reusing the ${count} load-test accounts of an earlier --keep run.`);
  } else {
    const started = Date.now();
    log(`Creating ${missing.length} load-test accounts with their inboxes ...`);
    await createAccounts(pool, missing);
    log(`  accounts and inboxes ready in ${Math.round((Date.now() - started) / 1000)} s.`);
  }
  return specs.map(({ login, role, org }) => ({ login, role, org }));
}

async function createAccounts(pool: pg.Pool, specs: ReturnType<typeof specOf>[]) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgCodes = Object.fromEntries(demoOrganisations.map((o) => [o.key, o]));
  const client = await pool.connect();
  try {
    await client.query("begin");
    const created: { id: string; spec: (typeof specs)[number]; unitId: string | null }[] = [];
    for (const spec of specs) {
      const org = orgCodes[spec.org]!;
      const shortName = spec.unit ? org.units.find((u) => u.key === spec.unit)!.shortName : null;
      const { rows } = await client.query<{ id: string; unit_id: string | null; org_id: string }>(
        `insert into app_user (organisation_id, unit_id, username, full_name, job_title, password_hash)
         select o.id, (select id from unit where organisation_id = o.id and short_name = $2),
           $3, $4, $5, $6
         from organisation o where o.code = $1
         returning id, unit_id, organisation_id as org_id`,
        [org.code, shortName, spec.login, spec.fullName, jobTitle[spec.role], passwordHash],
      );
      const row = rows[0];
      if (!row) throw new Error(`The demo organisation ${spec.org} is missing.`);
      await client.query(
        "insert into user_role (user_id, organisation_id, role) values ($1, $2, $3)",
        [row.id, row.org_id, spec.role],
      );
      created.push({ id: row.id, spec, unitId: row.unit_id });
    }
    for (const org of ["dinhcong", "hoangliet"] as const) {
      const { rows } = await client.query<{ org_id: string; leader_id: string }>(
        "select organisation_id as org_id, id as leader_id from app_user where username = $1",
        [director[org]],
      );
      const { org_id: orgId, leader_id: leaderId } = rows[0]!;
      const of = (role: LoadRole) =>
        created.filter((c) => c.spec.org === org && c.spec.role === role);
      const specialists = of("specialist");
      if (specialists.length > 0) {
        // Open documents go to six specialists each (a few pages to handle), closed ones to one.
        await client.query(handlerRowsSql, [
          orgId,
          specialists.map((c) => c.id),
          specialists.map(() => null),
          6,
          1,
          specialists.length,
          leaderId,
          "co",
        ]);
      }
      const heads = of("unit_head");
      if (heads.length > 0) {
        await client.query(handlerRowsSql, [
          orgId,
          heads.map((c) => c.id),
          heads.map((c) => c.unitId),
          2,
          1,
          heads.length,
          leaderId,
          "unit_head",
        ]);
      }
      const leaders = of("leader");
      if (leaders.length > 0) {
        await client.query(leaderRowsSql, [orgId, leaders.map((c) => c.id), leaders.length]);
      }
    }
    await client.query(notificationSql, [created.map((c) => c.id)]);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  await pool.query("vacuum (analyze) document_participant, assignment, notification, app_user");
}
