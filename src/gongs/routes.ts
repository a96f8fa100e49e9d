import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, contextOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { created, Id, Instant, ok } from '../http/replies.ts';
import { Phone } from '../households/schema.ts';
import { Day } from '../plans/schema.ts';
import * as service from './service.ts';

const Condition = z.enum(['in_use', 'damaged', 'lost', 'replaced']).describe('đang dùng, hỏng, mất, đã thay');
const Dong = z.number().int().min(0).max(100_000_000).nullish().describe('đồng');

const GongInput = z.object({
  location: z.string().trim().min(1, 'Nơi treo kẻng không được để trống.').max(300).describe('Nơi treo kẻng'),
  condition: Condition.default('in_use'),
  allowancePerStrike: Dong,
  allowancePerMonth: Dong,
  note: z.string().max(2000).nullish(),
  strikers: z.array(z.object({ fullName: z.string().trim().min(1, 'Họ tên người đánh kẻng không được để trống.').max(200), phone: Phone.nullish() })).max(20).default([]),
});

const Striker = z.object({ id: z.number(), full_name: z.string(), phone: z.string().nullable(), user_id: z.number().nullable() });
const Gong = z.looseObject({
  id: z.number(), village_id: z.number(), location: z.string(), condition: Condition, allowance_per_strike: z.number().nullable(),
  allowance_per_month: z.number().nullable(), note: z.string().nullable(), strikers: z.array(Striker),
}).meta({ id: 'Gong' });

const Checkin = z.object({
  id: z.number(), village_id: z.number(), night: z.string(), struck_at: z.date(), late_minutes: z.number().describe('Số phút sau 22 giờ'),
  on_time: z.boolean().describe('Đúng giờ: không quá 15 phút sau 22 giờ'), idempotency_key: z.string(), received_at: z.date(),
}).meta({ id: 'GongCheckin' });

export function gongRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tiếng kẻng bình yên'];

  r.get('/api/gongs', {
    schema: { tags, summary: 'Kẻng của các thôn dưới một đơn vị, với người đánh kẻng', querystring: z.object({ unitId: Id }), response: ok(z.array(Gong)) },
  }, async (req) => service.listGongs(db, actorOf(req), req.query.unitId));

  r.post('/api/gongs', {
    schema: { tags, summary: 'Thêm kẻng của một thôn', body: GongInput.extend({ villageId: z.number().int().positive() }), response: created(Gong) },
  }, async (req, reply) => {
    const { villageId, ...input } = req.body;
    return reply.status(201).send(await service.createGong(db, contextOf(req), villageId, input));
  });

  r.put('/api/gongs/:id', {
    schema: { tags, summary: 'Sửa kẻng: nơi treo, tình trạng, phụ cấp, người đánh kẻng', params: z.object({ id: Id }), body: GongInput, response: ok(Gong) },
  }, async (req) => service.updateGong(db, contextOf(req), req.params.id, req.body));

  r.post('/api/gong-checkins', {
    schema: {
      tags, summary: 'Báo đã đánh kẻng 22 giờ (gửi lại cùng mã không tạo bản ghi mới)',
      body: z.object({
        villageId: z.number().int().positive(),
        night: Day.describe('Đêm đánh kẻng (YYYY-MM-DD)'),
        struckAt: Instant().optional().describe('Giờ bấm trên điện thoại; mặc định là lúc máy chủ nhận'),
        idempotencyKey: z.uuid().describe('Mã do điện thoại tạo cho lần báo này'),
      }),
      response: { ...created(z.object({ created: z.literal(true), checkin: Checkin })), 200: z.object({ created: z.literal(false), checkin: Checkin }) },
    },
  }, async (req, reply) => {
    const { created: isNew, checkin } = await service.checkIn(db, actorOf(req), req.body);
    return isNew ? reply.status(201).send({ created: true, checkin }) : reply.status(200).send({ created: false, checkin });
  });

  r.get('/api/gong-checkins/villages', {
    schema: {
      tags, summary: 'Các thôn người dùng được báo đánh kẻng, với lần báo của đêm (mặc định: đêm hiện tại)',
      querystring: z.object({ night: Day.optional() }),
      response: ok(z.object({
        night: z.string(),
        villages: z.array(z.object({ id: z.number(), name: z.string(), commune_name: z.string(), struck_at: z.date().nullable(), late_minutes: z.number().nullable(),
          on_time: z.boolean().nullable(),
        })),
      })),
    },
  }, async (req) => service.villagesToStrike(db, actorOf(req), req.query.night));

  r.get('/api/gong-compliance', {
    schema: {
      tags, summary: 'Số đêm đánh kẻng đúng giờ, muộn, bỏ sót của từng thôn dưới một đơn vị',
      querystring: z.object({ unitId: Id, from: Day, to: Day }),
      response: ok(z.object({
        from: z.string(), to: z.string(), nights: z.number(),
        covered: z.boolean().describe('Có thôn thuộc mô hình Tiếng kẻng bình yên đang hoạt động: không có thì không thôn nào phải đánh kẻng'),
        villages: z.array(z.object({
          village_id: z.number(), village_name: z.string(), on_time: z.number(), late: z.number(), missed: z.number(),
          covered: z.boolean().describe('Thôn thuộc mô hình Tiếng kẻng bình yên đang hoạt động; không thì không tính bỏ sót'),
          has_gong: z.boolean().describe('Thôn đã có kẻng trong danh sách: không có thì các đêm bỏ sót là vì chưa ghi kẻng'),
        })),
        perNight: z.array(z.object({ night: z.string(), struck: z.number(), on_time: z.number(), villages: z.number().describe('Thôn phải đánh kẻng (thuộc mô hình)') })),
      })),
    },
  }, async (req) => service.compliance(db, actorOf(req), req.query.unitId, req.query.from, req.query.to));
}
