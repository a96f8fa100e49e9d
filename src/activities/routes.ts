import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, contextOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { attachmentRoutes, FileInfo, sendAttachment } from '../files/routes.ts';
import { binary, created, Id, noContent, ok, optionalText, requiredText } from '../http/replies.ts';
import { XLSX_TYPE } from '../shared/table-export.ts';
import { Day } from '../plans/schema.ts';
import { ACTIVITY_KINDS, CHANNELS } from './service.ts';
import * as service from './service.ts';

const Kind = z.enum(ACTIVITY_KINDS).describe(
  'Loại hoạt động: outreach = tuyên truyền, training = tập huấn, meeting = họp, drill = diễn tập, launch = ra mắt, commitment_campaign = ký cam kết',
);
const Channel = z.enum(CHANNELS).describe(
  'Hình thức tuyên truyền: loudspeaker = loa truyền thanh, banner = băng rôn, pa nô, zalo = Zalo, facebook = Facebook, talk = nói chuyện chuyên đề, contest = hội thi, leaflet = tờ rơi, other = khác',
);
const OptionalId = z.number().int().positive().nullish();

const ActivityInput = z.object({
  kind: Kind,
  channel: Channel.nullish().describe('Bắt buộc với hoạt động tuyên truyền; bỏ trống với loại khác'),
  title: requiredText(300, 'Chưa có tên hoạt động').describe('Tên hoạt động'),
  topic: optionalText(500).describe('Chủ đề, nội dung chính'),
  heldOn: Day.describe('Ngày tổ chức (YYYY-MM-DD), không ở tương lai'),
  audience: z.number({ error: 'Số người tham dự phải là số' }).int('Số người tham dự phải là số nguyên').min(0, 'Số người tham dự không âm')
    .max(1_000_000, 'Tối đa 1.000.000 người').nullish().describe('Số người tham dự, được tuyên truyền'),
  description: optionalText(5000).describe('Mô tả, kết quả'),
  instanceId: OptionalId.describe('Mô hình mà hoạt động thuộc về (mô hình triển khai ở đơn vị này hoặc đơn vị cấp trên)'),
  fireGroupId: OptionalId.describe('Tổ liên gia an toàn PCCC diễn tập (chỉ với loại diễn tập)'),
});

const Activity = z.looseObject({
  id: z.number(), unit_id: z.number(), unit_name: z.string(), kind: Kind, channel: Channel.nullable(), title: z.string(), topic: z.string().nullable(),
  held_on: z.string(), audience: z.number().nullable(), description: z.string().nullable(), instance_id: z.number().nullable(),
  instance_name: z.string().nullable(), fire_group_id: z.number().nullable(), fire_group_name: z.string().nullable(), files: z.array(FileInfo),
}).meta({ id: 'Activity' });

const Counts = { activities: z.number(), audience: z.number().describe('Tổng số người tham dự') };

export function activityRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Hoạt động'];

  r.get('/api/activities', {
    schema: {
      tags, summary: 'Hoạt động (tuyên truyền, tập huấn, họp, diễn tập, ra mắt, ký cam kết) dưới một đơn vị, mới nhất trước',
      querystring: z.object({
        unitId: Id, kind: Kind.optional(), from: Day.optional(), to: Day.optional(),
        q: z.string().trim().max(200).optional().describe('Tìm theo tên hoạt động (không cần dấu)'),
        limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: ok(z.array(Activity)),
    },
  }, async (req) => {
    const { unitId, q, ...filter } = req.query;
    return service.listActivities(db, actorOf(req), unitId, { ...filter, search: q });
  });

  r.get('/api/activities/summary.xlsx', {
    schema: { tags, summary: 'Số hoạt động theo loại và theo hình thức tuyên truyền, dạng XLSX', querystring: z.object({ unitId: Id, from: Day, to: Day }), response: binary('Tệp XLSX', XLSX_TYPE) },
  }, async (req, reply) => sendAttachment(reply, XLSX_TYPE, await service.summaryXlsx(db, actorOf(req), req.query.unitId, req.query.from, req.query.to)));

  r.get('/api/activities/summary', {
    schema: {
      tags, summary: 'Số hoạt động và số người tham dự theo loại, và hoạt động tuyên truyền theo hình thức, dưới một đơn vị trong khoảng ngày',
      querystring: z.object({ unitId: Id, from: Day, to: Day }),
      response: ok(z.object({
        from: z.string(), to: z.string(),
        byKind: z.array(z.object({ kind: Kind, ...Counts })),
        byChannel: z.array(z.object({ channel: Channel, ...Counts })),
      })),
    },
  }, async (req) => service.summary(db, actorOf(req), req.query.unitId, req.query.from, req.query.to));

  r.post('/api/activities', {
    schema: {
      tags, summary: 'Ghi một hoạt động đã diễn ra',
      body: ActivityInput.extend({ unitId: z.number().int().positive().describe('Đơn vị tổ chức: tỉnh, xã, thôn, trường học hoặc cơ quan') }),
      response: created(Activity),
    },
  }, async (req, reply) => {
    const { unitId, ...input } = req.body;
    return reply.status(201).send(await service.createActivity(db, contextOf(req), unitId, input));
  });

  r.put('/api/activities/:id', {
    schema: { tags, summary: 'Sửa một hoạt động', params: z.object({ id: Id }), body: ActivityInput, response: ok(Activity) },
  }, async (req) => service.updateActivity(db, contextOf(req), req.params.id, req.body));

  r.delete('/api/activities/:id', {
    schema: { tags, summary: 'Xóa một hoạt động cùng các tệp đính kèm', params: z.object({ id: Id }), response: noContent },
  }, async (req, reply) => {
    await service.deleteActivity(db, contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  attachmentRoutes(app, db, { path: '/api/activities', tags, of: 'một hoạt động', attachment: service.activityAttachment });
}
