import { useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Briefing, Scenario } from '../scenario/schema.ts';
import { formatDate } from '../lib/format.ts';
import { useT } from '../i18n/index.ts';
import { citationsFor } from './citations.ts';
import type { HandoutPage } from './run.ts';

/** Smallest text scale a page may shrink to so that its step fits on one sheet. */
const MIN_SCALE = 0.55;

/** Shrinks each page's text until nothing overflows its sheet (pages have the printed size in mm). */
export function fitPages(root: HTMLElement): void {
  for (const page of root.querySelectorAll<HTMLElement>('.handout-page')) {
    let scale = 1;
    const overflows = () =>
      [...page.querySelectorAll<HTMLElement>('.handout-fit')].some((el) => el.scrollHeight > el.clientHeight + 1);
    page.style.setProperty('--handout-scale', '1');
    while (overflows() && scale > MIN_SCALE) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      page.style.setProperty('--handout-scale', String(scale));
    }
  }
}

/**
 * The printed handout: one A4 landscape sheet per step with the step's map, title, date and
 * caption, optional speaker notes, and the full citations of the claims it cites (claimant, date,
 * statement; each source's publisher, title, date and URL in full). Rendered into <body>, hidden
 * on screen; the print stylesheet shows only it (see export.css).
 */
export function Handout({
  scenario,
  briefing,
  pages,
  notes,
  onReady,
}: {
  scenario: Scenario;
  briefing: Briefing;
  pages: HandoutPage[];
  notes: boolean;
  onReady: () => void;
}) {
  const { t } = useT('export');
  const rootRef = useRef<HTMLDivElement>(null);
  const readyRef = useRef(onReady);
  readyRef.current = onReady;
  useLayoutEffect(() => {
    const root = rootRef.current!;
    document.documentElement.classList.add('has-handout');
    let live = true;
    void Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined))).then(() => {
      if (!live) return;
      fitPages(root);
      readyRef.current();
    });
    return () => {
      live = false;
      document.documentElement.classList.remove('has-handout');
    };
  }, [pages, notes]);

  const total = briefing.steps.length;
  return createPortal(
    <div className="handout-root" ref={rootRef}>
      {pages.map(({ step, image }) => {
        const n = briefing.steps.indexOf(step) + 1;
        const citations = citationsFor(scenario, step.claimIds ?? []);
        return (
          <article className="handout-page" key={step.id} data-step={step.id}>
            <header className="handout-head">
              <p className="handout-kicker">
                {briefing.title} · {t('stepOf', { n, total })} · {t('asOf')} {formatDate(step.date)}
              </p>
              <h2 className="handout-title">{step.title}</h2>
            </header>
            <div className="handout-body">
              <div className="handout-main handout-fit">
                <img className="handout-map" src={image} alt="" width={1920} height={1080} />
                <p className="handout-caption">{step.caption}</p>
              </div>
              <div className="handout-side handout-fit">
                {notes && step.notes && (
                  <section className="handout-notes">
                    <h3>{t('speakerNotes')}</h3>
                    <p>{step.notes}</p>
                  </section>
                )}
                <section className="handout-citations">
                  <h3>{t('citations')}</h3>
                  {citations.length === 0 && <p>{t('noCitations')}</p>}
                  <ol>
                    {citations.map(({ claim, sources }) => (
                      <li key={claim.id} data-claim={claim.id}>
                        <p className="cite-claim">
                          <strong>
                            {t('claimant', {
                              who: claim.claimant.person ? `${claim.claimant.person} (${claim.claimant.office})` : claim.claimant.office,
                              date: formatDate(claim.date),
                            })}
                          </strong>
                          : {claim.statement}
                        </p>
                        <ul className="cite-sources">
                          {sources.map((s) => (
                            <li key={s.id}>
                              {s.publisher}, “{s.title}”, {t('published', { date: formatDate(s.date) })}.{' '}
                              <span className="cite-url">{s.url ?? t('noUrl')}</span>
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ol>
                </section>
              </div>
            </div>
            <footer className="handout-foot">{t('handoutFooter', { scenario: scenario.title })}</footer>
          </article>
        );
      })}
    </div>,
    document.body,
  );
}
