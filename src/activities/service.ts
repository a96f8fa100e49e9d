import type { Kysely, Transaction } from 'kysely';
import { allows, assertAllowed, scopeOf, type Actor } from '../access/policy.ts';
import { recordChange, type Context } from '../audit/record.ts';
import type { ActivityKind, DB, OutreachChannel } from '../db/schema.ts';
import type { Attachment } from '../files/service.ts';
import { invalid } from '../http/errors.ts';
import { placeOf, writable, type Place } from '../access/rows.ts';
import { FIRST_DAY, formatDay, todayVN } from '../shared/dates.ts';
import { checkPeriod, REPORT_DAYS } from '../shared/period.ts';
import { countsXlsx } from '../shared/table-export.ts';
import { fold } from '../shared/text.ts';
import { readableUnit } from '../units/service.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };

export const ACTIVITY_KINDS = ['outreach', 'training', 'meeting', 'drill', 'launch', 'commitment_campaign'] as const satisfies readonly ActivityKind[];
export const CHANNELS = ['loudspeaker', 'banner', 'zalo', 'facebook', 'talk', 'contest', 'leaflet', 'other'] as const satisfies readonly OutreachChannel[];

/** As documents and sheets print them; the web app has its own, in both languages. */
export const KIND_LABELS: Record<ActivityKind, string> = {
  outreach: 'Tuyên truyền', training: 'Tập huấn', meeting: 'Họp', drill: 'Diễn tập', launch: 'Ra mắt mô hình', commitment_campaign: 'Ký cam kết',
};
export const CHANNEL_LABELS: Record<OutreachChannel, string> = {
  loudspeaker: 'Loa truyền thanh', banner: 'Băng rôn, pa nô', zalo: 'Zalo', facebook: 'Facebook', talk: 'Nói chuyện chuyên đề',
  contest: 'Hội thi', leaflet: 'Tờ rơi', other: 'Khác',
};

export interface ActivityInput {
  kind: ActivityKind;
  channel?: OutreachChannel | null | undefined;
  title: string;
  topic?: string | null | undefined;
  heldOn: string;
  audience?: number | null | undefined;
  description?: string | null | undefined;
  instanceId?: number | null | undefined;
  fireGroupId?: number | null | undefined;
}

/** A unit where the caller may record activities: any below the country (a province, commune, village, school, agency). */
async function activityPlace(db: Kysely<DB>, actor: Actor, unitId: number): Promise<Place> {
  const unit = await readableUnit(db, actor, unitId);
  assertAllowed(actor, 'activity.write', unit.path);
  if (!unit.province_code) throw invalid('Hoạt động được ghi ở tỉnh, xã, thôn, trường học hoặc cơ quan', [{ path: 'unitId', message: 'Chọn đơn vị cụ thể hơn' }]);
  return { id: unit.id, path: unit.path, province_code: unit.province_code };
}

function checkKind(a: ActivityInput, now: Date) {
  if (a.kind === 'outreach' && !a.channel) throw invalid('Hoạt động tuyên truyền cần chọn hình thức tuyên truyền', [{ path: 'channel', message: 'Chưa chọn hình thức' }]);
  if (a.kind !== 'outreach' && a.channel) {
    throw invalid('Chỉ hoạt động tuyên truyền mới có hình thức tuyên truyền', [{ path: 'channel', message: 'Bỏ trống với loại hoạt động này' }]);
  }
  if (a.heldOn < FIRST_DAY) throw invalid('Ngày tổ chức trước năm 2000: hãy xem lại năm', [{ path: 'heldOn', message: 'Ngày tổ chức không được trước năm 2000.' }]);
  if (a.heldOn > todayVN(now)) throw invalid('Ngày tổ chức ở tương lai: chỉ ghi những hoạt động đã diễn ra', [{ path: 'heldOn', message: 'Ngày tổ chức không được ở tương lai.' }]);
  if (a.fireGroupId && a.kind !== 'drill') {
    throw invalid('Chỉ buổi diễn tập mới gắn với một tổ liên gia an toàn PCCC', [{ path: 'fireGroupId', message: 'Chỉ dành cho diễn tập' }]);
  }
}

/** The model the activity belongs to: readable, and running at this unit or at one above it. */
async function checkInstance(db: Kysely<DB>, actor: Actor, place: Place, instanceId: number) {
  const m = await q.instanceCoverage(db, instanceId);
  if (!m || !allows(actor, 'unit.read', m.unit_path)) throw invalid('Không tìm thấy mô hình', [{ path: 'instanceId', message: 'Không tồn tại' }]);
  if (!m.paths.some((path) => place.path.startsWith(path))) {
    throw invalid(`Mô hình "${m.name}" không triển khai ở đơn vị này`, [{ path: 'instanceId', message: 'Không triển khai ở đơn vị này' }]);
  }
}

/** The fire-safety group that drilled: readable, and of a village inside the activity's unit. */
async function checkFireGroup(db: Kysely<DB>, actor: Actor, place: Place, groupId: number) {
  const g = await q.getFireGroup(db, groupId);
  if (!g || !allows(actor, 'unit.read', g.village_path)) throw invalid('Không tìm thấy tổ liên gia', [{ path: 'fireGroupId', message: 'Không tồn tại' }]);
  if (!g.village_path.startsWith(place.path)) throw invalid(`${g.name} không thuộc đơn vị của hoạt động`, [{ path: 'fireGroupId', message: 'Thuộc đơn vị khác' }]);
}

async function activityFields(db: Kysely<DB>, actor: Actor, place: Place, a: ActivityInput, now: Date): Promise<q.ActivityFields> {
  checkKind(a, now);
  if (a.instanceId) await checkInstance(db, actor, place, a.instanceId);
  if (a.fireGroupId) await checkFireGroup(db, actor, place, a.fireGroupId);
  return {
    kind: a.kind, channel: a.channel ?? null, title: a.title, title_folded: fold(a.title), topic: a.topic || null, held_on: a.heldOn,
    audience: a.audience ?? null, description: a.description || null, instance_id: a.instanceId ?? null, fire_group_id: a.fireGroupId ?? null,
  };
}

/** Activities with the files (photos, minutes) attached to each. */
async function withFiles<T extends { id: number }>(db: Kysely<DB> | Transaction<DB>, rows: T[]) {
  const files = await q.filesOfActivities(db, rows.map((r) => r.id));
  return rows.map((a) => ({ ...a, files: files.filter((f) => f.activity_id === a.id).map(({ activity_id: _, ...f }) => f) }));
}

async function activityPage(db: Kysely<DB> | Transaction<DB>, id: number) {
  const [page] = await withFiles(db, [(await q.getActivity(db, id))!]);
  return page!;
}

export async function listActivities(db: Kysely<DB>, actor: Actor, unitId: number, filter: q.ActivityFilter & { limit: number; offset: number }) {
  if (filter.from && filter.to) checkPeriod(filter.from, filter.to);
  const unit = await readableUnit(db, actor, unitId);
  const rows = await q.activitiesUnder(db, scopeOf(actor, 'unit.read'), unit.path, { ...filter, search: filter.search ? fold(filter.search) : undefined });
  return withFiles(db, rows);
}

export async function createActivity(db: Kysely<DB>, ctx: Ctx, unitId: number, input: ActivityInput, now = new Date()) {
  const place = await activityPlace(db, ctx.actor, unitId);
  const fields = await activityFields(db, ctx.actor, place, input, now);
  return db.transaction().execute(async (trx) => {
    const { id } = await q.insertActivity(trx, place, fields, ctx.actor.userId);
    const after = await activityPage(trx, id);
    await recordChange(trx, ctx, { action: 'create', entity: 'activity', entityId: id, unit: place, after });
    return after;
  });
}

const writableActivity = async (db: Kysely<DB>, actor: Actor, id: number) =>
  placeOf(writable(actor, await q.getActivity(db, id), 'Không tìm thấy hoạt động', 'activity.write'));

export async function updateActivity(db: Kysely<DB>, ctx: Ctx, id: number, input: ActivityInput, now = new Date()) {
  const place = await writableActivity(db, ctx.actor, id);
  const fields = await activityFields(db, ctx.actor, place, input, now);
  return db.transaction().execute(async (trx) => {
    const before = await activityPage(trx, id);
    await q.updateActivity(trx, id, fields);
    const after = await activityPage(trx, id);
    await recordChange(trx, ctx, { action: 'update', entity: 'activity', entityId: id, unit: place, before, after });
    return after;
  });
}

/** Deletes an activity with its files. */
export async function deleteActivity(db: Kysely<DB>, ctx: Ctx, id: number) {
  const place = await writableActivity(db, ctx.actor, id);
  await db.transaction().execute(async (trx) => {
    const before = await activityPage(trx, id);
    await q.deleteActivity(trx, id);
    await recordChange(trx, ctx, { action: 'delete', entity: 'activity', entityId: id, unit: place, before });
  });
}

/** An activity the caller may change, as the place its photos hang. */
export async function activityAttachment(db: Kysely<DB>, actor: Actor, id: number): Promise<Attachment> {
  const place = await writableActivity(db, actor, id);
  return {
    unit: place, entity: 'activity_file', about: { activity_id: id },
    link: (trx, fileId) => q.linkActivityFile(trx, { id, province_code: place.province_code }, fileId),
    unlink: (trx, fileId) => q.unlinkActivityFile(trx, id, fileId),
  };
}

/** Every kind and every outreach channel under a unit over a period (none held: 0), with the people reached. */
export async function summary(db: Kysely<DB>, actor: Actor, unitId: number, from: string, to: string) {
  checkPeriod(from, to, REPORT_DAYS);
  const unit = await readableUnit(db, actor, unitId);
  const scope = scopeOf(actor, 'unit.read');
  const counted = async (by: 'kind' | 'channel') => new Map((await q.activityCounts(db, scope, unit.path, { from, to }, by)).map(({ key, ...c }) => [key, c]));
  const kinds = await counted('kind');
  const channels = await counted('channel');
  const none = { activities: 0, audience: 0 };
  return {
    from, to,
    byKind: ACTIVITY_KINDS.map((kind) => ({ kind, ...none, ...kinds.get(kind) })),
    byChannel: CHANNELS.map((channel) => ({ channel, ...none, ...channels.get(channel) })),
  };
}

export async function summaryXlsx(db: Kysely<DB>, actor: Actor, unitId: number, from: string, to: string) {
  const [unit, sum] = await Promise.all([readableUnit(db, actor, unitId), summary(db, actor, unitId, from, to)]);
  const content = await countsXlsx([
    ...sum.byKind.map((k) => ({ group: 'Theo loại', item: KIND_LABELS[k.kind], count: k.activities, extra: k.audience })),
    ...sum.byChannel.map((c) => ({ group: 'Tuyên truyền theo hình thức', item: CHANNEL_LABELS[c.channel], count: c.activities, extra: c.audience })),
  ], { group: 'Nhóm', item: 'Mục', count: 'Số hoạt động', extra: 'Số người tham dự' }, 'Hoạt động');
  return { content, name: `Hoạt động ${unit.name} ${formatDay(from)}-${formatDay(to)}.xlsx`.replace(/\//g, '.') };
}
