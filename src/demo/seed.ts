import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Role } from '../access/policy.ts';
import { recordChanges } from '../audit/record.ts';
import { hashPassword } from '../auth/passwords.ts';
import { fold } from '../shared/text.ts';
import { getRoot, getUnitByCode, insertUnits } from '../units/queries.ts';
import { loadDemoField } from './field.ts';
import { loadDemoPlans } from './plans.ts';

/**
 * Demo data from the seed plans (shared/seeds), placed at today's units. The plans name
 * pre-2025 units; each is mapped through the official old→new list:
 * - 000: Trường THCS Điện Quan, xã Điện Quan, huyện Bảo Yên, Lào Cai → Xã Thượng Hà (02968), Lào Cai (15)
 * - 001: Phòng GD&ĐT thị xã Quảng Yên, Quảng Ninh → Phường Quảng Yên (07132), Quảng Ninh (22)
 * - 002: Phòng GD&ĐT huyện Củ Chi → Xã Củ Chi (27553), one of the communes that replaced the district, Thành phố Hồ Chí Minh (79)
 * - 003: UBND huyện Triệu Sơn, Thanh Hóa → Xã Triệu Sơn (15664) and the seven other communes that replaced the district
 * - 004: xã Đồng Thịnh, huyện Ngọc Lặc, Thanh Hóa (gong plan, 7 villages) → Xã Thạch Lập (15085)
 * Village names are illustrative: the plans do not list them.
 */
const PLACES: { commune: string; children: { kind: 'village' | 'school' | 'agency'; subkind: string; name: string }[] }[] = [
  {
    commune: '02968',
    children: [
      { kind: 'school', subkind: 'Trường THCS', name: 'Trường THCS Điện Quan' },
      { kind: 'agency', subkind: 'Công an xã', name: 'Công an xã Thượng Hà' },
      { kind: 'agency', subkind: 'UBND xã', name: 'UBND xã Thượng Hà' },
      ...['Thôn Làng Ngần', 'Thôn Khuổi Phường', 'Thôn Bản Lự', 'Thôn Nà Pồng', 'Thôn Làng Hải', 'Thôn Khe Bàm'].map(
        (name) => ({ kind: 'village' as const, subkind: 'Thôn', name }),
      ),
    ],
  },
  {
    commune: '07132',
    children: [
      { kind: 'school', subkind: 'Trường THCS', name: 'Trường THCS Quảng Yên' },
      { kind: 'agency', subkind: 'Công an phường', name: 'Công an phường Quảng Yên' },
      { kind: 'agency', subkind: 'Phòng Văn hóa - Xã hội', name: 'Phòng Văn hóa - Xã hội phường Quảng Yên' },
    ],
  },
  {
    commune: '27553',
    children: [
      { kind: 'school', subkind: 'Trường THCS', name: 'Trường THCS Củ Chi' },
      { kind: 'agency', subkind: 'Công an xã', name: 'Công an xã Củ Chi' },
    ],
  },
  {
    commune: '15664',
    children: [
      { kind: 'agency', subkind: 'Công an xã', name: 'Công an xã Triệu Sơn' },
      { kind: 'agency', subkind: 'UBND xã', name: 'UBND xã Triệu Sơn' },
      ...['Thôn 1', 'Thôn 2', 'Thôn 3'].map((name) => ({ kind: 'village' as const, subkind: 'Thôn', name })),
    ],
  },
  {
    commune: '15085',
    children: [
      { kind: 'agency', subkind: 'Công an xã', name: 'Công an xã Thạch Lập' },
      ...['Làng Chiềng', 'Làng Mỏ', 'Làng Trung Thành', 'Thôn Đồng Tâm', 'Thôn Minh Thịnh', 'Làng Bàn', 'Làng Cốc'].map(
        (name) => ({ kind: 'village' as const, subkind: name.startsWith('Làng') ? 'Làng' : 'Thôn', name }),
      ),
    ],
  },
];

/** The assignment written on the demo investigator's grant (made up for the demo, as every name here). */
export const DEMO_ASSIGNMENT = 'Quyết định số 125/QĐ-CSĐT ngày 01/7/2025 của Thủ trưởng Cơ quan CSĐT Công an tỉnh Lào Cai (dữ liệu mẫu)';

export const DEMO_USERS: { username: string; fullName: string; role: Role; at: string; what: string }[] = [
  { username: 'quantri', fullName: 'Quản trị hệ thống', role: 'admin', at: 'VN', what: 'quản trị toàn quốc' },
  { username: 'lanhdao', fullName: 'Nguyễn Văn Hùng', role: 'leader', at: '02968', what: 'lãnh đạo xã Thượng Hà' },
  { username: 'canbo', fullName: 'Lò Văn Minh', role: 'officer', at: '02968', what: 'cán bộ Công an xã Thượng Hà' },
  { username: 'truonghoc', fullName: 'Hoàng Thị Lan', role: 'school_staff', at: 'Trường THCS Điện Quan', what: 'cán bộ Trường THCS Điện Quan' },
  { username: 'thon', fullName: 'Vàng A Sử', role: 'village_operator', at: 'Thôn Làng Ngần', what: 'trưởng thôn Làng Ngần' },
  { username: 'thachlap', fullName: 'Bùi Văn Cường', role: 'officer', at: '15085', what: 'cán bộ Công an xã Thạch Lập (kẻng, tuần tra, tổ liên gia, khóa an toàn)' },
  {
    username: 'dieutra', fullName: 'Hà Văn Quang', role: 'investigator', at: '02968',
    what: 'Phó Trưởng Công an xã Thượng Hà, Điều tra viên được phân công giải quyết tin báo về tội phạm cho Cơ quan CSĐT Công an tỉnh',
  },
  { username: 'bimat', fullName: 'Phạm Văn Kín', role: 'confidential', at: '02968', what: 'xem danh tính người báo tin ở xã Thượng Hà (mỗi lần xem được ghi nhật ký)' },
  { username: 'xem', fullName: 'Trần Thị Mai', role: 'viewer', at: '15', what: 'xem toàn tỉnh Lào Cai' },
];

/** Loads the demo once: a database with any user already is left alone. */
export async function loadDemo(db: Kysely<DB>, password: string): Promise<boolean> {
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return false;
  const password_hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const byName = new Map<string, number>();
    for (const place of PLACES) {
      const commune = await getUnitByCode(trx, place.commune);
      if (!commune) throw new Error(`demo: commune ${place.commune} missing from the administrative list`);
      const created = await insertUnits(trx, place.children.map((c) => ({ parent_id: commune.id, ...c, name_folded: fold(c.name) })));
      for (const u of created) byName.set(u.name, u.id);
      await recordChanges(trx, { actor: null }, created.map((u) => ({ action: 'create' as const, entity: 'unit', entityId: u.id, unit: u, after: u })));
    }
    const root = (await getRoot(trx))!;
    for (const u of DEMO_USERS) {
      const unitId = u.at === 'VN' ? root.id : byName.get(u.at) ?? (await getUnitByCode(trx, u.at))?.id;
      if (!unitId) throw new Error(`demo: unit ${u.at} missing`);
      const user = await trx
        .insertInto('users')
        .values({ username: u.username, full_name: u.fullName, password_hash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('grants').values({ user_id: user.id, unit_id: unitId, role: u.role, basis: u.role === 'investigator' ? DEMO_ASSIGNMENT : null }).execute();
    }
  });
  // The seed plans, their tasks and models, written through the services as the administrator.
  await loadDemoPlans(db);
  const thachLap = await db.selectFrom('users').select('id').where('username', '=', 'thachlap').executeTakeFirstOrThrow();
  await loadDemoField(db, thachLap.id);
  return true;
}
