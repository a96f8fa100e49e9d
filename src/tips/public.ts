/**
 * The public tip channel's pages (/bao-tin): no log-in, no script. Requests from the form come
 * as a multipart body (the photos) or a plain form (the status page); both parsers live in this
 * scope only, with their own small limits, and leave the rest of the app JSON-only.
 */
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB, TipCategory } from '../db/schema.ts';
import { Phone } from '../households/schema.ts';
import { AppError } from '../http/errors.ts';
import { sendPage } from '../http/public-page.ts';
import { fold } from '../shared/text.ts';
import { countLookUp } from '../keychains/service.ts';
import { limiterOf } from '../shared/rate-limit.ts';
import { RECEIPT_GUESSES, STATUS_LOOKUPS, TIPS_PER_ADDRESS, TIPS_PER_KEYCHAIN } from './limits.ts';
import { choosePlacePage, RECEIPT_MINUTES, receiptGonePage, receiptPage, statusFormPage, statusPage, tipFormPage, type Destination, type FormValues } from './pages.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, photoProblem } from './photos.ts';
import * as q from './queries.ts';
import type { Sealer } from './seal.ts';
import { CATEGORIES, destination, publicStatus, submitTip, type Destination as TipDestination } from './service.ts';

const MAX_DESCRIPTION = 5000;

/**
 * Where the form sends the tip: the keychain's commune and village, or the chosen commune; none
 * for a commune that is not one. A keychain that is unknown or revoked is the caller's error.
 */
async function destinationOf(db: Kysely<DB>, query: { ma?: string | undefined; xa?: string | undefined }) {
  const id = Number(query.xa);
  if (!query.ma && !(Number.isSafeInteger(id) && id > 0)) return undefined;
  try {
    return await destination(db, query.ma ? { keychainCode: query.ma } : { communeId: id });
  } catch (e) {
    if (!query.ma && e instanceof AppError && e.status === 400) return undefined;
    throw e;
  }
}

/** What the form page shows of it, and carries in its hidden fields. */
const shown = (to: TipDestination): Destination => ({
  fields: to.keychainCode ? { ma: to.keychainCode } : { xa: String(to.commune.id) }, commune: to.commune.name, village: to.villageName,
});

/** A photo the form did not take, by the name the person chose it under, and why. */
interface Refused { name: string; why: string }
interface Posted { fields: Record<string, string>; photos: { name: string; content: Buffer }[]; refused: Refused[]; broken?: string }

/**
 * Photos beyond the limit still read to the end (and dropped), so the fields after them arrive:
 * past this many files the form is not one a person sent.
 */
const MAX_FILE_PARTS = 10;

/**
 * The form's fields and photos, within the limits. A photo over them is set aside by name and
 * the rest is kept, so the page can be shown again with everything the person wrote; a body that
 * cannot be read to the end keeps the fields read before the fault.
 */
async function readForm(req: FastifyRequest): Promise<Posted> {
  const posted: Posted = { fields: {}, photos: [], refused: [] };
  const limits = { fileSize: MAX_PHOTO_BYTES, files: MAX_FILE_PARTS, fields: 20, fieldSize: 4 * MAX_DESCRIPTION, parts: 30 };
  try {
    for await (const part of req.parts({ limits })) {
      if (part.type === 'file') {
        const name = part.filename.slice(0, 100);
        if (posted.photos.length + posted.refused.length >= MAX_PHOTOS) {
          for await (const _ of part.file); // drained, not kept
          if (name) posted.refused.push({ name, why: `quá ${MAX_PHOTOS} ảnh` });
          continue;
        }
        const content = await part.toBuffer();
        if (part.file.truncated) posted.refused.push({ name, why: `lớn hơn ${MAX_PHOTO_BYTES / 1024 / 1024} MB` });
        else if (content.length) {
          const why = await photoProblem(content);
          if (why) posted.refused.push({ name, why });
          else posted.photos.push({ name, content });
        }
      } else posted.fields[part.fieldname] = String(part.value ?? '');
    }
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    posted.broken = `${LIMIT_ERRORS[code] ?? 'Không đọc được biểu mẫu'}. Hãy gửi lại.`;
  }
  return posted;
}

const LIMIT_ERRORS: Record<string, string> = {
  FST_FILES_LIMIT: `Gửi tối đa ${MAX_PHOTOS} ảnh`,
  FST_PARTS_LIMIT: 'Biểu mẫu có quá nhiều phần',
  FST_FIELDS_LIMIT: 'Biểu mẫu có quá nhiều ô',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'Hãy gửi bằng biểu mẫu trên trang',
};

/**
 * What the photo field says when the form comes back: which photos were refused and why, and,
 * as a browser never fills a file field again, that the photos chosen must be chosen again.
 */
function photosNote(posted: Posted): string | undefined {
  const refused = posted.refused.map((r) => `Ảnh "${r.name}" không được nhận: ${r.why}.`);
  const names = [...posted.photos.map((p) => p.name), ...posted.refused.map((r) => r.name)].filter(Boolean);
  const again = names.length ? [`Ảnh đã chọn chưa được gửi; hãy chọn lại${posted.refused.length ? ' các ảnh hợp lệ' : ''} trước khi gửi.`] : [];
  return refused.length || again.length ? [...refused, ...again].join(' ') : undefined;
}

/** The time typed in the form (datetime-local, Vietnam's time), or a field error. */
function occurredAtOf(text: string | undefined): Date | undefined | 'bad' {
  if (!text) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)) return 'bad';
  const at = new Date(`${text}:00+07:00`);
  return Number.isNaN(at.getTime()) ? 'bad' : at;
}

/**
 * After a tip is sent, the browser is sent on to the receipt (post/redirect/get): refreshing the
 * receipt must not send the tip again. Its two codes ride in a session cookie only that page
 * reads; the page shows them for RECEIPT_MINUTES after the tip arrived, checked against the tip
 * (a made-up cookie shows nothing), and the person may remove them at once.
 */
const RECEIPT_PATH = '/bao-tin/da-gui';
const RECEIPT_COOKIE = 'bien_nhan';

export function publicTipRoutes(app: FastifyInstance, db: Kysely<DB>, sealer: Sealer, opts: { cookieSecure: boolean }) {
  const limits = limiterOf(db);
  const receiptCookie = { path: RECEIPT_PATH, httpOnly: true, sameSite: 'strict' as const, secure: opts.cookieSecure };

  app.register(async (scope) => {
    await scope.register(fastifyFormbody, { bodyLimit: 4096 });
    // A photo over the size is cut short and marked, not thrown: the form around it is kept.
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_FILE_PARTS }, throwFileSizeLimit: false });

    scope.get<{ Querystring: { ma?: string; xa?: string; tim?: string } }>('/bao-tin', { schema: { hide: true } }, async (req, reply) => {
      const query = req.query;
      if (query.ma || query.xa) {
        try {
          // A code in the address is a keychain look-up, limited as the /k/ page is.
          if (query.ma) await countLookUp(db, req.ip);
          const to = await destinationOf(db, query);
          if (to) return sendPage(reply, 200, tipFormPage(shown(to)));
        } catch (e) {
          if (e instanceof AppError) return sendPage(reply, e.status, choosePlacePage('', undefined, e.message));
          throw e;
        }
        return sendPage(reply, 404, choosePlacePage('', undefined, 'Không tìm thấy xã, phường này; hãy tìm lại'));
      }
      const text = String(query.tim ?? '').slice(0, 100);
      const parts = fold(text).split(' ').filter(Boolean);
      return sendPage(reply, 200, choosePlacePage(text, parts.length ? await q.communesMatching(db, parts, 20) : undefined));
    });

    scope.post('/bao-tin', { schema: { hide: true } }, async (req, reply) => {
      // Counted before the body is read: a flood from one address costs no parsing of its bodies.
      if (!(await limits.take(TIPS_PER_ADDRESS, req.ip))) {
        return sendPage(reply, 429, choosePlacePage('', undefined, 'Tin báo của bạn chưa được gửi: có quá nhiều tin gửi từ nơi này trong ít phút. Hãy thử lại sau, hoặc gọi 113 nếu khẩn cấp.'));
      }
      const posted = await readForm(req);
      const f = posted.fields;
      let to: TipDestination | undefined;
      try {
        to = await destinationOf(db, { ma: f.ma, xa: f.xa });
      } catch (e) {
        if (e instanceof AppError) return sendPage(reply, e.status, choosePlacePage('', undefined, e.message));
        throw e;
      }
      if (!to) return sendPage(reply, 400, choosePlacePage('', undefined, posted.broken ?? 'Hãy chọn xã, phường nơi xảy ra sự việc'));
      const values: FormValues = { category: f.category, description: f.description, occurredAt: f.occurredAt, place: f.place, name: f.name, phone: f.phone };
      const again = (status: number, errors: Record<string, string>) => {
        const photos = photosNote(posted);
        return sendPage(reply, status, tipFormPage(shown(to!), values, photos ? { ...errors, photos: [errors.photos, photos].filter(Boolean).join(' ') } : errors));
      };
      // A cut or malformed body is the sender's: answered with the form and what it kept, never a 500.
      if (posted.broken) return again(400, { form: posted.broken });

      // A person never fills the hidden field; a bot filling every field does.
      if (f.website) return again(400, { form: 'Không gửi được tin báo. Hãy thử lại.' });
      if (to.keychainCode && !(await limits.take(TIPS_PER_KEYCHAIN, to.keychainCode))) {
        return again(429, { form: 'Tin báo chưa được gửi: móc khóa này đã gửi quá nhiều tin trong một giờ. Hãy thử lại sau, hoặc gọi 113 nếu khẩn cấp.' });
      }
      const errors: Record<string, string> = {};
      if (!f.category || !Object.hasOwn(CATEGORIES, f.category)) errors.category = 'Hãy chọn loại sự việc.';
      const description = (f.description ?? '').trim();
      if (description.length < 10) errors.description = 'Hãy kể lại sự việc, ít nhất vài từ (10 ký tự).';
      if (description.length > MAX_DESCRIPTION) errors.description = `Phần kể lại sự việc dài tối đa ${MAX_DESCRIPTION} ký tự.`;
      const occurredAt = occurredAtOf(f.occurredAt);
      if (occurredAt === 'bad') errors.occurredAt = 'Thời điểm xảy ra không hợp lệ; hãy chọn ngày và giờ.';
      const phone = f.phone?.trim() ? Phone.safeParse(f.phone) : undefined;
      if (phone && !phone.success) errors.phone = 'Số điện thoại không hợp lệ (ví dụ 0912345678).';
      if (Object.keys(errors).length || posted.refused.length) return again(400, { form: 'Tin báo chưa được gửi. Hãy sửa các ô được đánh dấu.', ...errors });

      try {
        const receipt = await submitTip(db, sealer, {
          category: f.category as TipCategory, description, occurredAt: occurredAt as Date | undefined, place: f.place?.trim().slice(0, 300),
          to, photos: posted.photos,
          contact: { name: f.name?.trim().slice(0, 200) || undefined, phone: phone?.success ? phone.data ?? undefined : undefined },
        }, to.keychainCode ? 'keychain' : 'web');
        // A session cookie, not kept on disk; the page itself stops showing the codes after RECEIPT_MINUTES.
        reply.setCookie(RECEIPT_COOKIE, `${receipt.trackingCode}.${receipt.secret}`, receiptCookie);
        return reply.header('cache-control', 'no-store').redirect(RECEIPT_PATH, 303);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const fields = Object.fromEntries((e.fields ?? []).map((x) => [x.path, x.message]));
        return again(e.status, { form: e.message, ...fields });
      }
    });

    scope.get(RECEIPT_PATH, { schema: { hide: true } }, async (req, reply) => {
      const kept = req.cookies[RECEIPT_COOKIE];
      if (!kept) return sendPage(reply, 200, receiptGonePage());
      const forget = () => reply.clearCookie(RECEIPT_COOKIE, receiptCookie);
      // A made-up cookie is a guess at a secret: wrong ones are counted, on a counter of their own
      // (real receipts, and the status page's lookups, must not use it up).
      if (await limits.spent(RECEIPT_GUESSES, req.ip)) return sendPage(forget(), 429, receiptGonePage());
      const [code = '', secret = ''] = kept.split('.');
      try {
        const tip = await publicStatus(db, code, secret);
        if (Date.now() - tip.received_at.getTime() > RECEIPT_MINUTES * 60_000) return sendPage(forget(), 200, receiptGonePage());
        return sendPage(reply, 200, receiptPage({ trackingCode: tip.tracking_code, secret, communeName: tip.commune_name }));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        await limits.take(RECEIPT_GUESSES, req.ip);
        return sendPage(forget(), 200, receiptGonePage());
      }
    });

    scope.post(RECEIPT_PATH, { schema: { hide: true } }, async (_req, reply) => {
      return sendPage(reply.clearCookie(RECEIPT_COOKIE, receiptCookie), 200, receiptGonePage(true));
    });

    scope.get('/bao-tin/theo-doi', { schema: { hide: true } }, async (_req, reply) => sendPage(reply, 200, statusFormPage()));

    scope.post<{ Body: { code?: string; secret?: string } }>('/bao-tin/theo-doi', { schema: { hide: true } }, async (req, reply) => {
      const { code = '', secret = '' } = req.body ?? {};
      // Guessing secrets is counted like sending tips.
      if (!(await limits.take(STATUS_LOOKUPS, req.ip))) return sendPage(reply, 429, statusFormPage({ code }, 'Quá nhiều lần thử. Hãy thử lại sau ít phút.'));
      try {
        return sendPage(reply, 200, statusPage(await publicStatus(db, String(code).slice(0, 30), String(secret).slice(0, 40))));
      } catch (e) {
        if (e instanceof AppError) return sendPage(reply, e.status, statusFormPage({ code: String(code).slice(0, 30) }, e.message));
        throw e;
      }
    });
  // No request lines in the log: an address and a time beside a tip's arrival point at its sender.
  }, { logLevel: 'silent' });
}
