import { z } from 'zod';
import { isRealDate } from '../shared/dates.ts';
import type { PlanSection } from './document.ts';

export const Day = z.string().refine(isRealDate, 'Ngày không hợp lệ (YYYY-MM-DD)');

const Section: z.ZodType<PlanSection> = z.lazy(() =>
  z.object({
    heading: z.string().max(500),
    paragraphs: z.array(z.string().max(20_000)).max(500),
    children: z.array(Section).max(100).optional(),
  }),
).meta({ id: 'PlanSection' });

/** What a caller writes of a plan; the issuing unit, status and links are set apart. */
export const PlanInput = z.object({
  unitId: z.number().int().positive(),
  number: z.string().trim().max(20).nullish(),
  symbol: z.string().trim().min(1).max(50),
  place: z.string().trim().max(100).default(''),
  issuedOn: Day.nullish(),
  title: z.string().trim().min(1).max(500),
  issuer: z.object({ superior: z.string().max(200).optional(), name: z.string().trim().min(1).max(200) }),
  bases: z.array(z.string().max(2000)).max(100).default([]),
  preamble: z.string().max(5000).optional(),
  sections: z.array(Section).max(100).default([]),
  closing: z.string().max(2000).optional(),
  recipients: z.array(z.string().max(300)).max(100).default([]),
  signer: z.object({ authority: z.string().max(200).optional(), title: z.string().trim().min(1).max(200), name: z.string().max(200) }),
  parentPlanId: z.number().int().positive().nullish(),
  periodStart: Day.nullish(),
  periodEnd: Day.nullish(),
});
export type PlanInput = z.infer<typeof PlanInput>;
