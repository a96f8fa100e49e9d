import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Database } from '../../src/db/engine.ts';
import { testDatabase } from './db.ts';
import { TEST_PASSWORD } from './prepare.ts';

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

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrf && method !== 'GET' && { 'x-csrf-token': this.csrf }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body ?? {});
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
}

/** The whole platform on a real port over a fresh copy of the prepared database. */
export async function startTestServer(): Promise<TestServer> {
  const database = await testDatabase();
  const app = await buildApp({ database, config: { cookieSecure: false } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    database,
    url,
    anonymous: () => new Client(url),
    async login(username, password = TEST_PASSWORD) {
      const client = new Client(url);
      const res = await client.post('/api/auth/login', { username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      client.csrf = res.body.csrfToken;
      return client;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
