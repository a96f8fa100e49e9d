import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import { inScope } from '../access/policy.ts';
import type { DB, TipCategory, TipEventsTable, TipsTable, TipStatus } from '../db/schema.ts';
import { fileColumns } from '../files/queries.ts';
import type { DecisionKind, LegalTerm, Recipient } from './deadlines.ts';
import { fold, likeEscape } from '../shared/text.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface NewTip {
  province_code: string;
  commune_id: number;
  unit_path: string;
  village_id: number | null;
  category: TipCategory;
  description: string;
  occurred_at: Date | null;
  place: string | null;
  search_folded: string;
  contact_sealed: Buffer | null;
  tracking_code: string;
  secret_hash: string;
  channel: 'web' | 'keychain' | 'open311';
  received_at: Date;
  legal_term: LegalTerm;
  legal_due_at: Date;
  due_at: Date | null;
  due_soon_at: Date | null;
}

/** Many tips in one statement; one whose tracking code is taken is skipped (the caller draws another). */
export const insertTips = (db: Q, tips: NewTip[]) =>
  db.insertInto('tips').values(tips).onConflict((oc) => oc.column('tracking_code').doNothing()).returning(['id', 'tracking_code', 'received_at']).execute();

export type NewEvent = { tip_id: number; province_code: string; actor_id: number | null; kind: TipEventsTable['kind']; status?: TipStatus | null; detail?: string | null };

export const insertEvent = (db: Q, event: NewEvent) => db.insertInto('tip_events').values(event).execute();
export const insertEvents = (db: Q, events: NewEvent[]) => (events.length ? db.insertInto('tip_events').values(events).execute() : Promise.resolve([]));

export const linkFile = (db: Q, tip: { id: number; province_code: string }, fileId: number) =>
  db.insertInto('tip_files').values({ tip_id: tip.id, file_id: fileId, province_code: tip.province_code }).execute();

/** What the public status page may show of some tips: never notes, names of officers, or the contact. */
export const publicViews = (db: Q, trackingCodes: string[]) =>
  trackingCodes.length === 0
    ? Promise.resolve([])
    : db
      .selectFrom('tips as t')
      .innerJoin('units as c', 'c.id', 't.commune_id')
      .select([
        't.tracking_code', 't.secret_hash', 't.category', 't.status', 't.received_at', 't.stage_started_at', 't.public_reply', 't.transferred_to', 'c.name as commune_name',
        // Open or not as the commune sees it (deadlines.ts isOpenStage); never who settles it.
        sql<boolean>`t.settler_id is not null`.as('settled'),
      ])
      .where('t.tracking_code', 'in', trackingCodes)
      .execute();

export const publicView = async (db: Q, trackingCode: string) => (await publicViews(db, [trackingCode]))[0];

export const tipColumns = [
  't.id', 't.commune_id', 't.village_id', 't.category', 't.description', 't.occurred_at', 't.place', 't.tracking_code',
  't.channel', 't.status', 't.stage_started_at', 't.due_at', 't.due_soon_at', 't.legal_term', 't.legal_due_at', 't.assignee_id',
  't.public_reply', 't.transferred_to', 't.received_at', 't.updated_at', 't.kind', 't.handed_over_at', 't.handover_document',
  't.body_received_at', 't.settler_id', 't.accepted_on', 't.outcome',
] as const;

/** Still at work (deadlines.ts isOpenStage): a crime report handed over stays open only while its investigator settles it. */
export const openTip = sql<boolean>`(t.status in ('new', 'verifying', 'handling', 'suspended') or (t.status = 'transferred' and t.settler_id is not null))`;

export interface InboxFilter {
  status?: TipStatus | 'open' | undefined;
  category?: TipCategory | undefined;
  assignee?: number | 'none' | undefined;
  overdueBefore?: Date | undefined;
  search?: string | undefined;
  /** The search as a tracking code, in its one spelling, when it can be one. */
  trackingCode?: string | undefined;
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
  if (filter.status === 'open') query = query.where(openTip);
  else if (filter.status) query = query.where('t.status', '=', filter.status);
  if (filter.category) query = query.where('t.category', '=', filter.category);
  if (filter.assignee === 'none') query = query.where('t.assignee_id', 'is', null);
  else if (filter.assignee) query = query.where('t.assignee_id', '=', filter.assignee);
  if (filter.overdueBefore) query = query.where('t.due_at', '<', filter.overdueBefore);
  if (filter.search) {
    const text = filter.search;
    const code = filter.trackingCode;
    query = query.where((eb) => eb.or([...(code ? [eb('t.tracking_code', '=', code)] : []), eb('t.search_folded', 'like', `%${likeEscape(fold(text))}%`)]));
  }
  return query.orderBy('t.id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export const getTip = (db: Q, id: number) =>
  db
    .selectFrom('tips as t')
    .innerJoin('units as c', 'c.id', 't.commune_id')
    .leftJoin('units as v', 'v.id', 't.village_id')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .leftJoin('users as s', 's.id', 't.settler_id')
    .select([
      ...tipColumns, 't.unit_path', 't.province_code', 'c.name as commune_name', 'c.remote_area', 'v.name as village_name', 'a.full_name as assignee_name',
      's.full_name as settler_name', sql<boolean>`t.contact_sealed is not null`.as('has_contact'),
    ])
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

// ---------- Staff workflow: stages, assignment, notes, transfer, reply, summary ----------

/** The tip's row, locked until the transaction ends: two officers acting at once are served one after the other. */
export const lockTip = (db: Q, id: number) =>
  db
    .selectFrom('tips')
    .select([
      'id', 'status', 'commune_id', 'unit_path', 'province_code', 'village_id', 'assignee_id', 'due_at', 'due_soon_at', 'stage_started_at', 'public_reply',
      'transferred_to', 'received_at', 'legal_term', 'legal_due_at', 'kind', 'handed_over_at', 'body_received_at', 'settler_id', 'accepted_on', 'outcome',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();

export type TipPatch = Omit<Updateable<TipsTable>, 'id' | 'updated_at'>;
export const updateTip = (db: Q, id: number, patch: TipPatch) =>
  db.updateTable('tips').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute();

/** Whether a commune hands crime reports over in 48 hours rather than 24. */
export const isRemote = async (db: Q, communeId: number) =>
  (await db.selectFrom('units').select('remote_area').where('id', '=', communeId).executeTakeFirstOrThrow()).remote_area;

/** Sets a commune's remote flag, and moves the handover deadline of its tips still under it. */
export async function setRemote(db: Q, communeId: number, remote: boolean, basis: string | null, hours: number, soonLeadHours: number) {
  await db.updateTable('units').set({ remote_area: remote, remote_basis: basis, updated_at: new Date() }).where('id', '=', communeId).execute();
  await db.updateTable('tips')
    .set({ legal_due_at: sql`received_at + make_interval(hours => ${hours})`, due_at: sql`received_at + make_interval(hours => ${hours})`,
      due_soon_at: sql`received_at + make_interval(hours => ${hours - soonLeadHours})`, updated_at: new Date() })
    // Only those whose handover term still runs: one already overdue stays so.
    .where('commune_id', '=', communeId).where('legal_term', '=', 'handover').where('status', 'in', ['new', 'verifying'])
    .where('legal_due_at', '>', new Date())
    .execute();
}

export const insertDecision = (db: Q, d: {
  tip_id: number; province_code: string; kind: DecisionKind; reference: string; signed_on: string; issuer_title: string; issuer_name: string;
  detail: string | null; recorded_by: number;
}) => db.insertInto('tip_decisions').values(d).returning(['id', 'recorded_at']).executeTakeFirstOrThrow();

export const insertNotices = (db: Q, rows: { tip_id: number; province_code: string; decision_id: number; recipient: Recipient; due_at: Date }[]) =>
  rows.length ? db.insertInto('tip_notices').values(rows).execute() : Promise.resolve([]);

export const decisionsOf = (db: Q, id: number) =>
  db.selectFrom('tip_decisions as d').leftJoin('users as u', 'u.id', 'd.recorded_by')
    .select(['d.id', 'd.kind', 'd.reference', 'd.signed_on', 'd.issuer_title', 'd.issuer_name', 'd.detail', 'd.recorded_at', 'u.full_name as recorded_by_name'])
    .where('d.tip_id', '=', id).orderBy('d.id').execute();

export const noticesOf = (db: Q, id: number) =>
  db.selectFrom('tip_notices as n').innerJoin('tip_decisions as d', 'd.id', 'n.decision_id')
    .select(['n.id', 'n.decision_id', 'd.kind as decision_kind', 'n.recipient', 'n.due_at', 'n.sent_on', 'n.reference'])
    .where('n.tip_id', '=', id).orderBy('n.id').execute();

export const lockNotice = (db: Q, tipId: number, noticeId: number) =>
  db.selectFrom('tip_notices as n').innerJoin('tip_decisions as d', 'd.id', 'n.decision_id')
    .select(['n.id', 'n.recipient', 'n.due_at', 'n.sent_on', 'd.kind as decision_kind', 'd.signed_on'])
    .where('n.tip_id', '=', tipId).where('n.id', '=', noticeId).forUpdate('n').executeTakeFirst();

/** The day the case's latest decision was signed: the next one cannot come before it. */
export const lastDecisionDay = async (db: Q, tipId: number) =>
  (await db.selectFrom('tip_decisions').select((eb) => eb.fn.max('signed_on').as('day')).where('tip_id', '=', tipId).executeTakeFirst())?.day as string | null | undefined;

export const markNoticeSent = (db: Q, noticeId: number, sentOn: string, reference: string | null, by: number) =>
  db.updateTable('tip_notices').set({ sent_on: sentOn, reference, recorded_by: by }).where('id', '=', noticeId).execute();

export const insertNote = (db: Q, note: { tip_id: number; province_code: string; author_id: number; body: string }) =>
  db.insertInto('tip_notes').values(note).returning(['id', 'body', 'created_at']).executeTakeFirstOrThrow();

/** Every strict ancestor-or-self path of a materialised path: '/1/5/9/' → ['/1/', '/1/5/', '/1/5/9/']. */
export const pathsUpTo = (path: string) => path.split('/').filter(Boolean).map((_, i, ids) => '/' + ids.slice(0, i + 1).join('/') + '/');

/** Active users holding one of the roles on the unit of the path or a unit above it. */
export const usersWithRoleAt = (db: Q, path: string, roles: string[], userId?: number) => {
  let query = db
    .selectFrom('users as us')
    .select(['us.id', 'us.full_name', 'us.username'])
    .where('us.active', '=', true)
    .where((eb) => eb.exists(
      eb.selectFrom('grants as g').innerJoin('units as gu', 'gu.id', 'g.unit_id').select('g.id')
        .whereRef('g.user_id', '=', 'us.id').where('g.role', 'in', roles as never[]).where('gu.path', 'in', pathsUpTo(path)),
    ));
  if (userId !== undefined) query = query.where('us.id', '=', userId);
  // Those granted closest to the commune first, then by name.
  return query.orderBy(sql`(select max(length(gu.path)) from grants g join units gu on gu.id = g.unit_id where g.user_id = us.id)`, 'desc').orderBy('us.full_name').execute();
};

/** Counts for a dashboard, without a word of any tip: received in [from, to) by category and status, and the open ones' deadlines now. */
export async function summary(db: Q, scope: string[], underPath: string, from: Date, to: Date, now: Date) {
  // Due soon as urgencyOf says it: from the moment its term set (deadlines.ts dueSoonFrom).
  const soon = sql`t.due_soon_at <= ${now}`;
  const under = (qb: ReturnType<typeof base>) => qb.where(inScope('t.unit_path', scope)).where('t.unit_path', 'like', underPath + '%');
  const base = () => db.selectFrom('tips as t');
  const day = sql<string>`to_char(t.received_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;
  // One pass over the period's tips for the three counts (a country's year is some 170,000 rows).
  const received = under(base()).where('t.received_at', '>=', from).where('t.received_at', '<', to)
    .select(['t.category', 't.status', day.as('day'), sql<number>`count(*)::int`.as('count'), sql<number>`grouping(t.category, t.status, ${day})`.as('by')])
    .groupBy(sql`grouping sets ((t.category), (t.status), (${day}))`)
    .execute();
  const [counted, open] = await Promise.all([
    received,
    under(base())
      .where(openTip)
      .select([
        sql<number>`count(*)::int`.as('open'),
        sql<number>`(count(*) filter (where t.due_at < ${now}))::int`.as('overdue'),
        sql<number>`(count(*) filter (where t.due_at >= ${now} and (${soon})))::int`.as('due_soon'),
        sql<number>`(count(*) filter (where t.assignee_id is null))::int`.as('unassigned'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  // grouping() has a bit set for each argument the row is not grouped by: 0b011 by category, 0b101 by status, 0b110 by day.
  const byCategory = counted.filter((r) => r.by === 0b011).map((r) => ({ category: r.category, count: r.count }));
  const byStatus = counted.filter((r) => r.by === 0b101).map((r) => ({ status: r.status, count: r.count }));
  const byDay = counted.filter((r) => r.by === 0b110).map((r) => ({ day: r.day, count: r.count })).sort((a, b) => a.day.localeCompare(b.day));
  return { byCategory, byStatus, byDay, open };
}

/**
 * Communes for what a resident typed (folded words): those whose own name, or the name of a
 * pre-2025 commune they replaced, has a word beginning with each word typed; when none has, those
 * where the words are spread over the name, district and province ("thuong ha lao cai"). Those
 * holding the words as a phrase, whole words, come first ("dien quan" before "Điện Bàn").
 */
export async function communesMatching(db: Q, parts: string[], limit: number) {
  const byName = await communesWhere(db, parts, limit, 'name_folded');
  return byName.length ? byName : communesWhere(db, parts, limit, 'search_text');
}

function communesWhere(db: Q, parts: string[], limit: number, column: 'name_folded' | 'search_text') {
  // Each word typed begins a word there ("ha" finds "Hà", not "Thanh"); the plain substring test
  // beside it is what search_text's trigram index can serve.
  const like = (col: string) => sql.join(parts.map((p) => sql`${sql.ref(col)} like ${'%' + likeEscape(p) + '%'} and ' ' || ${sql.ref(col)} like ${'% ' + likeEscape(p) + '%'}`), sql` and `);
  const phrase = `% ${parts.join(' ')} %`;
  const legacyOf = (where: ReturnType<typeof sql<boolean>>) =>
    sql`select s.unit_id from legacy_units l join legacy_successors s on s.old_code = l.old_code where ${where}`;
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.name', 'p.name as province_name'])
    .where('u.kind', '=', 'commune')
    .where(sql<boolean>`((${like(`u.${column}`)}) or u.id in (${legacyOf(sql<boolean>`(${like(`l.${column}`)})`)}))`)
    .orderBy(sql`(' ' || u.name_folded || ' ' like ${phrase})`, 'desc')
    .orderBy(sql`(u.id in (${legacyOf(sql<boolean>`' ' || l.name_folded || ' ' like ${phrase}`)}))`, 'desc')
    .orderBy('u.name_folded')
    .limit(limit)
    .execute();
}

/** The sealed contacts of some tips, with what opening and auditing them needs. */
export const sealedContacts = (db: Q, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('tips').select(['id', 'contact_sealed', 'tracking_code', 'unit_path', 'commune_id', 'province_code']).where('id', 'in', ids).where('contact_sealed', 'is not', null).execute();

/** Whether any tip holds a sealed contact: then the key it needs must not be replaced. */
export const anySealedContact = async (db: Q) =>
  !!(await db.selectFrom('tips').select('id').where('contact_sealed', 'is not', null).limit(1).executeTakeFirst());
