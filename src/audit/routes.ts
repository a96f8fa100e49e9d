import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.ts';
import { isRootPath, scopeOf } from '../access/policy.ts';
import { actorOf } from '../auth/plugin.ts';
import { ErrorBody } from '../http/errors.ts';
import { listAudit } from './queries.ts';

const Entry = z.object({
  id: z.number(), at: z.date(), actor_id: z.number().nullable(), actor_name: z.string().nullable(),
  action: z.string(), entity: z.string(), entity_id: z.string().nullable(), unit_id: z.number().nullable(),
  unit_name: z.string().nullable(), before: z.unknown(), after: z.unknown(), ip: z.string().nullable(),
});

export function auditRoutes(app: FastifyInstance, db: Kysely<DB>) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    schema: {
      tags: ['Nhật ký'], summary: 'Nhật ký thay đổi trong phạm vi được xem (mới nhất trước)',
      querystring: z.object({
        entity: z.string().max(50).optional(),
        action: z.string().max(50).optional(),
        actor: z.string().max(50).optional(),
        before: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.array(Entry), 400: ErrorBody, 401: ErrorBody },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const scope = scopeOf(actor, 'audit.read');
    return listAudit(db, { ...req.query, scope, includeUnitless: scope.some(isRootPath) });
  });
}
