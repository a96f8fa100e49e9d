import { sql, type Kysely, type Transaction } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { AlarmClosing, AlarmKind, DB } from '../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewAlarm {
  province_code: string;
  village_id: number;
  village_path: string;
  kind: AlarmKind;
  description: string;
  occurred_at: Date;
  raised_by: number;
  idempotency_key: string;
  public_details: boolean;
}

const alarmColumns = [
  'a.id', 'a.village_id', 'a.province_code', 'a.kind', 'a.description', 'a.occurred_at', 'a.raised_at', 'a.idempotency_key',
  'a.public_details', 'a.closed_as', 'a.closed_at',
] as const;

export const insertAlarm = (db: Q, row: NewAlarm) =>
  db.insertInto('alarms').values(row).onConflict((oc) => oc.column('idempotency_key').doNothing()).returning('id').executeTakeFirst();

export const alarmIdByKey = (db: Q, key: string) =>
  db.selectFrom('alarms').select(['id', 'village_id']).where('idempotency_key', '=', key).executeTakeFirst();

/**
 * Who is told of an alarm at a village: the commune's officers and leaders (granted on the
 * commune or on one of its agencies, such as Công an xã) and the village's own operators.
 */
export const recipientsOf = (db: Q, village: { id: number; parent_id: number; path: string }) =>
  db
    .selectFrom('grants as g')
    .innerJoin('units as u', 'u.id', 'g.unit_id')
    .innerJoin('users as us', 'us.id', 'g.user_id')
    .select('g.user_id')
    .distinct()
    .where('us.active', '=', true)
    .where((eb) => eb.or([
      eb.and([eb('g.role', 'in', ['officer', 'leader']), eb.or([eb('u.id', '=', village.parent_id), eb.and([eb('u.parent_id', '=', village.parent_id), eb('u.kind', '=', 'agency')])])]),
      eb.and([eb('g.role', '=', 'village_operator'), eb('u.id', '=', village.id)]),
    ]))
    .execute();

export const insertNotifications = (db: Q, rows: { province_code: string; user_id: number; alarm_id: number; channel: string }[]) =>
  rows.length ? db.insertInto('notifications').values(rows).onConflict((oc) => oc.doNothing()).execute() : Promise.resolve();

function alarmsQuery(db: Q, userId: number) {
  return db
    .selectFrom('alarms as a')
    .innerJoin('units as v', 'v.id', 'a.village_id')
    .innerJoin('units as c', 'c.id', 'v.parent_id')
    .leftJoin('units as p', 'p.code', 'a.province_code')
    .select([
      ...alarmColumns, 'v.name as village_name', 'c.name as commune_name', 'c.code as commune_code', 'p.name as province_name',
      sql<boolean>`exists (select 1 from notifications n where n.alarm_id = a.id and n.user_id = ${userId})`.as('notified'),
      sql<Date | null>`(select k.acked_at from alarm_acks k where k.alarm_id = a.id and k.user_id = ${userId})`.as('acked_at'),
      sql<number>`(select count(*)::int from alarm_acks k where k.alarm_id = a.id)`.as('acks'),
      sql<{ name: string; at: string }[]>`(select coalesce(json_agg(json_build_object('name', u.full_name, 'at', k.acked_at) order by k.acked_at), '[]'::json)
        from alarm_acks k join users u on u.id = k.user_id where k.alarm_id = a.id)`.as('acked_by'),
    ]);
}

/** Alarms inside the scope, newest first; `unacked` keeps those sent to the user and not acknowledged. */
export function listAlarms(db: Q, scope: string[], userId: number, opts: { unacked: boolean; underPath?: string | undefined; afterId?: number; limit: number }) {
  let query = alarmsQuery(db, userId).where(inScope('a.village_path', scope));
  if (opts.underPath) query = query.where('a.village_path', 'like', opts.underPath + '%');
  if (opts.unacked) {
    query = query
      .where(({ exists, selectFrom }) => exists(selectFrom('notifications as n').select('n.id').whereRef('n.alarm_id', '=', 'a.id').where('n.user_id', '=', userId)))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('alarm_acks as k').select('k.alarm_id').whereRef('k.alarm_id', '=', 'a.id').where('k.user_id', '=', userId))));
  }
  if (opts.afterId !== undefined) query = query.where('a.id', '>', opts.afterId);
  return query.orderBy('a.id', 'desc').limit(opts.limit).execute();
}

export const getAlarm = (db: Q, id: number, userId = 0) =>
  alarmsQuery(db, userId).select('a.village_path').where('a.id', '=', id).executeTakeFirst();

/** Whether the alarm was sent to the user (on any channel). */
export const isRecipient = async (db: Q, alarmId: number, userId: number) =>
  !!(await db.selectFrom('notifications').select('id')
    .where('alarm_id', '=', alarmId).where('user_id', '=', userId).executeTakeFirst());

/** Ends or cancels an open alarm; undefined when it was already closed (another officer came first). */
export const closeAlarm = (db: Q, id: number, closing: { closed_as: AlarmClosing; closed_by: number }) =>
  db.updateTable('alarms').set({ ...closing, closed_at: sql`now()` }).where('id', '=', id).where('closed_at', 'is', null)
    .returning(['closed_as', 'closed_at']).executeTakeFirst();

export const insertAck = (db: Q, row: { alarm_id: number; user_id: number; province_code: string }) =>
  db.insertInto('alarm_acks').values(row).onConflict((oc) => oc.doNothing()).returning('acked_at').executeTakeFirst();

/** The newest alarms anywhere, for the public CAP feed. */
export const latestAlarms = (db: Q, limit: number) => alarmsQuery(db, 0).orderBy('a.id', 'desc').limit(limit).execute();
