/** What every area's routes share: the id parameter and the error answers beside a success. */
import { z } from 'zod';
import { ErrorBody } from './errors.ts';

export const Id = z.coerce.number().int().positive().max(2 ** 53 - 1);

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
