import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, contextOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { contentDisposition, sendAttachment, withUploads } from '../files/routes.ts';
import { invalid } from '../http/errors.ts';
import { binary, created, Id, noContent, ok } from '../http/replies.ts';
import { CSV_TYPE, XLSX_TYPE } from '../shared/table-export.ts';
import { importHouseholds, TEMPLATE_CSV } from './import.ts';
import { HouseholdInput } from './schema.ts';
import * as service from './service.ts';

const Household = z.looseObject({
  id: z.number(), village_id: z.number(), head_name: z.string(), address: z.string(), members: z.number(),
  phone: z.string().nullable(), note: z.string().nullable(),
}).meta({ id: 'Household' });

const HouseholdListItem = Household.extend({
  village_name: z.string(), fire_group_id: z.number().nullable(), fire_group_name: z.string().nullable(), keychain_code: z.string().nullable(),
});

export function householdRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Hộ gia đình'];

  r.get('/api/households', {
    schema: {
      tags, summary: 'Hộ gia đình dưới một đơn vị (dữ liệu cá nhân: chỉ cán bộ được giao)',
      querystring: z.object({
        unitId: Id, q: z.string().trim().max(200).optional().describe('Tìm theo chủ hộ, địa chỉ (không cần dấu)'),
        limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: ok(z.array(HouseholdListItem)),
    },
  }, async (req) => service.listHouseholds(db, actorOf(req), req.query.unitId, { search: req.query.q, limit: req.query.limit, offset: req.query.offset }));

  r.post('/api/households', {
    schema: { tags, summary: 'Thêm một hộ gia đình vào thôn', body: HouseholdInput.extend({ villageId: z.number().int().positive() }), response: created(Household) },
  }, async (req, reply) => {
    const { villageId, ...input } = req.body;
    return reply.status(201).send(await service.createHousehold(db, contextOf(req), villageId, input));
  });

  r.put('/api/households/:id', {
    schema: { tags, summary: 'Sửa thông tin hộ gia đình', params: z.object({ id: Id }), body: HouseholdInput, response: ok(Household) },
  }, async (req) => service.updateHousehold(db, contextOf(req), req.params.id, req.body));

  r.delete('/api/households/:id', {
    schema: { tags, summary: 'Xóa hộ gia đình (không xóa được hộ đã nhận móc khóa)', params: z.object({ id: Id }), response: noContent },
  }, async (req, reply) => {
    await service.deleteHousehold(db, contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  for (const [format, type] of [['csv', CSV_TYPE], ['xlsx', XLSX_TYPE]] as const) {
    r.get(`/api/households/export.${format}`, {
      schema: { tags, summary: `Tải danh sách hộ gia đình dạng ${format.toUpperCase()}`, querystring: z.object({ unitId: Id }), response: binary(`Tệp ${format.toUpperCase()}`, type) },
    }, async (req, reply) => {
      const file = await service.exportHouseholds(db, actorOf(req), req.query.unitId, format);
      return sendAttachment(reply, file.type, file);
    });
  }

  r.get('/api/households/template.csv', {
    schema: { tags, summary: 'Tệp CSV mẫu để nhập hộ gia đình', response: binary('Tệp CSV', CSV_TYPE) },
  }, async (_req, reply) => reply.type(CSV_TYPE).header('content-disposition', contentDisposition('attachment', 'Mẫu nhập hộ gia đình.csv')).send(TEMPLATE_CSV));

  withUploads(app, (scope) => scope.withTypeProvider<ZodTypeProvider>().post('/api/households/import', {
    schema: {
      tags,
      summary: 'Nhập hộ gia đình từ tệp CSV UTF-8 (cột: Thôn, Chủ hộ, Địa chỉ, Số nhân khẩu, Số điện thoại, Ghi chú); một dòng lỗi thì không nhập dòng nào; hộ đã có (cùng chủ hộ, địa chỉ) được cập nhật',
      querystring: z.object({ unitId: Id.describe('Thôn, hoặc xã (khi tệp có cột Thôn)') }),
      response: ok(z.object({ created: z.number(), updated: z.number(), unchanged: z.number() })),
    },
  }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw invalid('Gửi nội dung tệp CSV làm thân yêu cầu');
    return importHouseholds(db, contextOf(req), req.query.unitId, req.body);
  }));
}
