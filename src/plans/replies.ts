/**
 * What the plan routes answer, for the OpenAPI document and to check every answer on its way
 * out. Objects are loose: a column added to a query reaches the client before it is described.
 */
import { z } from 'zod';
import { FileInfo } from '../files/routes.ts';
import { TaskMeasure } from './measure.ts';
import { Recurrence } from './recurrence.ts';
import { PlanInput } from './schema.ts';

const Day = z.string().describe('YYYY-MM-DD');
const PlanStatus = z.enum(['draft', 'issued', 'closed']).describe('dự thảo, đã ban hành, đã kết thúc');

export const PlanListItem = z.looseObject({
  id: z.number(),
  number: z.string().nullable(),
  symbol: z.string(),
  issued_on: Day.nullable(),
  title: z.string(),
  status: PlanStatus,
  unit_id: z.number(),
  unit_name: z.string(),
  parent_plan_id: z.number().nullable(),
  period_start: Day.nullable(),
  period_end: Day.nullable(),
}).meta({ id: 'PlanListItem' });

export const Plan = PlanListItem.extend({
  place: z.string(),
  document: PlanInput.pick({ issuer: true, bases: true, preamble: true, sections: true, closing: true, recipients: true, signer: true })
    .describe('Các phần của văn bản theo Nghị định 30/2020/NĐ-CP'),
  created_at: z.date(),
  updated_at: z.date(),
}).meta({ id: 'Plan' });

export const Task = z.looseObject({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  lead_unit_id: z.number(),
  lead_unit_name: z.string(),
  support_unit_ids: z.array(z.number()),
  recurrence: Recurrence,
  starts_on: Day,
  ends_on: Day,
  status: z.enum(['open', 'done', 'cancelled']),
  measure: TaskMeasure,
  open_occurrences: z.number(),
  done_occurrences: z.number(),
}).meta({ id: 'Task' });

const PlanRef = z.looseObject({ id: z.number(), number: z.string().nullable(), symbol: z.string(), title: z.string() });

export const PlanPage = z.object({
  plan: Plan,
  parent: PlanRef.nullable().describe('Kế hoạch cấp trên mà kế hoạch này triển khai'),
  depth: z.number(),
  children: z.array(PlanRef.extend({ status: PlanStatus })),
  instances: z.array(z.object({ id: z.number(), name: z.string(), status: z.string(), unit_name: z.string() })),
  tasks: z.array(Task),
  canWrite: z.boolean(),
  canAddTasks: z.boolean(),
  canApprove: z.boolean(),
});

export const NewTaskReply = z.object({
  id: z.number(), title: z.string(), lead_unit_id: z.number(), starts_on: Day, ends_on: Day, measure: TaskMeasure, occurrences: z.number(),
});

const OccurrenceStatus = z.enum(['open', 'done']);

export const Occurrence = z.looseObject({
  id: z.number(),
  task_id: z.number(),
  due_on: Day,
  due_time: z.string().nullable().describe('HH:MM khi nhiệm vụ có giờ'),
  status: OccurrenceStatus,
  done_at: z.date().nullable(),
  evidence: z.string().nullable(),
  title: z.string(),
  plan_id: z.number(),
  plan_title: z.string(),
  plan_number: z.string().nullable(),
  plan_symbol: z.string(),
  lead_unit_name: z.string(),
  measure: TaskMeasure,
  measured: z.object({ recorded: z.number(), required: z.number() }).nullable()
    .describe('Dữ liệu đã ghi nhận cho lần này (vd. 6 trên 7 thôn đã đánh kẻng) khi nhiệm vụ được tính tự động; xong khi recorded ≥ required'),
  files: z.array(FileInfo).describe('Tệp minh chứng'),
}).meta({ id: 'TaskOccurrence' });

export const OccurrenceUpdated = z.looseObject({ id: z.number(), task_id: z.number(), due_on: Day, status: OccurrenceStatus, evidence: z.string().nullable(), done_at: z.date().nullable() });

export const MyWork = z.object({
  today: Day,
  overdue: z.array(Occurrence),
  due: z.array(Occurrence),
  done: z.array(Occurrence),
  counts: z.object({ overdue: z.number(), due: z.number() }),
});

export const Calendar = z.object({
  month: z.string(),
  from: Day,
  to: Day,
  days: z.record(z.string(), z.array(Occurrence)).describe('Các lần thực hiện theo ngày (YYYY-MM-DD)'),
});
