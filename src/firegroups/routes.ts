import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, contextOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { Phone } from '../households/schema.ts';
import { created, Id, noContent, ok } from '../http/replies.ts';
import { Day } from '../plans/schema.ts';
import * as service from './service.ts';

const Condition = z.enum(['ready', 'needs_service', 'missing']).describe('sẵn sàng, cần bảo dưỡng, thiếu');

const GroupInput = z.object({
  name: z.string().trim().min(1, 'Chưa có tên tổ').max(200),
  leaderName: z.string().trim().min(1, 'Chưa có tổ trưởng').max(200),
  leaderPhone: Phone.nullish(),
  leaderUserId: z.number().int().positive().nullish().describe('Tài khoản của tổ trưởng: được báo khi thôn phát báo động'),
  note: z.string().max(2000).nullish(),
  householdIds: z.array(z.number().int().positive()).max(200, 'Mỗi tổ tối đa 200 hộ').default([]),
  equipment: z.array(z.object({
    item: z.string().trim().min(1, 'Chưa có tên phương tiện').max(200).describe('Ví dụ: bình chữa cháy bột 4 kg'),
    quantity: z.number().int().min(0).max(10_000),
    condition: Condition.default('ready'),
    checkedOn: Day.nullish().describe('Ngày kiểm tra gần nhất'),
  })).max(100).default([]),
});

const Group = z.looseObject({
  id: z.number(), village_id: z.number(), name: z.string(), leader_name: z.string(), leader_phone: z.string().nullable(), leader_user_id: z.number().nullable(),
  note: z.string().nullable(),
  equipment: z.array(z.object({ id: z.number(), item: z.string(), quantity: z.number(), condition: Condition, checked_on: z.string().nullable() })),
  members: z.array(z.object({ id: z.number(), head_name: z.string(), address: z.string() })).nullable().describe('Các hộ trong tổ (chỉ người được xem dữ liệu hộ gia đình)'),
}).meta({ id: 'FireGroup' });

export function fireGroupRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tổ liên gia an toàn PCCC'];

  r.get('/api/fire-groups', {
    schema: { tags, summary: 'Các tổ liên gia dưới một đơn vị, với phương tiện PCCC và các hộ', querystring: z.object({ unitId: Id }), response: ok(z.array(Group.extend({ village_name: z.string(), households: z.number() }))) },
  }, async (req) => service.listGroups(db, actorOf(req), req.query.unitId));

  r.post('/api/fire-groups', {
    schema: { tags, summary: 'Lập tổ liên gia ở một thôn', body: GroupInput.extend({ villageId: z.number().int().positive() }), response: created(Group) },
  }, async (req, reply) => {
    const { villageId, ...input } = req.body;
    return reply.status(201).send(await service.createGroup(db, contextOf(req), villageId, input));
  });

  r.put('/api/fire-groups/:id', {
    schema: { tags, summary: 'Sửa tổ liên gia: tổ trưởng, các hộ, phương tiện', params: z.object({ id: Id }), body: GroupInput, response: ok(Group) },
  }, async (req) => service.updateGroup(db, contextOf(req), req.params.id, req.body));

  r.delete('/api/fire-groups/:id', {
    schema: { tags, summary: 'Giải thể tổ liên gia', params: z.object({ id: Id }), response: noContent },
  }, async (req, reply) => {
    await service.deleteGroup(db, contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/fire-groups/leader-candidates', {
    schema: {
      tags, summary: 'Tài khoản có thể làm tổ trưởng (người phụ trách thôn, xã)', querystring: z.object({ villageId: Id }),
      response: ok(z.array(z.object({ id: z.number(), full_name: z.string(), username: z.string(), phone: z.string().nullable() }))),
    },
  }, async (req) => service.leaderCandidates(db, actorOf(req), req.query.villageId));

  r.get('/api/fire-groups/coverage', {
    schema: {
      tags, summary: 'Tỷ lệ hộ tham gia tổ liên gia theo thôn, so với chỉ tiêu 100%', querystring: z.object({ unitId: Id }),
      response: ok(z.object({
        target: z.number(), households: z.number(), in_groups: z.number(), share: z.number().nullable(),
        villages: z.array(z.object({ village_id: z.number(), village_name: z.string(), households: z.number(), in_groups: z.number(), groups: z.number() })),
      })),
    },
  }, async (req) => service.coverage(db, actorOf(req), req.query.unitId));
}
