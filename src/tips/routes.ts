import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, contextOf } from '../auth/plugin.ts';
import type { DB } from '../db/schema.ts';
import { sendAttachment, FileInfo } from '../files/routes.ts';
import { CSV_TYPE, XLSX_TYPE } from '../shared/table-export.ts';
import { exportTips, summaryXlsx } from './export.ts';
import { binary, created, Flag, Id, Instant, ok } from '../http/replies.ts';
import { Day } from '../plans/schema.ts';
import type { Sealer } from './seal.ts';
import * as service from './service.ts';
import { DECISIONS, KINDS, LEGAL_TERMS, TIP_STATUSES } from './deadlines.ts';

export const Category = z.enum(['crime', 'drugs', 'theft', 'traffic', 'fire', 'social_evils', 'other']).describe(Object.entries(service.CATEGORIES).map(([k, v]) => `${k}: ${v}`).join('; '));
const described = (labels: Record<string, string>) => Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join('; ');
export const Status = z.enum(TIP_STATUSES).describe(described(service.STATUSES));
const Kind = z.enum(KINDS).describe(described(service.KIND_NAMES));
const Urgency = z.enum(['overdue', 'due_soon', 'on_time', 'closed'])
  .describe('quá hạn, sắp đến hạn (chuyển tin báo: 6 giờ; thụ lý tố cáo: 2 ngày; thời hạn 02 tháng: 3 ngày trước hạn đề nghị Viện kiểm sát gia hạn; còn lại: 5 ngày), còn hạn, đã đóng');
const LegalTerm = z.enum(LEGAL_TERMS).describe(described(service.LEGAL_TERM_NAMES));
const Decision = z.object({
  reference: z.string().trim().min(1, 'Hãy ghi số quyết định').max(300, 'Số quyết định tối đa 300 ký tự').describe('Số của quyết định, ví dụ "12/QĐ-CSĐT"'),
  signedOn: Day.describe('Ngày ký'),
  issuerTitle: z.string().trim().min(1, 'Hãy chọn chức vụ người ký').max(200).describe('Chức vụ người ký, một trong những người luật cho ký quyết định đó'),
  issuerName: z.string().trim().min(1, 'Hãy ghi họ tên người ký').max(200, 'Họ tên tối đa 200 ký tự'),
  detail: z.string().trim().max(2000, 'Tối đa 2.000 ký tự').optional(),
}).describe('Quyết định: số, ngày ký, người ký');

export const TipItem = z.looseObject({
  id: z.number(), tracking_code: z.string(), commune_id: z.number(), commune_name: z.string(), village_id: z.number().nullable(), village_name: z.string().nullable(),
  category: Category, description: z.string(), occurred_at: z.date().nullable(), place: z.string().nullable(), channel: z.enum(['web', 'keychain', 'open311']),
  status: Status, stage_started_at: z.date(), due_at: z.date().nullable().describe('Hạn của bước hiện tại, không quá hạn luật định'), urgency: Urgency,
  legal_term: LegalTerm, legal_due_at: z.date().nullable().describe('Thời hạn luật định đang chạy (chuyển tin báo, giải quyết, thụ lý…); không có với phản ánh khác'),
  kind: Kind.nullable().describe('Loại vụ việc; null: chưa phân loại (tính hạn như tin báo về tội phạm)'),
  handed_over_at: z.date().nullable(), handover_document: z.string().nullable(), body_received_at: z.date().nullable().describe('Cơ quan có thẩm quyền nhận tin báo lúc'),
  settler_id: z.number().nullable().describe('Điều tra viên của xã được phân công giải quyết cho Cơ quan điều tra'), accepted_on: z.string().nullable(),
  outcome: z.enum(['prosecute', 'not_prosecute', 'concluded', 'not_accepted']).nullable(), due_soon_at: z.date().nullable(),
  remote_area: z.boolean().optional().describe('Xã ở vùng xa xôi, hẻo lánh, hải đảo: 48 giờ để chuyển tin báo (trang một tin báo)'),
  procuracy_ask_by: z.string().nullable().optional().describe('Ngày cuối để đề nghị Viện kiểm sát gia hạn (5 ngày trước khi hết thời hạn 02 tháng)'),
  assignee_id: z.number().nullable(), assignee_name: z.string().nullable(), public_reply: z.string().nullable(), transferred_to: z.string().nullable(),
  received_at: z.date(), has_contact: z.boolean().describe('Người báo tin có để lại liên hệ (chỉ người được giao mới xem được)'),
}).meta({ id: 'Tip' });

const PageExtras = {
  decisions: z.array(z.object({
    id: z.number(), kind: z.enum(DECISIONS), reference: z.string(), signed_on: z.string(), issuer_title: z.string(), issuer_name: z.string(),
    detail: z.string().nullable(), recorded_at: z.date(), recorded_by_name: z.string().nullable(),
  })),
  notices: z.array(z.object({
    id: z.number(), decision_id: z.number(), decision_kind: z.enum(DECISIONS), recipient: z.enum(['informant', 'procuracy']), due_at: z.date(),
    sent_on: z.string().nullable(), reference: z.string().nullable(), overdue: z.boolean(),
  })).describe('Văn bản thông báo các quyết định phải gửi, hạn gửi'),
  canSettle: z.boolean().describe('Người xem là Điều tra viên được phân công giải quyết tin báo này'),
  next: z.array(Status).describe('Những bước người xem có thể chuyển sang'),
  extensions: z.array(z.enum(['complex', 'procuracy', 'acceptance_long', 'denunciation_extended', 'denunciation_extended_twice'])),
};

export function tipRoutes(app: FastifyInstance, db: Kysely<DB>, sealer: Sealer) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Tin báo'];

  const Filter = z.object({
    unitId: Id, status: z.union([Status, z.literal('open')]).optional(), category: Category.optional(),
    assignee: z.union([z.literal('none'), Id]).optional(), overdue: Flag.optional(), q: z.string().trim().max(200).optional(),
  });

  for (const [format, type] of [['csv', CSV_TYPE], ['xlsx', XLSX_TYPE]] as const) {
    r.get(`/api/tips/export.${format}`, {
      schema: {
        tags, summary: `Tải tin báo dạng ${format.toUpperCase()}, không có danh tính người báo tin; withContacts=true (chỉ vai trò bảo mật): có, mỗi danh tính được ghi nhật ký`,
        querystring: Filter.extend({ withContacts: Flag.default(false) }), response: binary(`Tệp ${format.toUpperCase()}`, type),
      },
    }, async (req, reply) => {
      const { unitId, q, withContacts, ...filter } = req.query;
      const file = await exportTips(db, sealer, contextOf(req), unitId, { ...filter, search: q }, { format, withContacts });
      return sendAttachment(reply, file.type, file);
    });
  }

  r.get('/api/tips', {
    schema: {
      tags, summary: 'Hộp tin báo của xã (hoặc các xã dưới một đơn vị), mới nhất trước',
      querystring: Filter.extend({
        limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }),
      response: ok(z.array(TipItem)),
    },
  }, async (req) => {
    const { unitId, limit, offset, q, ...filter } = req.query;
    return service.inbox(db, actorOf(req), unitId, { ...filter, search: q }, { limit, offset });
  });

  r.get('/api/tips/:id', {
    schema: {
      tags, summary: 'Một tin báo: nội dung, các bước, ghi chú nội bộ, ảnh (không có danh tính người báo tin)', params: z.object({ id: Id }),
      response: ok(z.object({
        tip: TipItem,
        events: z.array(z.object({ id: z.number(), kind: z.string(), status: z.string().nullable(), detail: z.string().nullable(), at: z.date(), actor_name: z.string().nullable() })),
        notes: z.array(z.object({ id: z.number(), body: z.string(), created_at: z.date(), author_name: z.string() })),
        photos: z.array(FileInfo), canReveal: z.boolean(), canHandle: z.boolean(),
      }).extend(PageExtras)),
    },
  }, async (req) => service.tipPage(db, actorOf(req), req.params.id));

  r.post('/api/tips/:id/reveal', {
    schema: {
      tags, summary: 'Xem danh tính, liên hệ của người báo tin (chỉ người được giao; mỗi lần xem được ghi nhật ký)', params: z.object({ id: Id }),
      response: ok(z.object({ name: z.string().optional(), phone: z.string().optional(), other: z.string().optional() })),
    },
  }, async (req) => service.revealContact(db, sealer, contextOf(req), req.params.id));

  // ---------- Staff workflow ----------
  const TipPage = z.looseObject({ tip: TipItem, canReveal: z.boolean(), canHandle: z.boolean() }).extend(PageExtras);
  const params = z.object({ id: Id });

  for (const method of ['patch', 'post'] as const) {
    r[method]('/api/tips/:id/status', {
      schema: {
        tags, summary: 'Chuyển tin báo sang bước tiếp theo (mới → đang xác minh → đang xử lý → đã giải quyết; chuyển cơ quan khác; không có cơ sở); hạn của bước mới tính từ lúc này',
        params,
        body: z.object({
          status: Status,
          note: z.string().trim().max(2000, 'Ghi chú tối đa 2.000 ký tự').optional().describe('Ghi chú nội bộ kèm theo (không hiện cho người báo tin)'),
          transferredTo: z.string().trim().max(300, 'Tên cơ quan tối đa 300 ký tự').optional().describe('Cơ quan nhận, bắt buộc khi chuyển, ví dụ "Cơ quan CSĐT Công an tỉnh"'),
          handover: z.object({
            document: z.string().trim().max(300, 'Tối đa 300 ký tự').optional().describe('Văn bản chuyển, biên bản giao nhận'),
            handedOverAt: Instant().transform((s) => new Date(s)).optional().describe('Lúc chuyển, nếu ghi sau (mặc định: bây giờ)'),
            bodyReceivedAt: Instant().transform((s) => new Date(s)).optional().describe('Cơ quan có thẩm quyền nhận lúc (mặc định: bây giờ)'),
            settlerId: z.number().int().positive().optional().describe('Điều tra viên của xã được phân công giải quyết'),
          }).optional().describe('Chuyển tin báo về tội phạm cho Cơ quan điều tra có thẩm quyền'),
          outcome: z.enum(['prosecute', 'not_prosecute']).optional().describe('Với "Đã giải quyết" tin báo về tội phạm: khởi tố hoặc không khởi tố vụ án hình sự'),
          ground: z.enum(['a', 'b', 'c']).optional().describe('Với "Tạm đình chỉ": căn cứ theo Điều 148 khoản 1'),
          decision: Decision.optional(),
        }),
        response: ok(TipPage),
      },
    }, async (req) => service.changeStatus(db, contextOf(req), req.params.id, req.body));
  }

  r.get('/api/tips/:id/assignees', {
    schema: {
      tags, summary: 'Những người có thể được giao tin báo: cán bộ đang hoạt động có quyền xử lý tin báo của xã', params,
      response: ok(z.array(z.object({ id: z.number(), full_name: z.string(), username: z.string() }))),
    },
  }, async (req) => service.peopleFor(db, actorOf(req), req.params.id, 'handlers'));

  r.post('/api/tips/:id/assign', {
    schema: {
      tags, summary: 'Giao tin báo cho một cán bộ (null: bỏ giao)', params,
      body: z.object({ userId: z.number().int().positive().nullable().describe('Người được giao; null để bỏ giao') }),
      response: ok(TipPage),
    },
  }, async (req) => service.assign(db, contextOf(req), req.params.id, req.body.userId));

  r.post('/api/tips/:id/notes', {
    schema: {
      tags, summary: 'Thêm ghi chú nội bộ (chỉ cán bộ xem, không bao giờ hiện trên trang tra cứu công khai)', params,
      body: z.object({ body: z.string().trim().min(1, 'Chưa viết ghi chú').max(5000, 'Ghi chú tối đa 5.000 ký tự') }),
      response: created(z.object({ id: z.number(), body: z.string(), created_at: z.date(), author_name: z.string() })),
    },
  }, async (req, reply) => reply.status(201).send(await service.addNote(db, contextOf(req), req.params.id, req.body.body)));

  r.post('/api/tips/:id/transfer', {
    schema: {
      tags,
      summary: 'Chuyển tin báo cho xã khác (người báo tin chọn nhầm xã): tin báo trở lại bước "Mới" ở xã nhận, hạn tính lại; xã nhận có thể ở ngoài phạm vi được giao của người chuyển',
      params,
      body: z.object({ communeId: z.number().int().positive().describe('Xã, phường, đặc khu nhận tin báo') }),
      response: ok(z.object({ id: z.number(), commune_id: z.number(), commune_name: z.string(), status: Status, due_at: z.date().nullable(), stillReadable: z.boolean() })),
    },
  }, async (req) => service.transferToCommune(db, contextOf(req), req.params.id, req.body.communeId));

  r.post('/api/tips/:id/extend', {
    schema: {
      tags,
      summary: 'Kéo dài thời hạn bằng quyết định: tin báo về tội phạm (Điều 147 khoản 2 BLTTHS: vụ việc phức tạp tối đa 02 tháng; Viện kiểm sát gia hạn một lần, không quá 02 tháng), tố cáo (thụ lý 10 ngày làm việc; Điều 30 Luật Tố cáo: gia hạn một hoặc hai lần, mỗi lần không quá 30 ngày)',
      params,
      body: z.object({
        term: z.enum(['complex', 'procuracy', 'acceptance_long', 'denunciation_extended', 'denunciation_extended_twice']),
        decision: Decision,
        until: Day.optional().describe('Ngày cuối của thời hạn mới (mặc định: muộn nhất luật cho phép)'),
      }),
      response: ok(TipPage),
    },
  }, async (req) => service.extendLegalTerm(db, contextOf(req), req.params.id, req.body));

  r.post('/api/tips/:id/classify', {
    schema: {
      tags, summary: 'Phân loại vụ việc: tin báo về tội phạm, tố cáo theo Luật Tố cáo, hay phản ánh khác; phân loại lại phải ghi lý do. Thời hạn tính lại từ ngày nhận theo loại mới',
      params,
      body: z.object({ kind: Kind, reason: z.string().trim().max(1000, 'Lý do tối đa 1.000 ký tự').optional() }),
      response: ok(TipPage),
    },
  }, async (req) => service.classify(db, contextOf(req), req.params.id, req.body));

  r.get('/api/tips/:id/investigators', {
    schema: {
      tags, summary: 'Điều tra viên được phân công tại xã của tin báo (người có thể giải quyết tin báo về tội phạm cho Cơ quan điều tra)', params,
      response: ok(z.array(z.object({ id: z.number(), full_name: z.string(), username: z.string() }))),
    },
  }, async (req) => service.peopleFor(db, actorOf(req), req.params.id, 'investigators'));

  r.post('/api/tips/:id/notices/:noticeId', {
    schema: {
      tags, summary: 'Ghi đã gửi văn bản thông báo mà một quyết định phải gửi (người báo tin, Viện kiểm sát)',
      params: z.object({ id: Id, noticeId: Id }),
      body: z.object({ sentOn: Day.describe('Ngày gửi'), reference: z.string().trim().max(300, 'Tối đa 300 ký tự').optional().describe('Số văn bản thông báo') }),
      response: ok(TipPage),
    },
  }, async (req) => service.recordNotice(db, contextOf(req), req.params.id, req.params.noticeId, req.body));

  r.put('/api/units/:id/remote-area', {
    schema: {
      tags, summary: 'Xác định xã ở vùng xa xôi, hẻo lánh, hải đảo: 48 giờ thay vì 24 giờ để chuyển tin báo về tội phạm (cấp trên của xã quyết định)',
      params: z.object({ id: Id }),
      body: z.object({ remote: z.boolean(), basis: z.string().trim().max(300, 'Tối đa 300 ký tự').optional().describe('Văn bản căn cứ') }),
      response: ok(z.object({ id: z.number(), remote_area: z.boolean(), remote_basis: z.string().nullable(), handover_hours: z.number() })),
    },
  }, async (req) => service.setRemoteArea(db, contextOf(req), req.params.id, req.body));

  r.put('/api/tips/:id/reply', {
    schema: {
      tags, summary: 'Lời đáp công khai: người báo tin đọc được trên trang tra cứu (để trống: xóa lời đáp)', params,
      body: z.object({ publicReply: z.string().trim().max(2000, 'Lời đáp tối đa 2.000 ký tự') }),
      response: ok(TipPage),
    },
  }, async (req) => service.setPublicReply(db, contextOf(req), req.params.id, req.body.publicReply));

  const SummaryQuery = z.object({
    unitId: Id,
    from: Day.optional().describe('Từ ngày nhận (mặc định: 29 ngày trước ngày kết thúc)'),
    to: Day.optional().describe('Đến ngày nhận (mặc định: hôm nay)'),
  });
  r.get('/api/tips/summary.xlsx', {
    schema: { tags, summary: 'Số liệu tin báo theo loại, trạng thái, đang mở, dạng XLSX (không có nội dung tin báo)', querystring: SummaryQuery, response: binary('Tệp XLSX', XLSX_TYPE) },
  }, async (req, reply) => sendAttachment(reply, XLSX_TYPE, await summaryXlsx(db, actorOf(req), req.query.unitId, req.query)));

  const Counts = (keys: readonly string[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number()])));
  r.get('/api/tips/summary', {
    schema: {
      tags, summary: 'Số liệu tin báo cho bảng điều khiển của xã, tỉnh: theo loại, trạng thái, ngày nhận; số đang mở, quá hạn, sắp đến hạn (không có nội dung tin báo)',
      querystring: SummaryQuery,
      response: ok(z.object({
        unit: z.object({ id: z.number(), name: z.string(), kind: z.string() }), from: z.string(), to: z.string(), received: z.number(),
        byCategory: Counts(Category.options), byStatus: Counts(Status.options),
        byDay: z.array(z.object({ day: z.string(), count: z.number() })),
        open: z.object({ total: z.number(), overdue: z.number(), dueSoon: z.number(), unassigned: z.number() }),
      }).meta({ id: 'TipSummary' })),
    },
  }, async (req) => service.summary(db, actorOf(req), req.query.unitId, req.query));
}
