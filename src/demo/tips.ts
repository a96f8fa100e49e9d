/**
 * Tips of the demo, sent as residents would through the public channel (submitTip), then taken
 * up by the commune police: Xã Thượng Hà and Xã Thạch Lập each get a few at different stages,
 * one with the contact its informant chose to leave (sealed with the server's key).
 */
import type { Kysely } from 'kysely';
import type { DB, TipCategory, TipStatus } from '../db/schema.ts';
import { dayEnd, todayVN } from '../shared/dates.ts';
import { legalLastDay, termPatch, type TipKind } from '../tips/deadlines.ts';
import type { Sealer } from '../tips/seal.ts';
import { submitTip } from '../tips/service.ts';
import { getUnitByCode } from '../units/queries.ts';

const DAY = 86_400_000;
const PROVINCE_BODY = 'Cơ quan Cảnh sát điều tra Công an tỉnh Lào Cai';

interface DemoTip {
  commune: string; category: TipCategory; description: string; place: string; daysAgo: number; status: TipStatus;
  kind?: TipKind; reply?: string; contact?: { name: string; phone: string };
  /** A crime report handed over to the provincial body; settled by the commune's investigator when 'settled'. */
  handedOver?: 'settled' | 'to_body';
}

const TIPS: DemoTip[] = [
  { commune: '02968', category: 'theft', description: 'Đêm qua nhà tôi ở Thôn Bản Lự bị mất 2 con gà và một bình ắc quy xe máy, kẻ gian trèo qua hàng rào phía sau.', place: 'Thôn Bản Lự', daysAgo: 0, status: 'new' },
  {
    commune: '02968', category: 'drugs', description: 'Có mấy thanh niên lạ thường tụ tập ở lán bỏ hoang gần suối Khuổi Phường vào buổi tối, nghi sử dụng ma túy.',
    place: 'Lán bỏ hoang gần suối, Thôn Khuổi Phường', daysAgo: 4, status: 'handling', kind: 'crime', handedOver: 'settled', contact: { name: 'Hoàng Thị Hoa', phone: '0912000222' },
  },
  {
    commune: '02968', category: 'other', description: 'Tôi tố cáo cán bộ địa chính xã yêu cầu gia đình tôi nộp thêm tiền ngoài quy định mới ký hồ sơ cấp giấy chứng nhận quyền sử dụng đất.',
    place: 'Ủy ban nhân dân xã Thượng Hà', daysAgo: 6, status: 'handling', kind: 'denunciation',
  },
  { commune: '02968', category: 'traffic', description: 'Xe tải chở đá chạy tốc độ cao qua cổng Trường THCS Điện Quan giờ tan học, rất nguy hiểm cho học sinh.', place: 'Cổng Trường THCS Điện Quan', daysAgo: 25, status: 'handling', kind: 'other' },
  { commune: '15085', category: 'social_evils', description: 'Một nhóm người tổ chức đánh bạc ăn tiền tại nhà kho cuối Làng Mỏ vào các tối thứ Bảy.', place: 'Nhà kho cuối Làng Mỏ', daysAgo: 9, status: 'transferred', kind: 'crime', handedOver: 'to_body' },
  { commune: '15085', category: 'fire', description: 'Đường dây điện trước nhà văn hóa Làng Chiềng bị chùng, chạm vào cành cây, trời mưa có tia lửa.', place: 'Trước nhà văn hóa Làng Chiềng', daysAgo: 15, status: 'resolved', kind: 'other', reply: 'Công an xã đã báo Điện lực; đường dây đã được sửa ngày hôm sau. Cảm ơn bạn đã báo tin.' },
];

/** The terms of a demo case as it stands today, as the workflow would have set them. */
function termsOf(t: DemoTip, received: Date, stageStart: Date) {
  const handedOver = new Date(received.getTime() + 6 * 3_600_000);
  if (t.handedOver === 'settled') {
    return {
      handed_over_at: handedOver, body_received_at: handedOver, transferred_to: PROVINCE_BODY,
      ...termPatch('standard', dayEnd(legalLastDay('standard', todayVN(handedOver)))),
    };
  }
  if (t.handedOver === 'to_body') return { handed_over_at: handedOver, body_received_at: handedOver, transferred_to: PROVINCE_BODY, due_at: null, due_soon_at: null };
  if (t.kind === 'denunciation') {
    const accepted = todayVN(stageStart);
    return { accepted_on: accepted, ...termPatch('denunciation', dayEnd(legalLastDay('denunciation', accepted))) };
  }
  if (t.kind === 'other') return { legal_term: 'none' as const, legal_due_at: null, due_at: null, due_soon_at: null };
  return {};
}

export async function loadDemoTips(db: Kysely<DB>, sealer: Sealer, now = new Date()) {
  const investigator = await db.selectFrom('users').select('id').where('username', '=', 'dieutra').executeTakeFirst();
  // Oldest first, as they would have arrived: the inbox lists newest first by arrival.
  for (const t of [...TIPS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const commune = (await getUnitByCode(db, t.commune))!;
    const received = new Date(now.getTime() - t.daysAgo * DAY - 3 * 3_600_000);
    const { id } = await submitTip(db, sealer, { category: t.category, description: t.description, place: t.place, communeId: commune.id, contact: t.contact }, 'web', received);
    // The case as it stands today: received back then, at its stage since a day after.
    const stageStart = t.status === 'new' ? received : new Date(received.getTime() + DAY);
    const submitted = await db.selectFrom('tips').select(['legal_due_at', 'due_at', 'due_soon_at']).where('id', '=', id).executeTakeFirstOrThrow();
    await db.updateTable('tips').set({
      ...submitted, received_at: received, status: t.status, stage_started_at: stageStart, public_reply: t.reply ?? null, kind: t.kind ?? null,
      ...termsOf(t, received, stageStart), settler_id: t.handedOver === 'settled' ? investigator?.id ?? null : null,
      ...(['resolved', 'unfounded'].includes(t.status) && { due_at: null, due_soon_at: null }),
    }).where('id', '=', id).execute();
    await db.updateTable('tip_events').set({ at: received }).where('tip_id', '=', id).execute();
    if (t.status !== 'new') await db.insertInto('tip_events').values({ tip_id: id, province_code: commune.province_code!, actor_id: null, kind: 'status', status: t.status, at: stageStart }).execute();
  }
}
