/**
 * Field work of the demo, at Xã Thạch Lập, where seed 004 (Tiếng kẻng bình yên, Tổ liên gia an
 * toàn PCCC) and the demo's gong model are: each village's households, gong and striker, two
 * months of nightly check-ins with the gaps real villages have, fire-safety groups, keychains,
 * patrols and activities. Names are illustrative; numbers come from a fixed seed, so every demo
 * looks the same.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import * as activities from '../activities/queries.ts';
import * as fireGroups from '../firegroups/queries.ts';
import { gongTime, lateMinutes } from '../gongs/night.ts';
import * as gongs from '../gongs/queries.ts';
import * as households from '../households/queries.ts';
import { identityOf, searchOf } from '../households/service.ts';
import { newCode } from '../keychains/code.ts';
import * as keychains from '../keychains/queries.ts';
import { addDays, todayVN, weekdayOf } from '../shared/dates.ts';
import { fold } from '../shared/text.ts';
import * as patrols from '../patrols/queries.ts';
import { getUnitByCode, villagesUnder } from '../units/queries.ts';
import type { Place } from '../access/rows.ts';

const THACH_LAP = '15085';
/** Nights of check-ins and of patrols the demo records, up to yesterday. */
export const NIGHTS = 60;
export const PATROL_NIGHTS = 28;

/** A small fixed-seed generator (mulberry32): the same demo on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['Bùi', 'Phạm', 'Quách', 'Trương', 'Lê', 'Nguyễn', 'Hà', 'Đinh', 'Cao', 'Hoàng'];
const MEN = ['Thắng', 'Hùng', 'Đức', 'Sơn', 'Tâm', 'Hòa', 'Bình', 'Lâm', 'Toàn', 'Khánh', 'Quyết', 'Thái'];
const WOMEN = ['Hoa', 'Lan', 'Hương', 'Mai', 'Thu', 'Nga', 'Liên', 'Huyền', 'Thảo'];

export async function loadDemoField(db: Kysely<DB>, userId: number) {
  const commune = (await getUnitByCode(db, THACH_LAP))!;
  const villages = (await villagesUnder(db, commune.path)).map((v) => ({ ...v, province_code: v.province_code! }));
  const rnd = random(4004);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const today = todayVN();

  for (const [vi, village] of villages.entries()) {
    // Households: 18 to 30 a village, along its lanes (xóm).
    const count = 18 + Math.floor(rnd() * 13);
    const seen = new Set<string>();
    const rows = [];
    for (let i = 0; rows.length < count; i++) {
      const woman = rnd() < 0.2;
      const headName = `${pick(SURNAMES)} ${woman ? 'Thị' : 'Văn'} ${pick(woman ? WOMEN : MEN)}`;
      const address = `Xóm ${1 + (i % 4)}, ${village.name}`;
      const identity = identityOf({ headName, address });
      if (seen.has(identity)) continue;
      seen.add(identity);
      rows.push({
        head_name: headName, address, members: 2 + Math.floor(rnd() * 5), phone: rnd() < 0.7 ? `09${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` : null,
        note: null, identity, search_folded: searchOf({ headName, address }), village_id: village.id, village_path: village.path, province_code: village.province_code,
      });
    }
    const stored = await households.insertHouseholds(db, rows);

    // Fire-safety groups of about eight neighbouring households; the last village is still forming its groups.
    const grouped = vi === villages.length - 1 ? stored.slice(0, Math.floor(stored.length / 2)) : stored;
    for (let g = 0; g * 8 < grouped.length; g++) {
      const members = grouped.slice(g * 8, g * 8 + 8);
      const { id } = await fireGroups.insertGroup(db, village, {
        name: `Tổ liên gia số ${g + 1}`, leader_name: members[0]!.head_name, leader_phone: members[0]!.phone, leader_user_id: null, note: null,
      });
      await fireGroups.replaceParts(db, { id, province_code: village.province_code }, members.map((m) => m.id), [
        { item: 'Bình chữa cháy bột 4 kg', quantity: 2 + Math.floor(rnd() * 3), condition: 'ready', checked_on: addDays(today, -Math.floor(rnd() * 80)) },
        { item: 'Thang tre, câu liêm, bao tải ướt', quantity: 1, condition: rnd() < 0.3 ? 'needs_service' : 'ready', checked_on: null },
      ]);
    }

    // Keychains for about two households in three.
    await keychains.insertKeychains(db, stored.filter(() => rnd() < 0.65).map((h) => ({
      province_code: village.province_code, village_id: village.id, village_path: village.path, commune_id: commune.id, household_id: h.id,
      code: newCode(), locks: 1, handed_on: addDays(today, -30 - Math.floor(rnd() * 60)), contact_name: 'Đại úy Bùi Văn Cường, Công an xã', contact_phone: '0912345004',
    })));

    // The village's gong and its striker.
    const striker = rows[0]!;
    const gong = await gongs.insertGong(db, village, {
      location: pick(['Nhà văn hóa', 'Đầu làng, gốc đa', 'Sân nhà văn hóa', 'Ngã ba trung tâm']), condition: vi === 3 ? 'damaged' : 'in_use',
      allowance_per_strike: null, allowance_per_month: 300_000, note: null,
    });
    await gongs.replaceStrikers(db, { id: gong.id, province_code: village.province_code }, [{ full_name: striker.head_name, phone: striker.phone }]);

    // Nightly check-ins: most nights on time, some late, a few missed, more in the damaged gong's village.
    const missRate = vi === 3 ? 0.25 : 0.06;
    const checkins = [];
    for (let n = 1; n <= NIGHTS; n++) {
      const night = addDays(today, -n);
      if (rnd() < missRate) continue;
      const struckAt = new Date(gongTime(night).getTime() + (rnd() < 0.85 ? Math.floor(rnd() * 10) : 20 + Math.floor(rnd() * 40)) * 60_000);
      checkins.push({
        province_code: village.province_code, village_id: village.id, village_path: village.path, night, struck_at: struckAt,
        late_minutes: lateMinutes(night, struckAt), idempotency_key: randomUUID(), recorded_by: userId,
      });
    }
    await gongs.insertCheckins(db, checkins);
  }

  const place = { id: commune.id, path: commune.path, province_code: commune.province_code! };
  await demoPatrols(db, place, villages, userId, rnd, today);
  await demoActivities(db, place, villages, userId, today);
}

/** A nightly patrol after the gong and a weekly one along the main road; four weeks of logs with a few nights skipped. */
async function demoPatrols(db: Kysely<DB>, commune: Place, villages: (Place & { name: string })[], userId: number, rnd: () => number, today: string) {
  const nightly = await patrols.insertSchedule(db, commune, { cadence: 'nightly', weekday: null, start_time: '22:15', area: 'Các làng, thôn sau tiếng kẻng', team: 'Tổ an ninh xung kích xã', active: true });
  const weekly = await patrols.insertSchedule(db, commune, { cadence: 'weekly', weekday: 6, start_time: '20:00', area: 'Tuyến đường liên xã, chợ Thạch Lập', team: 'Công an xã và dân quân', active: true });
  const people = ['Bùi Văn Thắng', 'Phạm Văn Đức', 'Quách Văn Sơn', 'Trương Văn Hòa', 'Lê Văn Toàn', 'Hà Văn Khánh'];
  for (let n = 1; n <= PATROL_NIGHTS; n++) {
    const day = addDays(today, -n);
    const schedules = [...(rnd() < 0.85 ? [{ id: nightly.id, at: '22:15', hours: 2 }] : []), ...(weekdayOf(day) === 6 ? [{ id: weekly.id, at: '20:00', hours: 3 }] : [])];
    for (const s of schedules) {
      const started = new Date(`${day}T${s.at}:00+07:00`);
      const village = villages[n % villages.length]!;
      await patrols.insertPatrol(db, commune, {
        schedule_id: s.id, started_at: started, ended_at: new Date(started.getTime() + s.hours * 3_600_000),
        area: s.id === weekly.id ? 'Tuyến đường liên xã, chợ Thạch Lập' : `${village.name} và ${villages[(n + 1) % villages.length]!.name}`,
        participants: people.filter(() => rnd() < 0.5).slice(0, 4).concat(people[n % people.length]!).filter((p, i, all) => all.indexOf(p) === i),
        findings: rnd() < 0.15 ? 'Phát hiện nhóm thanh niên tụ tập uống rượu sau 23 giờ, đã nhắc nhở giải tán.' : 'Tình hình an ninh, trật tự ổn định.',
      }, userId);
    }
  }
}


async function demoActivities(db: Kysely<DB>, commune: Place, villages: Place[], userId: number, today: string) {
  const rows: (Omit<activities.ActivityFields, 'title_folded' | 'instance_id' | 'fire_group_id'> & { at: Place })[] = [
    { at: commune, kind: 'outreach', channel: 'loudspeaker', title: 'Tuyên truyền mô hình "Tiếng kẻng bình yên" trên loa truyền thanh xã', topic: 'Tiếng kẻng bình yên', held_on: addDays(today, -40), audience: null, description: 'Phát 3 buổi sáng trong tuần.' },
    { at: villages[0]!, kind: 'outreach', channel: 'talk', title: 'Họp dân phổ biến quy định đánh kẻng 22 giờ và báo động', topic: 'Phòng chống tội phạm, cháy nổ', held_on: addDays(today, -35), audience: 86, description: null },
    { at: commune, kind: 'outreach', channel: 'zalo', title: 'Đăng tin cảnh giác lừa đảo qua mạng trên nhóm Zalo của xã', topic: 'Phòng chống lừa đảo', held_on: addDays(today, -12), audience: 1240, description: null },
    { at: villages[1]!, kind: 'drill', channel: null, title: 'Thực tập phương án chữa cháy tại tổ liên gia số 1', topic: 'PCCC', held_on: addDays(today, -20), audience: 45, description: 'Dập đám cháy giả định bằng bình bột và nước.' },
    { at: commune, kind: 'training', channel: null, title: 'Tập huấn kỹ năng tuần tra, xử lý tình huống cho tổ an ninh xung kích', topic: 'Nghiệp vụ tuần tra', held_on: addDays(today, -50), audience: 32, description: null },
    { at: commune, kind: 'meeting', channel: null, title: 'Sơ kết tháng mô hình "Tiếng kẻng bình yên"', topic: null, held_on: addDays(today, -5), audience: 18, description: null },
  ];
  for (const { at, ...a } of rows) await activities.insertActivity(db, at, { ...a, title_folded: fold(a.title), instance_id: null, fire_group_id: null }, userId);
}

