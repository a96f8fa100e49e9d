import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.ts';
import { startTestServer, type Client, type TestServer } from './support/server.ts';

let server: TestServer;
let admin: Client;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login('quantri');
});
afterAll(() => server.close());

describe('platform', () => {
  it('answers /api/health with the engine once ready', async () => {
    const res = await server.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', engine: server.database.engine });
  });

  it('publishes OpenAPI 3.1 built from the route schemas, and browsable docs', async () => {
    const spec = (await server.anonymous().get('/api/openapi.json')).body;
    expect(spec.openapi).toBe('3.1.0');
    for (const p of ['/api/auth/login', '/api/units/search', '/api/units/{id}', '/api/users', '/api/audit']) expect(spec.paths).toHaveProperty([p]);
    expect(spec.paths['/api/units'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('parentId');
    // Every answer of the models and plans is described, and every $ref leads somewhere.
    expect(spec.paths['/api/my-work'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('overdue');
    expect(spec.paths['/api/models/{id}'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('steps');
    const refs = [...JSON.stringify(spec).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs).toContain('TaskOccurrence');
    expect(Object.keys(spec.paths['/api/plans/{id}/export.pdf'].get.responses['200'].content)).toEqual(['application/pdf']);
    for (const ref of new Set(refs)) expect(spec.components.schemas, ref).toHaveProperty([ref]);
    const docs = await server.anonymous().request('GET', '/api/docs/');
    expect(docs.status).toBe(200);
    expect(String(docs.body)).toMatch(/swagger/i);
  });

  it('serves the staff app and its client-side routes, and nothing outside web/dist', async () => {
    const c = server.anonymous();
    for (const path of ['/', '/units/345', '/audit']) {
      const res = await c.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(String(res.body)).toMatch(/<div id="root">/);
    }
    const html = String((await c.get('/')).body);
    const asset = html.match(/\/assets\/[\w.-]+\.js/)![0];
    const js = await c.get(asset);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    for (const evil of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await c.get(evil);
      expect(String(res.body)).not.toMatch(/"name": "binh-yen"/);
    }
  });

  it('applies each migration once and records it', async () => {
    expect(await migrate(server.database)).toEqual([]);
    const rows = await server.database.db.selectFrom('schema_migrations').select('version').execute();
    expect(rows.map((r) => r.version)).toContain('0001_foundation');
  });

  it('answers unknown API paths and malformed bodies with the one error shape', async () => {
    const unknown = await admin.get('/api/khong-co');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const badJson = await admin.request('POST', '/api/units', '{"parentId": 1,', { 'content-type': 'application/json' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toEqual({ code: 'BAD_BODY', message: 'Nội dung JSON không hợp lệ' });
    const tooBig = await admin.request('POST', '/api/units', JSON.stringify({ name: 'x'.repeat(6 * 1024 * 1024) }));
    expect(tooBig.status).toBe(413);
    const wrongType = await admin.request('POST', '/api/units', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(wrongType.status).toBe(415);
  });

  it('never answers 500 to random input on any route', async () => {
    const routes = [
      ['GET', '/api/units/search?q='], ['GET', '/api/units/'], ['GET', '/api/units/1/subtree?after='],
      ['GET', '/api/units/1/children?limit='], ['GET', '/api/audit?before='], ['GET', '/api/users?offset='],
      ['POST', '/api/units'], ['PATCH', '/api/units/'], ['POST', '/api/users'], ['POST', '/api/units/1/import'],
      ['POST', '/api/auth/login'], ['POST', '/api/users/1/grants'], ['DELETE', '/api/grants/'],
      ['POST', '/api/plans'], ['PUT', '/api/plans/1'], ['POST', '/api/plans/1/tasks'], ['PATCH', '/api/occurrences/'],
      ['GET', '/api/calendar?month='], ['GET', '/api/my-work?days='], ['POST', '/api/models'], ['POST', '/api/models/1/replicate'],
      ['PATCH', '/api/models/1/steps/'], ['POST', '/api/templates'], ['GET', '/api/models?unitId='], ['GET', '/api/plans?q='],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.jsonValue({ maxDepth: 2 }),
        async ([method, path], text, body) => {
          const url = path.endsWith('=') || path.endsWith('/') ? path + encodeURIComponent(text) : path;
          const res = method === 'GET' ? await admin.get(url) : await admin.request(method, url, JSON.stringify(body), { 'content-type': 'application/json' });
          expect(res.status, `${method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
          if (res.status >= 400) expect(res.body.error.message).toBeTruthy();
        },
      ),
      { numRuns: 500 },
    );
  });
});
