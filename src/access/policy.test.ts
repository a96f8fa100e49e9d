import fc from 'fast-check';
import { CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import { ROLE_LABELS } from './labels.ts';
import {
  allows, allowsSomeUnder, assertAllowed, inScope, isRootPath, parentPath, PERMISSIONS, ROLES, roleAllows, scopeOf, type Actor, type Permission, type Role,
} from './policy.ts';
import { placeOf, writable } from './rows.ts';
import { expectedAllows } from '../../tests/support/role-oracle.ts';


/** A random tree as parent indices: node i's parent is some node before it (node 0 is the root). */
const treeArb = fc
  .integer({ min: 1, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 })))));

function pathsOf(parents: number[]): string[] {
  const paths: string[] = [];
  parents.forEach((p, i) => (paths[i] = (p < 0 ? '/' : paths[p]!) + (i + 1) + '/'));
  return paths;
}

/** By walking parent links rather than comparing paths. */
function isWithin(parents: number[], node: number, root: number): boolean {
  for (let n = node; n >= 0; n = parents[n]!) if (n === root) return true;
  return false;
}

const actorOf = (grants: { path: string; role: Role }[]): Actor => ({
  userId: 1, username: 'u', fullName: 'U',
  grants: grants.map((g, i) => ({ id: i, unitId: i + 1, unitPath: g.path, unitName: '', role: g.role })),
});

const caseArb = treeArb.chain((parents) =>
  fc.record({
    parents: fc.constant(parents),
    grants: fc.array(fc.record({ node: fc.nat(parents.length - 1), role: fc.constantFrom(...ROLES) }), { maxLength: 5 }),
    requests: fc.array(fc.record({ node: fc.nat(parents.length - 1), permission: fc.constantFrom(...PERMISSIONS) }), { minLength: 1, maxLength: 20 }),
  }),
);

describe('access policy (pure), thousands of random trees, grants and requests', () => {
  it('gives each role exactly the permissions its purpose needs', () => {
    for (const role of ROLES) for (const p of PERMISSIONS) expect([role, p, roleAllows(role, p)]).toEqual([role, p, expectedAllows(role, p)]);
  });

  it('allows exactly what some grant covers: the granted unit and its subtree, for that role\'s permissions', () => {
    fc.assert(
      fc.property(caseArb, ({ parents, grants, requests }) => {
        const paths = pathsOf(parents);
        const actor = actorOf(grants.map((g) => ({ path: paths[g.node]!, role: g.role })));
        for (const r of requests) {
          const holders = grants.filter((g) => expectedAllows(g.role, r.permission));
          const path = paths[r.node]!;
          expect(allows(actor, r.permission, path)).toBe(holders.some((g) => isWithin(parents, r.node, g.node)));
          expect(allowsSomeUnder(actor, r.permission, path))
            .toBe(holders.some((g) => isWithin(parents, r.node, g.node) || isWithin(parents, g.node, r.node)));
          if (allows(actor, r.permission, path)) expect(() => assertAllowed(actor, r.permission, path)).not.toThrow();
          else expect(() => assertAllowed(actor, r.permission, path)).toThrow(expect.objectContaining({ status: 403 }));
        }
        // The scope is the granted units holding the permission that no other such unit contains.
        for (const p of PERMISSIONS) {
          const holders = [...new Set(grants.filter((g) => expectedAllows(g.role, p)).map((g) => g.node))];
          const roots = holders.filter((n) => !holders.some((m) => m !== n && isWithin(parents, n, m)));
          expect(scopeOf(actor, p)).toEqual(roots.map((n) => paths[n]!).sort());
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never confuses a sibling whose id starts with the same digits (/1/2/ vs /1/23/)', () => {
    const actor = actorOf([{ path: '/1/2/', role: 'admin' }]);
    expect(allows(actor, 'unit.read', '/1/2/5/')).toBe(true);
    expect(allows(actor, 'unit.read', '/1/23/')).toBe(false);
    expect(allows(actor, 'unit.read', '/1/')).toBe(false);
    expect(allowsSomeUnder(actor, 'unit.read', '/1/')).toBe(true);
    expect(allowsSomeUnder(actor, 'unit.read', '/1/23/')).toBe(false);
    expect(allowsSomeUnder(actor, 'unit.read', '/1/3/')).toBe(false);
  });

  it('lists a unit granted twice once, and a nested grant under its ancestor\'s', () => {
    const actor = actorOf([{ path: '/1/9/', role: 'viewer' }, { path: '/1/2/5/', role: 'officer' }, { path: '/1/2/', role: 'leader' }, { path: '/1/9/', role: 'leader' }]);
    expect(scopeOf(actor, 'unit.read')).toEqual(['/1/2/', '/1/9/']);
    expect(scopeOf(actor, 'user.manage')).toEqual([]);
    expect(scopeOf(actorOf([]), 'unit.read')).toEqual([]);
  });

  it('says what the refusal is: 403, the Vietnamese message', () => {
    const refusal = (() => { try { assertAllowed(actorOf([{ path: '/1/2/', role: 'viewer' }]), 'unit.write', '/1/2/'); } catch (e) { return e; } })();
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('knows the root of the tree by a path of one id', () => {
    expect(isRootPath('/1/')).toBe(true);
    expect(isRootPath('/12/')).toBe(true);
    expect(isRootPath('/1/2/')).toBe(false);
    expect(isRootPath('x/1/')).toBe(false);
    expect(isRootPath('/1/x')).toBe(false);
    expect(isRootPath('//')).toBe(false);
  });
});

/** Kysely's compile-only set-up (its documented DummyDriver): the SQL a condition becomes, with no database. */
const compiler = new Kysely<{ t: { path: string } }>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const where = (scope: string[]): CompiledQuery => compiler.selectFrom('t').select('path').where(inScope('t.path', scope)).compile();

describe('a list\'s scope as SQL', () => {
  it('keeps nothing for an empty scope and everything under the root', () => {
    expect(where([]).sql).toBe('select "path" from "t" where false');
    expect(where(['/1/2/', '/1/']).sql).toBe('select "path" from "t" where true');
  });

  it('keeps the subtrees named, each by a prefix match on the path column', () => {
    const q = where(['/1/2/', '/1/7/']);
    expect(q.sql).toBe('select "path" from "t" where ("t"."path" like $1 or "t"."path" like $2)');
    expect(q.parameters).toEqual(['/1/2/%', '/1/7/%']);
  });
});

describe('a row of a unit', () => {
  const village = { unit_id: 5, unit_path: '/1/2/5/', province_code: '15' };
  const operator = actorOf([{ path: '/1/2/5/', role: 'village_operator' }]);

  it('is hidden (404) outside the read scope, refused (403) inside it without the right, and given back with it', () => {
    const fail = (f: () => unknown) => { try { f(); } catch (e) { return e; } };
    expect(fail(() => writable(operator, undefined, 'Không tìm thấy thôn'))).toMatchObject({ status: 404, message: 'Không tìm thấy thôn' });
    expect(fail(() => writable(operator, { ...village, unit_path: '/1/2/6/' }, 'Không tìm thấy thôn'))).toMatchObject({ status: 404 });
    expect(fail(() => writable(actorOf([{ path: '/1/2/', role: 'viewer' }]), village, 'Không tìm thấy thôn'))).toMatchObject({ status: 403 });
    // field.write by default; another right when named.
    expect(writable(operator, village, 'Không tìm thấy thôn')).toBe(village);
    expect(fail(() => writable(operator, village, 'Không tìm thấy thôn', 'unit.write'))).toMatchObject({ status: 403 });
    expect(writable(actorOf([{ path: '/1/2/', role: 'school_staff' }]), village, 'x', 'report.write')).toBe(village);
    expect(fail(() => writable(actorOf([{ path: '/1/2/', role: 'school_staff' }]), village, 'x'))).toMatchObject({ status: 403 });
  });

  it('names its unit as audit entries do', () => {
    expect(placeOf(village)).toEqual({ id: 5, path: '/1/2/5/', province_code: '15' });
  });
});

describe('role names', () => {
  it('has a distinct Vietnamese name for every role', () => {
    const names = ROLES.map((r) => ROLE_LABELS[r]);
    for (const n of names) expect(n).toMatch(/^\p{Lu}[\p{L} ()/]+$/u);
    expect(new Set(names).size).toBe(ROLES.length);
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
  });
});

describe('parentPath', () => {
  it('names the unit above, and nothing above the root', () => {
    expect(parentPath('/1/5/9/')).toBe('/1/5/');
    expect(parentPath('/1/25/')).toBe('/1/');
    expect(parentPath('/1/')).toBe('/'); // a path no unit has: nobody is granted above the root
  });
});
