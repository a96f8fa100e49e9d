import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { allows, type Actor } from '../access/policy.ts';
import type { DB } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { cleanName, mediaTypeOf } from './content.ts';
import * as q from './queries.ts';

/** Checks and stores an uploaded file for a unit; the caller links it and audits, in its transaction. */
export async function storeFile(trx: Transaction<DB>, actor: Actor, unit: { path: string; province_code: string }, upload: { name: string; content: Uint8Array }) {
  const name = cleanName(upload.name);
  const media_type = await mediaTypeOf(upload.content);
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  return q.insertFile(trx, {
    province_code: unit.province_code, unit_path: unit.path, name, media_type, size: upload.content.length, sha256,
    content: upload.content, created_by: actor.userId,
  });
}

/** A file the caller may read: it belongs to a unit in their read scope. */
export async function readableFile(db: Kysely<DB>, actor: Actor, id: number) {
  const file = await q.getFile(db, id);
  if (!file || !allows(actor, 'unit.read', file.unit_path)) throw notFound('Không tìm thấy tệp');
  return file;
}
