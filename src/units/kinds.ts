import type { UnitKind } from '../db/schema.ts';
import { fold } from '../shared/text.ts';

/** Kinds that people create in the app; provinces and communes come from the official list only. */
export const CREATABLE_KINDS = ['village', 'school', 'agency'] as const;
export type CreatableKind = (typeof CREATABLE_KINDS)[number];

export const SUBKINDS: Record<CreatableKind, readonly string[]> = {
  village: ['Thôn', 'Bản', 'Làng', 'Ấp', 'Tổ dân phố', 'Khu phố', 'Xóm', 'Buôn', 'Sóc', 'Khóm', 'Khu dân cư'],
  school: [
    'Trường mầm non', 'Trường tiểu học', 'Trường THCS', 'Trường THPT', 'Trường liên cấp',
    'Trung tâm GDNN-GDTX', 'Trường khác',
  ],
  agency: [
    'Công an xã', 'Công an phường', 'Công an tỉnh', 'UBND xã', 'UBND phường', 'UBND tỉnh',
    'Phòng Văn hóa - Xã hội', 'Phòng GD&ĐT', 'Sở GD&ĐT', 'Mặt trận Tổ quốc', 'Đoàn thể', 'Ban chỉ đạo', 'Cơ quan khác',
  ],
};

/** Where each kind may hang in the tree. */
export const PARENT_KINDS: Record<CreatableKind, readonly UnitKind[]> = {
  village: ['commune'],
  school: ['commune', 'province'],
  agency: ['country', 'province', 'commune'],
};

export const KIND_LABELS: Record<UnitKind, string> = {
  country: 'Quốc gia',
  province: 'Tỉnh/thành phố',
  commune: 'Xã/phường/đặc khu',
  village: 'Thôn/tổ dân phố',
  school: 'Trường học',
  agency: 'Cơ quan/tổ chức',
};

const KIND_WORDS: Record<string, CreatableKind> = {
  village: 'village', thon: 'village', 'thon to dan pho': 'village',
  school: 'school', truong: 'school', 'truong hoc': 'school',
  agency: 'agency', 'co quan': 'agency', 'co quan to chuc': 'agency',
};

/** Reads a kind written in English or Vietnamese, with or without diacritics. */
export function parseKind(text: string): CreatableKind | undefined {
  return KIND_WORDS[fold(text)];
}

/** The canonical spelling of a subkind, matched without regard to case or diacritics. */
export function canonicalSubkind(kind: CreatableKind, text: string): string | undefined {
  const f = fold(text);
  return SUBKINDS[kind].find((s) => fold(s) === f);
}
