import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { actorOf, contextOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { created, Flag, Id, Instant, ok } from '../http/replies.ts';
import { atomFeed, CAP_FALLBACK_ORIGIN, capAlert, type CapSite } from './cap.ts';
import * as q from './queries.ts';
import * as service from './service.ts';

const Kind = z.enum(['crime', 'fire', 'other']).describe('tội phạm, cháy, sự việc khác');
const Alarm = z.looseObject({
  id: z.number(), village_id: z.number(), village_name: z.string(), commune_name: z.string(), kind: Kind, description: z.string(),
  occurred_at: z.date(), raised_at: z.date(),
  public_details: z.boolean()
    .describe('false: nguồn tin CAP công khai chỉ nêu loại sự việc và nơi xảy ra, không nêu mô tả'),
  closed_as: z.enum(['ended', 'cancelled']).nullable()
    .describe('Đã kết thúc hoặc đã hủy; null khi còn hiệu lực'),
  closed_at: z.date().nullable(), notified: z.boolean().describe('Người dùng là người nhận'),
  acked_at: z.date().nullable().describe('Lúc người dùng xác nhận đã nhận'), acks: z.number(),
  acked_by: z.array(z.object({ name: z.string(), at: z.string() })).describe('Những người đã xác nhận, theo thứ tự'),
}).meta({ id: 'Alarm' });

/** How often an open page's stream looks for new alarms (any instance may have written them). */
const STREAM_POLL_MS = 1000;
const STREAM_PING_MS = 15_000;

export function alarmRoutes(app: FastifyInstance, db: Kysely<DB>, publicUrl: string | undefined) {
  // The request's address serves only as a link when PUBLIC_URL is not set; it never names the sender.
  const siteOf = (req: FastifyRequest): CapSite =>
    ({ origin: publicUrl ?? CAP_FALLBACK_ORIGIN, base: publicUrl ?? `${req.protocol}://${req.host}` });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Báo động'];

  r.post('/api/alarms', {
    schema: {
      tags, summary: 'Phát kẻng báo động ở một thôn: báo ngay cho công an, lãnh đạo xã và thôn',
      body: z.object({
        villageId: z.number().int().positive(), kind: Kind,
        description: z.string().trim().min(1, 'Hãy mô tả ngắn sự việc').max(2000),
        occurredAt: Instant().optional(), idempotencyKey: z.uuid(),
        publicDetails: z.boolean().default(true)
          .describe('false: nguồn tin CAP công khai không nêu mô tả, chỉ loại sự việc và thôn, xã'),
      }),
      response: { ...created(z.object({ created: z.literal(true), alarm: Alarm, recipients: z.number() })), 200: z.object({ created: z.literal(false), alarm: Alarm, recipients: z.number() }) },
    },
  }, async (req, reply) => {
    const { created: isNew, alarm, recipients } = await service.raiseAlarm(db, contextOf(req), req.body);
    return isNew ? reply.status(201).send({ created: true, alarm, recipients }) : reply.status(200).send({ created: false, alarm, recipients });
  });

  r.get('/api/alarms', {
    schema: {
      tags, summary: 'Báo động trong phạm vi, mới nhất trước; unitId: những báo động ở đơn vị đó; unacked=true: những báo động gửi tới người dùng mà chưa xác nhận',
      querystring: z.object({ unitId: Id.optional(), unacked: Flag.default(false), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: ok(z.array(Alarm)),
    },
  }, async (req) => service.listAlarms(db, actorOf(req), req.query));

  r.post('/api/alarms/:id/ack', {
    schema: { tags, summary: 'Xác nhận đã nhận báo động', params: z.object({ id: Id }), response: ok(Alarm) },
  }, async (req) => service.acknowledge(db, contextOf(req), req.params.id));

  r.post('/api/alarms/:id/close', {
    schema: {
      tags,
      summary: 'Kết thúc báo động (sự việc đã xong) hoặc hủy (phát nhầm); nguồn tin CAP đăng bản cập nhật hoặc bản hủy',
      params: z.object({ id: Id }),
      body: z.object({
        closedAs: z.enum(['ended', 'cancelled'], { error: 'Chọn kết thúc (ended) hoặc hủy (cancelled)' }),
      }),
      response: ok(Alarm),
    },
  }, async (req) => service.closeAlarm(db, contextOf(req), req.params.id, req.body.closedAs));

  // Server-sent events: each new alarm in the user's units, as it is raised.
  const streams = new Set<ServerResponse>();
  app.addHook('onClose', async () => {
    for (const res of streams) res.end();
  });
  r.get('/api/alarms/stream', {
    schema: { tags, summary: 'Luồng sự kiện (text/event-stream): mỗi báo động mới trong phạm vi, ngay khi phát' },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const resume = Number(req.headers['last-event-id']);
    let last = Number.isInteger(resume) && resume > 0 ? resume : ((await service.listAlarms(db, actor, { unacked: false, limit: 1 }))[0]?.id ?? 0);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    res.write('retry: 3000\n\n');
    streams.add(res);
    let busy = false;
    const poll = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        const rows = await service.listAlarms(db, actor, { unacked: false, afterId: last, limit: 50 });
        for (const row of rows.reverse()) {
          res.write(`id: ${row.id}\nevent: alarm\ndata: ${JSON.stringify(row)}\n\n`);
          last = row.id;
        }
      } catch (err) {
        req.log.warn({ err }, 'alarm stream poll failed');
      } finally {
        busy = false;
      }
    }, STREAM_POLL_MS);
    const ping = setInterval(() => res.write(': ping\n\n'), STREAM_PING_MS);
    res.on('close', () => {
      clearInterval(poll);
      clearInterval(ping);
      streams.delete(res);
    });
  });

  // CAP 1.2: public, as alerts are meant for anyone's reader.
  app.get('/cap/alerts.atom', { schema: { hide: true } }, async (req, reply) =>
    reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=30')
      .send(atomFeed(await q.latestAlarms(db, 50), { ...siteOf(req), now: new Date() })));

  // "12.xml" is the alert, "12-update.xml" or "12-cancel.xml" the message that closed it.
  app.get<{ Params: { id: string } }>('/cap/alerts/:id.xml', { schema: { hide: true } }, async (req, reply) => {
    const [, digits, suffix = ''] = /^(\d{1,15})(-update|-cancel)?$/.exec(req.params.id) ?? [];
    const alarm = digits ? await q.getAlarm(db, Number(digits)) : undefined;
    const xml = alarm && capAlert(alarm, siteOf(req), suffix);
    if (!xml) throw notFound('Không tìm thấy cảnh báo');
    // Short-lived: an alert's closing follows it within minutes or hours.
    return reply.type('application/cap+xml; charset=utf-8').header('cache-control', 'public, max-age=60').send(xml);
  });
}
