/**
 * Data at the scale of the country, for dashboards and benchmarks (`npm run gen`): villages under
 * every commune of the real unit list, a year of nightly check-ins with the gaps real villages
 * have, patrols, activities and tips. Each step is one INSERT … SELECT per province, run by the
 * database itself (no rows travel over the wire), and is deterministic: the same units give the
 * same data, and running it again adds nothing that is already there.
 *
 * Pseudo-random draws are hashes of the row's identity: u(x) in [0, 1) from hashtext(x).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { GONG_TARGET_KEY } from '../gongs/night.ts';
import { addDays } from '../shared/dates.ts';
import { fold } from '../shared/text.ts';

/** u(x): a uniform draw in [0, 1) fixed by the text x. */
const u = (x: ReturnType<typeof sql>) => sql`((hashtext(${x})::bigint + 2147483648) / 4294967296.0)`;

const VILLAGE_NAMES = [
  'Thôn Đông', 'Thôn Tây', 'Thôn Nam', 'Thôn Bắc', 'Thôn Trung', 'Thôn Thượng', 'Thôn Hạ', 'Thôn Đồng Tâm', 'Thôn Tân Lập',
  'Thôn Quyết Tiến', 'Thôn Thắng Lợi', 'Thôn Hòa Bình', 'Thôn Đoàn Kết', 'Thôn Tiền Phong', 'Thôn Tân Tiến', 'Thôn Phú Lộc',
  'Thôn Yên Thái', 'Thôn Bình Minh', 'Thôn Hợp Thành', 'Thôn Đồng Xuân', 'Thôn Liên Hiệp', 'Thôn Xuân Sơn', 'Thôn Cầu Trắng',
  'Thôn Làng Mới', 'Thôn Bãi Sậy', 'Thôn Gò Găng', 'Thôn Đá Bạc', 'Thôn Suối Cát', 'Thôn Khe Mít', 'Thôn Nà Pồng',
];

export interface Scale {
  /** Province codes to fill; all when undefined. */
  provinces?: string[];
  /** The last night of the year of check-ins. */
  lastNight: string;
  nights: number;
}


/** The first of the scale's nights. */
export const firstNight = (scale: Scale) => addDays(scale.lastNight, -(scale.nights - 1));

export const provincesToFill = (db: Kysely<DB>, scale: Scale) => {
  let q = db.selectFrom('units').select(['id', 'province_code', 'name']).where('kind', '=', 'province').orderBy('province_code');
  if (scale.provinces) q = q.where('province_code', 'in', scale.provinces);
  return q.execute();
};

/** 21 to 45 villages under each commune of the province that has none yet. */
export async function addVillages(db: Kysely<DB>, provinceCode: string) {
  const communes = await db.selectFrom('units as c').select(['c.id', 'c.code'])
    .where('c.kind', '=', 'commune').where('c.province_code', '=', provinceCode)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('units as v').select('v.id').whereRef('v.parent_id', '=', 'c.id').where('v.kind', '=', 'village'))))
    .execute();
  const rows = communes.flatMap((c) => {
    const n = 21 + (hash(`${c.code}:villages`) % 25);
    return Array.from({ length: n }, (_, i) => {
      const base = VILLAGE_NAMES[i % VILLAGE_NAMES.length]!;
      const name = i < VILLAGE_NAMES.length ? base : `${base} ${Math.floor(i / VILLAGE_NAMES.length) + 1}`;
      return { parent_id: c.id, kind: 'village' as const, subkind: 'Thôn', name, name_folded: fold(name), province_code: provinceCode };
    });
  });
  for (let i = 0; i < rows.length; i += 2000) await db.insertInto('units').values(rows.slice(i, i + 2000)).execute();
  return rows.length;
}

/** A small string hash (FNV-1a) for choices made in the app. */
function hash(text: string) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A year of check-ins for the province's villages. Each village strikes on 80–99 % of nights; one
 * in seven has its gong broken for one to four weeks; most strikes are on the hour, some late.
 * Idempotency keys are made from the village and night (a phone's are random), so that the
 * index grows in order.
 */
export async function addCheckins(db: Kysely<DB>, provinceCode: string, scale: Scale) {
  const first = firstNight(scale);
  // Village by village, night by night: the indexes then grow in order instead of at random.
  const result = await sql`
    insert into gong_checkins (province_code, village_id, village_path, night, struck_at, late_minutes, idempotency_key, received_at)
    with villages as materialized (
      select v.id, v.path, v.province_code,
             0.80 + 0.19 * ${u(sql`v.id || 'r'`)} as reliability,
             ${u(sql`v.id || 'o'`)} < 0.15 as broken,
             floor(${u(sql`v.id || 's'`)} * ${scale.nights}) as broken_from,
             7 + floor(${u(sql`v.id || 'l'`)} * 21) as broken_for
      from units v
      where v.kind = 'village' and v.province_code = ${provinceCode}
        -- A village with any check-in in the range is passed over: its nights are already there.
        and not exists (select 1 from gong_checkins x where x.village_id = v.id and x.night between ${first}::date and ${scale.lastNight}::date)
    )
    select v.province_code, v.id, v.path, ${first}::date + n.i,
           (${first}::date + n.i + time '15:00' + make_interval(mins => late.m)) at time zone 'UTC', late.m,
           ('00000000-0000-4000-8000-' || lpad(to_hex(v.id * 100000 + (${first}::date + n.i - date '2000-01-01')), 12, '0'))::uuid,
           (${first}::date + n.i + time '15:00' + make_interval(mins => late.m)) at time zone 'UTC'
    from villages v
    cross join generate_series(0, ${scale.nights - 1}) n(i)
    cross join lateral (select ${u(sql`v.id || '~' || n.i`)} as x) d
    cross join lateral (select case when d.x < 0.80 then floor(d.x / 0.80 * 6)
                                    when d.x < 0.95 then 6 + floor((d.x - 0.80) / 0.15 * 10)
                                    else 16 + floor((d.x - 0.95) / 0.05 * 75) end::int as m) late
    where ${u(sql`v.id || ':' || n.i`)} < v.reliability
      and not (v.broken and n.i >= v.broken_from and n.i < v.broken_from + v.broken_for)
    order by v.id, n.i`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Two patrols a week per commune, on most weeks, by the commune police and the village teams. */
export async function addPatrols(db: Kysely<DB>, provinceCode: string, scale: Scale) {
  const first = firstNight(scale);
  const result = await sql`
    insert into patrols (province_code, unit_id, unit_path, started_at, ended_at, area, participants, findings)
    select c.province_code, c.id, c.path, s.start, s.start + interval '2 hours',
           'Các thôn trong xã, tuyến đường liên thôn', array['Công an xã', 'Tổ an ninh trật tự cơ sở'],
           case when ${u(sql`c.id || 'f' || s.k`)} < 0.1 then 'Nhắc nhở nhóm thanh niên tụ tập khuya' end
    from units c
    cross join lateral (select k, (${first}::date + k * 7 + (k % 2) * 3 + time '22:30') at time zone 'Asia/Ho_Chi_Minh' as start
                        from generate_series(0, ${Math.floor(scale.nights / 7) * 2 - 1}) k) s
    where c.kind = 'commune' and c.province_code = ${provinceCode} and ${u(sql`c.id || 'p' || s.k`)} < 0.85
      and not exists (select 1 from patrols x where x.unit_path = c.path and x.started_at = s.start)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

const ACTIVITIES: { kind: string; channel: string | null; title: string }[] = [
  { kind: 'outreach', channel: 'loudspeaker', title: 'Tuyên truyền phòng chống trộm cắp trên loa truyền thanh' },
  { kind: 'outreach', channel: 'zalo', title: 'Nhắc nhở khóa cửa, giữ xe qua nhóm Zalo thôn' },
  { kind: 'outreach', channel: 'banner', title: 'Treo băng rôn "Toàn dân bảo vệ an ninh Tổ quốc"' },
  { kind: 'training', channel: null, title: 'Tập huấn kỹ năng cho tổ an ninh trật tự cơ sở' },
  { kind: 'meeting', channel: null, title: 'Họp giao ban an ninh trật tự hằng tháng' },
  { kind: 'drill', channel: null, title: 'Diễn tập phương án chữa cháy tại chỗ' },
  { kind: 'commitment_campaign', channel: null, title: 'Vận động hộ gia đình ký cam kết an toàn PCCC' },
];

/** About three activities a month per commune. */
export async function addActivities(db: Kysely<DB>, provinceCode: string, scale: Scale) {
  const first = firstNight(scale);
  const kinds = ACTIVITIES.map((a) => a.kind);
  const channels = ACTIVITIES.map((a) => a.channel);
  const titles = ACTIVITIES.map((a) => a.title);
  const folded = ACTIVITIES.map((a) => fold(a.title));
  const result = await sql`
    insert into activities (province_code, unit_id, unit_path, kind, channel, title, title_folded, held_on, audience)
    select c.province_code, c.id, c.path, (${kinds}::text[])[a.j], (${channels}::text[])[a.j], (${titles}::text[])[a.j], (${folded}::text[])[a.j],
           ${first}::date + a.k * 10 + floor(${u(sql`c.id || 'd' || a.k`)} * 10)::int, 20 + floor(${u(sql`c.id || 'n' || a.k`)} * 300)::int
    from units c
    cross join lateral (select k, 1 + floor(${u(sql`c.id || 'a' || k`)} * ${ACTIVITIES.length})::int as j from generate_series(0, ${Math.floor(scale.nights / 10) - 1}) k) a
    where c.kind = 'commune' and c.province_code = ${provinceCode}
      and not exists (select 1 from activities x where x.unit_path = c.path and x.held_on = ${first}::date + a.k * 10 + floor(${u(sql`c.id || 'd' || a.k`)} * 10)::int)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

const TIPS: { category: string; description: string; place: string }[] = [
  { category: 'theft', description: 'Mất trộm xe máy dựng trước cửa nhà lúc nửa đêm', place: 'Đường liên thôn' },
  { category: 'drugs', description: 'Nghi có nhóm người tụ tập sử dụng ma túy ở lán bỏ hoang', place: 'Lán cuối đồng' },
  { category: 'social_evils', description: 'Có sới bạc họp vào tối thứ bảy hằng tuần', place: 'Nhà văn hóa cũ' },
  { category: 'traffic', description: 'Thanh niên phóng nhanh, lạng lách trên đường vào trường học', place: 'Cổng trường' },
  { category: 'fire', description: 'Đốt rơm rạ sát khu dân cư, khói lửa lan gần nhà dân', place: 'Cánh đồng sau thôn' },
  { category: 'crime', description: 'Người lạ hỏi thăm nhà người già sống một mình, nghi lừa đảo', place: 'Xóm giữa' },
  { category: 'other', description: 'Chó thả rông cắn người đi đường buổi sáng', place: 'Ngã ba chợ' },
];

/**
 * About one tip a week per commune, with no informant's contact (nothing to seal). Older tips are
 * settled, recent ones still open; tracking codes are made from the commune and week, secrets
 * are unusable (these tips are not followed by anyone).
 */
export async function addTips(db: Kysely<DB>, provinceCode: string, scale: Scale) {
  const first = firstNight(scale);
  const weeks = Math.floor(scale.nights / 7);
  const result = await sql`
    insert into tips (province_code, commune_id, unit_path, category, description, place, search_folded, tracking_code, secret_hash, channel, status, stage_started_at, due_at, due_soon_at, legal_term, legal_due_at, received_at, updated_at)
    select c.province_code, c.id, c.path, (${TIPS.map((t) => t.category)}::text[])[t.j], (${TIPS.map((t) => t.description)}::text[])[t.j], (${TIPS.map((t) => t.place)}::text[])[t.j],
           (${TIPS.map((t) => fold(`${t.description} ${t.place}`))}::text[])[t.j],
           upper(substr(md5(c.id || ':' || t.k), 1, 10)), 'generated', case when t.j % 3 = 0 then 'keychain' else 'web' end,
           s.status, t.at, case when s.status in ('new', 'verifying', 'handling') then l.due end,
           case when s.status in ('new', 'verifying', 'handling') then l.due - interval '6 hours' end, 'handover', l.due, t.at, t.at
    from units c
    cross join lateral (select k, 1 + floor(${u(sql`c.id || 't' || k`)} * ${TIPS.length})::int as j,
                               (${first}::date + k * 7 + floor(${u(sql`c.id || 'w' || k`)} * 7)::int + time '09:00') at time zone 'Asia/Ho_Chi_Minh' as at
                        from generate_series(0, ${weeks - 1}) k) t
    -- Not yet classified, as tips arrive: the commune's 24 hours to hand over from receipt (tips/deadlines.ts handoverDueAt).
    cross join lateral (select t.at + interval '24 hours' as due) l
    cross join lateral (select case when t.k > ${weeks - 3} then (array['new', 'verifying', 'handling'])[1 + floor(${u(sql`c.id || 's' || t.k`)} * 3)::int]
                                    else (array['resolved', 'resolved', 'resolved', 'unfounded', 'transferred'])[1 + floor(${u(sql`c.id || 's' || t.k`)} * 5)::int] end as status) s
    where c.kind = 'commune' and c.province_code = ${provinceCode} and ${u(sql`c.id || 'x' || t.k`)} < 0.9
    on conflict (tracking_code) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The nightly gong counts only where a gong model operates (gongs/queries.ts gongModelPaths): each
 * commune given check-ins runs the built-in "Tiếng kẻng bình yên", operating since the first night.
 */
export async function addGongModels(db: Kysely<DB>, provinceCode: string, scale: Scale) {
  const result = await sql`
    insert into model_instances (province_code, template_id, unit_id, unit_path, name, status, started_on)
    select c.province_code, t.id, c.id, c.path, t.name || ' — ' || c.name, 'operating', ${firstNight(scale)}::date
    from units c
    join model_templates t on t.is_current and t.owner_unit_id is null
      and t.targets @> ${JSON.stringify([{ key: GONG_TARGET_KEY }])}::jsonb
    where c.kind = 'commune' and c.province_code = ${provinceCode}
      and not exists (select 1 from model_instances x where x.template_id = t.id and x.unit_id = c.id and x.status <> 'closed')`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The tables the generator writes into: what a VACUUM ANALYZE after it must cover. */
export const GENERATED_TABLES = ['units', 'model_instances', 'gong_checkins', 'gong_nights', 'gong_months', 'patrols', 'activities', 'tips'];

/** Every step for one province, in order; what each added. */
export async function fillProvince(db: Kysely<DB>, provinceCode: string, scale: Scale) {
  const villages = await addVillages(db, provinceCode);
  const gongModels = await addGongModels(db, provinceCode, scale);
  const checkins = await addCheckins(db, provinceCode, scale);
  const patrols = await addPatrols(db, provinceCode, scale);
  const activities = await addActivities(db, provinceCode, scale);
  const tips = await addTips(db, provinceCode, scale);
  return { villages, gongModels, checkins, patrols, activities, tips };
}
