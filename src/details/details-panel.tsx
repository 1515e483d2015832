import { memo, startTransition, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { afterPresented } from '../lib/after-paint.ts';
import type { Scenario } from '../scenario/schema.ts';
import { claimsFor, groupByStatus, type EntityRef } from '../scenario/derive/details.ts';
import { useActions, useDate, useOverlays, useScenario, useSelection, useSettledDate } from '../state/hooks.ts';
import type { Claim } from '../scenario/schema.ts';
import type { Overlay } from '../scenario/overlay-types.ts';
import { claimsAsOf, estimateSeries, holdsOn } from '../scenario/derive/time.ts';
import { EstimateChart } from './estimate-chart.tsx';
import { formatDate, formatNumber } from '../lib/format.ts';

/** A latitude or longitude with 4 decimals, with the UI language's decimal sign. */
const coord = (x: number) => (currentLang() === 'de' ? x.toFixed(4).replace('.', ',') : x.toFixed(4));
import { entityName } from '../ui/entity-label.ts';
import { ClaimCard } from './claim-card.tsx';
import { currentLang, useT } from '../i18n/index.ts';

function EntityButton({ target, children }: { target: EntityRef; children: ReactNode }) {
  const { select } = useActions();
  return (
    <button type="button" className="link-button" onClick={() => select(target)}>
      {children}
    </button>
  );
}

function Facts({ scenario, entity, date }: { scenario: Scenario; entity: EntityRef; date: string }) {
  const placeName = (id: string) => scenario.places.find((p) => p.id === id)?.name ?? id;
  const { t } = useT();
  switch (entity.kind) {
    case 'actor': {
      const a = scenario.actors.find((x) => x.id === entity.id)!;
      const relations = scenario.relations.filter((r) => (r.from === a.id || r.to === a.id) && holdsOn(date, r.start, r.end));
      return (
        <>
          <p className="role">{a.role}</p>
          <p className="facts">
            {t(a.tier === 'primary' ? 'd.primary' : 'd.secondary')} · {t(a.kind === 'alliance' ? 'd.alliance' : 'd.state')} ·{' '}
            {t('d.markerAt', { place: placeName(a.capitalPlaceId) })}
          </p>
          {relations.length > 0 && (
            <section aria-labelledby="relations-heading">
              <h3 id="relations-heading">{t('layer.relations')}</h3>
              <ul className="relation-list">
                {relations.map((r) => (
                  <li key={r.id}>
                    <span className="muted">{entityName(scenario, { kind: 'actor', id: r.from })} → {entityName(scenario, { kind: 'actor', id: r.to })}:</span>{' '}
                    <EntityButton target={{ kind: 'relation', id: r.id }}>{r.label}</EntityButton>{' '}
                    <span className="muted">{t('d.since', { date: formatDate(r.start) })}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      );
    }
    case 'relation': {
      const r = scenario.relations.find((x) => x.id === entity.id)!;
      return (
        <>
        {!holdsOn(date, r.start, r.end) && <NotYet start={r.start} end={r.end} date={date} />}
        <p className="facts">
          <span className={`type-chip type-${r.type}`}>{t(`type.${r.type}`)}</span>{' '}
          <EntityButton target={{ kind: 'actor', id: r.from }}>{entityName(scenario, { kind: 'actor', id: r.from })}</EntityButton> →{' '}
          <EntityButton target={{ kind: 'actor', id: r.to }}>{entityName(scenario, { kind: 'actor', id: r.to })}</EntityButton> ·{' '}
          {t('d.from', { date: formatDate(r.start) })}
          {r.end ? ` ${t('d.to', { date: formatDate(r.end) })}` : ''}
        </p>
        </>
      );
    }
    case 'movement': {
      const m = scenario.movements.find((x) => x.id === entity.id)!;
      return (
        <>
          {date < m.start && <NotYet start={m.start} date={date} />}
          <p className="facts">
            {t(`mode.${m.mode}`)} · {m.path.map(placeName).join(' → ')} · {t('d.from', { date: formatDate(m.start) })} {t('d.to', { date: formatDate(m.end) })}
          </p>
          <p className="facts">
            {t('d.account', { account: m.account, precision: t(`mprec.${m.precision}`) })}
          </p>
          {m.note && <p className="facts movement-note">{m.note}</p>}
        </>
      );
    }
    case 'position': {
      const p = scenario.positions.find((x) => x.id === entity.id)!;
      return (
        <>
          {!holdsOn(date, p.start, p.end) && <NotYet start={p.start} end={p.end} date={date} />}
          {p.status === 'alleged' && <p className="alert-inline">{t('d.allegation')}</p>}
          {p.location.kind === 'area' ? (
            <p className="facts">
              {t('d.area', { desc: p.location.description, places: p.location.placeIds.map(placeName).join(', '), km: formatNumber(p.location.bufferKm) })}
            </p>
          ) : (
            <p className="facts">{t('d.at', { place: placeName(p.location.placeId) })}</p>
          )}
          <p className="facts">
            {t('d.reportedFrom', { date: formatDate(p.start) })}
            {p.end ? ` ${t('d.to', { date: formatDate(p.end) })}` : ''}
          </p>
        </>
      );
    }
    case 'overlay':
      return null;
    case 'place': {
      const p = scenario.places.find((x) => x.id === entity.id)!;
      const cs = p.coordSource;
      const from =
        cs.kind === 'geonames'
          ? t('d.geonames', { id: cs.geonameId })
          : cs.kind === 'none'
            ? t('d.none', { note: cs.note })
            : `${cs.kind === 'wikipedia' ? 'Wikipedia' : t('d.geoconfirmed')}: ${cs.note}`;
      return (
        <>
          {p.note && <p className="role">{p.note}</p>}
          <p className="facts">
            {p.country} · {p.lngLat ? `${coord(p.lngLat[1])}°, ${coord(p.lngLat[0])}°` : t('d.noCoords')} · {t(`prec.${p.precision}`)}
          </p>
          <p className="facts">{t('d.coordsFrom', { from })}</p>
        </>
      );
    }
  }
}

/** The feature of an overlay that `id` names, with its overlay. */
function overlayFeature(overlays: Overlay[], id: string) {
  for (const overlay of overlays) {
    const feature = overlay.data.features.find((f) => f.properties?.__sitmapId === id);
    if (feature) return { overlay, feature };
  }
  return null;
}

/** A feature of a user's file: its properties, as text, and where it came from. */
function OverlayFacts({ overlay, properties }: { overlay: Overlay; properties: Record<string, unknown> }) {
  const rows = Object.entries(properties).filter(([k]) => k !== '__sitmapId');
  const { t } = useT();
  return (
    <>
      <p className="facts">
        {t('d.fileBefore')} <strong>{overlay.name}</strong> {t('d.fileAfter')}
      </p>
      {rows.length ? (
        <table className="properties">
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('d.noProps')}</p>
      )}
    </>
  );
}

function NotYet({ start, end, date }: { start: string; end?: string | undefined; date: string }) {
  const { t } = useT();
  return (
    <p className="alert-inline not-yet">
      {date < start
        ? t('d.notYet', { date: formatDate(date), start: formatDate(start) })
        : t('d.noLonger', { date: formatDate(date), end: formatDate(end ?? start) })}
    </p>
  );
}

/**
 * The claims made by `asOf`, grouped by status. Memoised: during playback it re-renders only when
 * the claims shown or the settled date change, not on every day.
 */
const ClaimGroups = memo(function ClaimGroups({ scenario, claims, asOf }: { scenario: Scenario; claims: readonly Claim[]; asOf: string }) {
  const { t } = useT();
  return groupByStatus(claims).map((g) => (
    <section key={g.status} className={`status-group status-${g.status}`} aria-label={t(`status.${g.status}`)}>
      <h4 className="status-heading">
        <span className={`status-dot status-dot-${g.status}`} aria-hidden="true" />
        {t(`status.${g.status}`)} ({g.claims.length})
      </h4>
      {g.claims.map((c) => (
        <ClaimCard key={c.id} claim={c} scenario={scenario} asOf={asOf} />
      ))}
    </section>
  ));
});

/**
 * What the panel shows below the facts: the estimate charts and the claims made by the date shown,
 * grouped by status (the bulk of the panel). Memoised on its props: it renders in the panel's
 * second pass, not in the click's.
 */
const ClaimsSection = memo(function ClaimsSection({
  scenario,
  entity,
  date,
  settled,
  overlay,
}: {
  scenario: Scenario;
  entity: EntityRef;
  date: string;
  settled: string;
  overlay: boolean;
}) {
  const { t } = useT();
  // Claims shown follow the settled date: the same list object until something new is said.
  const { all, series } = useMemo(() => {
    const all = claimsFor(scenario, entity);
    return { all, series: estimateSeries(all) };
  }, [scenario, entity]);
  const made = useMemo(() => claimsAsOf(all, settled), [all, settled]);
  const later = all.length - made.length;
  const measures = (['in-russia', 'in-kursk-region'] as const).filter((m) => series.some((s) => s.measure === m));
  const dates = series.flatMap((s) => s.points.map((p) => p.date));
  const domain: [string, string] = [dates.reduce((a, b) => (a < b ? a : b), date), dates.reduce((a, b) => (a > b ? a : b), date)];
  return (
    <>
      {measures.length > 0 && (
        <section className="estimates" aria-label={t('d.estimates')}>
          <h3>{t('d.estimates')}</h3>
          {measures.map((m) => (
            <EstimateChart key={m} series={series.filter((s) => s.measure === m)} asOf={date} domain={domain} />
          ))}
        </section>
      )}
      {!overlay && <h3 className="claims-heading">{t('d.claims', { date: formatDate(date) })}</h3>}
      {!overlay && made.length === 0 && <p className="muted">{t('d.noClaims')}</p>}
      {later > 0 && <p className="muted later-claims">{t('d.later', { count: later, date: formatDate(date) })}</p>}
      <ClaimGroups scenario={scenario} claims={made} asOf={settled} />
    </>
  );
});

/**
 * Details of the selected entity with its claims grouped by status. Escape closes it and gives
 * focus back to where the user was.
 *
 * A click paints the panel's header and facts in its own frame; the charts and claim cards (the
 * bulk of the panel) follow in a second, interruptible render that starts once that frame is
 * drawn (click-to-paint p75 in bench/RESULTS.md). Until then the previous entity's cards stay
 * mounted but hidden: unmounting them in the click cost as much as building the header.
 */
export function DetailsPanel() {
  const scenario = useScenario();
  const selection = useSelection();
  const { select } = useActions();
  const date = useDate();
  const settled = useSettledDate();
  const overlays = useOverlays();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const { t } = useT();

  useEffect(() => {
    if (!selection) return;
    const active = document.activeElement as HTMLElement | null;
    if (active && !headingRef.current?.closest('aside')?.contains(active)) returnFocus.current = active;
    // Focus moves to the heading once the panel is painted: focusing forces a layout, which in the
    // click would hold up the frame that shows the panel.
    return afterPresented(() => {
      const heading = headingRef.current;
      if (heading && document.activeElement !== heading && (document.activeElement === active || document.activeElement === document.body)) heading.focus();
    });
  }, [selection]);

  useEffect(() => {
    if (!selection) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      select(null);
      const back = returnFocus.current;
      if (back && document.contains(back)) back.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, select]);

  const shown = useAfterPaint(selection);

  if (!selection) return null;
  const fromOverlay = selection.kind === 'overlay' ? overlayFeature(overlays, selection.id) : null;
  return (
    <aside className="details" aria-labelledby="details-heading" data-kind={selection.kind} data-id={selection.id} data-covers-map="details" data-hides-labels>
      <header className="details-header">
        <p className="kind">{t(`kind.${selection.kind}`)}</p>
        <h2 id="details-heading" ref={headingRef} tabIndex={-1}>
          {fromOverlay ? String(fromOverlay.feature.properties?.name ?? fromOverlay.feature.properties?.title ?? t('d.featureFrom', { name: fromOverlay.overlay.name })) : entityName(scenario, selection)}
        </h2>
        <button type="button" className="close" aria-label={t('d.close')} onClick={() => select(null)}>
          ×
        </button>
      </header>
      <div className="details-body">
        {fromOverlay ? (
          <OverlayFacts overlay={fromOverlay.overlay} properties={(fromOverlay.feature.properties ?? {}) as Record<string, unknown>} />
        ) : (
          <Facts scenario={scenario} entity={selection} date={date} />
        )}
        {shown && (
          <div className="details-claims" hidden={shown !== selection}>
            <ClaimsSection scenario={scenario} entity={shown} date={date} settled={settled} overlay={shown.kind === 'overlay'} />
          </div>
        )}
      </div>
    </aside>
  );
}

/**
 * `value`, a frame late: it follows `value` in a transition started after the browser has drawn
 * the frame that answers the input, and left it time to reach the screen (`afterPresented`).
 * Until then it keeps its previous value.
 */
function useAfterPaint<T>(value: T): T {
  const [late, setLate] = useState(value);
  useEffect(() => {
    if (late === value) return;
    return afterPresented(() => startTransition(() => setLate(value)));
  }, [value, late]);
  return late;
}
