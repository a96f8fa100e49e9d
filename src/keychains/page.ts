/**
 * The page a keychain's QR code opens, rendered on the server: a few kilobytes of HTML that a
 * cheap phone on a slow connection shows at once, with nothing to run. It says where the tip
 * goes and puts the trusted contact one tap away.
 */
import { escapeXml as h, inSentence } from '../shared/text.ts';

type Route = {
  code: string; contact_name: string; contact_phone: string; village_name: string; commune_name: string; province_name: string | null;
};

const STYLE = `body{margin:0;font:18px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f3f1}
header{background:#a51c1c;color:#fff;padding:14px 16px}header h1{margin:0;font-size:20px}header p{margin:2px 0 0;font-size:15px;opacity:.9}
main{max-width:520px;margin:0 auto;padding:16px}.card{background:#fff;border:1px solid #ddd;border-radius:10px;padding:14px 16px;margin:0 0 14px}
.call{display:block;text-align:center;background:#1e6b34;color:#fff;text-decoration:none;font-weight:700;font-size:20px;border-radius:12px;padding:16px;margin:0 0 14px}
.muted{color:#555;font-size:15px}code{font-size:16px}
label{display:block;margin:0 0 6px}input{font:inherit;width:100%;min-height:48px;padding:8px 12px;border:1px solid #888;border-radius:8px;box-sizing:border-box;text-transform:uppercase}
button{font:inherit;font-weight:700;margin-top:10px;width:100%;min-height:48px;border:0;border-radius:10px;background:#a51c1c;color:#fff}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${h(title)} · Bình Yên</title><style>${STYLE}</style></head>
<body><header><h1>Khóa an toàn ANTT</h1><p>Toàn dân bảo vệ an ninh Tổ quốc</p></header><main>${body}</main></body></html>`;
}

/** A box to type the code printed on the keychain, when the camera cannot read the QR code. */
const CODE_FORM = `<form class="card" action="/k" method="get"><label for="ma">Nhập mã in trên móc khóa</label>
<input id="ma" name="ma" autocomplete="off" autocapitalize="characters" placeholder="XXXX-XXXX-XXXX" maxlength="20" required>
<button type="submit">Mở</button></form>`;

export function routePage(page: Route | { error: string }): string {
  if ('error' in page) {
    return layout('Không dùng được mã này', `<div class="card"><p><strong>${h(page.error)}</strong></p>
<p class="muted">Khi có việc khẩn cấp, hãy gọi 113 (Cảnh sát) hoặc 114 (Cứu hỏa).</p></div>${CODE_FORM}`);
  }
  const where = [page.village_name, page.commune_name, page.province_name].filter(Boolean).join(', ');
  const tel = page.contact_phone.replace(/[^\d+]/g, '');
  return layout(`Báo tin cho Công an ${inSentence(page.commune_name)}`, `<div class="card"><p>Tin báo từ móc khóa này được chuyển tới <strong>Công an ${h(inSentence(page.commune_name))}</strong>.</p>
<p class="muted">Nơi cấp: ${h(where)}</p></div>
<a class="call" href="tel:${h(tel)}">Gọi ${h(page.contact_name)}<br>${h(page.contact_phone)}</a>
<div class="card"><p>Trang gửi tin báo trực tuyến (giữ bí mật người báo tin) đang được hoàn thiện. Trong lúc chờ, hãy gọi số trên; khi khẩn cấp gọi 113 hoặc 114.</p>
<p class="muted">Mã móc khóa: <code>${h(page.code)}</code></p></div>`);
}
