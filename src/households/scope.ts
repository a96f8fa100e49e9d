import { allowsSomeUnder, scopeOf, type Actor } from '../access/policy.ts';

/**
 * The subtree roots inside which the caller may read households listed under a unit, or null when
 * no grant reaches any of them. It is household.read's own scope, not unit.read's: a village head
 * who may read the whole province's tree still reads only the households of the village.
 */
export function householdReadScope(actor: Actor, unitPath: string): string[] | null {
  if (!allowsSomeUnder(actor, 'household.read', unitPath)) return null;
  return scopeOf(actor, 'household.read');
}
