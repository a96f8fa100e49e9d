/**
 * The public tip pages: where it happened, the form, the receipt with the tracking code and
 * secret, and the status page. Plain HTML, no script: they work on any phone, and whatever a
 * tip says is escaped wherever it is shown.
 */
import { publicPage } from '../http/public-page.ts';
import { formatCode } from '../shared/codes.ts';
import { vnDateTime } from '../shared/dates.ts';
import { escapeXml as h, inSentence } from '../shared/text.ts';
import { CATEGORIES, STATUSES } from './service.ts';
import type { TipCategory, TipStatus } from '../db/schema.ts';

export interface Destination {
  /** Hidden fields that carry it through the form. */
  fields: Record<string, string>;
  commune: string;
  village?: string | null | undefined;
}

export interface FormValues {
  category?: string; description?: string; occurredAt?: string; place?: string; name?: string; phone?: string; other?: string;
}

/** How long the receipt page shows the two codes after a tip is sent. */
export const RECEIPT_MINUTES = 15;

const fieldError = (errors: Record<string, string>, key: string) =>
  errors[key] ? `<p class="field-error" id="${key}-error">${h(errors[key]!)}</p>` : '';
const described = (errors: Record<string, string>, key: string) => (errors[key] ? ` aria-invalid="true" aria-describedby="${key}-error"` : '');

const SAFE = `<div class="card"><p><strong>Bạn không cần để lại tên.</strong> Tin báo được gửi thẳng tới Công an xã, phường; danh tính người báo tin được giữ bí mật.</p>
<p class="muted">Khi khẩn cấp, gọi ngay 113 (Cảnh sát) hoặc 114 (Cứu hỏa).</p></div>`;

/** Step 1 without a keychain: which commune or ward it happened in. */
export function choosePlacePage(query: string, found: { id: number; name: string; province_name: string | null }[] | undefined, error?: string): string {
  const list = found === undefined ? '' : found.length === 0
    ? `<div class="card error"><p>Không tìm thấy xã, phường nào tên "${h(query)}". Hãy gõ lại, có dấu hoặc không dấu, ví dụ "thuong ha" hoặc "Điện Quan".</p></div>`
    : `<div class="card"><p>Chọn xã, phường nơi xảy ra sự việc:</p><ul>${found.map((c) =>
      `<li><a href="/bao-tin?xa=${c.id}">${h(c.name)}${c.province_name ? `, ${h(c.province_name)}` : ''}</a></li>`).join('')}</ul></div>`;
  return publicPage('Gửi tin báo cho Công an', `${SAFE}${error ? `<div class="card error"><p>${h(error)}</p></div>` : ''}
<form class="card" action="/bao-tin" method="get"><label for="tim">Sự việc xảy ra ở xã, phường nào?</label>
<input id="tim" name="tim" value="${h(query)}" autocomplete="off" required maxlength="100" placeholder="Ví dụ: Thượng Hà, Lào Cai">
<button type="submit">Tìm xã, phường</button></form>${list}
<p><a href="/bao-tin/theo-doi">Xem tiến độ tin đã gửi</a></p>`);
}

/** Step 2: the tip itself, for a commune already known (from a keychain or step 1). */
export function tipFormPage(to: Destination, values: FormValues = {}, errors: Record<string, string> = {}): string {
  const general = errors.form ? `<div class="card error" role="alert"><p>${h(errors.form)}</p></div>` : '';
  const categories = (Object.entries(CATEGORIES) as [TipCategory, string][]).map(([key, label]) =>
    `<label class="choice"><input type="radio" name="category" value="${key}"${values.category === key ? ' checked' : ''} required> ${h(label)}</label>`).join('');
  const hidden = Object.entries(to.fields).map(([k, v]) => `<input type="hidden" name="${h(k)}" value="${h(v)}">`).join('');
  return publicPage('Gửi tin báo cho Công an', `${SAFE}${general}
<div class="card"><p>Tin được gửi tới <strong>Công an ${h(inSentence(to.commune))}</strong>${to.village ? ` (${h(to.village)})` : ''}.</p></div>
<form class="card" action="/bao-tin" method="post" enctype="multipart/form-data">${hidden}
<fieldset${described(errors, 'category')}><legend>Loại sự việc</legend>${categories}</fieldset>${fieldError(errors, 'category')}
<label for="description">Chuyện gì đã xảy ra?</label>
<textarea id="description" name="description" required minlength="10" maxlength="5000"${described(errors, 'description')}>${h(values.description ?? '')}</textarea>${fieldError(errors, 'description')}
<label for="occurredAt">Khi nào? <span class="muted">(không bắt buộc)</span></label>
<input id="occurredAt" name="occurredAt" type="datetime-local" value="${h(values.occurredAt ?? '')}"${described(errors, 'occurredAt')}>${fieldError(errors, 'occurredAt')}
<label for="place">Ở đâu? <span class="muted">(thôn, đường, địa điểm — không bắt buộc)</span></label>
<input id="place" name="place" maxlength="300" value="${h(values.place ?? '')}">
<label for="photos">Ảnh <span class="muted">(tối đa 3 ảnh, mỗi ảnh 5 MB; vị trí và thông tin máy chụp trong ảnh được xóa)</span></label>
<input id="photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple${described(errors, 'photos')}>${fieldError(errors, 'photos')}
<fieldset><legend>Liên hệ <span class="muted">(không bắt buộc: chỉ điền nếu bạn muốn Công an liên lạc lại; được mã hóa, chỉ cán bộ được giao mới xem được)</span></legend>
<label for="name">Họ tên</label><input id="name" name="name" maxlength="200" autocomplete="name" value="${h(values.name ?? '')}">
<label for="phone">Số điện thoại</label><input id="phone" name="phone" type="tel" maxlength="20" autocomplete="tel" value="${h(values.phone ?? '')}"${described(errors, 'phone')}>${fieldError(errors, 'phone')}</fieldset>
<div class="hp" aria-hidden="true"><label for="website">Để trống ô này</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">Gửi tin báo</button></form>`);
}

export function receiptPage(r: { trackingCode: string; secret: string; communeName: string }): string {
  return publicPage('Đã gửi tin báo', `<div class="card ok" role="status"><p><strong>Công an ${h(inSentence(r.communeName))} đã nhận được tin báo của bạn.</strong> Cảm ơn bạn.</p></div>
<div class="card"><p>Để xem tiến độ sau này, hãy <strong>ghi lại hai mã dưới đây</strong> (chụp màn hình hoặc chép ra giấy). Mã bí mật chỉ hiện trên trang này, trong ${RECEIPT_MINUTES} phút; không ai khác biết mã này.</p>
<p>Mã theo dõi:<br><span class="code">${h(formatCode(r.trackingCode))}</span></p>
<p>Mã bí mật:<br><span class="code">${h(formatCode(r.secret))}</span></p>
<form action="/bao-tin/da-gui" method="post"><button type="submit" class="secondary">Tôi đã ghi lại, xóa hai mã khỏi máy này</button></form>
<p class="muted">Nếu người khác cũng dùng điện thoại này, hãy xóa sau khi ghi lại.</p></div>
<a class="button" href="/bao-tin/theo-doi">Xem tiến độ</a>`);
}

/** The receipt page once its codes are no longer kept for it (or on another browser), or were removed. */
export function receiptGonePage(removed = false): string {
  const why = removed
    ? '<p><strong>Đã xóa hai mã khỏi máy này.</strong></p>'
    : `<p>Trang biên nhận chỉ hiện mã theo dõi và mã bí mật trong ${RECEIPT_MINUTES} phút sau khi gửi, trên chính máy và trình duyệt đã gửi.</p>`;
  return publicPage('Biên nhận tin báo', `<div class="card">${why}
<p>Nếu bạn đã ghi lại hai mã, hãy dùng chúng để xem tiến độ.</p></div>
<a class="button" href="/bao-tin/theo-doi">Xem tiến độ</a>
<p><a href="/bao-tin">Gửi tin báo khác</a></p>`);
}

export function statusFormPage(values: { code?: string } = {}, error?: string): string {
  return publicPage('Tiến độ tin báo', `${error ? `<div class="card error" role="alert"><p>${h(error)}</p></div>` : ''}
<form class="card" action="/bao-tin/theo-doi" method="post"><label for="code">Mã theo dõi</label>
<input id="code" name="code" required maxlength="20" autocomplete="off" value="${h(values.code ?? '')}" placeholder="XXXX-XXXX-XX">
<label for="secret">Mã bí mật</label><input id="secret" name="secret" required maxlength="30" autocomplete="off" placeholder="XXXX-XXXX-XXXX-XXXX">
<button type="submit">Xem tiến độ</button></form>`);
}

export function statusPage(v: { tracking_code: string; category: TipCategory; status: TipStatus; received_at: Date; stage_started_at: Date; public_reply: string | null; transferred_to: string | null; commune_name: string }): string {
  return publicPage('Tiến độ tin báo', `<div class="card"><p>Mã theo dõi: <span class="code">${h(formatCode(v.tracking_code))}</span></p>
<p>Loại: ${h(CATEGORIES[v.category])} · Gửi lúc ${h(vnDateTime(v.received_at))} tới Công an ${h(inSentence(v.commune_name))}</p>
<p>Tình trạng: <strong>${h(STATUSES[v.status])}</strong> (từ ${h(vnDateTime(v.stage_started_at))})${v.status === 'transferred' && v.transferred_to ? ` — chuyển tới ${h(v.transferred_to)}` : ''}</p></div>
${v.public_reply ? `<div class="card"><p><strong>Trả lời của Công an:</strong></p><p>${h(v.public_reply).replace(/\n/g, '<br>')}</p></div>` : ''}
<p><a href="/bao-tin">Gửi tin báo khác</a></p>`);
}
