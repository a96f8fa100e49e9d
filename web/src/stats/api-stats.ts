import { qs, request } from '../api.ts';
import type { ActivitySummary } from '../field/api-ops.ts';

export interface GongCounts { villages: number; expected: number; struck: number; on_time: number; missed: number }

export interface GongRollup {
  unit: { id: number; name: string; kind: string };
  from: string;
  to: string;
  nights: number;
  by: 'night' | 'month';
  total: GongCounts;
  /** Some village is expected to strike: a gong model operates in the unit. */
  covered: boolean;
  children: ({ id: number; name: string; kind: string; code: string | null; covered: boolean } & GongCounts)[];
  series: { period: string; struck: number; on_time: number; expected: number }[];
}

export interface TipSummary {
  received: number;
  byCategory: Record<string, number>;
  byStatus: Record<string, number>;
  open: { total: number; overdue: number; dueSoon: number; unassigned: number };
}

export interface ModelRollup {
  unit: { id: number; name: string; kind: string };
  communes: number;
  templates: { template: string; building: number; operating: number; closed: number; communes: number }[];
}

export const statsApi = {
  models: (unitId: number) => request<ModelRollup>('GET', '/api/rollups/models' + qs({ unitId })),
  gongs: (unitId: number, from: string, to: string, by: 'night' | 'month') => request<GongRollup>('GET', '/api/rollups/gongs' + qs({ unitId, from, to, by })),
  tips: (unitId: number, from: string, to: string) => request<TipSummary>('GET', '/api/tips/summary' + qs({ unitId, from, to })),
  activities: (unitId: number, from: string, to: string) => request<ActivitySummary>('GET', '/api/activities/summary' + qs({ unitId, from, to })),
};
