import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The one error shape of the API: a code, a Vietnamese message, field errors. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type FieldError = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}

export const notFound = (what = 'Không tìm thấy dữ liệu') => new AppError(404, 'NOT_FOUND', what);
export const forbidden = (why = 'Bạn không có quyền thực hiện thao tác này với đơn vị này') =>
  new AppError(403, 'FORBIDDEN', why);
export const invalid = (message: string, fields?: FieldError[]) =>
  new AppError(400, 'VALIDATION', message, fields);
export const conflict = (message: string, fields?: FieldError[]) => new AppError(409, 'CONFLICT', message, fields);

/** Fastify's own client errors, in Vietnamese. */
const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'BAD_BODY', 'Nội dung yêu cầu trống'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'BAD_BODY', 'Nội dung JSON không hợp lệ'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'TOO_LARGE', 'Nội dung gửi lên quá lớn'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Kiểu nội dung không được hỗ trợ'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_BODY', 'Độ dài nội dung không khớp'],
  FST_ERR_BAD_URL: [400, 'BAD_URL', 'Đường dẫn không hợp lệ'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'BAD_URL', 'Đường dẫn không hợp lệ'],
};

/** PostgreSQL errors a user's input can provoke (the checks in the schema are the last line of defence). */
function fromPostgres(err: { code?: string }): AppError | undefined {
  const code = err.code ?? '';
  if (code === '23505') return conflict('Dữ liệu đã tồn tại');
  if (code === '23503') return invalid('Dữ liệu tham chiếu không tồn tại');
  if (code === '23514' || code === '23502') return invalid('Dữ liệu không thỏa điều kiện');
  if (code.startsWith('22')) return invalid('Giá trị không hợp lệ');
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { code?: string }, req, reply) => {
    let e: AppError | undefined;
    if (err instanceof AppError) e = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath}`.replace(/^body\//, '').replace(/\//g, '.'),
        message: v.message ?? 'không hợp lệ',
      }));
      e = invalid('Dữ liệu không hợp lệ: ' + fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
    } else if (err.code && FASTIFY_CODES[err.code]) {
      const [status, code, message] = FASTIFY_CODES[err.code]!;
      e = new AppError(status, code, message);
    } else if (err.validation) {
      e = invalid('Dữ liệu không hợp lệ: ' + err.message);
    } else e = fromPostgres(err);
    if (!e && err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      e = new AppError(err.statusCode, 'BAD_REQUEST', 'Yêu cầu không hợp lệ');
    }
    if (!e) {
      req.log.error({ err }, 'unhandled error');
      e = new AppError(500, 'INTERNAL', 'Lỗi hệ thống, vui lòng thử lại sau');
    }
    const body: { error: { code: string; message: string; fields?: FieldError[] } } = {
      error: { code: e.code, message: e.message },
    };
    if (e.fields?.length) body.error.fields = e.fields;
    return reply.status(e.status).send(body);
  });

  app.setNotFoundHandler((_req, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ yêu cầu' } });
  });
}
