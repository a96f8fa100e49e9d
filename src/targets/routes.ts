import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { Id, ok } from '../http/replies.ts';
import { unitTargets } from './service.ts';

const Indicator = z.object({
  key: z.string(), title: z.string(), unit: z.enum(['%', 'count']), target: z.number(),
  basis: z.enum(['model', 'plan', 'schedules']).describe('Chỉ tiêu theo mô hình, theo kế hoạch mẫu, hay theo lịch tuần tra đang áp dụng'),
  source: z.object({ instance_id: z.number(), instance_name: z.string() }).nullable().describe('Mô hình đặt chỉ tiêu; null: chỉ tiêu của kế hoạch mẫu'),
  measures: z.array(z.object({ label: z.string(), value: z.number().nullable(), count: z.number(), of: z.number().nullable() })),
  deployed: z.boolean().describe('Mô hình của chỉ tiêu đang triển khai ở đơn vị; false: chưa triển khai mô hình Tiếng kẻng bình yên, không tính đêm bỏ sót'),
  met: z.boolean().nullable(),
}).meta({ id: 'Indicator' });

export function targetRoutes(app: FastifyInstance, db: Kysely<DB>) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/targets', {
    schema: {
      tags: ['Chỉ tiêu'],
      summary: 'Chỉ tiêu của một xã, thôn đo từ dữ liệu: thôn đánh kẻng đúng 22 giờ (đêm, 7 đêm, 30 đêm), hộ trong tổ liên gia, hộ nhận móc khóa, trường học có kế hoạch, cam kết đã ký, tuần tra mỗi tuần',
      querystring: z.object({ unitId: Id }),
      response: ok(z.object({ unit: z.object({ id: z.number(), name: z.string(), kind: z.string() }), indicators: z.array(Indicator) })),
    },
  }, async (req) => unitTargets(db, actorOf(req), req.query.unitId));
}
