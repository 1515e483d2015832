import { useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Briefing, Scenario } from '../scenario/schema.ts';
import { formatDate } from '../lib/format.ts';
import { useT } from '../i18n/index.ts';
import { referenceList } from './citations.ts';
import type { HandoutPage } from './run.ts';
import { SymbolSample } from '../ui/symbol-sample.tsx';

/** Smallest text scale a page may shrink to so that its step fits on one sheet. */
const MIN_SCALE = 0.55;

/** Shrinks the text of a column until it fits (or reaches MIN_SCALE); returns the scale used. */
function fitColumn(el: HTMLElement): number {
  let scale = 1;
  el.style.setProperty('--handout-scale', '1');
  while (el.scrollHeight > el.clientHeight + 1 && scale > MIN_SCALE) {
    scale = Math.round((scale - 0.04) * 100) / 100;
    el.style.setProperty('--handout-scale', String(scale));
  }
  return scale;
}

/**
 * Fits each page to its sheet (pages have the printed size in mm): the text of each column shrinks
 * until it fits; a page whose citations would shrink below 80% gets a smaller map ('dense') and
 * more room for them instead.
 */
export function fitPages(root: HTMLElement): void {
  for (const page of root.querySelectorAll<HTMLElement>('.handout-page')) {
    page.classList.remove('dense');
    const side = page.querySelector<HTMLElement>('.handout-side');
    if (side && fitColumn(side) < 0.8) page.classList.add('dense');
    for (const el of page.querySelectorAll<HTMLElement>('.handout-fit')) fitColumn(el);
  }
}

/**
 * The printed handout: one A4 landscape sheet per step with the step's map and its key (what
 * the image shows, src/ui/legend-items.ts), title, date and caption, optional speaker notes, and the full citations of the claims it cites (claimant, date,
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
      {pages.map(({ step, image, legend }, i) => {
        const n = i + 1;
        const refs = referenceList(scenario, step.claimIds ?? []);
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
                {legend.length > 0 && (
                  <ul className="handout-key" aria-label={t('legend')}>
                    {legend.map((item) => (
                      <li key={item.label}>
                        <SymbolSample symbol={item.symbol} /> {item.label}
                      </li>
                    ))}
                  </ul>
                )}
                <p className="handout-caption">{step.caption}</p>
                {notes && step.notes && (
                  <section className="handout-notes">
                    <h3>{t('speakerNotes')}</h3>
                    <p>{step.notes}</p>
                  </section>
                )}
              </div>
              <div className="handout-side handout-fit">
                <section className="handout-citations">
                  <h3>{t('citations')}</h3>
                  {refs.claims.length === 0 && <p>{t('noCitations')}</p>}
                  <ol className="cite-claims">
                    {refs.claims.map(({ claim, refs: nums }) => (
                      <li key={claim.id} data-claim={claim.id}>
                        <strong>
                          {t('claimant', {
                            who: claim.claimant.person ? `${claim.claimant.person} (${claim.claimant.office})` : claim.claimant.office,
                            date: formatDate(claim.date),
                          })}
                        </strong>
                        : {claim.statement} <span className="cite-refs">[{nums.join(', ')}]</span>
                      </li>
                    ))}
                  </ol>
                  {refs.sources.length > 0 && (
                    <>
                      <h3>{t('sourcesHeading')}</h3>
                      <ol className="cite-sources">
                        {refs.sources.map((src, k) => (
                          <li key={src.id} data-source={src.id}>
                            <span className="cite-num">[{k + 1}]</span> {src.publisher}, “{src.title}”, {t('published', { date: formatDate(src.date) })}.{' '}
                            <span className="cite-url">{src.url ?? t('noUrl')}</span>
                          </li>
                        ))}
                      </ol>
                    </>
                  )}
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
