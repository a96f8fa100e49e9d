/**
 * Models that tests start through the API as an officer would: a built-in template at a unit,
 * launched, so that it operates (what the gong figures and targets look for).
 */
import { expect } from 'vitest';
import type { Client } from './client.ts';

/** Starts the built-in template `key` at the unit and records its launch; answers the instance. */
export async function startOperatingModel(client: Client, key: string, unitId: number, extraUnitIds?: number[]) {
  const template = (await client.get('/api/templates')).body.find((t: any) => t.builtin_key === key);
  const started = await client.post('/api/models', { templateId: template.id, unitId, startedOn: '2024-02-19', extraUnitIds });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const launched = await client.patch(`/api/models/${started.body.id}/steps/launch`, { actualStart: '2024-03-12', actualEnd: '2024-03-12' });
  expect(launched.status, JSON.stringify(launched.body)).toBe(200);
  return started.body;
}
