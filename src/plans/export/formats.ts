/** The two files an official document (plan or report) downloads as, with their media types. */
import type { PlanDocument } from '../document.ts';
import { renderPlanDocx } from './docx.ts';
import { renderPlanPdf } from './pdf.ts';

export const DOCUMENT_FORMATS: Record<'docx' | 'pdf', { render: (doc: PlanDocument) => Promise<Buffer>; type: string }> = {
  docx: { render: renderPlanDocx, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { render: renderPlanPdf, type: 'application/pdf' },
};
