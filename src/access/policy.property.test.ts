import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../shared/text.ts';
import { startTestServer, type Client, type TestServer } from '../../tests/support/server.ts';
import { expectedAllows } from '../../tests/support/role-oracle.ts';
import { ROLES, type Permission, type Role } from './policy.ts';

/**
 * The access property of policy.test.ts through the real server and database: random subtrees of villages,
 * schools and agencies under a few real communes, random grants to a fresh user, and
 * random reads and writes over HTTP. Whatever is outside the granted subtrees stays
 * unreadable and unchanged.
 */
describe('access through the API, random trees, grants and requests', () => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login('quantri');
  });
  afterAll(() => server.close());

  it('a user granted subtrees never reads or changes anything outside them', async () => {
    const communes = await server.database.db
      .selectFrom('units').select(['id', 'path', 'parent_id']).where('code', 'in', ['02968', '02971', '15664', '15667']).execute();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          // children per commune: each a village, school or agency
          extra: fc.array(fc.constantFrom('village', 'school', 'agency'), { minLength: 2, maxLength: 8 }),
          grants: fc.array(fc.record({ pick: fc.nat(), role: fc.constantFrom<Role>(...ROLES) }), { minLength: 1, maxLength: 3 }),
          requests: fc.array(
            fc.record({ pick: fc.nat(), op: fc.constantFrom('page', 'children', 'subtree', 'edit', 'create', 'search') }),
            { minLength: 5, maxLength: 15 },
          ),
        }),
        async ({ extra, grants, requests }) => {
          run++;
          // A fresh random forest under the communes.
          const created = await server.database.db
            .insertInto('units')
            .values(extra.map((kind, i) => {
              const name = `${kind === 'village' ? 'Thôn' : kind === 'school' ? 'Trường' : 'Tổ'} Thử ${run}-${i}`;
              return {
                parent_id: communes[i % communes.length]!.id, kind: kind as 'village', name, name_folded: fold(name),
                subkind: kind === 'village' ? 'Thôn' : kind === 'school' ? 'Trường THCS' : 'Đoàn thể',
              };
            }))
            .returning(['id', 'path', 'kind'])
            .execute();
          const nodes = [...communes.map((c) => ({ id: c.id, path: c.path, kind: 'commune' })), ...created];
          // An investigator is assigned to a commune, by a decision written on the grant.
          const granted = grants.map((g) => ({ node: g.role === 'investigator' ? nodes[g.pick % communes.length]! : nodes[g.pick % nodes.length]!, role: g.role }));
          const basis = (role: Role) => (role === 'investigator' ? { basis: 'Quyết định phân công thử' } : {});
          const username = `thu${run}`;
          const user = await admin.post('/api/users', { username, fullName: 'Thử', password: 'Thu-nghiem#1', unitId: granted[0]!.node.id, role: granted[0]!.role, ...basis(granted[0]!.role) });
          expect(user.status).toBe(201);
          for (const g of granted.slice(1)) await admin.post(`/api/users/${user.body.id}/grants`, { unitId: g.node.id, role: g.role, ...basis(g.role) });
          const client = await server.login(username, 'Thu-nghiem#1');
          const can = (p: Permission, path: string) => granted.some((g) => expectedAllows(g.role, p) && path.startsWith(g.node.path));
          const readable = (path: string) => can('unit.read', path);
          // The architecture's rule: outside the read scope a unit does not exist (404); inside it,
          // a change without the right is refused (403).
          const refusal = (path: string) => (readable(path) ? 403 : 404);

          for (const r of requests) {
            const target = nodes[r.pick % nodes.length]!;
            const snapshot = await server.database.db.selectFrom('units').select(['id', 'name', 'note']).where('path', 'like', target.path + '%').orderBy('id').execute();
            if (r.op === 'page' || r.op === 'children' || r.op === 'subtree') {
              const url = r.op === 'page' ? `/api/units/${target.id}` : `/api/units/${target.id}/${r.op}`;
              const res = await client.get(url);
              if (readable(target.path)) {
                expect(res.status).toBe(200);
                const items = r.op === 'page' ? [res.body.unit] : r.op === 'children' ? res.body : res.body.items;
                for (const u of items) expect(readable(u.path)).toBe(true);
              } else expect(res.status).toBe(404);
            } else if (r.op === 'search') {
              const res = await client.get(`/api/units/search?q=thu`);
              expect(res.status).toBe(200);
              for (const u of res.body.units) expect(readable(u.path)).toBe(true);
            } else if (r.op === 'edit') {
              const res = await client.patch(`/api/units/${target.id}`, { note: `ghi chú ${run}` });
              expect(res.status).toBe(can('unit.write', target.path) ? 200 : refusal(target.path));
            } else {
              const res = await client.post('/api/units', { parentId: target.id, kind: 'agency', subkind: 'Đoàn thể', name: `Chi hội ${run}-${r.pick}` });
              // Allowed, it may still be refused for what it asks (an agency under a school, a name taken).
              if (can('unit.write', target.path)) expect([201, 400, 409]).toContain(res.status);
              else expect(res.status).toBe(refusal(target.path));
            }
            // Nothing outside the write scope changed.
            if (!can('unit.write', target.path)) {
              const after = await server.database.db.selectFrom('units').select(['id', 'name', 'note']).where('path', 'like', target.path + '%').orderBy('id').execute();
              expect(after).toEqual(snapshot);
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 600_000);
});
