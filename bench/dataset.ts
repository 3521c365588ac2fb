// The benchmark's documents: N incoming documents over the demo organisations (most in Phường
// Định Công and Phường Hoàng Liệt), three years of daily mail, each with its registrar, leader,
// assignments and participant rows, written with INSERT ... SELECT generate_series in chunks on
// two connections. Secondary indexes are dropped for the load and built afterwards.
import pg from "pg";
import { demoOrganisations } from "@/db/seed/demo";
import { actions, issuers, scopes, sentences, signers, topics, typeMix } from "./words";

type Seeded = { orgs: Record<string, string>; users: Record<string, string> };

/** Share of the mail per organisation, in 40ths. */
const orgShare: Record<string, number> = {
  dinhcong: 18,
  hoangliet: 14,
  bnv: 2,
  hanoi: 2,
  hoangmai: 2,
  nghean: 1,
  namdan: 1,
};
const SLOTS = 40;
const DAYS = 1095;
const CHUNK = 25_000;

/**
 * Raised when the generated data changes shape, so that a dataset kept (--keep) by an earlier
 * version is generated again. 2: ids are valid UUIDs (version 4), which the API's input
 * validation requires (md5's raw digits are not), and the registry books' counters follow the
 * generated numbers, so that documents can be registered through the application.
 */
export const DATASET_FORMAT = 2;

/** A stable id from a text, shaped as a version 4 UUID (its version and variant digits set). */
export const uuidSql = (text: string) =>
  `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

/** One row per slot of 40: which organisation the document of that slot goes to, and its people. */
async function createOrgSlots(client: pg.Client, seeded: Seeded) {
  await client.query(`drop table if exists bench_org;
    create table bench_org (slot_no int primary key, org_id uuid, has_staff boolean, clerk uuid,
      leader1 uuid, leader2 uuid, unit1 uuid, unit2 uuid, head1 uuid, head2 uuid, spec1 uuid,
      spec2 uuid, incoming_registry uuid, secret_registry uuid)`);
  let slot = 0;
  for (const org of demoOrganisations) {
    const share = orgShare[org.key] ?? 0;
    const orgId = seeded.orgs[org.key]!;
    const id = (username: string | undefined) => (username ? seeded.users[username] : null);
    const withRole = (role: string, unit?: string) =>
      org.users.find((u) => u.roles.includes(role as never) && (!unit || u.unit === unit))
        ?.username;
    const leaders = org.users.filter((u) => u.roles.includes("leader")).map((u) => u.username);
    const staffed = org.units.filter(
      (u) => withRole("unit_head", u.key) && withRole("specialist", u.key),
    );
    const unitKeys =
      staffed.length >= 2
        ? [staffed[0]!.key, staffed[1]!.key]
        : [org.units[0]!.key, org.units[0]!.key];
    const { rows: units } = await client.query<{ id: string; short_name: string; name: string }>(
      "select id, short_name, name from unit where organisation_id = $1",
      [orgId],
    );
    const unitId = (key: string) =>
      units.find((u) => u.short_name === org.units.find((x) => x.key === key)!.shortName)!.id;
    const { rows: books } = await client.query<{ id: string; kind: string }>(
      "select id, kind from registry where organisation_id = $1 and is_default",
      [orgId],
    );
    const book = (kind: string) => books.find((b) => b.kind === kind)?.id;
    if (!book("incoming") || !book("secret"))
      throw new Error(`No default registries for ${org.key}`);
    for (let i = 0; i < share; i++, slot++) {
      await client.query(
        `insert into bench_org values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
        [
          slot,
          orgId,
          staffed.length >= 2,
          id(withRole("clerk")),
          id(leaders[0]),
          id(leaders[1] ?? leaders[0]),
          unitId(unitKeys[0]!),
          unitId(unitKeys[1]!),
          id(withRole("unit_head", unitKeys[0])),
          id(withRole("unit_head", unitKeys[1])),
          id(withRole("specialist", unitKeys[0])),
          id(withRole("specialist", unitKeys[1])),
          book("incoming"),
          book("secret"),
        ],
      );
    }
  }
  if (slot !== SLOTS) throw new Error(`Organisation shares add up to ${slot}, not ${SLOTS}`);
}

/** The computed attributes of documents [$1, $2), kept in a temporary table for three inserts. */
const chunkSql = `
create temp table chunk on commit drop as
with g as (
  select g,
    hashint8extended(g::bigint, 0) & 9223372036854775807 as h,
    hashint8extended(g::bigint, 1) & 9223372036854775807 as k,
    g / $3::int as day, g % $3::int as slot
  from generate_series($1::int, $2::int - 1) g
), b as (
  select g.*, o.*, ($5::date + g.day) as arrival, ($4::int - 1 - g.g)::float8 / $4::int as age,
    $6::int[] as type_slots
  from g join bench_org o on o.slot_no = g.g % ${SLOTS}
), c as (
  select b.*,
    (case when age < 0.0001 then 'received' when age < 0.0005 then 'registered'
      when age < 0.0025 then 'presented'
      when age < 0.02 then case when h % 50 = 0 then 'returned' else 'in_progress' end
      when h % 200 = 0 then 'returned_to_sender' else 'completed' end)::document_status as status,
    (case when h % 100 < 1 then 'flash' when h % 100 < 4 then 'very_urgent'
      when h % 100 < 12 then 'urgent' else 'normal' end)::urgency as urgency,
    (case when k % 1000 < 8 then 'confidential' when k % 1000 < 10 then 'secret'
      else 'normal' end)::confidentiality as conf,
    type_slots[1 + (h / 7) % 100] as ti,
    1 + (h / 701) % $7::int as topic_i, 1 + (h / 70001) % $8::int as action_i,
    1 + (k / 3) % $9::int as scope_i, 1 + (k / 307) % $10::int as issuer_i,
    1 + (k / 30011) % $11::int as signer_i,
    1 + (k / 3000017) % $12::int as s1, 1 + (k / 300000007) % $12::int as s2,
    1 + (h / 3000000019) % $12::int as s3,
    case when (k / 11) % 10 < 6 then arrival + 5 + ((h / 13) % 26)::int end as deadline,
    (h / 19) % 2 = 0 as first_unit, (h / 23) % 2 = 0 as first_leader,
    ((arrival + time '07:30' + slot * interval '25 seconds') at time zone 'Asia/Ho_Chi_Minh') as reg_at
  from b
)
select c.*, ${uuidSql("'doc' || g")} as id, ${uuidSql("'lead' || g")} as lead_a,
  ${uuidSql("'child' || g")} as child_a, ${uuidSql("'co' || g")} as co_a,
  status = 'in_progress' as open, status in ('in_progress', 'completed') as directed,
  case when first_leader then leader1 else leader2 end as leader,
  case when first_leader then leader2 else leader1 end as other_leader,
  case when first_unit then unit1 else unit2 end as unit,
  case when first_unit then head1 else head2 end as head,
  case when first_unit then spec1 else spec2 end as spec,
  case when first_unit then spec2 else spec1 end as other_spec,
  ($13::text[])[topic_i] as topic, ($14::text[])[action_i] as action,
  ($15::text[])[scope_i] as scope
from c`;

const documentSql = `
insert into document (id, organisation_id, direction, status, registry_id, registry_period,
  registry_number, registered_at, arrival_date, code_number, code_notation, document_type, subject,
  document_date, issuer_name, signer_name, urgency, confidentiality, page_count, deadline,
  received_via, content_text, presented_to_id, presented_at, completed_at, created_by_id,
  created_at, updated_at)
select id, org_id, 'incoming', status,
  case when status = 'received' then null when conf <> 'normal' then secret_registry
    else incoming_registry end,
  case when status <> 'received' then extract(year from arrival)::text end,
  case when status <> 'received' then
    (arrival - make_date(extract(year from arrival)::int, 1, 1)) * $1::int + slot + 1 end,
  case when status <> 'received' then reg_at end,
  case when status <> 'received' then arrival end,
  lpad((1 + (h / 17) % 400)::text, 2, '0'),
  case when ($2::text[])[ti] is null
    then ($3::text[])[issuer_i] || '-' || (array['VP', 'KT', 'VX', 'TP'])[1 + (k / 29) % 4]
    else ($2::text[])[ti] || '-' || ($3::text[])[issuer_i] end,
  ($4::text[])[ti]::document_type,
  case when ($4::text[])[ti] = 'quyet_dinh' and (k / 5) % 2 = 0
    then 'Quyết định về ' || topic || ' ' || scope
    else ($5::text[])[ti] || action || ' ' || topic || ' ' || scope end,
  arrival - ((h / 31) % 5)::int, ($6::text[])[issuer_i], ($7::text[])[signer_i], urgency, conf,
  1 + (k / 37) % 12, deadline, 'electronic',
  ($8::text[])[s1] || ' Nội dung: ' || action || ' ' || topic || ' ' || scope || '. ' ||
    ($8::text[])[s2] || ' ' || ($8::text[])[s3] || ' Mã hồ sơ: H' || (g % 200000)::text || '.',
  case when status = 'presented' then leader end,
  case when status = 'presented' then reg_at + interval '1 hour' end,
  case when status = 'completed' then reg_at + ((5 + (k / 41) % 25) || ' days')::interval end,
  clerk, reg_at, reg_at
from chunk`;

const assignmentSql = `
insert into assignment (id, document_id, organisation_id, role, unit_id, user_id, parent_id,
  assigned_by_id, deadline, status, completed_at, created_at, updated_at)
select lead_a, id, org_id, 'lead'::assignment_role, unit, null, null, leader, deadline,
  case when open then 'in_progress' else 'completed' end::assignment_status,
  case when not open then reg_at + interval '5 days' end, reg_at + interval '2 hours', reg_at + interval '2 hours'
from chunk where directed
union all
select child_a, id, org_id, 'lead'::assignment_role, null, spec, lead_a, head, deadline,
  case when open then 'in_progress' else 'completed' end::assignment_status,
  case when not open then reg_at + interval '5 days' end, reg_at + interval '3 hours', reg_at + interval '3 hours'
from chunk where directed and has_staff
union all
select co_a, id, org_id, 'co'::assignment_role, null, other_spec, null, leader, deadline,
  case when open then 'in_progress' else 'completed' end::assignment_status,
  case when not open then reg_at + interval '5 days' end, reg_at + interval '2 hours', reg_at + interval '2 hours'
from chunk where directed and has_staff and (k / 43) % 10 < 3`;

const participantSql = `
insert into document_participant (document_id, user_id, kind, organisation_id, assignment_id, box,
  urgency, deadline, returned, created_at, updated_at)
select c.id, v.user_id, v.kind::participant_kind, c.org_id, v.assignment_id, v.box::inbox_box,
  c.urgency, coalesce(c.deadline, 'infinity'::date), v.returned, c.reg_at, c.reg_at
from chunk c cross join lateral (values
  (c.clerk, 'registrar', 'none', null::uuid, 0),
  (case when c.status = 'presented' then c.leader end, 'presented', 'to_direct', null, 0),
  (case when c.directed then c.leader end, 'director', 'handled', null, 0),
  (case when c.directed and c.has_staff then c.head end, 'unit_head', 'handled', c.lead_a, 0),
  (case when c.directed and c.has_staff then c.spec end, 'lead',
    case when c.open then 'to_handle' else 'handled' end, c.child_a,
    case when c.open and (c.k / 41) % 20 = 0 then 1 else 0 end),
  (case when c.directed and c.has_staff and (c.k / 43) % 10 < 3 then c.other_spec end, 'co',
    case when c.open then 'to_handle' else 'handled' end, c.co_a, 0),
  (case when c.directed and c.has_staff and (c.k / 47) % 2 = 0 then c.other_leader end, 'info',
    case when c.open or (c.k / 53) % 8 = 0 then 'info_unread' else 'info_read' end, null, 0)
) as v(user_id, kind, box, assignment_id, returned)
where v.user_id is not null`;

const loadedTables = ["document", "assignment", "document_participant"];

/**
 * The books' counters (registry_period) at the highest number the generated documents took, so
 * that a document registered through the application gets the next one instead of a number the
 * dataset already used.
 */
const registryCountersSql = `
insert into registry_period (registry_id, period, starts_on, ends_on, last_number)
select registry_id, registry_period, make_date(registry_period::int, 1, 1),
  make_date(registry_period::int, 12, 31), max(registry_number)
from document
where registry_number is not null and registry_period ~ '^[0-9]{4}$'
group by registry_id, registry_period
on conflict (registry_id, period)
  do update set last_number = greatest(registry_period.last_number, excluded.last_number)`;

/** Secondary indexes of the loaded tables (not those behind a primary key or constraint). */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as def
     from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
     where t.relname = any($1) and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
    [loadedTables],
  );
  for (const r of rows) await client.query(`drop index "${r.name}"`);
  return rows.map((r) => r.def);
}

async function onConnections<T>(
  url: string,
  n: number,
  jobs: T[],
  run: (c: pg.Client, job: T) => Promise<void>,
) {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: n }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("set maintenance_work_mem = '1GB'; set work_mem = '256MB'");
        for (let job = queue.shift(); job !== undefined; job = queue.shift())
          await run(client, job);
      } finally {
        await client.end();
      }
    }),
  );
}

export async function generateDataset(
  url: string,
  seeded: Seeded,
  options: { documents: number; today: string; log: (line: string) => void },
): Promise<void> {
  const { documents, log } = options;
  const perDay = Math.max(1, Math.ceil(documents / DAYS));
  const days = Math.ceil(documents / perDay);
  const start = new Date(`${options.today}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  const startDate = start.toISOString().slice(0, 10);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let indexes: string[];
  try {
    await createOrgSlots(client, seeded);
    indexes = await dropSecondaryIndexes(client);
  } finally {
    await client.end();
  }

  const typeSlots = typeMix.flatMap((t, i) => Array<number>(t.share).fill(i + 1));
  const chunks: [number, number][] = [];
  for (let a = 0; a < documents; a += CHUNK) chunks.push([a, Math.min(documents, a + CHUNK)]);
  let done = 0;
  const began = Date.now();
  await onConnections(url, 2, chunks, async (c, [a, b]) => {
    await c.query("begin");
    // Generated rows reference only rows that exist; skipping the foreign-key triggers halves the load.
    await c.query("set local session_replication_role = replica");
    await c.query(chunkSql, [
      a,
      b,
      perDay,
      documents,
      startDate,
      typeSlots,
      topics.length,
      actions.length,
      scopes.length,
      issuers.length,
      signers.length,
      sentences.length,
      topics,
      actions,
      scopes,
    ]);
    await c.query(documentSql, [
      perDay,
      typeMix.map((t) => t.abbr),
      issuers.map((i) => i[1]),
      typeMix.map((t) => t.type),
      typeMix.map((t) => t.prefix),
      issuers.map((i) => i[0]),
      signers,
      sentences,
    ]);
    await c.query(assignmentSql);
    await c.query(participantSql);
    await c.query("commit");
    done += b - a;
    if (chunks.length > 4 && done % (CHUNK * 8) === 0) {
      log(
        `  ${done.toLocaleString("en")} documents (${Math.round((Date.now() - began) / 1000)} s)`,
      );
    }
  });
  log(
    `Documents written in ${Math.round((Date.now() - began) / 1000)} s; building ${indexes.length} indexes ...`,
  );
  const indexing = Date.now();
  // The GIN index is the longest; it starts first.
  indexes.sort((x, y) => Number(y.includes("USING gin")) - Number(x.includes("USING gin")));
  await onConnections(url, 2, indexes, async (c, def) => {
    await c.query(def);
  });
  log(`Indexes built in ${Math.round((Date.now() - indexing) / 1000)} s; vacuum and analyze ...`);
  await onConnections(url, 2, loadedTables, async (c, table) => {
    await c.query(`vacuum (analyze) ${table}`);
  });
  const finish = ["drop table bench_org", registryCountersSql, "vacuum analyze"];
  await onConnections(url, 1, finish, async (c, statement) => {
    await c.query(statement);
  });
}
