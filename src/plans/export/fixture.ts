/**
 * Plans to render in the export tests and the plan-export bench: the demo's transcriptions of
 * the seed plans, as the exports get them from the database.
 *
 * seed000: the first seed plan (school gate), as a draft: no number and no date yet.
 * seed003: the longest seed plan (Khóa an toàn, Triệu Sơn), for page breaks and the bench.
 */
import { DEMO_PLAN_DOCUMENTS } from '../../demo/plans.ts';
import type { PlanDocument } from '../document.ts';
import type { PlanInput } from '../schema.ts';

export function documentOf(input: Omit<PlanInput, 'unitId'>): PlanDocument {
  const { issuer, number, symbol, place, issuedOn, title, bases, preamble, sections, closing, recipients, signer } = input;
  return {
    issuer, number: number ?? null, symbol, place, issuedOn: issuedOn ?? null, title, bases, sections, recipients, signer,
    ...(preamble === undefined ? {} : { preamble }), ...(closing === undefined ? {} : { closing }),
  };
}

export const seed000: PlanDocument = { ...documentOf(DEMO_PLAN_DOCUMENTS['000']), number: null, issuedOn: null };
export const seed003: PlanDocument = documentOf(DEMO_PLAN_DOCUMENTS['003']);
