import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { actorOf, contextOf } from '../auth/plugin.ts';
import { contentDisposition, FileInfo, UPLOAD_NOTE, UploadQuery, uploadOf, withUploads } from '../files/routes.ts';
import { binary, created, Id, Month, noContent, ok } from '../http/replies.ts';
import { DOCUMENT_FORMATS } from './export/formats.ts';
import { TaskMeasure } from './measure.ts';
import { Recurrence } from './recurrence.ts';
import { Day, PlanInput } from './schema.ts';
import { Calendar, MyWork, NewTaskReply, OccurrenceUpdated, Plan, PlanListItem, PlanPage } from './replies.ts';
import * as service from './service.ts';


export function planRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Kế hoạch và nhiệm vụ'];

  r.get('/api/plans', {
    schema: {
      tags, summary: 'Các kế hoạch trong phạm vi',
      querystring: z.object({
        unitId: Id.optional(), status: z.enum(['draft', 'issued', 'closed']).optional(), q: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: ok(z.array(PlanListItem)),
    },
  }, async (req) => service.listPlans(db, actorOf(req), req.query));

  r.post('/api/plans', { schema: { tags, summary: 'Soạn kế hoạch (dự thảo)', body: PlanInput, response: created(Plan) } },
    async (req, reply) => reply.status(201).send(await service.createPlan(db, contextOf(req), req.body)));

  r.get('/api/plans/:id', { schema: { tags, summary: 'Kế hoạch: văn bản, nhiệm vụ, kế hoạch cấp dưới, mô hình', params: z.object({ id: Id }), response: ok(PlanPage) } },
    async (req) => service.planPage(db, actorOf(req), req.params.id));

  r.put('/api/plans/:id', { schema: { tags, summary: 'Sửa dự thảo kế hoạch', params: z.object({ id: Id }), body: PlanInput, response: ok(Plan) } },
    async (req) => service.updatePlan(db, contextOf(req), req.params.id, req.body));

  r.post('/api/plans/:id/status', {
    schema: { tags, summary: 'Ban hành hoặc kết thúc kế hoạch', params: z.object({ id: Id }), body: z.object({ status: z.enum(['issued', 'closed']) }), response: ok(Plan) },
  }, async (req) => service.setStatus(db, contextOf(req), req.params.id, req.body.status));

  r.post('/api/plans/:id/tasks', {
    schema: {
      tags, summary: 'Giao nhiệm vụ: đơn vị chủ trì, phối hợp, thời hạn hoặc lặp lại',
      params: z.object({ id: Id }),
      body: z.object({
        title: z.string().trim().min(1).max(500), description: z.string().max(10_000).optional(),
        leadUnitId: z.number().int().positive(), supportUnitIds: z.array(z.number().int().positive()).max(100).optional(),
        recurrence: Recurrence, startsOn: Day.optional(), endsOn: Day.optional(), measure: TaskMeasure.optional(),
      }),
      response: created(NewTaskReply),
    },
  }, async (req, reply) => reply.status(201).send(await service.addTask(db, contextOf(req), req.params.id, req.body)));

  r.patch('/api/occurrences/:id', {
    schema: {
      tags, summary: 'Đánh dấu một lần thực hiện nhiệm vụ là xong (kèm minh chứng) hoặc mở lại',
      params: z.object({ id: Id }),
      body: z.object({ status: z.enum(['open', 'done']), evidence: z.string().max(5000).nullish() }),
      response: ok(OccurrenceUpdated),
    },
  }, async (req) => service.updateOccurrence(db, contextOf(req), req.params.id, req.body));

  withUploads(app, (scope) => scope.withTypeProvider<ZodTypeProvider>().post('/api/occurrences/:id/files', {
    schema: {
      tags, summary: `Đính kèm minh chứng vào một lần thực hiện nhiệm vụ (${UPLOAD_NOTE})`,
      params: z.object({ id: Id }), querystring: UploadQuery, response: created(FileInfo),
    },
  }, async (req, reply) => reply.status(201).send(await service.attachOccurrenceFile(db, contextOf(req), req.params.id, uploadOf(req)))));

  r.delete('/api/occurrences/:id/files/:fileId', {
    schema: { tags, summary: 'Gỡ tệp minh chứng', params: z.object({ id: Id, fileId: Id }), response: noContent },
  }, async (req, reply) => {
    await service.removeOccurrenceFile(db, contextOf(req), req.params.id, req.params.fileId);
    return reply.status(204).send(null);
  });

  r.get('/api/my-work', {
    schema: {
      tags, summary: 'Việc của tôi: quá hạn, sắp đến hạn, đã xong, trong các đơn vị được giao',
      querystring: z.object({ days: z.coerce.number().int().min(1).max(90).default(14), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: ok(MyWork),
    },
  }, async (req) => service.myWork(db, actorOf(req), req.query.days, req.query.limit));

  for (const [format, { render, type }] of Object.entries(DOCUMENT_FORMATS)) {
    r.get(`/api/plans/:id/export.${format}`, {
      schema: { tags, summary: `Tải kế hoạch dạng ${format.toUpperCase()} theo thể thức Nghị định 30/2020/NĐ-CP`, params: z.object({ id: Id }), response: binary(`Tệp ${format.toUpperCase()}`, type) },
    }, async (req, reply) => {
      const doc = await service.planDocument(db, actorOf(req), req.params.id);
      const file = await render(doc);
      const name = `Kế hoạch ${doc.number ? `${doc.number}-` : ''}${doc.symbol}`.replace(/[\\/]/g, '-');
      return reply.type(type).header('content-disposition', contentDisposition('attachment', `${name}.${format}`)).send(file);
    });
  }

  r.get('/api/calendar', {
    schema: {
      tags, summary: 'Lịch việc theo tháng',
      querystring: z.object({ month: Month }),
      response: ok(Calendar),
    },
  }, async (req) => service.calendar(db, actorOf(req), req.query.month));
}
