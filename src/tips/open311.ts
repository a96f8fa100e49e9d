/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the public tip channel, so
 * that existing civic-reporting clients can file tips and follow them. Public: /open311/ lies
 * outside /api/, so no session is asked for. Discovery at /open311/discovery.{json,xml}.
 *
 * Choices, where the specification leaves room or where the confidentiality of informants asks
 * for less than it allows:
 * - Formats: XML (the specification's required one) and JSON, by the URL's extension; errors
 *   too, as `<errors><error><code/><description/></error></errors>` or its JSON list.
 * - Jurisdiction: one server, one jurisdiction. `jurisdiction_id` is accepted and ignored.
 * - Location and routing: as the specification asks, a request carries a location (`lat` and
 *   `long` together, `address_string` or `address_id`). The commune police a tip goes to is the
 *   attribute the service definition marks required, `attribute[commune_code]` (the commune's GSO
 *   code, `units.code`, e.g. 02968); `attribute[keychain_code]` (the code printed on a household's
 *   keychain) may stand for both, as it names the village. Positions and address ids are not
 *   kept (they would point at the informant's house); `address_string` is kept as the place of
 *   the tip, as the web form's "nơi xảy ra".
 * - Contact: `first_name`, `last_name`, `phone`, `email` are the informant's contact. They are
 *   sealed like the web form's (AES-256-GCM, key outside the database), never stored in clear and
 *   never returned. `account_id` and `device_id` are ignored: they would identify the informant.
 * - `media_url`: never fetched (the server must not go and get whatever a client points it at,
 *   and a photo must be stripped of its EXIF data before it is kept). It is ignored, and the
 *   answer's service_notice says so; photos go through the web form.
 * - Following a request: the specification has no secret; whoever knows a service_request_id
 *   (the tip's tracking code, 50 random bits) may ask for it. So GET requests shows only what the
 *   public status page shows: open/closed, the public reply as status_notes, the service, the
 *   commune police in charge and two dates. The description, the place, the contact and any
 *   position are never returned (they are the informant's story), and `expected_datetime` (an
 *   internal deadline) is left out. The status page's secret is handed over once, in the
 *   service_notice of the POST answer.
 * - Listing (a departure, said in the discovery's notes): GET requests answers only the requests
 *   named in `service_request_id`, which overrides the other filters as the specification says;
 *   without ids it answers an empty list rather than the latest tips of the whole country.
 * - Abuse: the public form's limits (limits.ts: tips per client address and per keychain code,
 *   counted in the database), a 64 KB body, and a cap on tracking codes looked up per address.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, TipCategory, TipStatus } from '../db/schema.ts';
import { Phone } from '../households/schema.ts';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { Instant } from '../http/replies.ts';
import { formatCode, parseCode } from '../shared/codes.ts';
import { inSentence } from '../shared/text.ts';
import { getUnitByCode } from '../units/queries.ts';
import { isOpenStage } from './deadlines.ts';
import { limiterOf } from '../shared/rate-limit.ts';
import { OPEN311_LOOKUPS, OPEN311_TIPS_PER_ADDRESS, OPEN311_TIPS_PER_KEYCHAIN } from './limits.ts';
import * as q from './queries.ts';
import type { Contact, Sealer } from './seal.ts';
import { CATEGORIES, destination, STATUSES, submitTip, TRACKING_LENGTH } from './service.ts';

const PREFIX = '/open311/v2';
const MAX_IDS = 50;
/** An Open311 POST carries text only (media_url is not fetched): a small body is plenty. */
const BODY_LIMIT = 64 * 1024;

const SERVICES: Record<TipCategory, { description: string; keywords: string[]; group: string }> = {
  crime: { description: 'Báo tin về tội phạm, hành vi vi phạm pháp luật về an ninh, trật tự (trộm cướp, cố ý gây thương tích, lừa đảo…)', keywords: ['tội phạm', 'cướp', 'đánh nhau', 'lừa đảo'], group: 'An ninh trật tự' },
  drugs: { description: 'Báo tin về mua bán, tàng trữ, sử dụng trái phép chất ma túy', keywords: ['ma túy', 'nghiện', 'buôn bán ma túy'], group: 'An ninh trật tự' },
  theft: { description: 'Báo tin về trộm cắp tài sản: xe máy, gia súc, đồ đạc', keywords: ['trộm', 'mất cắp', 'mất trộm'], group: 'An ninh trật tự' },
  traffic: { description: 'Báo tin về vi phạm trật tự, an toàn giao thông, tai nạn giao thông', keywords: ['giao thông', 'tai nạn', 'đua xe'], group: 'Trật tự an toàn giao thông' },
  fire: { description: 'Báo tin về nguy cơ cháy, nổ, vi phạm phòng cháy, chữa cháy. Khi đang có cháy, hãy gọi ngay 114', keywords: ['cháy', 'nổ', 'phòng cháy'], group: 'Phòng cháy, chữa cháy' },
  social_evils: { description: 'Báo tin về tệ nạn xã hội: cờ bạc, mại dâm, mê tín dị đoan', keywords: ['cờ bạc', 'mại dâm', 'tệ nạn'], group: 'An ninh trật tự' },
  other: { description: 'Tin khác về an ninh, trật tự ở địa phương', keywords: ['khác'], group: 'Khác' },
};
const SERVICE_CODES = Object.keys(CATEGORIES) as TipCategory[];
const isServiceCode = (code: string): code is TipCategory => (SERVICE_CODES as string[]).includes(code);

const ROUTING_NOTE =
  'Nơi nhận tin: gửi attribute[commune_code] (mã xã, phường theo danh mục hành chính, 5 chữ số, bắt buộc) hoặc attribute[keychain_code] (mã in trên móc khóa, thay được cho cả mã xã lẫn vị trí). Tọa độ (lat/long) và address_id không dùng để chọn nơi nhận tin.';
const LOCATION_NOTE = 'Vị trí: gửi address_string (nơi xảy ra), hoặc lat và long, hoặc address_id.';

const service = (code: TipCategory) => ({
  service_code: code,
  service_name: CATEGORIES[code],
  description: `${SERVICES[code].description}. ${ROUTING_NOTE}`,
  metadata: true,
  type: 'realtime' as const,
  keywords: SERVICES[code].keywords.join(','),
  group: SERVICES[code].group,
});

/** The service definition: where the tip goes, when it happened, where, and the optional contact. */
const definition = (code: TipCategory) => ({
  service_code: code,
  attributes: [
    {
      variable: true, code: 'commune_code', datatype: 'string', required: true, order: 1,
      datatype_description: 'Mã xã, phường, đặc khu theo danh mục đơn vị hành chính (5 chữ số, ví dụ 02968)',
      description: 'Xã, phường nơi xảy ra sự việc: Công an xã, phường này nhận tin (có thể thay bằng keychain_code). Tọa độ lat/long không dùng để chọn nơi nhận tin.',
    },
    {
      variable: true, code: 'keychain_code', datatype: 'string', required: false, order: 2,
      datatype_description: 'Mã in trên móc khóa của hộ gia đình',
      description: 'Mã móc khóa: tin được chuyển thẳng đến Công an xã và thôn của móc khóa (thay cho commune_code)',
    },
    {
      variable: true, code: 'occurred_at', datatype: 'datetime', required: false, order: 3,
      datatype_description: 'ISO 8601 kèm múi giờ, ví dụ 2025-07-01T21:30:00+07:00',
      description: 'Thời điểm xảy ra sự việc, nếu biết',
    },
    {
      variable: true, code: 'place', datatype: 'string', required: false, order: 4,
      datatype_description: 'Tối đa 300 ký tự (có thể gửi bằng address_string)',
      description: 'Nơi xảy ra: thôn, đường, địa điểm',
    },
    {
      variable: false, code: 'contact_notice', datatype: 'text', required: false, order: 5, datatype_description: null,
      description: 'Tin báo được gửi ẩn danh nếu không để lại liên hệ. Họ tên (first_name, last_name), điện thoại (phone), email là không bắt buộc; chúng được mã hóa, không bao giờ trả lại qua API, chỉ người được giao mới xem được và mỗi lần xem đều được ghi nhật ký.',
    },
  ],
});

/** A form's empty field is no answer at all. */
const text = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string({ error: `${label}: phải là một chuỗi` }).trim().max(max, `${label}: tối đa ${max} ký tự`).optional());

/** A WGS84 degree as the specification sends it; checked, used as a location, never stored. */
const coordinate = (limit: number, label: string) => z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? Number(v.trim()) : v),
  z.number({ error: `${label}: phải là một số (độ, WGS84)` })
    .min(-limit, `${label}: từ -${limit} đến ${limit} độ`).max(limit, `${label}: từ -${limit} đến ${limit} độ`).optional(),
);

const PostRequest = z.object({
  jurisdiction_id: text(100, 'jurisdiction_id'),
  service_code: z.string({ error: 'Thiếu service_code (loại tin báo)' }).trim(),
  description: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string({ error: 'Thiếu description (nội dung sự việc)' }).trim().min(10, 'description: hãy kể rõ hơn (ít nhất 10 ký tự)').max(5000, 'description: tối đa 5000 ký tự'),
  ),
  lat: coordinate(90, 'lat'), long: coordinate(180, 'long'), address_id: text(100, 'address_id'),
  address_string: text(300, 'address_string'),
  first_name: text(100, 'first_name'), last_name: text(100, 'last_name'),
  phone: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), Phone.optional()),
  email: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.email({ error: 'email: địa chỉ email không hợp lệ' }).max(200).optional()),
  media_url: text(2000, 'media_url'),
  attributes: z.object({
    commune_code: text(20, 'attribute[commune_code]'),
    keychain_code: text(40, 'attribute[keychain_code]'),
    occurred_at: z.preprocess(
      (v) => (v === '' ? undefined : v),
      Instant('attribute[occurred_at]: cần ngày giờ ISO 8601 kèm múi giờ, ví dụ 2025-07-01T21:30:00+07:00').optional(),
    ),
    place: text(300, 'attribute[place]'),
  }),
});

/** `attribute[code]=…` from a form (flat keys), or `"attribute": { … }` from JSON. */
function attributesOf(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (body.attribute && typeof body.attribute === 'object' && !Array.isArray(body.attribute)) Object.assign(out, body.attribute);
  for (const [key, value] of Object.entries(body)) {
    const m = /^attribute\[([^\]]+)\]$/.exec(key);
    if (m) out[m[1]!] = value;
  }
  return out;
}

/** Each problem with the parameter it is about, as the client named it. */
function describeIssues(issues: readonly { message: string; path: readonly PropertyKey[] }[]) {
  return issues.map((i) => {
    const [head, attr] = i.path.map(String);
    const label = head === 'attributes' ? `attribute[${attr}]` : head ?? '';
    return !label || i.message.startsWith(label) ? i.message : `${label}: ${i.message}`;
  }).join('; ');
}

/**
 * The commune police a request goes to, as submitTip wants it. The specification asks for a
 * location and the definition for the commune; a keychain code gives both (it names a village).
 */
async function routing(db: Kysely<DB>, input: z.infer<typeof PostRequest>) {
  const attrs = input.attributes;
  if ((input.lat === undefined) !== (input.long === undefined)) throw invalid('lat và long phải gửi cùng nhau');
  if (attrs.keychain_code) {
    try {
      return { to: await destination(db, { keychainCode: attrs.keychain_code }) };
    } catch (err) {
      // Unknown or revoked: a bad parameter of this request, as the specification counts it.
      if (err instanceof AppError) throw invalid(`attribute[keychain_code]: ${err.message}`);
      throw err;
    }
  }
  const located = input.lat !== undefined || !!input.address_string || !!input.address_id;
  if (!located) throw invalid(`Thiếu vị trí nơi xảy ra. ${LOCATION_NOTE}`);
  if (!attrs.commune_code) throw invalid(`Thiếu attribute[commune_code] (bắt buộc theo định nghĩa dịch vụ). ${ROUTING_NOTE}`);
  const code = attrs.commune_code;
  const unit = /^\d{5}$/.test(code) ? await getUnitByCode(db, code) : undefined;
  if (!unit || unit.kind !== 'commune') throw invalid(`attribute[commune_code]: không có xã, phường nào mang mã "${code}" (cần mã 5 chữ số theo danh mục hành chính)`);
  return { communeId: unit.id };
}


type PublicView = NonNullable<Awaited<ReturnType<typeof q.publicView>>>;

/** A tip as an Open311 service request: only what the public status page shows. */
function asRequest(tip: PublicView) {
  const notes = [`Giai đoạn: ${STATUSES[tip.status]}`];
  if (tip.status === 'transferred' && tip.transferred_to) notes.push(`Đã chuyển đến: ${tip.transferred_to}`);
  if (tip.public_reply) notes.push(`Trả lời: ${tip.public_reply}`);
  return {
    service_request_id: tip.tracking_code,
    status: isOpenStage(tip.status, tip.settled) ? 'open' : 'closed',
    status_notes: notes.join('. '),
    service_name: CATEGORIES[tip.category],
    service_code: tip.category,
    // Never returned: the informant's story and whereabouts (see the head of this file).
    description: null,
    agency_responsible: `Công an ${inSentence(tip.commune_name)}`,
    service_notice: null,
    requested_datetime: tip.received_at.toISOString(),
    updated_datetime: tip.stage_started_at.toISOString(),
    expected_datetime: null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

/** The requests named, in the order named, in one query; an id that is no tracking code is no request. */
async function findRequests(db: Kysely<DB>, ids: string[]) {
  const codes = [...new Set(ids.map((id) => parseCode(id, TRACKING_LENGTH)).filter((c): c is string => !!c))];
  const found = new Map((await q.publicViews(db, codes)).map((v) => [v.tracking_code, v]));
  return codes.flatMap((c) => (found.has(c) ? [asRequest(found.get(c)!)] : []));
}

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Nội dung yêu cầu trống',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Nội dung JSON không hợp lệ',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Nội dung gửi lên quá lớn',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Kiểu nội dung không được hỗ trợ: hãy gửi application/x-www-form-urlencoded hoặc application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Độ dài nội dung không khớp',
};

/** Errors as the specification writes them: a list of { code, description }, code = the HTTP status. */
const specError = (status: number, description: string) => [{ code: status, description }];

type Format = 'json' | 'xml';
const FORMATS: Format[] = ['json', 'xml'];
/** The format a URL asks for, by its extension; JSON when it names none. */
const formatOf = (url: string): Format => (/\.xml$/i.test(url.split('?')[0]!) ? 'xml' : 'json');

/**
 * The XML of each answer, element by element as the specification's examples write it: a root,
 * one element per item, lists of values as repeated children.
 */
const XML_SHAPES = {
  services: { root: 'services', item: 'service' },
  requests: { root: 'service_requests', item: 'request' },
  errors: { root: 'errors', item: 'error' },
} as const;
const xmlBuilder = new XMLBuilder({ format: true, ignoreAttributes: false, suppressEmptyNode: true });
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
const toXml = (doc: Record<string, unknown>) => XML_DECLARATION + xmlBuilder.build(doc);
const listXml = (shape: keyof typeof XML_SHAPES, items: unknown[]) =>
  toXml({ [XML_SHAPES[shape].root]: { [XML_SHAPES[shape].item]: items } });
/** A service definition: its attributes wrapped as <attributes><attribute>…</attribute></attributes>. */
const definitionXml = (d: ReturnType<typeof definition>) =>
  toXml({ service_definition: { service_code: d.service_code, attributes: { attribute: d.attributes } } });

/** Sends the answer in the format the URL asked for. */
function answer(reply: FastifyReply, format: Format, json: unknown, xml: () => string) {
  if (format === 'json') return reply.send(json);
  return reply.type('text/xml; charset=utf-8').send(xml());
}

/** A known resource in a format not offered, or an unknown one. */
function unknownPath(path: string): AppError {
  const known = /^(?:v2\/(?:services|services\/[^/]+|requests|requests\/[^/]+)|discovery)\.(\w+)$/.exec(path);
  if (known) return new AppError(400, 'FORMAT', `Định dạng "${known[1]}" không được hỗ trợ: hãy dùng đuôi .xml hoặc .json`);
  return notFound('Không có tài nguyên Open311 này (các địa chỉ: /open311/discovery.xml, /open311/v2/services.xml, '
    + '/open311/v2/services/{service_code}.xml, /open311/v2/requests.xml, /open311/v2/requests/{service_request_id}.xml; hoặc .json)');
}

/** Where the platform departs from GeoReport v2 on purpose, and why: told to clients in the discovery. */
const DEPARTURES = [
  'GET requests chỉ trả về các tin báo nêu trong service_request_id; không nêu mã thì trả về danh sách rỗng, không liệt kê tin báo mới nhất: tin báo về an ninh, trật tự không được để người ngoài dò xem ai báo gì, ở đâu, khi nào.',
  'Mỗi tin báo chỉ cho biết giai đoạn, trả lời công khai của Công an, loại tin, nơi nhận và hai mốc thời gian; không trả lại mô tả, vị trí, ảnh hay liên hệ của người báo tin, và không có expected_datetime.',
  'attribute[commune_code] (mã xã, phường) là bắt buộc để chọn Công an nhận tin; attribute[keychain_code] (mã móc khóa) thay được cho cả mã xã lẫn vị trí. Tọa độ và address_id không được lưu.',
  'media_url không được tải về; ảnh gửi qua trang báo tin để được xóa thông tin EXIF. Liên hệ (first_name, last_name, phone, email) được mã hóa; account_id và device_id bị bỏ qua.',
  'Một máy chủ, một khu vực tài phán: jurisdiction_id được nhận và bỏ qua; không cần api_key.',
];

/** The discovery document (GeoReport v2 "Service Discovery"), with the departures in its notes. */
function discovery(base: string) {
  const url = `${base}/open311/v2`;
  return {
    changeset: DISCOVERY_CHANGESET,
    contact: 'Công an xã, phường nơi xảy ra sự việc. Khẩn cấp: gọi 113 (công an), 114 (cứu hỏa).',
    key_service: 'Không cần api_key: ai cũng gửi được tin báo.',
    endpoints: [{
      specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: DISCOVERY_CHANGESET, type: 'production',
      formats: ['text/xml', 'application/json'],
    }],
    notes: DEPARTURES,
  };
}
/** When the endpoints or the departures last changed. */
const DISCOVERY_CHANGESET = '2026-12-07T00:00:00Z';
const discoveryXml = (d: ReturnType<typeof discovery>) => toXml({
  discovery: {
    changeset: d.changeset, contact: d.contact, key_service: d.key_service,
    endpoints: { endpoint: d.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) },
    notes: { note: d.notes },
  },
});

export function open311Routes(app: FastifyInstance, db: Kysely<DB>, sealer: Sealer, publicUrl?: string) {
  const limits = limiterOf(db);
  const statusPage = `${(publicUrl ?? '').replace(/\/$/, '')}/bao-tin/theo-doi`;
  const baseOf = (req: FastifyRequest) => publicUrl ?? `${req.protocol}://${req.host}`;
  const tooMany = () => new AppError(429, 'RATE_LIMIT', 'Có quá nhiều yêu cầu từ nơi này trong ít phút. Hãy thử lại sau, hoặc gọi 113 nếu khẩn cấp.');
  // Its own scope: the form parser, the error shape and the limits apply to Open311 only.
  app.register(async (scope) => {
    // The specification posts forms; the platform may already parse them (a parent's parser is inherited).
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
        const out: Record<string, string | string[]> = {};
        for (const [key, value] of new URLSearchParams(body as string)) {
          const had = out[key];
          out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
        }
        done(null, out);
      });
    }

    scope.setErrorHandler((err: FastifyError, req, reply) => {
      let status: number;
      let description: string;
      if (err instanceof AppError) {
        status = err.status;
        description = err.message + (err.fields?.length ? ` (${err.fields.map((f) => `${f.path}: ${f.message}`).join('; ')})` : '');
      } else if (hasZodFastifySchemaValidationErrors(err)) {
        status = 400;
        description = 'Tham số không hợp lệ: ' + err.validation.map((v) => `${v.instancePath.replace(/^\//, '') || err.validationContext}: ${v.message}`).join('; ');
      } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        status = err.statusCode;
        description = FASTIFY_MESSAGES[err.code] ?? 'Yêu cầu không hợp lệ';
      } else if ((err as { code?: string }).code?.startsWith('23') || (err as { code?: string }).code?.startsWith('22')) {
        // A check of the database refused the input.
        status = 400;
        description = 'Dữ liệu không thỏa điều kiện';
      } else {
        req.log.error({ err }, 'unhandled error');
        status = 500;
        description = 'Lỗi hệ thống, vui lòng thử lại sau';
      }
      reply.status(status);
      const errors = specError(status, description);
      return answer(reply, formatOf(req.url), errors, () => listXml('errors', errors));
    });

    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['Open311'];
    const Jurisdiction = z.object({ jurisdiction_id: z.string().max(100).optional().describe('Bỏ qua: máy chủ phục vụ một khu vực tài phán') });

    for (const format of FORMATS) {
      r.get(`/open311/discovery.${format}`, {
        schema: { tags, summary: 'Open311: tài liệu khám phá (địa chỉ, định dạng, những chỗ khác đặc tả và lý do)', security: [] },
      }, async (req, reply) => {
        const doc = discovery(baseOf(req));
        return answer(reply, format, doc, () => discoveryXml(doc));
      });

      r.get(`${PREFIX}/services.${format}`, {
        schema: { tags, summary: 'Open311: các loại tin báo (mỗi loại một service)', security: [], querystring: Jurisdiction },
      }, async (_req, reply) => {
        const services = SERVICE_CODES.map(service);
        return answer(reply, format, services, () => listXml('services', services));
      });

      r.get(`${PREFIX}/services/:service_code.${format}`, {
        schema: { tags, summary: 'Open311: định nghĩa một loại tin báo (các thuộc tính)', security: [], params: z.object({ service_code: z.string().max(50) }), querystring: Jurisdiction },
      }, async (req, reply) => {
        const code = req.params.service_code;
        if (!isServiceCode(code)) throw notFound(`Không có loại tin báo "${code}" (service_code: ${SERVICE_CODES.join(', ')})`);
        const d = definition(code);
        return answer(reply, format, d, () => definitionXml(d));
      });

      r.post(`${PREFIX}/requests.${format}`, {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags, security: [],
          summary: 'Open311: gửi một tin báo (form hoặc JSON): service_code, description, vị trí (address_string, hoặc lat và long, hoặc address_id), attribute[commune_code] hoặc attribute[keychain_code], attribute[occurred_at]; liên hệ (first_name, last_name, phone, email) không bắt buộc và được mã hóa. media_url không được tải về.',
        },
      }, async (req, reply) => {
        if (!(await limits.take(OPEN311_TIPS_PER_ADDRESS, req.ip))) throw tooMany();
        const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
        const parsed = PostRequest.safeParse({ ...body, attributes: attributesOf(body) });
        if (!parsed.success) throw invalid(describeIssues(parsed.error.issues));
        const input = parsed.data;
        if (!isServiceCode(input.service_code)) throw invalid(`Không có loại tin báo "${input.service_code}" (service_code: ${SERVICE_CODES.join(', ')})`);
        const to = await routing(db, input);
        // Counted once the code is known to be real, by its one spelling: garbage codes fill no counters.
        if (to.to?.keychainCode && !(await limits.take(OPEN311_TIPS_PER_KEYCHAIN, to.to.keychainCode))) throw tooMany();
        const name = [input.first_name, input.last_name].filter(Boolean).join(' ');
        const contact: Contact = { name: name || undefined, phone: input.phone, other: input.email ? `Email: ${input.email}` : undefined };
        const tip = await submitTip(db, sealer, {
          category: input.service_code,
          description: input.description,
          occurredAt: input.attributes.occurred_at ? new Date(input.attributes.occurred_at) : undefined,
          place: input.attributes.place ?? input.address_string,
          ...to,
          contact,
        }, 'open311');
        const notice = [
          `Đã nhận tin báo, chuyển đến Công an ${inSentence(tip.communeName)}.`,
          `Mã theo dõi: ${formatCode(tip.trackingCode)}. Mã bí mật: ${formatCode(tip.secret)} — hãy giữ kín, mã này chỉ được cấp một lần; dùng cùng mã theo dõi trên trang ${statusPage} để xem tiến độ và trả lời của Công an.`,
          input.media_url ? 'Ảnh theo media_url không được tải về; hãy gửi ảnh qua trang báo tin.' : '',
        ].filter(Boolean).join(' ');
        const created = [{ service_request_id: tip.trackingCode, service_notice: notice, account_id: null }];
        return answer(reply, format, created, () => listXml('requests', created));
      });

      r.get(`${PREFIX}/requests.${format}`, {
        schema: {
          tags, security: [],
          summary: 'Open311: trạng thái các tin báo nêu trong service_request_id (danh sách cách nhau bởi dấu phẩy; khi có, các bộ lọc khác bị bỏ qua); không nêu mã thì trả về danh sách rỗng',
          querystring: Jurisdiction.extend({
            service_request_id: z.string().max(MAX_IDS * 12).optional(),
            service_code: z.string().max(50).optional(),
            status: z.string().max(20).optional().describe('open hoặc closed; có thể nhiều giá trị cách nhau bởi dấu phẩy'),
            start_date: Instant().optional(),
            end_date: Instant().optional(),
          }),
        },
      }, async (req, reply) => {
        const { service_request_id, status } = req.query;
        // Never the latest tips of everyone: only those the caller names (see the head of this file).
        const ids = [...new Set((service_request_id ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
        if (ids.length > MAX_IDS) throw invalid(`Tối đa ${MAX_IDS} mã service_request_id mỗi lần`);
        // Each code named is a look-up: 50 to a request must not multiply the limit by 50.
        if (ids.length && !(await limits.take(OPEN311_LOOKUPS, req.ip, ids.length))) throw tooMany();
        // The specification: service_request_id "overrides all other arguments". Without ids the
        // filters would apply to a list this server does not give, but a wrong one is still said.
        const badStatus = status?.split(',').some((s) => s.trim() !== 'open' && s.trim() !== 'closed');
        if (!ids.length && badStatus) throw invalid('status: chỉ nhận open hoặc closed');
        const found = ids.length ? await findRequests(db, ids) : [];
        return answer(reply, format, found, () => listXml('requests', found));
      });

      r.get(`${PREFIX}/requests/:service_request_id.${format}`, {
        schema: { tags, summary: 'Open311: trạng thái một tin báo theo mã theo dõi', security: [], params: z.object({ service_request_id: z.string().max(40) }), querystring: Jurisdiction },
      }, async (req, reply) => {
        if (!(await limits.take(OPEN311_LOOKUPS, req.ip))) throw tooMany();
        const found = await findRequests(db, [req.params.service_request_id]);
        if (!found.length) throw notFound('Không có tin báo mang mã theo dõi này');
        return answer(reply, format, found, () => listXml('requests', found));
      });
    }

    // Anything else under /open311/ (another format, a typo) answers in the specification's format,
    // not with the staff app's page.
    r.all('/open311/*', { schema: { hide: true } }, async (req) => {
      throw unknownPath((req.params as { '*': string })['*']);
    });
  // No request lines in the log: an address and a time beside a tip's arrival point at its sender.
  }, { logLevel: 'silent' });
}
