import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, contextOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { sendAttachment } from '../files/routes.ts';
import { Phone } from '../households/schema.ts';
import { AppError, ErrorBody } from '../http/errors.ts';
import { sendPage } from '../http/public-page.ts';
import { binary, created, Id, ok } from '../http/replies.ts';
import { Day } from '../plans/schema.ts';
import { formatCode, parseCode } from './code.ts';
import { routePage } from './page.ts';
import * as service from './service.ts';

const Keychain = z.looseObject({
  id: z.number(), village_id: z.number(), household_id: z.number(), code: z.string().describe('Mã in trên móc khóa (12 ký tự)'),
  locks: z.number(), handed_on: z.string(), contact_name: z.string(), contact_phone: z.string(), revoked_at: z.date().nullable(),
}).meta({ id: 'Keychain' });

const Route = z.object({
  code: z.string(), contact_name: z.string(), contact_phone: z.string(), village_id: z.number(), village_name: z.string(),
  commune_id: z.number(), commune_name: z.string(), commune_code: z.string().nullable(), province_name: z.string().nullable(), province_code: z.string(),
}).meta({ id: 'KeychainRoute' });

export function keychainRoutes(app: FastifyInstance, db: Kysely<DB>, publicUrl: string | undefined) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Khóa an toàn'];
  const baseOf = (req: FastifyRequest) => publicUrl ?? `${req.protocol}://${req.host}`;

  r.get('/api/keychains', {
    schema: { tags, summary: 'Sổ cấp khóa, móc khóa dưới một đơn vị (có tên chủ hộ: chỉ cán bộ được giao)', querystring: z.object({ unitId: Id }), response: ok(z.array(Keychain.extend({ head_name: z.string(), address: z.string(), village_name: z.string() }))) },
  }, async (req) => service.register(db, actorOf(req), req.query.unitId));

  r.post('/api/keychains', {
    schema: {
      tags, summary: 'Cấp khóa và móc khóa cho các hộ (mỗi móc khóa một mã riêng, không đoán được)',
      body: z.object({
        householdIds: z.array(z.number().int().positive()).min(1, 'Chưa chọn hộ nào').max(500, 'Mỗi lần tối đa 500 hộ'),
        handedOn: Day.describe('Ngày cấp'),
        locks: z.number().int().min(0).max(20).default(1).describe('Số khóa cấp cho hộ'),
        contactName: z.string().trim().min(1, 'Chưa có người liên hệ').max(200).describe('Người liên hệ tin cậy in trên móc khóa, thường là cán bộ Công an xã'),
        contactPhone: Phone,
      }),
      response: created(z.array(Keychain)),
    },
  }, async (req, reply) => reply.status(201).send(await service.handOut(db, contextOf(req), req.body)));

  r.post('/api/keychains/:id/revoke', {
    schema: { tags, summary: 'Thu hồi móc khóa (báo mất): mã không còn dùng được, hộ được cấp móc khóa mới', params: z.object({ id: Id }), response: ok(Keychain) },
  }, async (req) => service.revokeKeychain(db, contextOf(req), req.params.id));

  r.get('/api/keychains/cards.pdf', {
    schema: {
      tags, summary: 'In thẻ móc khóa của một thôn (PDF khổ A4, 10 thẻ mỗi trang, có mã QR); với ids: chỉ những móc khóa đó',
      querystring: z.object({
        villageId: Id,
        ids: z.string().max(10_000).regex(/^\d+(,\d+){0,499}$/, 'Danh sách số móc khóa, cách nhau bằng dấu phẩy').optional().transform((s) => s?.split(',').map(Number)),
      }),
      response: binary('Tệp PDF', 'application/pdf'),
    },
  }, async (req, reply) => {
    const file = await service.cardsPdf(db, actorOf(req), req.query.villageId, baseOf(req), req.query.ids);
    return sendAttachment(reply, 'application/pdf', file);
  });

  r.get('/api/keychains/handed-out', {
    schema: {
      tags, summary: 'Số hộ đã nhận móc khóa theo thôn, so với chỉ tiêu 100%', querystring: z.object({ unitId: Id }),
      response: ok(z.object({
        target: z.number(), households: z.number(), keychains: z.number(), share: z.number().nullable(),
        villages: z.array(z.object({ village_id: z.number(), village_name: z.string(), households: z.number(), keychains: z.number() })),
      })),
    },
  }, async (req) => service.handedOut(db, actorOf(req), req.query.unitId));

  r.get('/api/public/keychains/:code', {
    config: { public: true },
    schema: { tags, summary: 'Nơi nhận tin của một mã móc khóa: xã, thôn và người liên hệ (công khai)', params: z.object({ code: z.string().max(40) }), response: { ...ok(Route), 410: ErrorBody, 429: ErrorBody } },
  }, async (req) => service.lookUp(db, req.ip, req.params.code));

  // The code typed by hand (the form on a page whose code was not found).
  app.get<{ Querystring: { ma?: string } }>('/k', { schema: { hide: true }, logLevel: 'silent' }, async (req, reply) => {
    const code = parseCode(String(req.query.ma ?? '').slice(0, 40));
    return reply.redirect(code ? `/k/${code}` : `/k/${encodeURIComponent(String(req.query.ma ?? '').slice(0, 40)) || '-'}`, 303);
  });

  // What the QR code opens: a page a phone shows at once, without log-in or script.
  // Not logged: the code in the address names a household.
  app.get<{ Params: { code: string } }>('/k/:code', { schema: { hide: true }, logLevel: 'silent' }, async (req, reply) => {
    try {
      const route = await service.lookUp(db, req.ip, req.params.code.slice(0, 40));
      return sendPage(reply, 200, routePage({ ...route, code: formatCode(route.code) }));
    } catch (e) {
      if (e instanceof AppError) return sendPage(reply, e.status, routePage({ error: e.message }));
      throw e;
    }
  });
}
