import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, contextOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { sendAttachment } from '../files/routes.ts';
import { binary, created, Id, noContent, ok, requiredText } from '../http/replies.ts';
import { DOCUMENT_FORMATS } from '../plans/export/formats.ts';
import { Day } from '../plans/schema.ts';
import { todayVN } from '../shared/dates.ts';
import { XLSX_TYPE } from '../shared/table-export.ts';
import { completenessXlsx, reportFile, reportXlsx } from './export.ts';
import { Completeness, Duties, Narrative, Reminder, ReportView, Schedule, Signer } from './replies.ts';
import * as schedules from './schedules.ts';
import * as service from './service.ts';

const tags = ['Báo cáo định kỳ'];
const Year = z.coerce.number().int().min(2000, 'Năm từ 2000').max(2100, 'Năm đến 2100');
const DutyRef = z.object({
  unitId: Id,
  scheduleKey: z.string().max(50).regex(/^(model:\d+:\d+|plan:\d+|national:\d+)$/, 'Lịch báo cáo không hợp lệ'),
  periodStart: Day,
  dueYear: Year,
});
const Version = z.number().int().positive();

export function reportRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const UnitYear = z.object({ unitId: Id, year: Year.optional() });
  const yearOf = (year: number | undefined) => year ?? Number(todayVN().slice(0, 4));

  r.get('/api/reports/duties', {
    schema: { tags, summary: 'Các báo cáo đơn vị phải gửi trong năm (theo hạn gửi), kèm tình trạng', querystring: UnitYear, response: ok(Duties.extend({ reminders: z.array(Reminder) })) },
  }, async (req) => {
    const year = yearOf(req.query.year);
    const [duties, reminders] = await Promise.all([
      service.dutiesOf(db, actorOf(req), req.query.unitId, year),
      service.remindersOf(db, actorOf(req), req.query.unitId, year),
    ]);
    return { ...duties, reminders };
  });

  r.get('/api/reports/received', {
    schema: { tags, summary: 'Đơn vị cấp trên: báo cáo các đơn vị cấp dưới phải gửi, đã gửi, trễ hạn, chưa lập', querystring: UnitYear, response: ok(Completeness) },
  }, async (req) => service.completeness(db, actorOf(req), req.query.unitId, yearOf(req.query.year)));

  r.get('/api/reports/received.xlsx', {
    schema: { tags, summary: 'Tình hình gửi báo cáo của đơn vị cấp dưới, dạng XLSX', querystring: UnitYear, response: binary('Tệp XLSX', XLSX_TYPE) },
  }, async (req, reply) => {
    const file = await completenessXlsx(await service.completeness(db, actorOf(req), req.query.unitId, yearOf(req.query.year)));
    return sendAttachment(reply, XLSX_TYPE, file);
  });

  r.post('/api/reports', {
    schema: { tags, summary: 'Lập (mở bản nháp) một báo cáo phải gửi; lập lần nữa trả về bản đã có', body: DutyRef, response: { 200: z.object({ id: z.number(), created: z.boolean() }), ...created(z.object({ id: z.number(), created: z.boolean() })) } },
  }, async (req, reply) => {
    const made = await service.startReport(db, contextOf(req), req.body);
    return reply.code(made.created ? 201 : 200).send(made);
  });

  r.post('/api/reports/reminders', {
    schema: { tags, summary: 'Đơn vị cấp trên nhắc đơn vị cấp dưới gửi báo cáo', body: DutyRef.extend({ message: z.string().trim().max(500, 'Tối đa 500 ký tự').optional() }), response: created(z.object({ id: z.number(), sent_at: z.date() })) },
  }, async (req, reply) => reply.code(201).send(await service.remind(db, contextOf(req), req.body)));

  r.get('/api/reports/:id', {
    schema: { tags, summary: 'Một báo cáo: số liệu từ dữ liệu (bản đã gửi giữ nguyên số liệu lúc gửi), phần viết, lịch sử', params: z.object({ id: Id }), response: ok(ReportView) },
  }, async (req) => service.reportView(db, actorOf(req), req.params.id));

  r.put('/api/reports/:id', {
    schema: { tags, summary: 'Lưu phần viết của báo cáo (kết quả, hạn chế, nguyên nhân, đề xuất) và người ký', params: z.object({ id: Id }), body: z.object({ version: Version, narrative: Narrative, signer: Signer.optional() }), response: ok(ReportView) },
  }, async (req) => service.saveReport(db, contextOf(req), req.params.id, req.body));

  r.post('/api/reports/:id/submit', {
    schema: { tags, summary: 'Gửi báo cáo lên đơn vị cấp trên; số liệu được chốt tại thời điểm gửi', params: z.object({ id: Id }), body: z.object({ version: Version }), response: ok(ReportView) },
  }, async (req) => service.submitReport(db, contextOf(req), req.params.id, req.body.version));

  r.post('/api/reports/:id/review', {
    schema: {
      tags, summary: 'Đơn vị cấp trên tiếp nhận hoặc trả lại báo cáo (trả lại phải ghi nội dung cần sửa)', params: z.object({ id: Id }),
      body: z.object({ version: Version, decision: z.enum(['accept', 'return']), comment: z.string().max(2000, 'Tối đa 2.000 ký tự').optional() }),
      response: ok(ReportView),
    },
  }, async (req) => service.reviewReport(db, contextOf(req), req.params.id, req.body));

  for (const [format, { render, type }] of Object.entries(DOCUMENT_FORMATS)) {
    r.get(`/api/reports/:id/export.${format}`, {
      schema: { tags, summary: `Tải báo cáo dạng ${format.toUpperCase()} theo thể thức Nghị định 30/2020/NĐ-CP`, params: z.object({ id: Id }), response: binary(`Tệp ${format.toUpperCase()}`, type) },
    }, async (req, reply) => {
      const file = await reportFile(db, actorOf(req), req.params.id, render);
      return sendAttachment(reply, type, { ...file, name: `${file.name}.${format}` });
    });
  }

  r.get('/api/reports/:id/export.xlsx', {
    schema: { tags, summary: 'Số liệu của báo cáo theo từng đơn vị cấp dưới, dạng XLSX', params: z.object({ id: Id }), response: binary('Tệp XLSX', XLSX_TYPE) },
  }, async (req, reply) => {
    const file = await reportXlsx(db, actorOf(req), req.params.id);
    return sendAttachment(reply, XLSX_TYPE, file);
  });

  r.get('/api/plans/:id/report-schedules', {
    schema: { tags, summary: 'Lịch báo cáo kế hoạch yêu cầu các đơn vị cấp dưới', params: z.object({ id: Id }), response: ok(z.object({ schedules: z.array(Schedule), canWrite: z.boolean() })) },
  }, async (req) => schedules.planSchedules(db, actorOf(req), req.params.id));

  r.post('/api/plans/:id/report-schedules', {
    schema: {
      tags, summary: 'Thêm lịch báo cáo: đơn vị cấp dưới loại nào, kỳ nào, hạn ngày nào', params: z.object({ id: Id }),
      body: z.object({
        title: requiredText(300, 'Nhập tên báo cáo'),
        period: z.enum(['month', 'quarter', 'half_year', 'year']),
        dueDay: z.number().int().min(1, 'Ngày từ 1').max(31, 'Ngày đến 31'),
        dueMonth: z.number().int().min(1, 'Tháng từ 1').max(12, 'Tháng đến 12').nullish(),
        reporterKind: z.enum(['province', 'commune', 'village', 'school']),
      }),
      response: created(z.object({ id: z.number() })),
    },
  }, async (req, reply) => reply.code(201).send({ id: (await schedules.addSchedule(db, contextOf(req), req.params.id, req.body)).id }));

  r.delete('/api/plans/:id/report-schedules/:scheduleId', {
    schema: { tags, summary: 'Xóa lịch báo cáo chưa có báo cáo nào', params: z.object({ id: Id, scheduleId: Id }), response: noContent },
  }, async (req, reply) => {
    await schedules.removeSchedule(db, contextOf(req), req.params.id, req.params.scheduleId);
    return reply.code(204).send(null);
  });
}
