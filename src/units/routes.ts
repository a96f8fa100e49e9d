import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { actorOf, contextOf } from '../auth/plugin.ts';
import { errors, Id } from '../http/replies.ts';
import { CREATABLE_KINDS, KIND_LABELS, PARENT_KINDS, SUBKINDS } from './kinds.ts';
import { importUnits } from './import.ts';
import * as service from './service.ts';

const KINDS = ['country', 'province', 'commune', 'village', 'school', 'agency'] as const;

const Unit = z
  .object({
    id: z.number(), parent_id: z.number().nullable(), code: z.string().nullable(), kind: z.enum(KINDS),
    subkind: z.string(), name: z.string(), province_code: z.string().nullable(), path: z.string(),
    depth: z.number(), note: z.string().nullable(),
    remote_area: z.boolean().optional().describe('Xã ở vùng xa xôi, hẻo lánh, hải đảo: 48 giờ để chuyển tin báo về tội phạm'),
    remote_basis: z.string().nullable().optional().describe('Văn bản xác định vùng xa'),
  })
  .meta({ id: 'Unit' });
const UnitRef = z.object({ id: z.number(), code: z.string().nullable(), name: z.string(), kind: z.enum(KINDS) });
const Legacy = z.object({
  old_code: z.string(), old_name: z.string(), old_district_name: z.string(), old_province_name: z.string(),
});

export function unitRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Đơn vị'];

  r.get('/api/units/kinds', {
    schema: {
      tags, summary: 'Các loại đơn vị, phân loại và nơi được đặt',
      response: { 200: z.object({ labels: z.record(z.string(), z.string()), creatable: z.array(z.object({ kind: z.string(), subkinds: z.array(z.string()), parentKinds: z.array(z.string()) })) }) },
    },
  }, async () => ({
    labels: KIND_LABELS,
    creatable: CREATABLE_KINDS.map((kind) => ({ kind, subkinds: [...SUBKINDS[kind]], parentKinds: [...PARENT_KINDS[kind]] })),
  }));

  r.get('/api/units/roots', {
    schema: { tags, summary: 'Các đơn vị được phân quyền (điểm bắt đầu của cây)', response: { 200: z.array(Unit), ...errors } },
  }, async (req) => service.roots(db, actorOf(req)));

  r.get('/api/units/search', {
    schema: {
      tags, summary: 'Tìm đơn vị, kể cả xã và huyện trước 01/7/2025, không phân biệt dấu và hoa thường',
      querystring: z.object({ q: z.string().max(200), limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: {
        200: z.object({
          units: z.array(Unit.extend({ parent_name: z.string().nullable() })),
          legacy: z.array(Legacy.extend({ replaced_by: z.array(UnitRef) })),
          legacyDistricts: z.array(z.object({ old_district_code: z.string(), old_district_name: z.string(), old_province_name: z.string(), replaced_by: z.array(UnitRef) })),
        }),
        ...errors,
      },
    },
  }, async (req) => service.search(db, actorOf(req), req.query.q, req.query.limit));

  r.get('/api/units/:id', {
    schema: {
      tags, summary: 'Trang đơn vị', params: z.object({ id: Id }),
      response: {
        200: z.object({
          unit: Unit, ancestors: z.array(UnitRef.extend({ path: z.string() })), childCounts: z.record(z.string(), z.number()),
          subtreeCounts: z.record(z.string(), z.number()), legacy: z.array(Legacy), canWrite: z.boolean(),
          canSetRemote: z.boolean().describe('Người xem xác định được xã ở vùng xa (cấp trên của xã)'),
        }),
        ...errors,
      },
    },
  }, async (req) => service.unitPage(db, actorOf(req), req.params.id));

  r.get('/api/units/:id/children', {
    schema: {
      tags, summary: 'Đơn vị trực thuộc', params: z.object({ id: Id }),
      querystring: z.object({
        kind: z.enum(KINDS).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: { 200: z.array(Unit), ...errors },
    },
  }, async (req) => service.children(db, actorOf(req), req.params.id, req.query));

  r.get('/api/units/:id/subtree', {
    schema: {
      tags, summary: 'Toàn bộ cây trực thuộc, theo thứ tự cây, phân trang theo đường dẫn',
      params: z.object({ id: Id }),
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        after: z.string().max(1000).regex(/^(\/\d+)+\/$/, 'Đường dẫn không hợp lệ').optional(),
      }),
      response: { 200: z.object({ items: z.array(Unit), next: z.string().nullable() }), ...errors },
    },
  }, async (req) => {
    const items = await service.subtree(db, actorOf(req), req.params.id, req.query.limit, req.query.after);
    return { items, next: items.length === req.query.limit ? items.at(-1)!.path : null };
  });

  r.post('/api/units', {
    schema: {
      tags, summary: 'Thêm thôn, trường học hoặc cơ quan',
      body: z.object({
        parentId: z.number().int().positive(),
        kind: z.enum(CREATABLE_KINDS),
        subkind: z.string().min(1).max(100),
        name: z.string().min(1).max(200),
        note: z.string().max(2000).nullish(),
      }),
      response: { 201: Unit, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await service.createUnit(db, contextOf(req), req.body)));

  r.patch('/api/units/:id', {
    schema: {
      tags, summary: 'Sửa đơn vị', params: z.object({ id: Id }),
      body: z.object({
        name: z.string().min(1).max(200).optional(),
        subkind: z.string().min(1).max(100).optional(),
        note: z.string().max(2000).nullish(),
      }),
      response: { 200: Unit, ...errors },
    },
  }, async (req) => service.updateUnit(db, contextOf(req), req.params.id, req.body));

  r.post('/api/units/:id/import', {
    schema: {
      tags,
      summary: 'Nhập thôn, trường, cơ quan từ CSV (cột: loai, phan_loai, ten, ma_cha, ghi_chu); một dòng lỗi thì không nhập dòng nào',
      params: z.object({ id: Id }),
      body: z.object({ csv: z.string().min(1).max(2_000_000) }),
      response: { 201: z.object({ created: z.number(), units: z.array(Unit) }), ...errors },
    },
  }, async (req, reply) => {
    const units = await importUnits(db, contextOf(req), req.params.id, req.body.csv);
    return reply.status(201).send({ created: units.length, units });
  });
}
