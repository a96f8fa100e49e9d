import { notFound } from '../http/errors.ts';
import { allows, assertAllowed, type Actor, type Permission } from './policy.ts';

/** A unit as rows under it store it, and as audit entries name it. */
export type Place = { id: number; path: string; province_code: string };

export const placeOf = (row: { unit_id: number; unit_path: string; province_code: string }): Place => ({ id: row.unit_id, path: row.unit_path, province_code: row.province_code });


/** A row under the caller's read scope (404 otherwise) that they may change (403 otherwise). */
export function writable<T extends { unit_path: string }>(actor: Actor, row: T | undefined, notFoundMessage: string, permission: Permission = 'field.write'): T {
  if (!row || !allows(actor, 'unit.read', row.unit_path)) throw notFound(notFoundMessage);
  assertAllowed(actor, permission, row.unit_path);
  return row;
}

