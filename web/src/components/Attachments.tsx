import { useId, type ChangeEvent } from 'react';
import { ApiError, type StoredFile } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Alert, errorText, useAction } from '../ui.tsx';

/** As the server takes them (src/files/content.ts). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

const fileSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`);

interface Props {
  files: StoredFile[];
  /** Given to those who may attach and remove files; without them the list is read-only. */
  write?: {
    attach: (file: File) => Promise<unknown>;
    remove: (file: StoredFile) => Promise<unknown>;
    /** Called after a file was attached or removed, to reload the owner. */
    onChanged: () => void;
  } | undefined;
  testId?: string;
}

/** Files kept with what they prove (a step's minutes, a task's photo): list, attach, remove. */
export function Attachments({ files, write, testId = 'attachments' }: Props) {
  const { t } = useI18n();
  const { busy, error, setError, run } = useAction();
  const inputId = useId();
  if (!write && files.length === 0) return null;

  // Each change reloads the owner, whose list of files it is.
  const change = (action: () => Promise<unknown>) => run(async () => {
    await action();
    write?.onChanged();
  });
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !write) return;
    // Refused here, before a large phone photo crawls up a slow line only to be refused there.
    if (file.size > MAX_FILE_BYTES) setError(new ApiError(413, 'TOO_LARGE', t('files.tooLarge', { name: file.name })));
    else void change(() => write.attach(file));
  };
  const confirmRemove = (f: StoredFile) => {
    if (write && window.confirm(t('files.removeConfirm', { name: f.name }))) void change(() => write.remove(f));
  };

  return (
    <div className="attachments" data-testid={testId}>
      {files.length > 0 && (
        <ul className="attachments__list" aria-label={t('files.title')}>
          {files.map((f) => (
            <li key={f.id} className="attachments__item">
              <a href={`/api/files/${f.id}`} target="_blank" rel="noopener" data-testid="attachment">
                {f.name}
              </a>
              <span className="muted"> · {fileSize(f.size)}</span>
              {write && (
                <button type="button" className="btn btn--link btn--small" disabled={busy} aria-label={t('files.removeNamed', { name: f.name })} onClick={() => confirmRemove(f)}>
                  {t('files.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {write && (
        <div className="attachments__add">
          <input id={inputId} type="file" className="visually-hidden" accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx" onChange={picked} disabled={busy} data-testid="attachment-input" />
          <label htmlFor={inputId} className={'btn btn--small' + (busy ? ' btn--disabled' : '')}>
            {busy ? t('files.uploading') : t('files.attach')}
          </label>
          <span className="muted attachments__hint">{t('files.hint')}</span>
        </div>
      )}
      {error != null && (
        <Alert kind="error" testId="attachment-error">
          {errorText(error, t)}
        </Alert>
      )}
    </div>
  );
}
