import type { Locale } from 'safecall-pl';
import type { UiTexts } from './i18n.js';

const NAMES: Record<Locale, string> = { pl: 'Polski', en: 'English' };

/** Polish by default; English loads the same script in English. */
export function LanguageSwitch({ ui, locale, onChange, disabled = false }: { ui: UiTexts; locale: Locale; onChange: (locale: Locale) => void; disabled?: boolean }) {
  return (
    <div className="lang" role="group" aria-label={ui.language}>
      {(['pl', 'en'] as const).map((option) => (
        <button key={option} type="button" className="lang-option" lang={option} aria-pressed={option === locale} disabled={disabled} onClick={() => option !== locale && onChange(option)}>
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
