import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { FileInfo } from '../files/routes.ts';
import { Id, ok } from '../http/replies.ts';
import type { Sealer } from './seal.ts';
import * as service from './service.ts';

export const Category = z.enum(['crime', 'drugs', 'theft', 'traffic', 'fire', 'social_evils', 'other']).describe(Object.entries(service.CATEGORIES).map(([k, v]) => `${k}: ${v}`).join('; '));
export const Status = z.enum(['new', 'verifying', 'handling', 'resolved', 'transferred', 'unfounded']).describe(Object.entries(service.STATUSES).map(([k, v]) => `${k}: ${v}`).join('; '));
const Urgency = z.enum(['overdue', 'due_soon', 'on_time', 'closed']).describe('quá hạn, sắp đến hạn (3 ngày), còn hạn, đã đóng');

export const TipItem = z.looseObject({
  id: z.number(), tracking_code: z.string(), commune_id: z.number(), commune_name: z.string(), village_id: z.number().nullable(), village_name: z.string().nullable(),
  category: Category, description: z.string(), occurred_at: z.date().nullable(), place: z.string().nullable(), channel: z.enum(['web', 'keychain', 'open311']),
  status: Status, stage_started_at: z.date(), due_at: z.date().nullable(), urgency: Urgency,
  assignee_id: z.number().nullable(), assignee_name: z.string().nullable(), public_reply: z.string().nullable(), transferred_to: z.string().nullable(),
  received_at: z.date(), has_contact: z.boolean().describe('Người báo tin có để lại liên hệ (chỉ người được giao mới xem được)'),
}).meta({ id: 'Tip' });

export function tipRoutes(app: FastifyInstance, db: Kysely<DB>, sealer: Sealer) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tin báo'];

  r.get('/api/tips', {
    schema: {
      tags, summary: 'Hộp tin báo của xã (hoặc các xã dưới một đơn vị), mới nhất trước',
      querystring: z.object({
        unitId: Id, status: z.union([Status, z.literal('open')]).optional(), category: Category.optional(),
        assignee: z.union([z.literal('none'), Id]).optional(), overdue: z.stringbool().optional(), q: z.string().trim().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: ok(z.array(TipItem)),
    },
  }, async (req) => {
    const { unitId, limit, offset, q, ...filter } = req.query;
    return service.inbox(db, actorOf(req), unitId, { ...filter, search: q }, { limit, offset });
  });

  r.get('/api/tips/:id', {
    schema: {
      tags, summary: 'Một tin báo: nội dung, các bước, ghi chú nội bộ, ảnh (không có danh tính người báo tin)', params: z.object({ id: Id }),
      response: ok(z.object({
        tip: TipItem,
        events: z.array(z.object({ id: z.number(), kind: z.string(), status: z.string().nullable(), detail: z.string().nullable(), at: z.date(), actor_name: z.string().nullable() })),
        notes: z.array(z.object({ id: z.number(), body: z.string(), created_at: z.date(), author_name: z.string() })),
        photos: z.array(FileInfo), canReveal: z.boolean(), canHandle: z.boolean(),
      })),
    },
  }, async (req) => service.tipPage(db, actorOf(req), req.params.id));

  r.post('/api/tips/:id/reveal', {
    schema: {
      tags, summary: 'Xem danh tính, liên hệ của người báo tin (chỉ người được giao; mỗi lần xem được ghi nhật ký)', params: z.object({ id: Id }),
      response: ok(z.object({ name: z.string().optional(), phone: z.string().optional(), other: z.string().optional() })),
    },
  }, async (req) => service.revealContact(db, sealer, { actor: actorOf(req), ip: req.ip }, req.params.id));
}
