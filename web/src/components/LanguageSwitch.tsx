import { useI18n, type Lang } from '../i18n.tsx';

/** VI / EN toggle; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const options: { value: Lang; short: string; label: string }[] = [
    { value: 'vi', short: 'VI', label: t('lang.vi') },
    { value: 'en', short: 'EN', label: t('lang.en') },
  ];
  // The name starts with the letters shown, so "VI" spoken to voice control finds the button (WCAG 2.5.3).
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')} data-testid="lang-switch">
      {options.map((o) => (
        <button
          key={o.value} type="button" lang={o.value} aria-pressed={lang === o.value} title={o.label}
          aria-label={`${o.short} (${o.label})`} data-testid={`lang-${o.value}`} onClick={() => setLang(o.value)}
        >
          {o.short}
        </button>
      ))}
    </div>
  );
}
