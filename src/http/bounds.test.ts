import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../tests/support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Schema = Record<string, any>;

/**
 * Every string and list a caller can send, with where it is: a string with no maximum length
 * or a list with no maximum count lets one request hold the server's memory and time.
 */
function unbounded(doc: Schema): string[] {
  const found: string[] = [];
  const seen = new Set<Schema>();
  const walk = (s: Schema | undefined, where: string) => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    if (s.$ref) return walk(doc.components.schemas[s.$ref.split('/').pop()], `${where} → ${s.$ref.split('/').pop()}`);
    const bounded = s.enum || s.const !== undefined || s.format === 'binary';
    if (s.type === 'string' && !bounded && s.maxLength === undefined && !['date-time', 'uuid', 'email'].includes(s.format)) found.push(where);
    if (s.type === 'array' && s.maxItems === undefined) found.push(where);
    for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) walk(v, `${where}.${k}`);
    walk(s.items, `${where}[]`);
    for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(alt, where);
  };
  for (const [path, ops] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(ops)) {
      for (const p of op.parameters ?? []) walk(p.schema, `${method.toUpperCase()} ${path} ${p.in}:${p.name}`);
      for (const [type, c] of Object.entries<Schema>(op.requestBody?.content ?? {})) walk(c.schema, `${method.toUpperCase()} ${path} body(${type})`);
    }
  }
  return found;
}

describe('input bounds', () => {
  it('every string and list the API takes has a maximum', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
    expect(unbounded(doc)).toEqual([]);
  });

  it('every date, month and moment lies in 2000 to 2100', async () => {
    const officer = await server.login('canbo');
    const commune = (await officer.get('/api/units/roots')).body[0];
    const answers = [
      await officer.get('/api/calendar?month=9999-12'),
      await officer.get(`/api/rollups/gongs?unitId=${commune.id}&from=9999-01-01&to=9999-12-31`),
      await officer.get(`/api/tips/summary?unitId=${commune.id}&from=1999-12-01&to=1999-12-31`),
      await officer.post('/api/alarms', { villageId: commune.id, kind: 'fire', description: 'x', occurredAt: '9999-12-31T22:00:00+07:00', idempotencyKey: crypto.randomUUID() }),
    ];
    expect(answers.map((a) => [a.status, a.body.error.fields[0].message])).toEqual(Array(4).fill([400, 'Năm phải từ 2000 đến 2100']));
  });
});
