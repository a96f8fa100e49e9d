/**
 * What may be attached, judged by the bytes and not by the name or the Content-Type the client
 * claims: a renamed .exe stays out, and a photo saved as .jpg but really a PNG is stored as PNG.
 */
import { fileTypeFromBuffer } from 'file-type';
import { invalid } from '../http/errors.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const TOO_LARGE = `Tệp lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB, hãy gửi tệp nhỏ hơn`;

/** Evidence of the plans' steps: scans, photos, minutes and lists. */
const ALLOWED: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'ảnh JPEG',
  'image/png': 'ảnh PNG',
  'image/webp': 'ảnh WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (XLSX)',
};

export const ALLOWED_KINDS = Object.values(ALLOWED).join(', ');

/**
 * A file name safe to store and to show: no folders, no control or direction-changing characters
 * (which can disguise "anh\u202efdp.exe"), at most 255 characters.
 */
export function cleanName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop()!.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  if (!base || base === '.' || base === '..') throw invalid('Tên tệp không hợp lệ', [{ path: 'name', message: 'Tên tệp không hợp lệ.' }]);
  return base.slice(-255);
}

/** The name with the extension of what the file really is: a PNG called "anh.jpg" is kept as "anh.png". */
export function withExtension(name: string, ext: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const own = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (own === ext || (ext === 'jpg' && own === 'jpeg')) return name;
  return `${stem.slice(0, 250)}.${ext}`;
}

/** The media type and extension the bytes really are, or a clear refusal. */
export async function fileTypeOf(content: Uint8Array): Promise<{ mediaType: string; ext: string }> {
  if (content.length === 0) throw invalid('Tệp trống', [{ path: 'file', message: 'Tệp trống, không có nội dung.' }]);
  if (content.length > MAX_FILE_BYTES) throw invalid(TOO_LARGE, [{ path: 'file', message: TOO_LARGE }]);
  const found = await fileTypeFromBuffer(content);
  if (!found || !ALLOWED[found.mime]) {
    throw invalid(`Chỉ nhận tệp ${ALLOWED_KINDS}; nội dung tệp này không phải một trong các loại đó`, [{ path: 'file', message: 'Loại tệp không được nhận' }]);
  }
  return { mediaType: found.mime, ext: found.ext };
}
