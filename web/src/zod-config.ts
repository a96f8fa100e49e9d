import { z } from 'zod';

// The CSP allows no eval: zod (bundled with the recurrence rules) would probe Function('') as its
// schemas are built, to learn whether it may compile parsers, and the browser reports a violation.
z.config({ jitless: true });
