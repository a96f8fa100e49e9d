import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../access/policy.ts';
import { actorOf, contextOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { AppError, invalid } from '../http/errors.ts';
import { binary, created, Id, noContent } from '../http/replies.ts';
import { ALLOWED_KINDS, MAX_FILE_BYTES, TOO_LARGE } from './content.ts';
import { attachFile, detachFile, readableFile, type Attachment, type Upload } from './service.ts';


/** "biên bản khảo sát.pdf" in a header that only takes ASCII: a plain fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // RFC 5987 leaves only letters, digits and !#$&+-.^_`|~ unencoded; encodeURIComponent keeps '()* too.
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** A file made for this request (an export), sent to be saved under its Vietnamese name, never cached. */
export const sendAttachment = (reply: FastifyReply, type: string, file: { content: Buffer; name: string }) =>
  reply.type(type).header('content-disposition', contentDisposition('attachment', file.name)).header('cache-control', 'private, no-store').send(file.content);

/** A stored file as lists show it; its bytes are at /api/files/{id}. */
export const FileInfo = z.looseObject({
  id: z.number(),
  name: z.string(),
  media_type: z.string().describe('Loại tệp theo nội dung thật của tệp'),
  size: z.number(),
  created_at: z.date(),
}).meta({ id: 'FileInfo', description: 'Tải về tại /api/files/{id}' });

/** The query of an upload route: the file's name, as the body carries only its bytes. */
export const UploadQuery = z.object({ name: z.string().min(1).max(255).describe('Tên tệp') });
export const UPLOAD_NOTE = `${ALLOWED_KINDS}; tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB; nội dung tệp là thân yêu cầu`;

/**
 * Registers routes whose body is a file's raw bytes (the browser sends the File as it is, any
 * Content-Type), up to the file size limit; the app's other routes keep taking JSON only.
 */
export function withUploads(app: FastifyInstance, register: (scope: FastifyInstance) => void): void {
  app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) => done(null, body));
    // Refused before a byte of the body is read, with the limit in the message.
    scope.addHook('onRequest', async (req) => {
      if (Number(req.headers['content-length']) > MAX_FILE_BYTES) throw new AppError(413, 'TOO_LARGE', TOO_LARGE, [{ path: 'file', message: TOO_LARGE }]);
    });
    register(scope);
  });
}

export function uploadOf(req: { body: unknown; query: { name: string } }): Upload {
  if (!Buffer.isBuffer(req.body)) throw invalid('Gửi nội dung tệp làm thân yêu cầu (Content-Type: application/octet-stream)');
  return { name: req.query.name, content: req.body };
}

export function fileRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/files/:id', {
    schema: {
      tags: ['Tệp đính kèm'], summary: 'Tải một tệp đính kèm (trong phạm vi đơn vị được giao)', params: z.object({ id: Id }),
      response: binary('Nội dung tệp, với đúng loại của nó', '*/*'),
    },
  }, async (req, reply) => {
    const file = await readableFile(db, actorOf(req), req.params.id);
    // Photos open in the browser, in a sandbox; documents download (a sandbox would stop the PDF
    // viewer). nosniff holds the browser to the checked type; nothing stays in the cache of a
    // shared commune computer once the file is removed or the grant revoked.
    const image = file.media_type.startsWith('image/');
    reply
      .type(file.media_type)
      .header('content-disposition', contentDisposition(image ? 'inline' : 'attachment', file.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store');
    if (image) reply.header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    return reply.send(Buffer.from(file.content));
  });
}


/**
 * The routes of the files that hang on one kind of record: the upload (raw bytes, checked by
 * content) and the removal. `attachment` finds the record the caller may change (404 outside
 * their units, 403 without the right) and says how its files are linked.
 */
export function attachmentRoutes(
  app: FastifyInstance,
  db: Kysely<DB>,
  opts: { path: string; tags: string[]; of: string; attachment: (db: Kysely<DB>, actor: Actor, id: number) => Promise<Attachment> },
) {
  const at = (req: FastifyRequest, id: number) => opts.attachment(db, actorOf(req), id);
  withUploads(app, (scope) => scope.withTypeProvider<ZodTypeProvider>().post(`${opts.path}/:id/files`, {
    schema: { tags: opts.tags, summary: `Đính kèm ảnh, tài liệu vào ${opts.of} (${UPLOAD_NOTE})`, params: z.object({ id: Id }), querystring: UploadQuery, response: created(FileInfo) },
  }, async (req, reply) => reply.status(201).send(await attachFile(db, contextOf(req), await at(req, req.params.id), uploadOf(req)))));

  app.withTypeProvider<ZodTypeProvider>().delete(`${opts.path}/:id/files/:fileId`, {
    schema: { tags: opts.tags, summary: `Gỡ tệp đính kèm khỏi ${opts.of}`, params: z.object({ id: Id, fileId: Id }), response: noContent },
  }, async (req, reply) => {
    await detachFile(db, contextOf(req), await at(req, req.params.id), req.params.fileId);
    return reply.status(204).send(null);
  });
}
