/**
 * Every action and every kind of record the audit log holds. The web app labels each in its
 * catalog (`action.*`, `entity.*`), and the compiler holds the two together: a change recorded
 * under a name not listed here does not build, nor does a name listed without its label.
 */
export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'import', 'login', 'login_failed', 'logout', 'password_change',
  'grant', 'revoke', 'reveal',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = [
  'unit', 'user', 'grant',
  'model_template', 'model_instance', 'instance_step', 'instance_step_file', 'instance_member', 'instance_commitments',
  'plan', 'task', 'task_occurrence', 'task_occurrence_file', 'report', 'report_schedule', 'report_reminder',
  'alarm', 'alarm_ack', 'gong', 'household', 'fire_group', 'keychain', 'patrol', 'patrol_schedule', 'patrol_file',
  'activity', 'activity_file', 'tip', 'tip_note', 'tip_contact',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
