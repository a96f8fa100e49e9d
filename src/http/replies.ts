/** What every area's routes share: the id parameter and the error answers beside a success. */
import { z } from 'zod';
import { inYears, isRealDate, YEARS_MESSAGE as YEARS } from '../shared/dates.ts';
import { ErrorBody } from './errors.ts';

export const Id = z.coerce.number().int().positive().max(2 ** 53 - 1);

const DAY = 'Ngày không hợp lệ (YYYY-MM-DD)';
/** A calendar day, 'YYYY-MM-DD', in the years of shared/dates.ts (FIRST_YEAR to LAST_YEAR). */
export const Day = z.string().max(10, { message: DAY, abort: true }).refine(isRealDate, { message: DAY, abort: true }).refine(inYears, YEARS);
/** A calendar month, 'YYYY-MM'. */
export const Month = z.string().max(7, { message: 'Tháng có dạng YYYY-MM', abort: true })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Tháng có dạng YYYY-MM', abort: true }).refine(inYears, YEARS);
/** A yes or no in a query string ('true', '1', 'false', '0' …). */
export const Flag = z.string().max(8).pipe(z.stringbool());
/** A moment with its offset from UTC, as phones and other systems send it. */
export const Instant = (error = 'Ngày giờ dạng ISO 8601 có múi giờ, ví dụ 2025-03-01T22:30:00+07:00') =>
  z.iso.datetime({ offset: true, error, abort: true }).refine(inYears, YEARS);

/** Text a form must have, trimmed, with the message for when it is empty. */
export const requiredText = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `Tối đa ${max} ký tự`);
/** Text a form may leave out, trimmed. */
export const optionalText = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`).nullish();

export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
export const ok = (body: z.ZodType) => ({ 200: body, ...errors });
export const created = (body: z.ZodType) => ({ 201: body, ...errors });
export const noContent = { 204: z.null(), ...errors };

/** A file in the answer: its bytes, of the given media type. */
export const binary = (description: string, mediaType: string) => ({
  200: { description, content: { [mediaType]: { schema: z.unknown().meta({ type: 'string', format: 'binary' }) } } },
  ...errors,
});
