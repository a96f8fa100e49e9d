/**
 * Folds Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces.
 * "Điện Quan" and "DIEN QUAN" both fold to "dien quan".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards in user text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** Text safe inside XML or HTML, as content or a quoted attribute ('&apos;' is understood by both). */
export const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** A unit's name inside a sentence: "Công an xã Thượng Hà", not "Công an Xã Thượng Hà". */
export const inSentence = (name: string) =>
  name.replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu|Thị trấn|Thôn|Làng|Bản|Tổ dân phố)(?= )/u, (kind) => kind.toLowerCase());
