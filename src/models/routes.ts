import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { actorOf, contextOf } from '../auth/plugin.ts';
import { FileInfo, UPLOAD_NOTE, UploadQuery, uploadOf, withUploads } from '../files/routes.ts';
import { created, Day, Id, noContent, ok } from '../http/replies.ts';
import { STEPS, TemplateParts } from './parts.ts';
import { Instance, InstanceListItem, InstancePage, Member, ReplicateResult, Step, Template, TemplateWithVersions } from './schemas.ts';
import * as service from './service.ts';


export function modelRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Mô hình'];

  r.get('/api/templates', { schema: { tags, summary: 'Các mẫu mô hình dùng được (dựng sẵn và của đơn vị)', response: ok(z.array(Template)) } },
    async (req) => service.listTemplates(db, actorOf(req)));

  r.get('/api/templates/:id', { schema: { tags, summary: 'Một mẫu mô hình với các phiên bản', params: z.object({ id: Id }), response: ok(TemplateWithVersions) } },
    async (req) => service.getTemplate(db, actorOf(req), req.params.id));

  r.post('/api/templates', {
    schema: { tags, summary: 'Tạo mẫu mô hình của đơn vị', body: TemplateParts.extend({ ownerUnitId: z.number().int().positive() }), response: created(Template) },
  }, async (req, reply) => {
    const { ownerUnitId, ...parts } = req.body;
    return reply.status(201).send(await service.createTemplate(db, contextOf(req), ownerUnitId, parts));
  });

  r.put('/api/templates/:id', {
    schema: { tags, summary: 'Sửa mẫu (mẫu đã dùng thì thành phiên bản mới)', params: z.object({ id: Id }), body: TemplateParts, response: ok(Template) },
  }, async (req) => service.updateTemplate(db, contextOf(req), req.params.id, req.body));

  r.get('/api/models', {
    schema: {
      tags, summary: 'Các mô hình trong phạm vi (dưới một đơn vị nếu chọn)',
      querystring: z.object({
        unitId: Id.optional(), templateId: Id.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: ok(z.array(InstanceListItem)),
    },
  }, async (req) => service.listInstances(db, actorOf(req), req.query));

  r.post('/api/models', {
    schema: {
      tags, summary: 'Xây dựng mô hình tại một đơn vị',
      body: z.object({
        templateId: z.number().int().positive(), unitId: z.number().int().positive(), name: z.string().trim().min(1).max(300).optional(),
        startedOn: Day, planId: z.number().int().positive().nullish(), extraUnitIds: z.array(z.number().int().positive()).max(500).optional(),
      }),
      response: created(Instance),
    },
  }, async (req, reply) => reply.status(201).send(await service.createInstance(db, contextOf(req), req.body)));

  r.get('/api/models/:id', { schema: { tags, summary: 'Trang mô hình: các bước, tổ giúp việc, cam kết, nhân rộng', params: z.object({ id: Id }), response: ok(InstancePage) } },
    async (req) => service.instancePage(db, actorOf(req), req.params.id));

  r.patch('/api/models/:id/steps/:step', {
    schema: {
      tags, summary: 'Cập nhật một bước (ngày dự kiến, ngày thực tế, người phụ trách, ghi chú)',
      params: z.object({ id: Id, step: z.enum(STEPS) }),
      body: z.object({
        plannedStart: Day.nullish(), plannedEnd: Day.nullish(), actualStart: Day.nullish(), actualEnd: Day.nullish(),
        responsible: z.string().max(200).nullish(), notes: z.string().max(5000).nullish(),
      }),
      response: ok(Step),
    },
  }, async (req) => service.updateStep(db, contextOf(req), req.params.id, req.params.step, req.body));

  withUploads(app, (scope) => scope.withTypeProvider<ZodTypeProvider>().post('/api/models/:id/steps/:step/files', {
    schema: {
      tags, summary: `Đính kèm tệp vào một bước (${UPLOAD_NOTE})`,
      params: z.object({ id: Id, step: z.enum(STEPS) }), querystring: UploadQuery, response: created(FileInfo),
    },
  }, async (req, reply) => reply.status(201).send(await service.attachStepFile(db, contextOf(req), req.params.id, req.params.step, uploadOf(req)))));

  r.delete('/api/models/:id/steps/:step/files/:fileId', {
    schema: { tags, summary: 'Gỡ tệp đính kèm khỏi một bước', params: z.object({ id: Id, step: z.enum(STEPS), fileId: Id }), response: noContent },
  }, async (req, reply) => {
    await service.removeStepFile(db, contextOf(req), req.params.id, req.params.step, req.params.fileId);
    return reply.status(204).send(null);
  });

  const MemberBody = z.object({
    fullName: z.string().trim().min(1).max(200), role: z.string().trim().min(1).max(100), position: z.string().max(300).nullish(),
  });

  r.post('/api/models/:id/members', {
    schema: {
      tags, summary: 'Thêm thành viên tổ giúp việc / ban điều hành', params: z.object({ id: Id }), body: MemberBody, response: created(Member),
    },
  }, async (req, reply) => reply.status(201).send(await service.addMember(db, contextOf(req), req.params.id, req.body)));

  r.patch('/api/models/:id/members/:memberId', {
    schema: {
      tags, summary: 'Sửa thành viên tổ giúp việc / ban điều hành', params: z.object({ id: Id, memberId: Id }), body: MemberBody,
      response: ok(Member),
    },
  }, async (req) => service.updateMember(db, contextOf(req), req.params.id, req.params.memberId, req.body));

  r.delete('/api/models/:id/members/:memberId', {
    schema: {
      tags, summary: 'Xóa thành viên khỏi tổ giúp việc / ban điều hành', params: z.object({ id: Id, memberId: Id }), response: noContent,
    },
  }, async (req, reply) => {
    await service.removeMember(db, contextOf(req), req.params.id, req.params.memberId);
    return reply.status(204).send(null);
  });

  r.post('/api/models/:id/commitments', {
    schema: {
      tags, summary: 'Ghi nhận cam kết đã ký (một hoặc cả danh sách)', params: z.object({ id: Id }),
      body: z.object({
        commitments: z.array(z.object({
          signerKind: z.enum(['parent', 'student', 'household', 'staff', 'other']),
          signerName: z.string().trim().min(1).max(200), detail: z.string().max(500).nullish(), signedOn: Day,
        })).min(1).max(5000),
      }),
      response: created(z.object({ added: z.number() })),
    },
  }, async (req, reply) => reply.status(201).send(await service.addCommitments(db, contextOf(req), req.params.id, req.body.commitments)));

  r.post('/api/models/:id/replicate', {
    schema: {
      tags, summary: 'Nhân rộng: xây dựng cùng mô hình tại nhiều đơn vị trong một lần',
      params: z.object({ id: Id }),
      body: z.object({
        unitIds: z.array(z.number().int().positive()).max(5000).optional(),
        under: z.object({ unitId: z.number().int().positive(), kind: z.enum(['commune', 'village', 'school', 'agency']), subkind: z.string().max(100).optional() }).optional(),
        startedOn: Day,
      }).refine((b) => !!b.unitIds?.length !== !!b.under, 'Chọn danh sách đơn vị hoặc "tất cả đơn vị thuộc…", một trong hai'),
      response: created(ReplicateResult),
    },
  }, async (req, reply) => reply.status(201).send(await service.replicate(db, contextOf(req), req.params.id, req.body)));
}
