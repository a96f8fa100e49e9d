import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanPhoto, MAX_PHOTO_BYTES, MAX_PHOTOS } from './photos.ts';

/** The GPS position and the phone model, as phones write them into a photo's EXIF. */
const EXIF = {
  IFD0: { Make: 'PhoneMaker', Model: 'Secret Model X' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '104/1 30/1 0/1' },
};
/** 64 × 48 as stored, turned a quarter to the right by its orientation tag. */
const photo = (format: 'jpeg' | 'png' | 'webp') =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } }).toFormat(format).withExif(EXIF).withMetadata({ orientation: 6 }).toBuffer();

const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('a tip\'s photo', () => {
  for (const [format, mediaType, ext] of [['jpeg', 'image/jpeg', 'jpg'], ['png', 'image/png', 'png'], ['webp', 'image/webp', 'webp']] as const) {
    it(`loses its EXIF (place, phone) as ${format.toUpperCase()}, keeps its kind and is turned upright`, async () => {
      const original = await photo(format);
      expect((await sharp(original).metadata()).exif).toBeDefined();
      const cleaned = await cleanPhoto(original);
      expect([cleaned.mediaType, cleaned.ext]).toEqual([mediaType, ext]);
      const meta = await sharp(cleaned.content).metadata();
      expect(meta.exif).toBeUndefined();
      expect(cleaned.content.includes(Buffer.from('Secret Model X'))).toBe(false);
      expect([meta.format, meta.width, meta.height, meta.orientation]).toEqual([format, 48, 64, undefined]);
    });
  }

  it('is written again as a JPEG of quality 85', async () => {
    const original = await photo('jpeg');
    const cleaned = await cleanPhoto(original);
    expect(cleaned.content.equals(await sharp(original).rotate().jpeg({ quality: 85 }).toBuffer())).toBe(true);
  });

  it('is refused, with a Vietnamese reason, when too large, not an image, or broken', async () => {
    expect([MAX_PHOTOS, MAX_PHOTO_BYTES]).toEqual([3, 5 * 1024 * 1024]);
    const big = Buffer.concat([await photo('jpeg'), Buffer.alloc(MAX_PHOTO_BYTES)]);
    const refused = (message: string) => ({ status: 400, message, fields: [{ path: 'photos', message }] });
    expect(await refusal(cleanPhoto(big, 'nha.jpg'))).toMatchObject(refused('Ảnh "nha.jpg" không được nhận: lớn hơn 5 MB.'));
    expect(await refusal(cleanPhoto(Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'))))
      .toMatchObject(refused('Ảnh không được nhận: không phải ảnh JPEG, PNG hoặc WebP.'));
    const broken = (await photo('png')).subarray(0, 60);
    expect(await refusal(cleanPhoto(broken, 'xe.png'))).toMatchObject(refused('Ảnh "xe.png" bị hỏng, không đọc được.'));
  });

  it('is taken at exactly the size limit', async () => {
    const original = await photo('png');
    // A PNG's bytes after its end chunk are ignored by decoders.
    const padded = Buffer.concat([original, Buffer.alloc(MAX_PHOTO_BYTES - original.length)]);
    expect((await cleanPhoto(padded)).mediaType).toBe('image/png');
  });
});
