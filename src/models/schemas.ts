/**
 * What the model routes answer, for the OpenAPI document and to check every answer on its way
 * out. Objects are loose: a column added to a query reaches the client before it is described.
 */
import { z } from 'zod';
import { FileInfo } from '../files/routes.ts';
import { STEPS, TemplateParts } from './parts.ts';

const Day = z.string().describe('YYYY-MM-DD');
const Timestamp = z.date();

export const Template = z.looseObject({
  id: z.number(),
  family_id: z.number().nullable().describe('Mọi phiên bản của một mẫu có chung family_id'),
  version: z.number(),
  is_current: z.boolean(),
  builtin_key: z.string().nullable().describe('Mẫu dựng sẵn từ các kế hoạch mẫu; null với mẫu của đơn vị'),
  owner_unit_id: z.number().nullable(),
  created_at: Timestamp,
  ...TemplateParts.shape,
}).meta({ id: 'ModelTemplate' });

export const TemplateWithVersions = Template.extend({
  versions: z.array(z.object({ id: z.number(), version: z.number(), is_current: z.boolean(), created_at: Timestamp })),
});

export const Instance = z.looseObject({
  id: z.number(),
  template_id: z.number(),
  unit_id: z.number(),
  unit_name: z.string(),
  name: z.string(),
  status: z.enum(['building', 'operating', 'closed']).describe('đang xây dựng, đang hoạt động, đã kết thúc'),
  replicated_from_id: z.number().nullable(),
  plan_id: z.number().nullable(),
  started_on: Day,
  template_name: z.string(),
  field: z.string(),
  created_at: Timestamp,
}).meta({ id: 'ModelInstance' });

export const InstanceListItem = Instance.extend({
  late_steps: z.number().describe('Số bước trễ hạn'),
  current_step: z.enum(STEPS).nullable().describe('Bước đầu tiên chưa xong'),
});

export const Step = z.looseObject({
  id: z.number(),
  step: z.enum(STEPS),
  ordinal: z.number(),
  title: z.string(),
  label: z.string().optional(),
  planned_start: Day.nullable(),
  planned_end: Day.nullable(),
  actual_start: Day.nullable(),
  actual_end: Day.nullable(),
  responsible: z.string().nullable(),
  notes: z.string().nullable(),
}).meta({ id: 'ModelStep' });

export const Member = z.object({ id: z.number(), full_name: z.string(), role: z.string(), position: z.string().nullable() });
const InstanceRef = z.object({ id: z.number(), name: z.string(), status: z.string(), unit_name: z.string() });

export const InstancePage = z.object({
  instance: Instance.extend({ template_version: z.number() }),
  steps: z.array(Step.extend({ label: z.string(), late: z.boolean(), files: z.array(FileInfo) })),
  members: z.array(Member),
  commitments: z.record(z.string(), z.number()).describe('Số cam kết đã ký theo loại người ký'),
  replicatedFrom: z.object({ id: z.number(), name: z.string(), unit_name: z.string().nullable() }).nullable(),
  replicas: z.array(InstanceRef).describe('Nơi đã nhân rộng tới (trong phạm vi người xem)'),
  replicaCount: z.number(),
  extraUnits: z.array(z.looseObject({ id: z.number(), name: z.string() })),
  canWrite: z.boolean(),
});

export const ReplicateResult = z.object({
  created: z.number(),
  instances: z.array(z.object({ id: z.number(), name: z.string(), unit_id: z.number() })),
  skipped: z.array(z.object({ unit_id: z.number(), name: z.string(), reason: z.string() })),
});

