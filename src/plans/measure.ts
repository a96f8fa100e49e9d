import { z } from 'zod';

/**
 * What recorded data answers a task, instead of a tick by hand (migration 0017's task_measure):
 * the nightly gong by the villages' check-ins of that night, patrols by the patrol log, and an
 * activity kind by the activities of that kind held in the period. The seed plans' nightly gong,
 * patrols after it and monthly outreach are of these kinds.
 */
export const MEASURES = ['gong', 'patrol', 'outreach', 'training', 'meeting', 'drill'] as const;
export type Measure = (typeof MEASURES)[number];

export const TaskMeasure = z.enum(MEASURES).nullable()
  .describe('Dữ liệu tự trả lời nhiệm vụ: gong (điểm danh kẻng của các thôn), patrol (nhật ký tuần tra), hoặc một loại hoạt động');

/** {recorded, required} as the database answers it, or null for a task ticked off by hand. */
export const measuredOf = (m: [number, number] | null) => (m ? { recorded: m[0], required: m[1] } : null);

/** The commune a unit lies in, by its path (/country/province/commune/…), as task_measure reads it; above a commune, the unit itself. */
export const communePathOf = (path: string) => /^\/\d+\/\d+\/\d+\//.exec(path)?.[0] ?? path;
