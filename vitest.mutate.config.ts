import { defineConfig } from 'vitest/config';

/**
 * The pure unit tests of the rule modules, for mutation testing (`npm run mutate`): no database,
 * no server, no global set-up, so Stryker can run them once per mutant on a small machine.
 */
export default defineConfig({
  test: {
    include: [
      'src/access/policy.test.ts',
      'src/tips/deadlines.test.ts',
      'src/tips/photos.test.ts',
      'src/gongs/night.test.ts',
      'src/gongs/group-commit.unit.test.ts',
      'src/plans/recurrence.test.ts',
      'src/reports/lateness.test.ts',
      'src/households/scope.test.ts',
    ],
    testTimeout: 60_000,
  },
});
