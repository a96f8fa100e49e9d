import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { trustProxyOption, type Config } from './config.ts';
import type { Database } from './db/engine.ts';
import { areas } from './areas.ts';
import { sealer } from './tips/seal.ts';
import { registerAuth } from './auth/plugin.ts';
import { registerErrorHandling } from './http/errors.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';

z.config(z.locales.vi());

const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface AppOptions {
  database: Database;
  config: Pick<Config, 'cookieSecure'> & Partial<Pick<Config, 'publicUrl' | 'trustProxy' | 'sessionMaxHours'>>;
  logger?: FastifyBaseLogger | undefined;
  /** Seals informants' contacts; tests and benches that give none get a key of their own. */
  tipKey?: Buffer | undefined;
}

export async function buildApp({ database, config, logger, tipKey }: AppOptions) {
  const app = Fastify({ ...(logger ? { loggerInstance: logger } : { logger: false }), bodyLimit: 5 * 1024 * 1024, trustProxy: trustProxyOption(config.trustProxy) });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerSecurityHeaders(app, { cookieSecure: config.cookieSecure });

  // Brotli or gzip for whatever the client accepts and is worth it: the app's main script is
  // 596 KB raw and about 150 KB compressed. Quality 4 (the plugin's default) costs little CPU.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });
  await app.register(fastifyCookie);
  // The browsable API docs are public, like the OpenAPI document they show.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bình Yên API',
        description: 'API của nền tảng Bình Yên. Lỗi luôn có dạng { error: { code, message, fields } }.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'by_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas with a .meta({ id }) go to components once, and routes refer to them there.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerAuth(app, database.db, config.sessionMaxHours);

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', {
    config: { public: true },
    schema: {
      tags: ['Hệ thống'], summary: 'Sẵn sàng phục vụ, với cơ sở dữ liệu đang dùng', security: [],
      response: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']) }) },
    },
  }, async () => ({ status: 'ok' as const, engine: database.engine }));
  r.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const tips = sealer(tipKey ?? randomBytes(32));
  for (const area of areas) area(app, { db: database.db, config, sealer: tips });

  // The staff app: files read from web/dist on each request (a rebuild needs no restart), and
  // index.html for its client-side routes. Files under assets/ are named by their content's
  // hash, so they may be kept for a year; anything else is asked again each time, so a new
  // build reaches every browser at its next load.
  fs.mkdirSync(WEB_DIST, { recursive: true });
  await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, serve: false });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ yêu cầu' } });
    }
    const file = (req.params as { '*': string })['*'];
    if (file && !file.includes('..') && fs.existsSync(WEB_DIST + file) && fs.statSync(WEB_DIST + file).isFile()) {
      if (file.startsWith('assets/')) return reply.header('cache-control', IMMUTABLE).sendFile(file, { cacheControl: false });
      return reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });
    }
    if (!fs.existsSync(WEB_DIST + 'index.html')) {
      return reply.status(503).type('text/plain; charset=utf-8').send('Giao diện web chưa được dựng: chạy "npm run build:web" rồi tải lại trang.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
  return app;
}
