import { z } from 'zod';
import { Day } from '../http/replies.ts';
import type { PlanSection } from './document.ts';

export { Day };

/**
 * How deep sections may nest (I, 1, a, … and three more): deeper than any official plan goes.
 * The schema is written out level by level rather than recursively, so a tree nested a thousand
 * levels stops at this depth with a clear error instead of exhausting the stack.
 */
export const MAX_SECTION_DEPTH = 6;

function sectionAt(depth: number): z.ZodType<PlanSection> {
  const children = depth === MAX_SECTION_DEPTH
    ? z.array(z.never()).max(0, `Các mục lồng nhau tối đa ${MAX_SECTION_DEPTH} cấp`)
    : z.array(sectionAt(depth + 1)).max(100, 'Tối đa 100 mục con');
  return z.object({
    heading: z.string().max(500, 'Tối đa 500 ký tự'),
    paragraphs: z.array(z.string().max(20_000, 'Tối đa 20.000 ký tự')).max(500, 'Tối đa 500 đoạn'),
    children: children.optional(),
  });
}
const Section = sectionAt(1).meta({ id: 'PlanSection' });

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
