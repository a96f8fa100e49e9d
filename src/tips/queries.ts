import { sql, type Kysely, type Transaction } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { DB, TipCategory, TipStatus } from '../db/schema.ts';
import { fileColumns } from '../files/queries.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewTip {
  province_code: string;
  commune_id: number;
  unit_path: string;
  village_id: number | null;
  keychain_id: number | null;
  category: TipCategory;
  description: string;
  occurred_at: Date | null;
  place: string | null;
  contact_sealed: Buffer | null;
  tracking_code: string;
  secret_hash: string;
  channel: 'web' | 'keychain' | 'open311';
  due_at: Date | null;
}

export const insertTip = (db: Q, tip: NewTip) =>
  db.insertInto('tips').values(tip).onConflict((oc) => oc.column('tracking_code').doNothing()).returning(['id', 'received_at', 'status', 'due_at']).executeTakeFirst();

export const insertEvent = (db: Q, event: { tip_id: number; province_code: string; actor_id: number | null; kind: 'received' | 'status' | 'assigned' | 'transferred' | 'replied'; status?: TipStatus | null; detail?: string | null }) =>
  db.insertInto('tip_events').values(event).execute();

export const linkFile = (db: Q, tip: { id: number; province_code: string }, fileId: number) =>
  db.insertInto('tip_files').values({ tip_id: tip.id, file_id: fileId, province_code: tip.province_code }).execute();

/** What the public status page may show: never notes, names of officers, or the contact. */
export const publicView = (db: Q, trackingCode: string) =>
  db
    .selectFrom('tips as t')
    .innerJoin('units as c', 'c.id', 't.commune_id')
    .select(['t.tracking_code', 't.secret_hash', 't.category', 't.status', 't.received_at', 't.stage_started_at', 't.public_reply', 't.transferred_to', 'c.name as commune_name'])
    .where('t.tracking_code', '=', trackingCode)
    .executeTakeFirst();

export const tipColumns = [
  't.id', 't.commune_id', 't.village_id', 't.keychain_id', 't.category', 't.description', 't.occurred_at', 't.place', 't.tracking_code',
  't.channel', 't.status', 't.stage_started_at', 't.due_at', 't.assignee_id', 't.public_reply', 't.transferred_to', 't.received_at', 't.updated_at',
] as const;

export interface InboxFilter {
  status?: TipStatus | 'open' | undefined;
  category?: TipCategory | undefined;
  assignee?: number | 'none' | undefined;
  overdueBefore?: Date | undefined;
  search?: string | undefined;
}

/** A commune's (or a province's) tips inside the scope, newest first, with the flags the inbox shows. */
export function inbox(db: Q, scope: string[], underPath: string, filter: InboxFilter, page: { limit: number; offset: number }) {
  let query = db
    .selectFrom('tips as t')
    .innerJoin('units as c', 'c.id', 't.commune_id')
    .leftJoin('units as v', 'v.id', 't.village_id')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .select([...tipColumns, 'c.name as commune_name', 'v.name as village_name', 'a.full_name as assignee_name', sql<boolean>`t.contact_sealed is not null`.as('has_contact')])
    .where(inScope('t.unit_path', scope))
    .where('t.unit_path', 'like', underPath + '%');
  if (filter.status === 'open') query = query.where('t.status', 'in', ['new', 'verifying', 'handling']);
  else if (filter.status) query = query.where('t.status', '=', filter.status);
  if (filter.category) query = query.where('t.category', '=', filter.category);
  if (filter.assignee === 'none') query = query.where('t.assignee_id', 'is', null);
  else if (filter.assignee) query = query.where('t.assignee_id', '=', filter.assignee);
  if (filter.overdueBefore) query = query.where('t.due_at', '<', filter.overdueBefore);
  if (filter.search) query = query.where((eb) => eb.or([eb('t.tracking_code', '=', filter.search!.toUpperCase()), eb(sql`lower(t.description)`, 'like', `%${filter.search!.toLowerCase()}%`)]));
  return query.orderBy('t.id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export const getTip = (db: Q, id: number) =>
  db
    .selectFrom('tips as t')
    .innerJoin('units as c', 'c.id', 't.commune_id')
    .leftJoin('units as v', 'v.id', 't.village_id')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .select([...tipColumns, 't.unit_path', 't.province_code', 'c.name as commune_name', 'v.name as village_name', 'a.full_name as assignee_name', sql<boolean>`t.contact_sealed is not null`.as('has_contact')])
    .where('t.id', '=', id)
    .executeTakeFirst();

export const sealedContact = (db: Q, id: number) =>
  db.selectFrom('tips').select(['contact_sealed', 'tracking_code']).where('id', '=', id).executeTakeFirstOrThrow();

export const eventsOf = (db: Q, id: number) =>
  db
    .selectFrom('tip_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.kind', 'e.status', 'e.detail', 'e.at', 'u.full_name as actor_name'])
    .where('e.tip_id', '=', id)
    .orderBy('e.id')
    .execute();

export const notesOf = (db: Q, id: number) =>
  db
    .selectFrom('tip_notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.body', 'n.created_at', 'u.full_name as author_name'])
    .where('n.tip_id', '=', id)
    .orderBy('n.id')
    .execute();

export const filesOf = (db: Q, id: number) =>
  db.selectFrom('tip_files as tf').innerJoin('files as f', 'f.id', 'tf.file_id').select(fileColumns).where('tf.tip_id', '=', id).orderBy('f.id').execute();
