/**
 * A tip's photos lose their EXIF, XMP and other metadata (the place and the phone that took
 * them) before they are stored: the image is decoded and written again by sharp, which keeps no
 * metadata unless asked, turned upright first as its orientation tag said.
 */
import pLimit from 'p-limit';
import sharp from 'sharp';
import { fileTypeOf } from '../files/content.ts';
import { invalid } from '../http/errors.ts';

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Photos decoded at once, whoever sent them: a photo up to the pixel limit takes about 200 MB
 * while it is decoded, so a burst of photo tips waits its turn instead of exhausting memory.
 */
const decoding = pLimit(2);

export const cleanPhoto = (content: Uint8Array) => decoding(() => clean(content));

async function clean(content: Uint8Array): Promise<{ content: Buffer; mediaType: string; ext: string }> {
  if (content.length > MAX_PHOTO_BYTES) throw invalid(`Mỗi ảnh tối đa ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, [{ path: 'photos', message: 'Ảnh quá lớn' }]);
  const { mediaType, ext } = await fileTypeOf(content);
  if (!IMAGE_TYPES.has(mediaType)) throw invalid('Chỉ gửi ảnh JPEG, PNG hoặc WebP', [{ path: 'photos', message: 'Không phải ảnh' }]);
  try {
    const image = sharp(content, { limitInputPixels: 50_000_000 }).rotate();
    const out = mediaType === 'image/png' ? image.png() : mediaType === 'image/webp' ? image.webp() : image.jpeg({ quality: 85 });
    return { content: await out.toBuffer(), mediaType, ext };
  } catch {
    throw invalid('Ảnh bị hỏng, không đọc được', [{ path: 'photos', message: 'Ảnh hỏng' }]);
  }
}
