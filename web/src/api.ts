/** The platform's JSON API: same-origin cookies, a CSRF header on every change, one error shape. */

export const ROLES = ['admin', 'leader', 'officer', 'school_staff', 'village_operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export type Permission = 'unit.read' | 'unit.write' | 'user.manage' | 'audit.read';
export const KINDS = ['country', 'province', 'commune', 'village', 'school', 'agency'] as const;
export type UnitKind = (typeof KINDS)[number];

export interface Me {
  user: { id: number; username: string; fullName: string };
  grants: { id: number; unitId: number; unitName: string; unitPath: string; role: Role; permissions: Permission[] }[];
  csrfToken: string;
  /** Set after an administrator created the account or reset its password. */
  mustChangePassword?: boolean;
}

export interface Unit {
  id: number;
  parent_id: number | null;
  code: string | null;
  kind: UnitKind;
  subkind: string;
  name: string;
  province_code: string | null;
  path: string;
  depth: number;
  note: string | null;
}

export interface UnitRef {
  id: number;
  code: string | null;
  name: string;
  kind: UnitKind;
}

export interface LegacyCommune {
  old_code: string;
  old_name: string;
  old_district_name: string;
  old_province_name: string;
}

export interface SearchResult {
  units: (Unit & { parent_name: string | null })[];
  legacy: (LegacyCommune & { replaced_by: UnitRef[] })[];
  legacyDistricts: { old_district_code: string; old_district_name: string; old_province_name: string; replaced_by: UnitRef[] }[];
}

export interface UnitPage {
  unit: Unit;
  ancestors: UnitRef[];
  childCounts: Partial<Record<UnitKind, number>>;
  subtreeCounts: Partial<Record<UnitKind, number>>;
  legacy: LegacyCommune[];
  canWrite: boolean;
}

export interface Kinds {
  labels: Record<string, string>;
  creatable: { kind: UnitKind; subkinds: string[]; parentKinds: UnitKind[] }[];
}

export interface User {
  id: number;
  username: string;
  full_name: string;
  phone: string | null;
  active: boolean;
  locked_until: string | null;
  created_at: string;
  grants: { id: number; unit_id: number; unit_name: string; role: Role }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_id: number | null;
  unit_name: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface FieldError {
  path: string;
  message: string;
}

/** An error answered by the API (message in Vietnamese), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }

  /** The messages for one field, matched on its path ("password", "row 3.name"), or undefined. */
  field(path: string): string | undefined {
    const messages = this.fields.filter((f) => f.path === path).map((f) => f.message);
    return messages.length ? messages.join('; ') : undefined;
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | undefined;

export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** Called when a request answers 401 while the app believed it was logged in. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined) {
  onUnauthenticated = handler;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (res.status === 204) return undefined as T;
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; fields?: FieldError[] } } | null)?.error;
    if (res.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') onUnauthenticated?.();
    throw new ApiError(res.status, err?.code ?? 'HTTP_' + res.status, err?.message ?? '', err?.fields ?? []);
  }
  return data as T;
}

const qs = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? '?' + text : '';
};

export const api = {
  login: (username: string, password: string) => request<Me>('POST', '/api/auth/login', { username, password }),
  me: () => request<Me>('GET', '/api/auth/me'),
  logout: () => request<void>('POST', '/api/auth/logout', {}),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/auth/password', { currentPassword, newPassword }),

  roots: () => request<Unit[]>('GET', '/api/units/roots'),
  kinds: () => request<Kinds>('GET', '/api/units/kinds'),
  search: (q: string, limit = 20) => request<SearchResult>('GET', '/api/units/search' + qs({ q, limit })),
  unit: (id: number) => request<UnitPage>('GET', `/api/units/${id}`),
  children: (id: number, opts: { kind?: UnitKind; limit?: number; offset?: number } = {}) =>
    request<Unit[]>('GET', `/api/units/${id}/children` + qs(opts)),
  createUnit: (body: { parentId: number; kind: UnitKind; subkind: string; name: string; note?: string | null }) =>
    request<Unit>('POST', '/api/units', body),
  updateUnit: (id: number, body: { name?: string; subkind?: string; note?: string | null }) =>
    request<Unit>('PATCH', `/api/units/${id}`, body),
  importUnits: (id: number, csv: string) => request<{ created: number; units: Unit[] }>('POST', `/api/units/${id}/import`, { csv }),

  users: (opts: { q?: string; limit?: number; offset?: number }) => request<User[]>('GET', '/api/users' + qs(opts)),
  user: (id: number) => request<User>('GET', `/api/users/${id}`),
  createUser: (body: { username: string; fullName: string; phone?: string | null; password: string; unitId: number; role: Role }) =>
    request<User>('POST', '/api/users', body),
  updateUser: (id: number, body: { fullName?: string; phone?: string | null; active?: boolean }) =>
    request<User>('PATCH', `/api/users/${id}`, body),
  resetPassword: (id: number, password: string) => request<void>('POST', `/api/users/${id}/password`, { password }),
  addGrant: (userId: number, unitId: number, role: Role) => request<unknown>('POST', `/api/users/${userId}/grants`, { unitId, role }),
  revokeGrant: (grantId: number) => request<void>('DELETE', `/api/grants/${grantId}`),

  audit: (opts: { entity?: string; action?: string; actor?: string; before?: number; limit?: number }) =>
    request<AuditEntry[]>('GET', '/api/audit' + qs(opts)),
};
