/**
 * The frame of the public pages (keychain page, tip form, tip status): plain HTML rendered on the
 * server, no script, a few kilobytes, so a cheap phone on a slow connection shows it at once.
 */
import type { FastifyReply } from 'fastify';
import { escapeXml as h } from '../shared/text.ts';

const STYLE = `*{box-sizing:border-box}body{margin:0;font:18px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f3f1}
header{background:#a51c1c;color:#fff;padding:14px 16px}header h1{margin:0;font-size:20px}header p{margin:2px 0 0;font-size:15px;opacity:.9}
main{max-width:560px;margin:0 auto;padding:16px}.card{background:#fff;border:1px solid #ddd;border-radius:10px;padding:14px 16px;margin:0 0 14px}
.call{display:block;text-align:center;background:#1e6b34;color:#fff;text-decoration:none;font-weight:700;font-size:20px;border-radius:12px;padding:16px;margin:0 0 14px}
.muted{color:#555;font-size:15px}code,.code{font-size:clamp(16px,5.2vw,20px);font-weight:700;letter-spacing:1px;white-space:nowrap}
label{display:block;margin:10px 0 6px;font-weight:600}input,select,textarea{font:inherit;width:100%;min-height:48px;padding:8px 12px;border:1px solid #888;border-radius:8px;background:#fff}
textarea{min-height:140px}fieldset{border:0;padding:0;margin:0}legend{font-weight:600;margin:10px 0 6px}
.choice{display:flex;gap:10px;align-items:center;min-height:44px;font-weight:400;margin:0}.choice input{width:auto;min-height:0}
button,.button{display:block;text-align:center;font:inherit;font-weight:700;margin-top:14px;width:100%;min-height:52px;border:0;border-radius:10px;background:#a51c1c;color:#fff;text-decoration:none;padding:12px}
.error{background:#fde8e8;border-color:#c33}.field-error{color:#a51c1c;font-size:15px;margin:4px 0 0}.ok{background:#e6f4ea;border-color:#1d6b34}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}a{color:#1d4f91}
button.secondary{background:#fff;color:#1b1b1b;border:1px solid #888;font-weight:600}
[aria-invalid=true]{border:2px solid #c33}`;

export function publicPage(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${h(title)} · Bình Yên</title><style>${STYLE}</style></head>
<body><header><h1>${h(title)}</h1><p>Toàn dân bảo vệ an ninh Tổ quốc</p></header><main>${body}</main></body></html>`;
}

/** Headers of a public page: no script may run, nothing cached, no address leaks to other sites. */
export const sendPage = (reply: FastifyReply, status: number, html: string) =>
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'")
    .header('referrer-policy', 'no-referrer').send(html);
