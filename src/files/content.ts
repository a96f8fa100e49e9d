/**
 * What may be attached, judged by the bytes and not by the name or the Content-Type the client
 * claims: a renamed .exe stays out, and a photo saved as .jpg but really a PNG is stored as PNG.
 */
import { fileTypeFromBuffer } from 'file-type';
import { invalid } from '../http/errors.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

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

/** A file name safe to store and to show: no folders, no control characters, at most 255 characters. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.normalize('NFC').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!base || base === '.' || base === '..') throw invalid('Tên tệp không hợp lệ', [{ path: 'name', message: 'Không hợp lệ' }]);
  return base.slice(-255);
}

/** The media type the bytes really are, or a clear refusal. */
export async function mediaTypeOf(content: Uint8Array): Promise<string> {
  if (content.length === 0) throw invalid('Tệp trống', [{ path: 'file', message: 'Trống' }]);
  if (content.length > MAX_FILE_BYTES) throw invalid(`Tệp lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB`, [{ path: 'file', message: 'Quá lớn' }]);
  const found = await fileTypeFromBuffer(content);
  if (!found || !ALLOWED[found.mime]) {
    throw invalid(`Chỉ nhận tệp ${ALLOWED_KINDS}; nội dung tệp này không phải một trong các loại đó`, [{ path: 'file', message: 'Loại tệp không được nhận' }]);
  }
  return found.mime;
}
