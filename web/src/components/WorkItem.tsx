import { useId, useState } from 'react';
import { api, type WorkItem } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { Attachments } from './Attachments.tsx';
import { Link } from '../router.tsx';
import { Alert, errorText, useAction, useDateTime } from '../ui.tsx';
import { daysBetween, formatDay, usePlanNumber } from '../work.tsx';

interface Props {
  item: WorkItem;
  today: string;
  /** Called after the item was marked done or opened again. */
  onChanged: () => void;
  /** Leaves the date out, when the list is grouped by day already. */
  hideDate?: boolean;
}

/** One occurrence of a task: what, under which plan, who leads, when; "Đã xong" with an optional note. */
export function WorkItemCard({ item, today, onChanged, hideDate }: Props) {
  const { t } = useI18n();
  const { can } = useAuth();
  const planNumber = usePlanNumber();
  const dateTime = useDateTime();
  const noteId = useId();
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  const done = item.status === 'done';
  const late = !done && item.due_on < today ? daysBetween(item.due_on, today) : 0;

  // The card may stay mounted (the calendar's day view): run gives its buttons back either way.
  const set = (status: 'done' | 'open') => run(async () => {
    await api.updateOccurrence(item.id, status === 'done' ? { status, evidence: note.trim() || null } : { status });
    onChanged();
  });

  return (
    <li className={'work' + (late ? ' work--late' : '') + (done ? ' work--done' : '')} data-testid="work-item" data-id={item.id} data-status={item.status}>
      <div className="work__body">
        <div className="work__main">
          <strong className="work__title">{item.title}</strong>
          <span className="work__plan">
            <Link to={`/plans/${item.plan_id}`} className="work__number">
              {planNumber({ number: item.plan_number, symbol: item.plan_symbol })}
            </Link>{' '}
            <span className="muted">{item.plan_title}</span>
          </span>
          <span className="work__unit">
            <span className="muted">{t('work.lead')}</span> {item.lead_unit_name}
          </span>
        </div>
        <div className="work__when">
          {!hideDate && <span className="work__date">{formatDay(item.due_on)}</span>}
          {item.due_time && <span className="work__time">{t('work.at', { time: item.due_time })}</span>}
          {late > 0 && <span className="work__late">{t('work.lateBy', { n: late })}</span>}
        </div>
      </div>
      {item.measure && item.measured && (
        <p className="work__evidence work__auto" data-testid="work-auto" title={t('work.autoHint')}>
          {done && <span className="work__check" aria-hidden="true">✓</span>}{' '}
          {t('work.auto', { text: t(`measure.${item.measure}.progress` as MessageKey, item.measured) })}
        </p>
      )}
      {done && !item.measure && (
        <p className="work__evidence">
          <span className="work__check" aria-hidden="true">✓</span> {item.done_at ? t('work.doneAt', { time: dateTime(item.done_at) }) : t('work.doneShort')}
          {item.evidence && <span className="work__note">“{item.evidence}”</span>}
        </p>
      )}
      {/* Files are added with the note, before ticking off; otherwise they are only listed. */}
      {!(can('task.update') && !done && noteOpen) && <Attachments files={item.files} testId="work-files" />}
      {error != null && <Alert kind="error">{errorText(error, t)}</Alert>}
      {can('task.update') && !item.measure && (
        <div className="work__actions">
          {!done && noteOpen && (
            <div className="field work__note-field">
              <label htmlFor={noteId}>
                {t('work.evidence')} <span className="field__optional">({t('common.optional')})</span>
              </label>
              <textarea
                id={noteId} rows={2} maxLength={5000} value={note} placeholder={t('work.evidencePlaceholder')}
                data-testid="work-evidence" onChange={(e) => setNote(e.target.value)}
              />
            </div>
          )}
          {!done && noteOpen && (
            <Attachments
              files={item.files} testId="work-files"
              write={{ attach: (file) => api.attachOccurrenceFile(item.id, file), remove: (f) => api.removeOccurrenceFile(item.id, f.id), onChanged }}
            />
          )}
          {!done ? (
            <div className="work__buttons">
              <button type="button" className="btn btn--done" disabled={busy} onClick={() => void set('done')} data-testid="work-done">
                <span aria-hidden="true">✓</span> {busy ? t('common.saving') : t('work.markDone')}
              </button>
              {!noteOpen && (
                <button type="button" className="btn btn--small btn--link" onClick={() => setNoteOpen(true)} data-testid="work-add-note">
                  {t('work.addEvidence')}
                </button>
              )}
            </div>
          ) : (
            <button type="button" className="btn btn--small" disabled={busy} onClick={() => void set('open')} data-testid="work-reopen">
              {t('work.reopen')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
