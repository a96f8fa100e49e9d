/**
 * The page a keychain's QR code opens, rendered on the server: a few kilobytes of HTML that a
 * cheap phone on a slow connection shows at once, with nothing to run. It says where the tip
 * goes and puts the trusted contact one tap away.
 */
import { publicPage } from '../http/public-page.ts';
import { escapeXml as h, inSentence } from '../shared/text.ts';

type Route = {
  code: string; contact_name: string; contact_phone: string; village_name: string; commune_name: string; province_name: string | null;
};

/** A box to type the code printed on the keychain, when the camera cannot read the QR code. */
const CODE_FORM = `<form class="card" action="/k" method="get"><label for="ma">Nhập mã in trên móc khóa</label>
<input id="ma" name="ma" autocomplete="off" autocapitalize="characters" placeholder="XXXX-XXXX-XXXX" maxlength="20" required>
<button type="submit">Mở</button></form>`;

export function routePage(page: Route | { error: string }): string {
  if ('error' in page) {
    return publicPage('Không dùng được mã này', `<div class="card"><p><strong>${h(page.error)}</strong></p>
<p class="muted">Khi có việc khẩn cấp, hãy gọi 113 (Cảnh sát) hoặc 114 (Cứu hỏa).</p></div>${CODE_FORM}`);
  }
  const where = [page.village_name, page.commune_name, page.province_name].filter(Boolean).join(', ');
  const tel = page.contact_phone.replace(/[^\d+]/g, '');
  return publicPage(`Khóa an toàn ANTT · Công an ${inSentence(page.commune_name)}`, `<div class="card"><p>Tin báo từ móc khóa này được chuyển tới <strong>Công an ${h(inSentence(page.commune_name))}</strong>.</p>
<p class="muted">Nơi cấp: ${h(where)}</p></div>
<a class="button" href="/bao-tin?ma=${h(page.code.replace(/-/g, ''))}">Gửi tin báo (giữ bí mật người báo tin)</a>
<p class="muted">hoặc gọi người liên hệ tin cậy:</p>
<a class="call" href="tel:${h(tel)}">Gọi ${h(page.contact_name)}<br>${h(page.contact_phone)}</a>
<div class="card"><p class="muted">Khi khẩn cấp gọi 113 (Cảnh sát) hoặc 114 (Cứu hỏa). Mã móc khóa: <code>${h(page.code)}</code></p></div>`);
}
