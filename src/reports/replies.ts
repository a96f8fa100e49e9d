import { z } from 'zod';

const UnitRef = z.object({ id: z.number(), name: z.string(), kind: z.string() });
const Period = z.enum(['month', 'quarter', 'half_year', 'year']).describe('month = tháng, quarter = quý, half_year = 6 tháng, year = năm');
export const ReportStatus = z.enum(['draft', 'submitted', 'returned', 'accepted']).describe('draft = đang soạn, submitted = đã gửi, returned = bị trả lại, accepted = đã tiếp nhận');

export const Duty = z.object({
  unit: UnitRef,
  receiver: z.object({ id: z.number(), name: z.string() }),
  schedule_key: z.string(),
  title: z.string(),
  subject: z.string().describe('Báo cáo về: mô hình hoặc kế hoạch'),
  period: Period,
  period_label: z.string(),
  period_start: z.string(),
  period_end: z.string().describe('Ngày chốt số liệu'),
  due_on: z.string().describe('Hạn gửi'),
  report_id: z.number().nullable(),
  status: z.union([ReportStatus, z.literal('not_started')]),
  submitted_at: z.date().nullable(),
  late: z.boolean(),
  reminders: z.number(), last_reminded_at: z.date().nullable(),
});

export const Duties = z.object({ unit: UnitRef, year: z.number(), duties: z.array(Duty), canWrite: z.boolean() });

export const Completeness = z.object({
  unit: UnitRef, year: z.number(),
  summary: z.object({ owed: z.number(), due: z.number(), submitted: z.number(), accepted: z.number(), late: z.number(), not_started: z.number() }),
  duties: z.array(Duty),
  canReview: z.boolean(),
});

const Gong = z.object({ villages: z.number(), expected: z.number(), struck: z.number(), on_time: z.number() });

export const Figures = z.object({
  unit: UnitRef,
  from: z.string(), to: z.string().describe('Ngày cuối được tính: cuối kỳ, hoặc hôm nay nếu kỳ chưa hết'), nights: z.number(),
  gongs: Gong.nullable(),
  patrols: z.object({ patrols: z.number(), with_incidents: z.number(), expected: z.number() }),
  activities: z.array(z.object({ kind: z.string(), activities: z.number(), audience: z.number() })),
  tips: z.object({ received: z.number(), byCategory: z.record(z.string(), z.number()), byStatus: z.record(z.string(), z.number()) }).nullable(),
  commitments: z.array(z.object({ signer_kind: z.string(), count: z.number() })),
  households: z.object({ households: z.number(), in_fire_groups: z.number(), keychains: z.number(), fire_groups: z.number(), keychains_handed_out: z.number() }),
  models: z.array(z.object({ template: z.string(), building: z.number(), operating: z.number(), closed: z.number() })),
  targets: z.array(z.object({ key: z.string(), title: z.string(), target: z.number(), unit: z.enum(['%', 'count']), count: z.number(), of: z.number(), met: z.boolean().nullable() })),
  breakdown: z.array(z.object({
    id: z.number().nullable(), name: z.string(), gongs: Gong.nullable(), patrols: z.number(), activities: z.number(), tips: z.number(),
    households: z.number(), in_fire_groups: z.number(), keychains: z.number(),
  })),
});

export const Narrative = z.object({
  results: z.string().max(20_000, 'Tối đa 20.000 ký tự').describe('Kết quả đạt được'),
  limitations: z.string().max(20_000, 'Tối đa 20.000 ký tự').describe('Hạn chế'),
  causes: z.string().max(20_000, 'Tối đa 20.000 ký tự').describe('Nguyên nhân'),
  proposals: z.string().max(20_000, 'Tối đa 20.000 ký tự').describe('Đề xuất, kiến nghị'),
});

export const Signer = z.object({
  title: z.string().trim().max(200, 'Tối đa 200 ký tự').describe('Chức danh người ký: CHỦ TỊCH, HIỆU TRƯỞNG…'),
  name: z.string().trim().max(200, 'Tối đa 200 ký tự').describe('Họ và tên người ký'),
});

export const ReportView = z.object({
  report: z.object({
    id: z.number(), unit_id: z.number(), unit_name: z.string(), unit_kind: z.string(), receiver_id: z.number(), receiver_name: z.string(),
    schedule_key: z.string(), title: z.string(), subject: z.string(), period: Period, period_start: z.string(), period_end: z.string(), due_on: z.string(),
    status: ReportStatus, submitted_at: z.date().nullable(), reviewed_at: z.date().nullable(), review_comment: z.string().nullable(),
    version: z.number(), updated_at: z.date(), created_at: z.date(), narrative: Narrative,
    receiver_kind: z.string(), signer_title: z.string(), signer_name: z.string(),
  }),
  signer: Signer.describe('Người ký: chức danh, họ tên đã ghi; nếu chưa ghi, theo loại đơn vị và lãnh đạo đơn vị'),
  place: z.string().describe('Địa danh ở dòng ngày tháng: xã, phường hoặc tỉnh nơi đơn vị đóng'),
  figures: Figures,
  figuresAsOf: z.date().nullable(),
  events: z.array(z.object({ id: z.number(), at: z.date(), action: z.string(), comment: z.string().nullable(), actor_name: z.string().nullable() })),
  canWrite: z.boolean(),
  canReview: z.boolean(),
});

export const Reminder = z.object({
  id: z.number(), unit_id: z.number(), schedule_key: z.string(), period_start: z.string(), sent_at: z.date(), message: z.string().nullable(), sender_name: z.string().nullable(),
});

export const Schedule = z.object({
  id: z.number(), plan_id: z.number(), title: z.string(), period: Period, due_day: z.number(), due_month: z.number().nullable(),
  reporter_kind: z.enum(['province', 'commune', 'village', 'school']),
});
