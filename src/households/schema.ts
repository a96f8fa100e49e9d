import { z } from 'zod';
import { optionalText as anyText } from '../http/replies.ts';

/**
 * "0912 345 678", "0912.345.678", "+84 912 345 678" → "0912345678" / "+84912345678"; and
 * "912345678", the number Excel makes of a phone typed into a cell, gets its 0 back.
 */
export const Phone = z
  .string()
  .trim()
  .max(30, 'Số điện thoại không hợp lệ (ví dụ 0912345678)')
  .transform((s) => s.replace(/[\s.-]/g, '').replace(/^(?=[1-9]\d{8}$)/, '0'))
  .pipe(z.string().regex(/^(0|\+84)\d{9,10}$/, 'Số điện thoại không hợp lệ (ví dụ 0912345678)'));

/** Left out or empty (a blank CSV cell) is null. */
const optionalText = (max: number) => anyText(max).transform((s) => s || null);

/** One household as a form or a CSV row gives it; the same checks for both. */
export const HouseholdInput = z.object({
  headName: z.string().trim().min(1, 'Chưa có tên chủ hộ').max(200, 'Tối đa 200 ký tự'),
  address: z.string().trim().min(1, 'Chưa có địa chỉ').max(300, 'Tối đa 300 ký tự'),
  members: z.coerce.number({ error: 'Số nhân khẩu phải là số' }).int('Số nhân khẩu phải là số nguyên').min(1, 'Ít nhất 1 nhân khẩu').max(100, 'Tối đa 100 nhân khẩu'),
  phone: z.union([z.literal('').transform(() => null), Phone]).nullish().transform((p) => p ?? null),
  note: optionalText(1000),
});
export type HouseholdInput = z.infer<typeof HouseholdInput>;
