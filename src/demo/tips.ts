/**
 * Tips of the demo, sent as residents would through the public channel (submitTip), then taken
 * up by the commune police: Xã Thượng Hà and Xã Thạch Lập each get a few at different stages,
 * one with the contact its informant chose to leave (sealed with the server's key).
 */
import type { Kysely } from 'kysely';
import type { DB, TipCategory, TipStatus } from '../db/schema.ts';
import { dueAt, legalDueAt } from '../tips/deadlines.ts';
import type { Sealer } from '../tips/seal.ts';
import { submitTip } from '../tips/service.ts';
import { getUnitByCode } from '../units/queries.ts';

const DAY = 86_400_000;

const TIPS: { commune: string; category: TipCategory; description: string; place: string; daysAgo: number; status: TipStatus; reply?: string; contact?: { name: string; phone: string } }[] = [
  { commune: '02968', category: 'theft', description: 'Đêm qua nhà tôi ở Thôn Bản Lự bị mất 2 con gà và một bình ắc quy xe máy, kẻ gian trèo qua hàng rào phía sau.', place: 'Thôn Bản Lự', daysAgo: 0, status: 'new' },
  { commune: '02968', category: 'drugs', description: 'Có mấy thanh niên lạ thường tụ tập ở lán bỏ hoang gần suối Khuổi Phường vào buổi tối, nghi sử dụng ma túy.', place: 'Lán bỏ hoang gần suối, Thôn Khuổi Phường', daysAgo: 4, status: 'verifying', contact: { name: 'Hoàng Thị Hoa', phone: '0912000222' } },
  { commune: '02968', category: 'traffic', description: 'Xe tải chở đá chạy tốc độ cao qua cổng Trường THCS Điện Quan giờ tan học, rất nguy hiểm cho học sinh.', place: 'Cổng Trường THCS Điện Quan', daysAgo: 25, status: 'handling' },
  { commune: '15085', category: 'social_evils', description: 'Một nhóm người tổ chức đánh bạc ăn tiền tại nhà kho cuối Làng Mỏ vào các tối thứ Bảy.', place: 'Nhà kho cuối Làng Mỏ', daysAgo: 9, status: 'verifying' },
  { commune: '15085', category: 'fire', description: 'Đường dây điện trước nhà văn hóa Làng Chiềng bị chùng, chạm vào cành cây, trời mưa có tia lửa.', place: 'Trước nhà văn hóa Làng Chiềng', daysAgo: 15, status: 'resolved', reply: 'Công an xã đã báo Điện lực; đường dây đã được sửa ngày hôm sau. Cảm ơn bạn đã báo tin.' },
];

export async function loadDemoTips(db: Kysely<DB>, sealer: Sealer, now = new Date()) {
  // Oldest first, as they would have arrived: the inbox lists newest first by arrival.
  for (const t of [...TIPS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const commune = (await getUnitByCode(db, t.commune))!;
    const received = new Date(now.getTime() - t.daysAgo * DAY - 3 * 3_600_000);
    const { id } = await submitTip(db, sealer, { category: t.category, description: t.description, place: t.place, communeId: commune.id, contact: t.contact }, 'web', received);
    // The tip as it stands today: received back then, at its stage since a day after.
    const stageStart = t.status === 'new' ? received : new Date(received.getTime() + DAY);
    const legalDue = legalDueAt(received);
    await db.updateTable('tips').set({
      received_at: received, legal_due_at: legalDue, status: t.status, stage_started_at: stageStart, due_at: dueAt(t.status, stageStart, legalDue), public_reply: t.reply ?? null,
    }).where('id', '=', id).execute();
    await db.updateTable('tip_events').set({ at: received }).where('tip_id', '=', id).execute();
    if (t.status !== 'new') await db.insertInto('tip_events').values({ tip_id: id, province_code: commune.province_code!, actor_id: null, kind: 'status', status: t.status, at: stageStart }).execute();
  }
}
