import { lazy, Suspense, useRef, useState } from 'react';
import { addStrings, useT } from '../i18n/index.ts';
import './entry.css';

// Only this button is in the start bundle: the slide and handout code, its styles and the rest of
// its strings load on first click (export-menu.tsx adds them to the same namespace).
addStrings('export', { en: { menu: 'Slide & handout' }, de: { menu: 'Folie & Handout' } });
const ExportMenu = lazy(() => import('./export-menu.tsx'));

/** Top-bar button opening the slide (PNG) and handout (print) menu. */
export function ExportEntry() {
  const { t } = useT('export');
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div className="export-entry">
      <button type="button" ref={buttonRef} aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen((o) => !o)}>
        {t('menu')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportMenu onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
