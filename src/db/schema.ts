import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from '../access/policy.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined | null, string | null>;

export interface UnitsTable {
  id: Generated<number>;
  parent_id: number | null;
  code: string | null;
  kind: UnitKind;
  subkind: string;
  name: string;
  province_code: string | null;
  path: Generated<string>;
  depth: Generated<number>;
  name_folded: string;
  search_text: Generated<string>;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type UnitKind = 'country' | 'province' | 'commune' | 'village' | 'school' | 'agency';

export interface LegacyUnitsTable {
  old_code: string;
  old_name: string;
  old_district_code: string;
  old_district_name: string;
  old_province_code: string;
  old_province_name: string;
  new_codes: string[];
  name_folded: string;
  search_text: string;
  district_folded: string;
}

export interface LegacySuccessorsTable {
  old_code: string;
  unit_id: number;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  phone: string | null;
  password_hash: string;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  must_change_password: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GrantsTable {
  id: Generated<number>;
  user_id: number;
  unit_id: number;
  role: Role;
  created_at: Timestamp;
  created_by: number | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_id: number | null;
  unit_path: string | null;
  province_code: string | null;
  before: Json;
  after: Json;
  ip: string | null;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Timestamp;
}

export interface DB {
  units: UnitsTable;
  legacy_units: LegacyUnitsTable;
  legacy_successors: LegacySuccessorsTable;
  users: UsersTable;
  grants: GrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}

export type Unit = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type User = Selectable<UsersTable>;
