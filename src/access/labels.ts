import type { Role } from './policy.ts';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  leader: 'Lãnh đạo (phê duyệt)',
  officer: 'Cán bộ',
  school_staff: 'Cán bộ trường học',
  village_operator: 'Thôn/tổ dân phố',
  viewer: 'Chỉ xem',
  confidential: 'Bảo mật tin báo',
  investigator: 'Điều tra viên được phân công',
};
