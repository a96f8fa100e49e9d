import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { fold } from '../shared/text.ts';

const FACTS = fileURLToPath(new URL('../../facts/vn-admin-2025/', import.meta.url));

function readCsv<T>(file: string): T[] {
  return parse(fs.readFileSync(FACTS + file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
}

/**
 * Loads the official tree (34 provinces, 3,321 communes) and the pre-2025 communes with
 * what replaced them, once: a database that already has the country root is left as it is.
 */
export async function loadAdministrativeUnits(db: Kysely<DB>): Promise<boolean> {
  const existing = await db.selectFrom('units').select('id').where('kind', '=', 'country').executeTakeFirst();
  if (existing) return false;

  const provinces = readCsv<{ code: string; name: string }>('provinces.csv');
  const communes = readCsv<{ code: string; name: string; kind: string; province_code: string }>('communes.csv');
  const legacy = readCsv<{
    old_code: string; old_name: string; old_district_code: string; old_district_name: string;
    old_province_code: string; old_province_name: string; new_codes: string;
  }>('legacy-communes-2025.csv');

  await db.transaction().execute(async (trx) => {
    const root = await trx
      .insertInto('units')
      .values({ kind: 'country', subkind: 'Quốc gia', name: 'Việt Nam', code: 'VN', name_folded: fold('Việt Nam') })
      .returning('id')
      .executeTakeFirstOrThrow();

    const provinceIds = new Map<string, number>();
    const provinceRows = await trx
      .insertInto('units')
      .values(provinces.map((p) => ({
        parent_id: root.id, kind: 'province' as const, subkind: p.name.startsWith('Thành phố') ? 'Thành phố' : 'Tỉnh',
        code: p.code, name: p.name, province_code: p.code, name_folded: fold(p.name),
      })))
      .returning(['id', 'code'])
      .execute();
    for (const r of provinceRows) provinceIds.set(r.code!, r.id);

    const communeIds = new Map<string, number>();
    for (let i = 0; i < communes.length; i += 1000) {
      const rows = await trx
        .insertInto('units')
        .values(communes.slice(i, i + 1000).map((c) => {
          const parent = provinceIds.get(c.province_code);
          if (!parent) throw new Error(`commune ${c.code}: unknown province ${c.province_code}`);
          return { parent_id: parent, kind: 'commune' as const, subkind: c.kind, code: c.code, name: c.name, name_folded: fold(c.name) };
        }))
        .returning(['id', 'code'])
        .execute();
      for (const r of rows) communeIds.set(r.code!, r.id);
    }

    for (let i = 0; i < legacy.length; i += 1000) {
      const chunk = legacy.slice(i, i + 1000);
      await trx
        .insertInto('legacy_units')
        .values(chunk.map((l) => ({
          ...l,
          new_codes: l.new_codes.split(';').filter(Boolean),
          name_folded: fold(l.old_name),
          search_text: [l.old_name, l.old_district_name, l.old_province_name].map(fold).join(' | '),
          district_folded: [l.old_district_name, l.old_province_name].map(fold).join(' | '),
        })))
        .execute();
      const successors = chunk.flatMap((l) =>
        l.new_codes.split(';').filter(Boolean).flatMap((code) => {
          const unit_id = communeIds.get(code);
          return unit_id ? [{ old_code: l.old_code, unit_id }] : [];
        }),
      );
      if (successors.length) await trx.insertInto('legacy_successors').values(successors).execute();
    }
  });
  return true;
}
