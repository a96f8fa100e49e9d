import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

export const fileColumns = ['f.id', 'f.name', 'f.media_type', 'f.size', 'f.created_at'] as const;

export const insertFile = (db: Q, row: { province_code: string; unit_path: string; name: string; media_type: string; size: number; sha256: string; content: Uint8Array; created_by: number | null }) =>
  db.insertInto('files').values(row).returning(['id', 'name', 'media_type', 'size', 'created_at', 'sha256']).executeTakeFirstOrThrow();

export const getFile = (db: Q, id: number) =>
  db.selectFrom('files as f').select([...fileColumns, 'f.unit_path', 'f.sha256']).where('f.id', '=', id).executeTakeFirst();

export const fileContent = (db: Q, id: number) => db.selectFrom('files').select('content').where('id', '=', id).executeTakeFirstOrThrow();

export const deleteFile = (db: Q, id: number) =>
  db.deleteFrom('files').where('id', '=', id).returning(['id', 'name', 'media_type', 'size', 'sha256']).executeTakeFirstOrThrow();

/** Whether the file is a tip's photo: those are read only by those who read tips. */
export const isTipFile = async (db: Q, id: number) =>
  !!(await db.selectFrom('tip_files').select('file_id').where('file_id', '=', id).executeTakeFirst());
