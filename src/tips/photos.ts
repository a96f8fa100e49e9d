/**
 * A tip's photos lose their EXIF, XMP and other metadata (the place and the phone that took
 * them) before they are stored: the image is decoded and written again by sharp, which keeps no
 * metadata unless asked, turned upright first as its orientation tag said.
 */
import pLimit from 'p-limit';
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { invalid } from '../http/errors.ts';

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Photos decoded at once, whoever sent them: a photo up to the pixel limit takes about 200 MB
 * while it is decoded, so a burst of photo tips waits its turn instead of exhausting memory.
 */
const decoding = pLimit(2);

/** Why these bytes are not a photo the tip may carry, in a few words after its name; none if they are. */
export async function photoProblem(content: Uint8Array): Promise<string | undefined> {
  if (content.length > MAX_PHOTO_BYTES) return `lớn hơn ${MAX_PHOTO_BYTES / 1024 / 1024} MB`;
  const found = await fileTypeFromBuffer(content);
  return found && IMAGE_TYPES.has(found.mime) ? undefined : 'không phải ảnh JPEG, PNG hoặc WebP';
}

export const cleanPhoto = (content: Uint8Array, name = '') => decoding(() => clean(content, name));

async function clean(content: Uint8Array, name: string): Promise<{ content: Buffer; mediaType: string; ext: string }> {
  const photo = name ? `Ảnh "${name}"` : 'Ảnh';
  const problem = await photoProblem(content);
  if (problem) throw invalid(`${photo} không được nhận: ${problem}.`, [{ path: 'photos', message: `${photo} không được nhận: ${problem}.` }]);
  const { mime: mediaType, ext } = (await fileTypeFromBuffer(content))!;
  try {
    const image = sharp(content, { limitInputPixels: 50_000_000 }).rotate();
    const out = mediaType === 'image/png' ? image.png() : mediaType === 'image/webp' ? image.webp() : image.jpeg({ quality: 85 });
    return { content: await out.toBuffer(), mediaType, ext };
  } catch {
    const why = `${photo} bị hỏng, không đọc được.`;
    throw invalid(why, [{ path: 'photos', message: why }]);
  }
}
