import { z } from 'zod';
import { Recurrence } from '../plans/recurrence.ts';

/** The lifecycle every model instance walks, in order. */
export const STEPS = ['survey', 'working_group', 'training', 'commitments', 'launch', 'operating', 'interim_review', 'final_review'] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, string> = {
  survey: 'Khảo sát',
  working_group: 'Thành lập tổ giúp việc, ban điều hành',
  training: 'Tập huấn',
  commitments: 'Ký cam kết',
  launch: 'Lễ ra mắt',
  operating: 'Duy trì hoạt động',
  interim_review: 'Sơ kết',
  final_review: 'Tổng kết',
};

export const FIELDS = ['ANTT', 'ATGT', 'PCCC', 'school'] as const;

/** The parts of a template, checked whenever one is written. */
export const TemplateParts = z.object({
  name: z.string().trim().min(1, 'Không được để trống').max(300),
  field: z.enum(FIELDS),
  purpose: z.string().max(5000).default(''),
  steps: z
    .array(z.object({
      step: z.enum(STEPS),
      title: z.string().trim().min(1, 'Không được để trống').max(300),
      /** Planned start and end, in days from the instance's start. */
      startDay: z.number().int().min(0).max(3650),
      endDay: z.number().int().min(0).max(3650),
    }).refine((s) => s.startDay <= s.endDay, { message: 'Ngày kết thúc phải sau ngày bắt đầu', path: ['endDay'] }))
    .min(1)
    .max(STEPS.length)
    .refine((steps) => new Set(steps.map((s) => s.step)).size === steps.length, 'Mỗi bước chỉ xuất hiện một lần'),
  activities: z.array(z.object({ key: z.string().max(50).regex(/^[a-z0-9_-]{1,50}$/), title: z.string().trim().min(1, 'Không được để trống').max(300), recurrence: Recurrence })).max(50),
  targets: z.array(z.object({
    key: z.string().max(50).regex(/^[a-z0-9_-]{1,50}$/),
    title: z.string().trim().min(1, 'Không được để trống').max(300),
    value: z.number().min(0),
    unit: z.enum(['%', 'count']),
  })).max(50),
  reports: z.array(z.object({
    title: z.string().trim().min(1, 'Không được để trống').max(300),
    period: z.enum(['month', 'quarter', 'half_year', 'year']),
    due: z.object({ day: z.number().int().min(1).max(31), month: z.number().int().min(1).max(12).optional() }),
  })).max(20),
});
export type TemplateParts = z.infer<typeof TemplateParts>;
