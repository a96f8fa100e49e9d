import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access/policy.ts';
import { householdReadScope } from './scope.ts';

const actor = (...grants: [string, Role][]): Actor => ({
  userId: 1, username: 'u', fullName: 'U',
  grants: grants.map(([unitPath, role], i) => ({ id: i, unitId: i + 1, unitPath, unitName: '', role })),
});

// Province /1/8/, commune /1/8/34/, villages /1/8/34/501/ and /1/8/34/502/.
describe('whose households a list may show', () => {
  it('shows a village head only the village, even from the province they may view', () => {
    const head = actor(['/1/8/34/501/', 'village_operator'], ['/1/8/', 'viewer']);
    expect(householdReadScope(head, '/1/8/')).toEqual(['/1/8/34/501/']);
    expect(householdReadScope(head, '/1/8/34/')).toEqual(['/1/8/34/501/']);
    expect(householdReadScope(head, '/1/8/34/501/')).toEqual(['/1/8/34/501/']);
  });

  it('refuses a unit no household grant reaches, above, below or beside', () => {
    const head = actor(['/1/8/34/501/', 'village_operator'], ['/1/8/', 'viewer']);
    expect(householdReadScope(head, '/1/8/34/502/')).toBeNull();
    expect(householdReadScope(actor(['/1/8/', 'viewer']), '/1/8/34/')).toBeNull();
    expect(householdReadScope(actor(['/1/8/34/', 'school_staff']), '/1/8/34/')).toBeNull();
  });

  it('gives an officer the commune, from the commune or from a village in it', () => {
    const officer = actor(['/1/8/34/', 'officer']);
    expect(householdReadScope(officer, '/1/8/34/502/')).toEqual(['/1/8/34/']);
    expect(householdReadScope(officer, '/1/8/')).toEqual(['/1/8/34/']);
  });
});
