import type { Permission, Role } from '../../src/access/policy.ts';

/**
 * Who may do what, written again from what each role is for (README, docs/architecture.md) rather
 * than read from policy.ts, so a slip in the role table there is caught here.
 */
const STAFF = ['admin', 'leader', 'officer'] as const;
const SERVES_VILLAGES = [...STAFF, 'village_operator'] as const;
const EXPECTED: Record<Permission, readonly Role[]> = {
  // Everyone granted a unit sees it and what is under it.
  'unit.read': [...STAFF, 'school_staff', 'village_operator', 'viewer', 'confidential', 'investigator'],
  'unit.write': STAFF,
  'user.manage': ['admin'],
  'audit.read': ['admin', 'leader'],
  // Schools run their own models (safe schools) and report on them.
  'model.write': [...STAFF, 'school_staff'],
  'template.write': STAFF,
  'plan.write': STAFF,
  // Issuing a plan is signing it: a leader's act.
  'plan.approve': ['admin', 'leader'],
  'task.update': [...SERVES_VILLAGES, 'school_staff'],
  // The village strikes its gong, raises alarms and keeps its households and fire-safety groups.
  'gong.manage': SERVES_VILLAGES,
  'gong.checkin': SERVES_VILLAGES,
  'alarm.raise': SERVES_VILLAGES,
  'household.read': SERVES_VILLAGES,
  'household.write': SERVES_VILLAGES,
  'field.write': SERVES_VILLAGES,
  'activity.write': [...SERVES_VILLAGES, 'school_staff'],
  // Tips go to the commune police; only the confidential role learns who sent one.
  'tip.read': [...STAFF, 'confidential', 'investigator'],
  'tip.handle': [...STAFF, 'investigator'],
  'tip.reveal': ['confidential'],
  // A crime report handed over is settled by the investigation body: at the commune, only by the
  // investigator it assigned there (not even an administrator records its decisions).
  'tip.settle': ['investigator'],
  'report.write': [...STAFF, 'school_staff'],
  'report.review': STAFF,
};
/** Whether the role is meant to hold the permission. */
export const expectedAllows = (role: Role, p: Permission) => EXPECTED[p].includes(role);
