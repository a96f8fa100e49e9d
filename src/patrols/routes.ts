import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, contextOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { attachmentRoutes, FileInfo } from '../files/routes.ts';
import { created, Id, Instant as AnyInstant, noContent, ok, optionalText, requiredText } from '../http/replies.ts';
import { Day } from '../plans/schema.ts';
import * as service from './service.ts';

const UnitId = z.number().int().positive().describe('Thôn, tổ dân phố hoặc xã, phường');

const Cadence = z.enum(['nightly', 'weekly']).describe('nightly: hằng đêm, sau giờ đánh kẻng; weekly: hằng tuần');
const Weekday = z.number().int().min(1, 'Thứ từ 1 (thứ Hai) đến 7 (Chủ nhật)').max(7, 'Thứ từ 1 (thứ Hai) đến 7 (Chủ nhật)');

const ScheduleInput = z.object({
  cadence: Cadence,
  weekday: Weekday.nullish().describe('Thứ trong tuần của lịch hằng tuần: 1 thứ Hai … 7 Chủ nhật; bỏ trống với lịch hằng đêm'),
  startTime: z.string().max(5, { message: 'Giờ dạng HH:MM, ví dụ 22:30', abort: true }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ dạng HH:MM, ví dụ 22:30').describe('Giờ xuất phát (HH:MM)'),
  area: requiredText(300, 'Chưa có địa bàn tuần tra').describe('Địa bàn, tuyến tuần tra'),
  team: optionalText(300).describe('Tổ, nhóm đi tuần'),
  active: z.boolean().default(true).describe('false: lịch đã dừng'),
});

const Schedule = z.looseObject({
  id: z.number(), unit_id: z.number(), unit_name: z.string(), cadence: Cadence, weekday: z.number().nullable(), start_time: z.string(),
  area: z.string(), team: z.string().nullable(), active: z.boolean(), created_at: z.date(),
}).meta({ id: 'PatrolSchedule' });

const Instant = AnyInstant();

const PatrolInput = z.object({
  scheduleId: z.number().int().positive().nullish().describe('Lịch tuần tra đã theo (nếu có)'),
  startedAt: Instant.describe('Giờ bắt đầu'),
  endedAt: Instant.describe('Giờ kết thúc: sau giờ bắt đầu, tối đa 24 giờ'),
  area: requiredText(300, 'Chưa có địa bàn tuần tra').describe('Địa bàn, tuyến đã đi'),
  participants: z.array(requiredText(200, 'Chưa có tên người tham gia')).min(1, 'Chưa có người tham gia').max(100, 'Tối đa 100 người tham gia').describe('Họ tên những người đi tuần'),
  findings: optionalText(5000).describe('Tình hình ghi nhận'),
  alarmIds: z.array(z.number().int().positive()).max(50, 'Tối đa 50 báo động').default([]).describe('Các báo động (vụ việc) gặp trong lần tuần tra'),
});

const Patrol = z.looseObject({
  id: z.number(), unit_id: z.number(), unit_name: z.string(), started_at: z.date(), ended_at: z.date(), area: z.string(),
  participants: z.array(z.string()), findings: z.string().nullable(),
  schedule: z.object({ id: z.number(), cadence: Cadence, weekday: z.number().nullable(), start_time: z.string(), area: z.string() }).nullable(),
  incidents: z.array(z.object({ id: z.number(), kind: z.enum(['crime', 'fire', 'other']), description: z.string().describe('200 ký tự đầu'), occurred_at: z.date() })),
  files: z.array(FileInfo),
}).meta({ id: 'Patrol' });


export function patrolRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tuần tra'];

  r.get('/api/patrol-schedules', {
    schema: { tags, summary: 'Lịch tuần tra của các thôn, xã dưới một đơn vị', querystring: z.object({ unitId: Id }), response: ok(z.array(Schedule)) },
  }, async (req) => service.listSchedules(db, actorOf(req), req.query.unitId));

  r.post('/api/patrol-schedules', {
    schema: { tags, summary: 'Thêm lịch tuần tra (hằng đêm sau giờ đánh kẻng, hoặc hằng tuần)', body: ScheduleInput.extend({ unitId: UnitId }), response: created(Schedule) },
  }, async (req, reply) => {
    const { unitId, ...input } = req.body;
    return reply.status(201).send(await service.createSchedule(db, contextOf(req), unitId, input));
  });

  r.put('/api/patrol-schedules/:id', {
    schema: { tags, summary: 'Sửa lịch tuần tra, hoặc dừng lịch (active: false)', params: z.object({ id: Id }), body: ScheduleInput, response: ok(Schedule) },
  }, async (req) => service.updateSchedule(db, contextOf(req), req.params.id, req.body));

  r.get('/api/patrols', {
    schema: {
      tags, summary: 'Các lần tuần tra dưới một đơn vị bắt đầu trong khoảng ngày, mới nhất trước',
      querystring: z.object({
        unitId: Id, from: Day, to: Day,
        limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: ok(z.array(Patrol)),
    },
  }, async (req) => service.listPatrols(db, actorOf(req), req.query.unitId, req.query));

  r.get('/api/patrols/weekly', {
    schema: {
      tags, summary: 'Số lần tuần tra mỗi tuần (thứ Hai đến Chủ nhật) dưới một đơn vị, và số lần các lịch đang chạy yêu cầu mỗi tuần',
      querystring: z.object({ unitId: Id, from: Day, to: Day }),
      response: ok(z.object({
        from: z.string().describe('Thứ Hai của tuần đầu'), to: z.string().describe('Chủ nhật của tuần cuối'),
        expected: z.number().describe('Số lần mỗi tuần theo lịch đang chạy: hằng đêm 7, hằng tuần 1'),
        weeks: z.array(z.object({ week_start: z.string().describe('Thứ Hai (YYYY-MM-DD)'), patrols: z.number() })),
      })),
    },
  }, async (req) => service.patrolsPerWeek(db, actorOf(req), req.query.unitId, req.query.from, req.query.to));

  r.post('/api/patrols', {
    schema: { tags, summary: 'Ghi một lần tuần tra đã diễn ra', body: PatrolInput.extend({ unitId: UnitId }), response: created(Patrol) },
  }, async (req, reply) => {
    const { unitId, ...input } = req.body;
    return reply.status(201).send(await service.createPatrol(db, contextOf(req), unitId, input));
  });

  r.put('/api/patrols/:id', {
    schema: { tags, summary: 'Sửa một lần tuần tra', params: z.object({ id: Id }), body: PatrolInput, response: ok(Patrol) },
  }, async (req) => service.updatePatrol(db, contextOf(req), req.params.id, req.body));

  r.delete('/api/patrols/:id', {
    schema: { tags, summary: 'Xóa một lần tuần tra cùng các tệp đính kèm', params: z.object({ id: Id }), response: noContent },
  }, async (req, reply) => {
    await service.deletePatrol(db, contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  attachmentRoutes(app, db, { path: '/api/patrols', tags, of: 'một lần tuần tra', attachment: service.patrolAttachment });
}
