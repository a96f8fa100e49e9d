import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { allows, type Actor } from '../access/policy.ts';
import type { AuditEntity } from '../audit/entities.ts';
import { recordChange, type Context } from '../audit/record.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { cleanName, fileTypeOf, withExtension } from './content.ts';
import * as q from './queries.ts';

type Ctx = Context & { actor: Actor };
type Unit = { id: number; path: string; province_code: string };
export interface Upload { name: string; content: Uint8Array }

/**
 * Where a file hangs: its unit (for scope), the audit entity, and how to link or unlink it in the
 * owner's link table. `about` goes into the audit entry (which step, which occurrence).
 */
export interface Attachment {
  unit: Unit;
  entity: AuditEntity;
  about: Record<string, unknown>;
  link: (trx: Transaction<DB>, fileId: number) => Promise<unknown>;
  unlink: (trx: Transaction<DB>, fileId: number) => Promise<boolean>;
}

/** Checks an upload by its bytes, stores it and links it, audited, in one transaction. */
export async function attachFile(db: Kysely<DB>, ctx: Ctx, to: Attachment, upload: Upload) {
  const { mediaType: media_type, ext } = await fileTypeOf(upload.content);
  const name = withExtension(cleanName(upload.name), ext);
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  return db.transaction().execute(async (trx) => {
    const file = await q.insertFile(trx, {
      province_code: to.unit.province_code, unit_path: to.unit.path, name, media_type, size: upload.content.length, sha256,
      content: upload.content, created_by: ctx.actor.userId,
    });
    await to.link(trx, file.id);
    await recordChange(trx, ctx, { action: 'create', entity: to.entity, entityId: file.id, unit: to.unit, after: { ...file, ...to.about } });
    return file;
  });
}

/** Unlinks a file from its owner and deletes it, audited; 404 when the owner has no such file. */
export async function detachFile(db: Kysely<DB>, ctx: Ctx, from: Attachment, fileId: number) {
  await db.transaction().execute(async (trx) => {
    if (!(await from.unlink(trx, fileId))) throw notFound('Không có tệp này ở đây');
    const file = await q.deleteFile(trx, fileId);
    await recordChange(trx, ctx, { action: 'delete', entity: from.entity, entityId: fileId, unit: from.unit, before: { ...file, ...from.about } });
  });
}

/** A file the caller may read (it belongs to a unit in their read scope), with its bytes. */
export async function readableFile(db: Kysely<DB>, actor: Actor, id: number) {
  const file = await q.getFile(db, id);
  if (!file || !allows(actor, 'unit.read', file.unit_path)) throw notFound('Không tìm thấy tệp');
  // A tip's photo is part of the tip: not for every reader of the commune.
  if (!allows(actor, 'tip.read', file.unit_path) && (await q.isTipFile(db, id))) throw notFound('Không tìm thấy tệp');
  // The bytes are read only once the caller may have them.
  const { content } = await q.fileContent(db, id);
  return { ...file, content };
}
