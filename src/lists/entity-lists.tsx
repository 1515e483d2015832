import { memo, useState } from 'react';
import type { EntityRef } from '../scenario/derive/details.ts';
import type { Movement, Place, Position, Relation } from '../scenario/schema.ts';
import { useActions, useIsSelected, useSettledDate, useScenario } from '../state/hooks.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { holdsOn } from '../scenario/derive/time.ts';
import { useT } from '../i18n/index.ts';

/** Whether an item holds on a date, or is yet to begin, or has ended. */
type Status = 'holds' | 'before' | 'after';
const statusOn = (date: string, start: string, end?: string): Status => (holdsOn(date, start, end) ? 'holds' : date < start ? 'before' : 'after');

/** Says when an item holds, if not on the date shown: "from 23 Oct 2024" or "ended 28 Apr 2025". */
function When({ status, start, end }: { status: Status; start: string; end?: string | undefined }) {
  const { t } = useT();
  if (status === 'holds') return null;
  return <span className="when"> · {status === 'before' ? t('d.from', { date: formatDate(start) }) : t('d.ended', { date: formatDate(end ?? start) })}</span>;
}

function ItemButton({
  target,
  children,
  swatch,
  active = true,
}: {
  target: EntityRef;
  children: React.ReactNode;
  swatch?: string;
  active?: boolean;
}) {
  const { select, hover, unhover } = useActions();
  const pressed = useIsSelected(target);
  return (
    <button
      type="button"
      className={active ? 'item' : 'item inactive'}
      aria-pressed={pressed}
      data-kind={target.kind}
      data-id={target.id}
      onClick={() => select(pressed ? null : target)}
      onMouseEnter={() => hover(target)}
      onMouseLeave={() => unhover(target)}
      onFocus={() => hover(target)}
      onBlur={() => unhover(target)}
    >
      {swatch && <span className="swatch" style={{ background: swatch }} aria-hidden="true" />}
      {children}
    </button>
  );
}

/** Lists longer than this show their first items and a button for the rest (scenarios can hold thousands). */
const LIST_LIMIT = 100;

function Capped<T>({ items, render }: { items: readonly T[]; render: (item: T) => React.ReactNode }) {
  const [all, setAll] = useState(false);
  const { t } = useT();
  const shown = all ? items : items.slice(0, LIST_LIMIT);
  return (
    <>
      <ul>{shown.map(render)}</ul>
      {items.length > shown.length && (
        <button type="button" className="show-all" onClick={() => setAll(true)}>
          {t('l.showAll', { n: formatNumber(items.length) })}
        </button>
      )}
    </>
  );
}

/**
 * Every actor as a button, with its colour: the first thing beside the map (the legend follows,
 * then `EntityLists`).
 */
export function ActorList() {
  const s = useScenario();
  const { t } = useT();
  const primary = s.actors.filter((a) => a.tier === 'primary');
  const secondary = s.actors.filter((a) => a.tier === 'secondary');
  return (
    <nav className="entity-lists" aria-labelledby="actor-list-heading">
      <h2 id="actor-list-heading">{t('l.actors')}</h2>
      <ul className="actor-list">
        {[...primary, ...secondary].map((a) => (
          <li key={a.id}>
            <ItemButton target={{ kind: 'actor', id: a.id }} swatch={a.color}>
              {a.name}
              {a.tier === 'secondary' && <span className="muted"> · {t('l.source')}</span>}
            </ItemButton>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Keyboard-reachable lists of everything else on the map: every relation, movement, position and
 * place is a button. Each list starts folded: below the legend, so that the key to the map is in
 * view beside it (the 13 relations of the Kursk scenario, open above it, had pushed it out of
 * sight on a 1280×720 screen).
 */
export function EntityLists() {
  const s = useScenario();
  const date = useSettledDate();
  const { t } = useT();
  const name = (id: string) => s.actors.find((a) => a.id === id)?.name ?? id;
  return (
    <nav className="entity-lists" aria-label={t('l.nav')}>
      <details>
        <summary>{t('layer.relations')} ({formatNumber(s.relations.length)})</summary>
        <Capped items={s.relations} render={(r) => <RelationItem key={r.id} r={r} from={name(r.from)} to={name(r.to)} status={statusOn(date, r.start, r.end)} />} />
      </details>
      <details>
        <summary>{t('layer.movements')} ({formatNumber(s.movements.length)})</summary>
        <Capped items={s.movements} render={(m) => <MovementItem key={m.id} m={m} begun={m.start <= date} />} />
      </details>
      <details>
        <summary>{t('layer.positions')} ({formatNumber(s.positions.length)})</summary>
        <Capped items={s.positions} render={(p) => <PositionItem key={p.id} p={p} status={statusOn(date, p.start, p.end)} />} />
      </details>
      <details>
        <summary>{t('layer.places')} ({formatNumber(s.places.length)})</summary>
        <Capped items={s.places} render={(p) => <PlaceItem key={p.id} p={p} />} />
      </details>
    </nav>
  );
}

// One component per row, memoised on what it shows: a new date re-renders only the rows whose
// state it changes (during playback the date changes several times a second, and lists run to
// a hundred rows each).

const RelationItem = memo(function RelationItem({ r, from, to, status }: { r: Relation; from: string; to: string; status: Status }) {
  return (
    <li>
      <ItemButton target={{ kind: 'relation', id: r.id }} active={status === 'holds'}>
        <span className="stack">
          <span className="pair">
            {from} → {to}
            <When status={status} start={r.start} end={r.end} />
          </span>
          <span>{r.label}</span>
        </span>
      </ItemButton>
    </li>
  );
});

const MovementItem = memo(function MovementItem({ m, begun }: { m: Movement; begun: boolean }) {
  return (
    <li>
      <ItemButton target={{ kind: 'movement', id: m.id }} active={begun}>
        {m.label} <span className="muted">· {formatDate(m.start)}</span>
      </ItemButton>
    </li>
  );
});

const PositionItem = memo(function PositionItem({ p, status }: { p: Position; status: Status }) {
  const { t } = useT();
  return (
    <li>
      <ItemButton target={{ kind: 'position', id: p.id }} active={status === 'holds'}>
        {p.label}
        {p.status === 'alleged' && <span className="muted"> · {t('mprec.alleged')}</span>}
        <When status={status} start={p.start} end={p.end} />
      </ItemButton>
    </li>
  );
});

const PlaceItem = memo(function PlaceItem({ p }: { p: Place }) {
  const { t } = useT();
  return (
    <li>
      <ItemButton target={{ kind: 'place', id: p.id }}>
        {p.name}
        {!p.lngLat && <span className="muted"> · {t('d.noCoords')}</span>}
      </ItemButton>
    </li>
  );
});
