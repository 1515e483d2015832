import { useState } from 'react';
import type { EntityRef } from '../scenario/derive/details.ts';
import { useActions, useIsSelected, useSettledDate, useScenario } from '../state/hooks.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { holdsOn } from '../scenario/derive/time.ts';
import { useT } from '../i18n/index.ts';

/** Says when an item holds, if not on the date shown: "from 23 Oct 2024" or "ended 28 Apr 2025". */
function When({ start, end }: { start: string; end?: string | undefined }) {
  const date = useSettledDate();
  const { t } = useT();
  if (holdsOn(date, start, end)) return null;
  return <span className="when"> · {date < start ? t('d.from', { date: formatDate(start) }) : t('d.ended', { date: formatDate(end ?? start) })}</span>;
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

/** Keyboard-reachable lists of everything on the map: every actor, relation, movement and position is a button. */
export function EntityLists() {
  const s = useScenario();
  const date = useSettledDate();
  const { t } = useT();
  const primary = s.actors.filter((a) => a.tier === 'primary');
  const secondary = s.actors.filter((a) => a.tier === 'secondary');
  const name = (id: string) => s.actors.find((a) => a.id === id)?.name ?? id;
  return (
    <nav className="entity-lists" aria-label={t('l.nav')}>
      <h2>{t('l.actors')}</h2>
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
      <details open>
        <summary>{t('layer.relations')} ({formatNumber(s.relations.length)})</summary>
        <Capped
          items={s.relations}
          render={(r) => (
            <li key={r.id}>
              <ItemButton target={{ kind: 'relation', id: r.id }} active={holdsOn(date, r.start, r.end)}>
                <span className="stack">
                  <span className="pair">
                    {name(r.from)} → {name(r.to)}
                    <When start={r.start} end={r.end} />
                  </span>
                  <span>{r.label}</span>
                </span>
              </ItemButton>
            </li>
          )}
        />
      </details>
      <details>
        <summary>{t('layer.movements')} ({formatNumber(s.movements.length)})</summary>
        <Capped
          items={s.movements}
          render={(m) => (
            <li key={m.id}>
              <ItemButton target={{ kind: 'movement', id: m.id }} active={m.start <= date}>
                {m.label} <span className="muted">· {formatDate(m.start)}</span>
              </ItemButton>
            </li>
          )}
        />
      </details>
      <details>
        <summary>{t('layer.positions')} ({formatNumber(s.positions.length)})</summary>
        <Capped
          items={s.positions}
          render={(p) => (
            <li key={p.id}>
              <ItemButton target={{ kind: 'position', id: p.id }} active={holdsOn(date, p.start, p.end)}>
                {p.label}
                {p.status === 'alleged' && <span className="muted"> · {t('mprec.alleged')}</span>}
                <When start={p.start} end={p.end} />
              </ItemButton>
            </li>
          )}
        />
      </details>
      <details>
        <summary>{t('layer.places')} ({formatNumber(s.places.length)})</summary>
        <Capped
          items={s.places}
          render={(p) => (
            <li key={p.id}>
              <ItemButton target={{ kind: 'place', id: p.id }}>
                {p.name}
                {!p.lngLat && <span className="muted"> · {t('d.noCoords')}</span>}
              </ItemButton>
            </li>
          )}
        />
      </details>
    </nav>
  );
}
