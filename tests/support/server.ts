import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Database } from '../../src/db/engine.ts';
import { testDatabase } from './db.ts';
import { TEST_PASSWORD } from './prepare.ts';
import { Client } from './client.ts';

export { Client } from './client.ts';

export interface TestServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** A logged-in API client for a demo (or any) user. */
  login(username: string, password?: string): Promise<Client>;
  /** A client with no session. */
  anonymous(): Client;
  close(): Promise<void>;
}

/** The whole platform on a real port over a fresh copy of the prepared database. */
export async function startTestServer(config: { publicUrl?: string } = {}): Promise<TestServer> {
  const database = await testDatabase();
  // Tests speak for many client addresses through X-Forwarded-For, as a proxy would.
  const app = await buildApp({ database, config: { cookieSecure: false, trustProxy: 1, ...config } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    database,
    url,
    anonymous: () => new Client(url),
    login: (username, password = TEST_PASSWORD) => new Client(url).login(username, password),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
