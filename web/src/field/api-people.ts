/** The API of a unit's people in the field: targets, households, fire-safety groups, keychains. */
import { api, ApiError, qs, request, type Unit } from '../api.ts';
import { useResource, type Resource } from '../useResource.ts';

// ---------- Targets ----------

export type { Indicator, Measure } from '../../../src/targets/indicator.ts';
import type { Indicator } from '../../../src/targets/indicator.ts';

export interface UnitTargets {
  unit: { id: number; name: string; kind: string };
  indicators: Indicator[];
}

// ---------- Households ----------

export interface Household {
  id: number;
  village_id: number;
  village_name: string;
  head_name: string;
  address: string;
  members: number;
  phone: string | null;
  note: string | null;
  fire_group_id: number | null;
  fire_group_name: string | null;
  /** The keychain in use, if any. */
  keychain_code: string | null;
}

export interface HouseholdInput {
  headName: string;
  address: string;
  members: number;
  phone?: string | null;
  note?: string | null;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

// ---------- Fire-safety groups ----------

export const CONDITIONS = ['ready', 'needs_service', 'missing'] as const;
export type Condition = (typeof CONDITIONS)[number];

export interface Equipment {
  id: number;
  item: string;
  quantity: number;
  condition: Condition;
  checked_on: string | null;
}

export interface FireGroup {
  id: number;
  village_id: number;
  village_name: string;
  name: string;
  leader_name: string;
  leader_phone: string | null;
  leader_user_id: number | null;
  note: string | null;
  households: number;
  equipment: Equipment[];
  /** null for those who may not read households (personal data). */
  members: { id: number; head_name: string; address: string }[] | null;
}

export interface FireGroupInput {
  name: string;
  leaderName: string;
  leaderPhone?: string | null;
  leaderUserId?: number | null;
  note?: string | null;
  householdIds: number[];
  equipment: { item: string; quantity: number; condition: Condition; checkedOn?: string | null }[];
}

export interface Coverage {
  target: number;
  households: number;
  in_groups: number;
  share: number | null;
  villages: { village_id: number; village_name: string; households: number; in_groups: number; groups: number }[];
}

export interface LeaderCandidate {
  id: number;
  full_name: string;
  username: string;
  phone: string | null;
}

// ---------- Keychains ----------

export interface Keychain {
  id: number;
  village_id: number;
  village_name: string;
  household_id: number;
  head_name: string;
  address: string;
  code: string;
  locks: number;
  handed_on: string;
  contact_name: string;
  contact_phone: string;
  revoked_at: string | null;
}

export interface HandedOut {
  target: number;
  households: number;
  keychains: number;
  share: number | null;
  villages: { village_id: number; village_name: string; households: number; keychains: number }[];
}

export interface HandOutInput {
  householdIds: number[];
  handedOn: string;
  locks: number;
  contactName: string;
  contactPhone: string;
}

/** "7K3M-Q9XD-2HRP", as printed on the keychain. */
export const formatCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

export const peopleApi = {
  targets: (unitId: number) => request<UnitTargets>('GET', '/api/targets' + qs({ unitId })),

  households: (opts: { unitId: number; q?: string; limit?: number; offset?: number }) =>
    request<Household[]>('GET', '/api/households' + qs(opts)),
  createHousehold: (villageId: number, body: HouseholdInput) => request<Household>('POST', '/api/households', { villageId, ...body }),
  updateHousehold: (id: number, body: HouseholdInput) => request<Household>('PUT', `/api/households/${id}`, body),
  deleteHousehold: (id: number) => request<void>('DELETE', `/api/households/${id}`),
  /** The file itself is the body (a Blob goes raw); a bad row rejects the whole file, with each row's errors. */
  importHouseholds: (unitId: number, file: Blob) => request<ImportResult>('POST', '/api/households/import' + qs({ unitId }), file),
  exportUrl: (unitId: number, format: 'csv' | 'xlsx') => `/api/households/export.${format}` + qs({ unitId }),

  fireGroups: (unitId: number) => request<FireGroup[]>('GET', '/api/fire-groups' + qs({ unitId })),
  coverage: (unitId: number) => request<Coverage>('GET', '/api/fire-groups/coverage' + qs({ unitId })),
  leaderCandidates: (villageId: number) => request<LeaderCandidate[]>('GET', '/api/fire-groups/leader-candidates' + qs({ villageId })),
  createFireGroup: (villageId: number, body: FireGroupInput) => request<FireGroup>('POST', '/api/fire-groups', { villageId, ...body }),
  updateFireGroup: (id: number, body: FireGroupInput) => request<FireGroup>('PUT', `/api/fire-groups/${id}`, body),
  deleteFireGroup: (id: number) => request<void>('DELETE', `/api/fire-groups/${id}`),

  keychains: (unitId: number) => request<Keychain[]>('GET', '/api/keychains' + qs({ unitId })),
  handedOut: (unitId: number) => request<HandedOut>('GET', '/api/keychains/handed-out' + qs({ unitId })),
  handOut: (body: HandOutInput) => request<Keychain[]>('POST', '/api/keychains', body),
  revokeKeychain: (id: number) => request<Keychain>('POST', `/api/keychains/${id}/revoke`),
  cardsUrl: (villageId: number, ids?: number[]) => '/api/keychains/cards.pdf' + qs({ villageId, ids: ids?.join(',') }),
  publicUrl: (code: string) => `/k/${code}`,
};

// ---------- Shared by the tabs ----------

/** Refused for want of a permission: households and keychains are personal data. */
export const isForbidden = (err: unknown) => err instanceof ApiError && err.status === 403;

/** The villages a form may pick: the unit itself when it is one, a commune's villages, none above. */
export function useVillages(unit: Unit): Resource<Unit[]> {
  return useResource(
    () => (unit.kind === 'village' ? Promise.resolve([unit]) : unit.kind === 'commune' ? api.children(unit.id, { kind: 'village', limit: 200 }) : Promise.resolve([])),
    [unit.id],
  );
}
