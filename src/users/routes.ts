import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { ROLES } from '../access/policy.ts';
import { actorOf, contextOf } from '../auth/plugin.ts';
import { errors, Id } from '../http/replies.ts';
import * as service from './service.ts';

const Basis = z.string().trim().max(300, 'Quyết định tối đa 300 ký tự').optional()
  .describe('Quyết định phân công (bắt buộc với Điều tra viên): số, ngày, người ký');
const Grant = z.object({ id: z.number(), unit_id: z.number(), unit_name: z.string(), role: z.enum(ROLES), basis: z.string().nullable() });
const User = z
  .object({
    id: z.number(), username: z.string(), full_name: z.string(), phone: z.string().nullable(),
    active: z.boolean(), locked_until: z.date().nullable(), created_at: z.date(), grants: z.array(Grant),
  })
  .meta({ id: 'User' });
const phone = z.string().trim().max(20, 'Số điện thoại không hợp lệ').regex(/^\+?[0-9 .-]{8,15}$/, 'Số điện thoại không hợp lệ');

export function userRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Người dùng và phân quyền'];

  r.get('/api/users', {
    schema: {
      tags, summary: 'Người dùng có quyền trong phạm vi quản lý',
      querystring: z.object({
        q: z.string().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: { 200: z.array(User), ...errors },
    },
  }, async (req) => service.listUsers(db, actorOf(req), req.query));

  r.post('/api/users', {
    schema: {
      tags, summary: 'Tạo người dùng cùng quyền đầu tiên',
      body: z.object({
        username: z.string().trim().max(50, 'Tên đăng nhập 3–50 ký tự').toLowerCase().regex(/^[a-z0-9._-]{3,50}$/, 'Tên đăng nhập 3–50 ký tự: chữ thường không dấu, số, dấu chấm, gạch'),
        fullName: z.string().trim().min(1).max(200),
        phone: phone.nullish(),
        password: z.string().min(1).max(200),
        unitId: z.number().int().positive(),
        role: z.enum(ROLES),
        basis: Basis,
      }),
      response: { 201: User, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await service.createUser(db, contextOf(req), req.body)));

  r.get('/api/users/:id', {
    schema: { tags, summary: 'Một người dùng', params: z.object({ id: Id }), response: { 200: User, ...errors } },
  }, async (req) => service.getUser(db, actorOf(req), req.params.id));

  r.patch('/api/users/:id', {
    schema: {
      tags, summary: 'Sửa thông tin, khóa hoặc mở khóa tài khoản', params: z.object({ id: Id }),
      body: z.object({ fullName: z.string().trim().min(1).max(200).optional(), phone: phone.nullish(), active: z.boolean().optional() }),
      response: { 200: User, ...errors },
    },
  }, async (req) => service.updateUser(db, contextOf(req), req.params.id, req.body));

  r.post('/api/users/:id/password', {
    schema: {
      tags, summary: 'Đặt lại mật khẩu (người dùng phải đổi ở lần đăng nhập sau)', params: z.object({ id: Id }),
      body: z.object({ password: z.string().min(1).max(200) }),
      response: { 204: z.null(), ...errors },
    },
  }, async (req, reply) => {
    await service.resetPassword(db, contextOf(req), req.params.id, req.body.password);
    return reply.status(204).send(null);
  });

  r.post('/api/users/:id/grants', {
    schema: {
      tags, summary: 'Cấp quyền tại một đơn vị (áp dụng cho cả cây trực thuộc)', params: z.object({ id: Id }),
      body: z.object({ unitId: z.number().int().positive(), role: z.enum(ROLES), basis: Basis }),
      response: { 201: z.object({ id: z.number(), user_id: z.number(), unit_id: z.number(), role: z.string(), basis: z.string().nullable() }), ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await service.addGrant(db, contextOf(req), req.params.id, req.body.unitId, req.body.role, req.body.basis)));

  r.delete('/api/grants/:id', {
    schema: { tags, summary: 'Thu hồi quyền', params: z.object({ id: Id }), response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await service.revokeGrant(db, contextOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
