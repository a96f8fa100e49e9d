/**
 * "My work" for an officer with 2,000 open occurrences among 200,000 in the database:
 * GET /api/my-work?days=14&limit=50 over real HTTP as the demo officer of Xã Thượng Hà.
 *
 * Data: the demo, then plans with daily tasks in 100 communes of Thanh Hóa (20 tasks each, 100
 * occurrences per task, past ones mostly done), and enough open occurrences for Công an xã
 * Thượng Hà that the officer's subtree holds exactly 2,000 open ones; 200,000 occurrences in all.
 */
import { buildApp } from '../src/app.ts';
import { vacuumAnalyze } from '../src/db/maintenance.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/seed.ts';
import { loadBuiltinTemplates } from '../src/models/service.ts';
import { addDays, todayVN } from '../src/shared/dates.ts';
import { loadAdministrativeUnits } from '../src/units/admin-data.ts';
import {
  HttpClient, formatSummary, onCleanup, openEngine, progress, round, summarize, timed, within,
  type BenchEngine, type BenchOptions, type Figures,
} from './lib.ts';

export const engines: readonly BenchEngine[] = ['postgres', 'pglite'];
export const description = 'my work for an officer with 2,000 open occurrences among 200,000';

const PASSWORD = 'BinhYen@2025';
const TOTAL = 200_000;
const OFFICER_OPEN = 2_000;
const PER_TASK = 100;
const WARMUP = 50;
const REQUESTS = 500;

export default async function myWork({ engine }: BenchOptions): Promise<Figures> {
  const { database } = await openEngine(engine);
  const db = database.db;
  const today = todayVN();
  const setup = await within(15 * 60_000, 'setup', (async () => {
    await migrate(database);
    await loadAdministrativeUnits(db);
    await loadBuiltinTemplates(db);
    await loadDemo(db, PASSWORD);
    const police = await db.selectFrom('units').select(['id', 'path', 'province_code']).where('name', '=', 'Công an xã Thượng Hà').executeTakeFirstOrThrow();
    const thuongHa = await db.selectFrom('units').select(['id', 'path']).where('code', '=', '02968').executeTakeFirstOrThrow();
    const countOcc = async (where?: (q: any) => any) => {
      let q = db.selectFrom('task_occurrences').select((eb) => eb.fn.countAll<number>().as('n'));
      if (where) q = where(q);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const openHere = await countOcc((q) => q.where('status', '=', 'open').where('unit_path', 'like', thuongHa.path + '%'));
    const already = await countOcc();

    const addPlan = async (unit: { id: number; path: string; province_code: string | null }, title: string) =>
      (await db.insertInto('plans').values({
        province_code: unit.province_code!, unit_id: unit.id, unit_path: unit.path, symbol: 'KH-UBND', title, title_folded: title.toLowerCase(),
        document: JSON.stringify({ issuer: { name: 'UBND' }, bases: [], sections: [], recipients: [], signer: { title: 'CHỦ TỊCH', name: '' } }),
        status: 'issued', number: '1', issued_on: addDays(today, -200),
      }).returning('id').executeTakeFirstOrThrow()).id;

    /** Tasks of PER_TASK daily occurrences each, the last one shorter, open from `openFrom` on. */
    const addTasks = async (planId: number, lead: { id: number; path: string; province_code: string | null }, occurrences: number, start: string, openFrom: string) => {
      let left = occurrences;
      for (let t = 0; left > 0; t++) {
        const n = Math.min(PER_TASK, left);
        const task = await db.insertInto('tasks').values({
          province_code: lead.province_code!, plan_id: planId, title: `Tuần tra, đánh kẻng ${t + 1}`, lead_unit_id: lead.id, lead_unit_path: lead.path,
          recurrence: JSON.stringify({ freq: 'daily', time: '22:00' }), starts_on: start, ends_on: addDays(start, n - 1),
        }).returning('id').executeTakeFirstOrThrow();
        const rows = Array.from({ length: n }, (_, k) => {
          const due = addDays(start, k);
          return { province_code: lead.province_code!, task_id: task.id, unit_path: lead.path, due_on: due, due_time: '22:00', status: due < openFrom ? ('done' as const) : ('open' as const) };
        });
        await db.insertInto('task_occurrences').values(rows).execute();
        left -= n;
      }
    };

    // The officer's share: exactly OFFICER_OPEN open, from 60 days ago into the coming weeks.
    const officerPlan = await addPlan(police, 'Kế hoạch tuần tra của Công an xã Thượng Hà');
    await addTasks(officerPlan, police, OFFICER_OPEN - openHere, addDays(today, -60), addDays(today, -60));
    // Everyone else's, to bring the table to TOTAL rows.
    const communes = await db.selectFrom('units').select(['id', 'path', 'province_code']).where('kind', '=', 'commune').where('province_code', '=', '38').orderBy('code').limit(100).execute();
    let remaining = TOTAL - (await countOcc());
    const perCommune = Math.ceil(remaining / communes.length);
    for (const commune of communes) {
      const n = Math.min(perCommune, remaining);
      if (n <= 0) break;
      const planId = await addPlan(commune, 'Kế hoạch tuần tra, đánh kẻng');
      await addTasks(planId, commune, n, addDays(today, -70), addDays(today, -10));
      remaining -= n;
    }
    await vacuumAnalyze(database, ['units', 'plans', 'tasks', 'task_occurrences']);
    const total = await countOcc();
    const officerOpen = await countOcc((q) => q.where('status', '=', 'open').where('unit_path', 'like', thuongHa.path + '%'));
    const overdue = await countOcc((q) => q.where('status', '=', 'open').where('unit_path', 'like', thuongHa.path + '%').where('due_on', '<', today));
    const due = await countOcc((q) => q.where('status', '=', 'open').where('unit_path', 'like', thuongHa.path + '%').where('due_on', '>=', today).where('due_on', '<=', addDays(today, 14)));
    progress(`occurrences: ${total} in all (${already} from the demo), ${officerOpen} open for Xã Thượng Hà (${overdue} overdue, ${due} due within 14 days)`);
    if (total !== TOTAL || officerOpen !== OFFICER_OPEN) throw new Error(`setup: ${total} occurrences, ${officerOpen} open for the officer`);
    return { overdue, due };
  })());

  const app = await buildApp({ database, config: { cookieSecure: false } });
  const closeApp = onCleanup(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const client = await new HttpClient(`http://127.0.0.1:${port}`).login('canbo', PASSWORD);

  const samples = await within(5 * 60_000, 'measuring', (async () => {
    const request = async () => {
      const work = await client.ok<{ counts: { overdue: number; due: number }; overdue: unknown[]; due: unknown[] }>('/api/my-work?days=14&limit=50');
      if (work.counts.overdue !== setup.overdue || work.counts.due !== setup.due || work.overdue.length !== Math.min(50, setup.overdue)) {
        throw new Error(`my-work answered ${JSON.stringify(work.counts)}, expected ${JSON.stringify(setup)}`);
      }
    };
    for (let i = 0; i < WARMUP; i++) await request();
    const out: number[] = [];
    for (let i = 0; i < REQUESTS; i++) out.push((await timed(request)).ms);
    return out;
  })());
  await closeApp();
  progress(`my-work: ${formatSummary(summarize(samples))}`);
  return { my_work_ms_p95: { value: round(summarize(samples).p95), unit: 'ms', goal: '<= 20' } };
}
