import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { sendAttachment } from '../files/routes.ts';
import { binary, Id, ok } from '../http/replies.ts';
import { XLSX_TYPE } from '../shared/table-export.ts';
import { modelsXlsx, rollupXlsx } from './export.ts';
import { Day } from '../plans/schema.ts';
import { gongRollup, MAX_NIGHTLY, modelRollup } from './service.ts';

const Counts = {
  villages: z.number().describe('Thôn, tổ dân phố'),
  expected: z.number().describe('Lượt đánh kẻng phải có: số thôn × số đêm'),
  struck: z.number().describe('Lượt đã đánh kẻng'),
  on_time: z.number().describe('Lượt đánh đúng giờ'),
  missed: z.number().describe('Lượt bỏ sót'),
};

const Query = z.object({ unitId: Id, from: Day, to: Day, by: z.enum(['night', 'month']).default('month') });

export function rollupRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/rollups/gongs.xlsx', {
    schema: {
      tags: ['Tổng hợp'], summary: 'Bảng xếp hạng đánh kẻng 22 giờ của các đơn vị cấp dưới, dạng XLSX',
      querystring: Query, response: binary('Tệp XLSX', XLSX_TYPE),
    },
  }, async (req, reply) => {
    const file = await rollupXlsx(await gongRollup(db, actorOf(req), req.query.unitId, req.query, req.query.by));
    return sendAttachment(reply, XLSX_TYPE, file);
  });

  r.get('/api/rollups/models.xlsx', {
    schema: { tags: ['Tổng hợp'], summary: 'Mô hình theo mẫu và giai đoạn, dạng XLSX', querystring: z.object({ unitId: Id }), response: binary('Tệp XLSX', XLSX_TYPE) },
  }, async (req, reply) => sendAttachment(reply, XLSX_TYPE, await modelsXlsx(await modelRollup(db, actorOf(req), req.query.unitId))));

  r.get('/api/rollups/models', {
    schema: {
      tags: ['Tổng hợp'],
      summary: 'Mô hình trong đơn vị theo mẫu: số mô hình đang xây dựng, đang hoạt động, đã dừng; số xã, phường có mô hình',
      querystring: z.object({ unitId: Id }),
      response: ok(z.object({
        unit: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
        communes: z.number().describe('Xã, phường, đặc khu trong đơn vị'),
        templates: z.array(z.object({
          template: z.string(), building: z.number(), operating: z.number(), closed: z.number(),
          communes: z.number().describe('Xã, phường có mô hình này đang xây dựng hoặc hoạt động'),
        })),
      })),
    },
  }, async (req) => modelRollup(db, actorOf(req), req.query.unitId));

  r.get('/api/rollups/gongs', {
    schema: {
      tags: ['Tổng hợp'],
      summary: 'Đánh kẻng 22 giờ tổng hợp theo đơn vị: tổng, từng đơn vị cấp dưới (xếp hạng), xu hướng theo đêm hoặc theo tháng',
      description: `Cả nước: theo tỉnh; tỉnh: theo xã; xã: theo thôn (từ từng lượt báo). Theo đêm tối đa ${MAX_NIGHTLY} đêm, theo tháng tối đa một năm.`,
      querystring: Query,
      response: ok(z.object({
        unit: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
        from: z.string(), to: z.string().describe('Đêm cuối đã đến giờ đánh kẻng'), nights: z.number(), by: z.enum(['night', 'month']),
        total: z.object(Counts),
        covered: z.boolean().describe('Có mô hình Tiếng kẻng bình yên đang hoạt động trong đơn vị; chỉ thôn thuộc mô hình được tính'),
        children: z.array(z.object({
          id: z.number(), name: z.string(), kind: z.string(), code: z.string().nullable(), ...Counts,
          covered: z.boolean().describe('Có thôn thuộc mô hình Tiếng kẻng bình yên đang hoạt động'),
        })),
        series: z.array(z.object({ period: z.string().describe('Đêm, hoặc ngày đầu tháng'), struck: z.number(), on_time: z.number(), expected: z.number() })),
      })),
    },
  }, async (req) => gongRollup(db, actorOf(req), req.query.unitId, req.query, req.query.by));
}
