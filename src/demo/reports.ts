/**
 * Reports in every state, so the demo's report pages are not empty: Triệu Sơn's 6-month report
 * accepted and its yearly one late with a reminder, a school's reports accepted and returned,
 * Thanh Hóa's 6-month report awaiting the country, Thạch Lập's yearly one being written. Only
 * reports whose period is over are sent. Written through the services, as the administrator.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import * as reports from '../reports/service.ts';
import { todayVN } from '../shared/dates.ts';
import { getUnitByCode } from '../units/queries.ts';
import { systemActor } from './plans.ts';

const TEXT = {
  results: 'Mô hình được duy trì ổn định; các thôn, tổ dân phố tổ chức tuyên truyền lồng ghép trong các buổi họp dân.\nLực lượng Công an xã phối hợp với các tổ tự quản tuần tra đều đặn, kịp thời nắm bắt và xử lý tình hình.',
  limitations: 'Một số hộ gia đình chưa tích cực tham gia; việc ghi chép, cập nhật số liệu ở một số thôn còn chậm.',
  causes: 'Địa bàn rộng, dân cư phân tán; kinh phí hỗ trợ hoạt động của mô hình còn hạn chế.',
  proposals: 'Đề nghị cấp trên tiếp tục hỗ trợ kinh phí, trang bị phương tiện; khen thưởng kịp thời các tập thể, cá nhân có thành tích.',
};

export async function loadDemoReports(db: Kysely<DB>, now = new Date()): Promise<void> {
  const ctx = await systemActor(db);
  const today = todayVN(now);
  const year = Number(today.slice(0, 4));
  const dutiesOf = async (unitId: number) => (await reports.dutiesOf(db, ctx.actor, unitId, year, now)).duties;
  const start = async (d: reports.Duty, narrative = TEXT) => {
    const { id } = await reports.startReport(db, ctx, { unitId: d.unit.id, scheduleKey: d.schedule_key, periodStart: d.period_start, dueYear: year });
    const view = await reports.saveReport(db, ctx, id, { version: (await reports.reportView(db, ctx.actor, id, now)).report.version, narrative });
    return { id, version: view.report.version };
  };
  const submit = async (d: reports.Duty) => {
    const r = await start(d);
    return (await reports.submitReport(db, ctx, r.id, r.version, now)).report;
  };
  const over = (d: reports.Duty) => d.period_end < today;

  const trieuSon = (await getUnitByCode(db, '15664'))!;
  for (const d of (await dutiesOf(trieuSon.id)).filter(over)) {
    if (d.period === 'half_year') {
      const sent = await submit(d);
      await reports.reviewReport(db, ctx, sent.id, { version: sent.version, decision: 'accept' });
    } else if (d.due_on < today) {
      await reports.remind(db, ctx, { unitId: d.unit.id, scheduleKey: d.schedule_key, periodStart: d.period_start, dueYear: year, message: 'Đề nghị xã khẩn trương hoàn thành, gửi báo cáo tổng kết năm.' });
    }
  }

  const school = await db.selectFrom('units').select('id').where('name', '=', 'Trường THCS Củ Chi').executeTakeFirstOrThrow();
  for (const d of (await dutiesOf(school.id)).filter(over)) {
    const sent = await submit(d);
    await reports.reviewReport(db, ctx, sent.id, d.period === 'year'
      ? { version: sent.version, decision: 'return', comment: 'Đề nghị bổ sung số lượng phụ huynh, học sinh ký cam kết và kết quả tuyên truyền trên loa phát thanh của nhà trường.' }
      : { version: sent.version, decision: 'accept' });
  }

  const thanhHoa = await db.selectFrom('units').select('id').where('kind', '=', 'province').where('name', '=', 'Thanh Hóa').executeTakeFirstOrThrow();
  for (const d of (await dutiesOf(thanhHoa.id)).filter((x) => over(x) && x.period === 'half_year')) await submit(d);

  const thachLap = (await getUnitByCode(db, '15085'))!;
  const yearly = (await dutiesOf(thachLap.id)).find((d) => d.subject.includes('Tiếng kẻng'));
  if (yearly) await start(yearly, { ...TEXT, limitations: '', causes: '', proposals: '' });
}
