import { sql, type Kysely, type RawBuilder } from 'kysely';

// The naming rule (docs/naming.md): domain nouns in German. Tables and columns are renamed in
// place, never rebuilt, and the events already logged take the new names of their types and fields.

/** Renames (old → new) in the order `up` applies them; `down` applies them swapped, last first. */
const RENAMES: { kind: 'table' | 'index'; from: string; to: string }[] = [
  { kind: 'table', from: 'milestone', to: 'meilenstein' },
  { kind: 'table', from: 'signing', to: 'unterzeichnung' },
  { kind: 'table', from: 'app_user', to: 'benutzer' },
  { kind: 'index', from: 'milestone_kind_datum_idx', to: 'meilenstein_kind_datum_idx' },
  { kind: 'index', from: 'milestone_kommune_idx', to: 'meilenstein_kommune_idx' },
  { kind: 'index', from: 'milestone_active_kind_datum_idx', to: 'meilenstein_active_kind_datum_idx' },
  { kind: 'index', from: 'session_user_idx', to: 'session_benutzer_idx' },
  { kind: 'index', from: 'erwaehnung_user_idx', to: 'erwaehnung_benutzer_idx' },
];
/** Columns, by the table's new name. */
const COLUMNS = [
  { table: 'meilenstein', from: 'signing_id', to: 'unterzeichnung_id' },
  { table: 'session', from: 'user_id', to: 'benutzer_id' },
  { table: 'erwaehnung', from: 'user_id', to: 'benutzer_id' },
];
const EVENT_TYPES = [
  { from: 'milestone:recorded', to: 'meilenstein:recorded' },
  { from: 'milestone:corrected', to: 'meilenstein:corrected' },
  { from: 'milestone:withdrawn', to: 'meilenstein:withdrawn' },
];
const AUDIT_ACTIONS = [
  { from: 'user_created', to: 'benutzer_created' },
  { from: 'user_updated', to: 'benutzer_updated' },
];

function renameObject(kind: 'table' | 'index', from: string, to: string): RawBuilder<unknown> {
  return kind === 'table'
    ? sql`alter table ${sql.id(from)} rename to ${sql.id(to)}`
    : sql`alter index ${sql.id(from)} rename to ${sql.id(to)}`;
}

/** Moves a key of the logged events' `before`/`after` values. */
function renameEventField(from: string, to: string): RawBuilder<unknown>[] {
  return ['before', 'after'].map(
    (side) => sql`update domain_event
      set payload = jsonb_set(payload, ${sql.lit(`{${side}}`)},
        ((payload->${side}) - ${from}) || jsonb_build_object(${to}::text, payload->${side}->${from}))
      where jsonb_typeof(payload->${side}) = 'object' and (payload->${side}) ? ${from}`,
  );
}

function renameData(swap: boolean): RawBuilder<unknown>[] {
  const pairs = (list: { from: string; to: string }[]) => list.map((p) => (swap ? { from: p.to, to: p.from } : p));
  return [
    ...pairs(EVENT_TYPES).map(
      ({ from, to }) =>
        sql`update domain_event set type = ${to}, payload = jsonb_set(payload, '{type}', to_jsonb(${to}::text))
          where type = ${from}`,
    ),
    ...(swap ? renameEventField('unterzeichnungId', 'signingId') : renameEventField('signingId', 'unterzeichnungId')),
    ...pairs(AUDIT_ACTIONS).map(({ from, to }) => sql`update audit_log set action = ${to} where action = ${from}`),
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const { kind, from, to } of RENAMES) await renameObject(kind, from, to).execute(db);
  for (const { table, from, to } of COLUMNS)
    await sql`alter table ${sql.id(table)} rename column ${sql.id(from)} to ${sql.id(to)}`.execute(db);
  await sql`alter table benutzer rename constraint app_user_pd_for_polizei to benutzer_pd_for_polizei`.execute(db);
  for (const statement of renameData(false)) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of renameData(true)) await statement.execute(db);
  await sql`alter table benutzer rename constraint benutzer_pd_for_polizei to app_user_pd_for_polizei`.execute(db);
  for (const { table, from, to } of COLUMNS)
    await sql`alter table ${sql.id(table)} rename column ${sql.id(to)} to ${sql.id(from)}`.execute(db);
  for (const { kind, from, to } of [...RENAMES].reverse()) await renameObject(kind, to, from).execute(db);
}
