/**
 * Replication in one request: POST /api/models/:id/replicate starts the school model at 500
 * lower-secondary schools of a commune (each with its lifecycle steps and an audit entry),
 * over real HTTP as the whole-country admin.
 *
 * replicate_500_s: the median of RUNS requests, each into 500 schools that don't run the model yet.
 */
import { buildApp } from '../src/app.ts';
import { vacuumAnalyze } from '../src/db/maintenance.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/seed.ts';
import { loadBuiltinTemplates } from '../src/models/service.ts';
import { fold } from '../src/shared/text.ts';
import { loadAdministrativeUnits } from '../src/units/admin-data.ts';
import { todayVN } from '../src/shared/dates.ts';
import {
  HttpClient, onCleanup, openEngine, progress, round, summarize, timed, within,
  type BenchEngine, type BenchOptions, type Figures,
} from './lib.ts';

export const engines: readonly BenchEngine[] = ['postgres', 'pglite'];
export const description = 'one replicate request starting the school model at 500 schools';

const PASSWORD = 'BinhYen@2025';
const SCHOOLS = 500;
const RUNS = 5;
const COMMUNES = ['15664', '15667', '15682', '15715', '15724', '15754']; // one for the origin, one per run

export default async function replicate({ engine }: BenchOptions): Promise<Figures> {
  const { database } = await openEngine(engine);
  const db = database.db;
  await within(10 * 60_000, 'setup', (async () => {
    await migrate(database);
    await loadAdministrativeUnits(db);
    await loadBuiltinTemplates(db);
    await loadDemo(db, PASSWORD);
    for (const code of COMMUNES.slice(1)) {
      const commune = await db.selectFrom('units').select(['id']).where('code', '=', code).executeTakeFirstOrThrow();
      const names = Array.from({ length: SCHOOLS }, (_, i) => `Trường THCS Số ${i + 1}`);
      await db.insertInto('units').values(names.map((name) => ({ parent_id: commune.id, kind: 'school' as const, subkind: 'Trường THCS', name, name_folded: fold(name) }))).execute();
    }
    await vacuumAnalyze(database);
  })());
  progress(`setup: ${COMMUNES.length - 1} communes with ${SCHOOLS} lower-secondary schools each`);

  const app = await buildApp({ database, config: { cookieSecure: false } });
  const closeApp = onCleanup(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const client = await new HttpClient(`http://127.0.0.1:${port}`, 60_000).login('quantri', PASSWORD);
  const template = (await client.ok<{ id: number; builtin_key: string }[]>('/api/templates')).find((t) => t.builtin_key === 'cong-truong-atgt')!;
  const originSchool = await db.selectFrom('units').select('id').where('name', '=', 'Trường THCS Điện Quan').executeTakeFirstOrThrow();
  let origin = (await client.ok<{ id: number; unit_id: number }[]>('/api/models?limit=500')).find((m) => m.unit_id === originSchool.id);
  if (!origin) {
    const created = await client.post('/api/models', { templateId: template.id, unitId: originSchool.id, startedOn: '2024-04-01' });
    if (created.status !== 201) throw new Error(`origin: ${created.status} ${JSON.stringify(created.body)}`);
    origin = created.body;
  }

  const seconds: number[] = [];
  for (const code of COMMUNES.slice(1, RUNS + 1)) {
    const commune = await db.selectFrom('units').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
    const { ms, result } = await timed(() => client.post(`/api/models/${origin!.id}/replicate`, {
      under: { unitId: commune.id, kind: 'school', subkind: 'Trường THCS' }, startedOn: todayVN(),
    }));
    if (result.status !== 201 || result.body.created !== SCHOOLS) throw new Error(`replicate into ${code}: ${result.status} ${JSON.stringify(result.body).slice(0, 300)}`);
    const { n } = await db.selectFrom('model_instances').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('replicated_from_id', '=', origin!.id).where('unit_path', 'like', commune.path + '%').executeTakeFirstOrThrow();
    const steps = await db.selectFrom('instance_steps as s').innerJoin('model_instances as m', 'm.id', 's.instance_id')
      .select((eb) => eb.fn.countAll<number>().as('n')).where('m.replicated_from_id', '=', origin!.id).where('m.unit_path', 'like', commune.path + '%').executeTakeFirstOrThrow();
    if (Number(n) !== SCHOOLS || Number(steps.n) !== SCHOOLS * 7) throw new Error(`replicate into ${code}: ${n} instances, ${steps.n} steps in the database`);
    seconds.push(ms / 1000);
    progress(`run into ${code}: ${round(ms)} ms, ${n} instances and ${steps.n} steps written`);
  }
  await closeApp();
  const s = summarize(seconds);
  progress(`replicate 500: median ${round(s.p50, 3)} s, max ${round(s.max, 3)} s over ${seconds.length} runs`);
  return { replicate_500_s: { value: round(s.p50, 3), unit: 's', goal: '<= 1' } };
}
