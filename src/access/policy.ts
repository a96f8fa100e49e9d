import { sql, type RawBuilder } from 'kysely';
import { forbidden } from '../http/errors.ts';

/**
 * The one place that decides what a caller may read or write. A role is granted on a
 * unit and covers the unit's whole subtree; handlers ask here and never re-implement it.
 */
export const ROLES = ['admin', 'leader', 'officer', 'school_staff', 'village_operator', 'viewer', 'confidential', 'investigator'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'unit.read', 'unit.write', 'user.manage', 'audit.read',
  'model.write', 'template.write', 'plan.write', 'plan.approve', 'task.update',
  'gong.manage', 'gong.checkin', 'alarm.raise',
  // Households are personal data (names, addresses, phones): read only by those who serve them.
  'household.read', 'household.write', 'field.write', 'activity.write',
  // Tips: read and handled by the commune police; the informant's identity only under tip.reveal.
  'tip.read', 'tip.handle', 'tip.reveal',
  // A crime report's settlement is the investigation body's: only its investigator assigned to the commune records it.
  'tip.settle',
  // Periodic reports: written by the unit that owes them, accepted or returned by the unit above.
  'report.write', 'report.review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Administering the platform is not a reason to know who informed the police.
  admin: PERMISSIONS.filter((p) => p !== 'tip.reveal' && p !== 'tip.settle'),
  leader: ['unit.read', 'unit.write', 'audit.read', 'model.write', 'template.write', 'plan.write', 'plan.approve', 'task.update', 'gong.manage', 'gong.checkin', 'alarm.raise', 'household.read', 'household.write', 'field.write', 'activity.write', 'tip.read', 'tip.handle', 'report.write', 'report.review'],
  officer: ['unit.read', 'unit.write', 'model.write', 'template.write', 'plan.write', 'task.update', 'gong.manage', 'gong.checkin', 'alarm.raise', 'household.read', 'household.write', 'field.write', 'activity.write', 'tip.read', 'tip.handle', 'report.write', 'report.review'],
  school_staff: ['unit.read', 'model.write', 'task.update', 'activity.write', 'report.write'],
  village_operator: ['unit.read', 'task.update', 'gong.manage', 'gong.checkin', 'alarm.raise', 'household.read', 'household.write', 'field.write', 'activity.write'],
  viewer: ['unit.read'],
  confidential: ['unit.read', 'tip.read', 'tip.reveal'],
  // The commune police chief or deputy assigned as investigator of the provincial investigation police (BLTTHS as amended in 2025).
  investigator: ['unit.read', 'tip.read', 'tip.handle', 'tip.settle'],
};

export interface Grant {
  id: number;
  unitId: number;
  unitPath: string;
  unitName: string;
  role: Role;
}

export interface Actor {
  userId: number;
  username: string;
  fullName: string;
  grants: Grant[];
  /** Set by an administrator's reset or on creation: the app asks for a new password. */
  mustChangePassword?: boolean;
}

/** '/1/5/9/' → '/1/5/': the path of the unit above. */
export const parentPath = (path: string) => path.slice(0, path.slice(0, -1).lastIndexOf('/') + 1);

/** '/1/' — a path of one id is the root of the tree. */
export const isRootPath = (path: string) => /^\/\d+\/$/.test(path);

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The subtree roots (materialised paths) where the actor holds the permission, nested ones removed. */
export function scopeOf(actor: Actor, permission: Permission): string[] {
  const paths = [...new Set(actor.grants.filter((g) => roleAllows(g.role, permission)).map((g) => g.unitPath))].sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}

export function allows(actor: Actor, permission: Permission, unitPath: string): boolean {
  return scopeOf(actor, permission).some((root) => unitPath.startsWith(root));
}

/** Whether the permission reaches anything at or under the path: the unit itself, or some unit below it. */
export function allowsSomeUnder(actor: Actor, permission: Permission, unitPath: string): boolean {
  return scopeOf(actor, permission).some((root) => unitPath.startsWith(root) || root.startsWith(unitPath));
}

export function assertAllowed(actor: Actor, permission: Permission, unitPath: string): void {
  if (!allows(actor, permission, unitPath)) throw forbidden();
}

/**
 * A WHERE condition keeping only rows whose path column lies inside the scope.
 * An empty scope keeps nothing.
 */
export function inScope(column: string, scope: string[]): RawBuilder<boolean> {
  if (scope.length === 0) return sql<boolean>`false`;
  // The tree has a single root (units_single_root): a grant on it covers every row, and saying
  // so outright keeps a match-everything LIKE from misleading the planner.
  if (scope.some(isRootPath)) return sql<boolean>`true`;
  return sql<boolean>`(${sql.join(scope.map((root) => sql`${sql.ref(column)} like ${root + '%'}`), sql` or `)})`;
}
