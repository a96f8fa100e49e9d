import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { ErrorBody } from '../http/errors.ts';
import { readableFile } from './service.ts';

const Id = z.coerce.number().int().positive().max(2 ** 53 - 1);

/** "biên bản khảo sát.pdf" in a header that only takes ASCII: a plain fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/files/:id', {
    schema: {
      tags: ['Tệp đính kèm'], summary: 'Tải một tệp đính kèm (trong phạm vi đơn vị được giao)', params: z.object({ id: Id }),
      response: { 200: { description: 'Nội dung tệp, với đúng loại của nó', content: { '*/*': { schema: z.unknown().meta({ type: 'string', format: 'binary' }) } } }, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
    },
  }, async (req, reply) => {
    const file = await readableFile(db, actorOf(req), req.params.id);
    // Images open in the browser; everything else downloads. nosniff keeps the browser to the checked type.
    const kind = file.media_type.startsWith('image/') || file.media_type === 'application/pdf' ? 'inline' : 'attachment';
    return reply
      .type(file.media_type)
      .header('content-disposition', contentDisposition(kind, file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
      .header('cache-control', 'private, max-age=3600')
      .send(Buffer.from(file.content));
  });
}
