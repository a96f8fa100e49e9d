import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import type { Sealer } from './tips/seal.ts';
import { activityRoutes } from './activities/routes.ts';
import { alarmRoutes } from './alarms/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { fireGroupRoutes } from './firegroups/routes.ts';
import { householdRoutes } from './households/routes.ts';
import { keychainRoutes } from './keychains/routes.ts';
import { phoneRoutes } from './gongs/phone.ts';
import { gongRoutes } from './gongs/routes.ts';
import { modelRoutes } from './models/routes.ts';
import { patrolRoutes } from './patrols/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { targetRoutes } from './targets/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { rollupRoutes } from './rollups/routes.ts';
import { publicTipRoutes } from './tips/public.ts';
import { tipRoutes } from './tips/routes.ts';
import { open311Routes } from './tips/open311.ts';
import { unitRoutes } from './units/routes.ts';
import { userRoutes } from './users/routes.ts';

export interface AreaDeps {
  db: Kysely<DB>;
  config: Pick<Config, 'cookieSecure'> & Partial<Pick<Config, 'publicUrl'>>;
  sealer: Sealer;
}

/** Every domain area of the platform. A new area adds its routes here and its tables in migrations/. */
export const areas: ((app: FastifyInstance, deps: AreaDeps) => void)[] = [
  (app, { db, config }) => authRoutes(app, db, config),
  (app, { db }) => unitRoutes(app, db),
  (app, { db }) => userRoutes(app, db),
  (app, { db }) => auditRoutes(app, db),
  (app, { db }) => modelRoutes(app, db),
  (app, { db }) => planRoutes(app, db),
  (app, { db }) => fileRoutes(app, db),
  (app, { db }) => gongRoutes(app, db),
  (app) => phoneRoutes(app),
  (app, { db, config }) => alarmRoutes(app, db, config.publicUrl),
  (app, { db }) => householdRoutes(app, db),
  (app, { db }) => patrolRoutes(app, db),
  (app, { db }) => activityRoutes(app, db),
  (app, { db }) => fireGroupRoutes(app, db),
  (app, { db, config }) => keychainRoutes(app, db, config.publicUrl),
  (app, { db }) => targetRoutes(app, db),
  (app, { db }) => rollupRoutes(app, db),
  (app, { db }) => reportRoutes(app, db),
  (app, { db, sealer }) => tipRoutes(app, db, sealer),
  (app, { db, sealer, config }) => open311Routes(app, db, sealer, config.publicUrl),
  (app, { db, sealer, config }) => publicTipRoutes(app, db, sealer, config),
];
