import { RELATION_TYPES } from '../scenario/schema.ts';
import { RELATION_STYLE, MOVEMENT_DASH } from '../map/palette.ts';
import { LAYER_KINDS, type LayerKind } from '../state/store.ts';
import { useActions, useLayers, useScenario } from '../state/hooks.ts';

const LAYER_LABEL: Record<LayerKind, string> = {
  territories: 'Territories',
  relations: 'Relations',
  movements: 'Movements',
  positions: 'Troop positions',
  places: 'Places',
};

function LineSample({ color, dash, width }: { color: string; dash: number[] | null; width: number }) {
  return (
    <svg width="44" height="12" aria-hidden="true" className="line-sample">
      <line
        x1="2" y1="6" x2="42" y2="6"
        stroke={color}
        strokeWidth={Math.min(width, 4)}
        strokeDasharray={dash ? dash.map((d) => d * Math.min(width, 4)).join(' ') : undefined}
      />
      <path d="M34 2 L40 6 L34 10" fill="none" stroke={color} strokeWidth="2" />
    </svg>
  );
}

/** Legend of every symbol on the map, with a toggle per layer kind. */
export function Legend() {
  const layers = useLayers();
  const { toggleLayer } = useActions();
  const scenario = useScenario();
  const mover = scenario.actors.find((a) => a.id === scenario.movements[0]?.actorId)?.color ?? '#5b6570';
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">Legend and layers</h2>
      <fieldset className="toggles">
        <legend className="visually-hidden">Show layers</legend>
        {LAYER_KINDS.map((k) => (
          <label key={k}>
            <input type="checkbox" checked={layers[k]} onChange={() => toggleLayer(k)} /> {LAYER_LABEL[k]}
          </label>
        ))}
      </fieldset>
      <ul className="legend-items">
        {RELATION_TYPES.map((t) => (
          <li key={t}>
            <LineSample {...RELATION_STYLE[t]} /> {RELATION_STYLE[t].label}
          </li>
        ))}
        {Object.entries(MOVEMENT_DASH).map(([mode, dash]) => (
          <li key={mode}>
            <LineSample color={mover} dash={dash} width={3} /> Troop movement by {mode}
          </li>
        ))}
        <li>
          <svg width="44" height="16" aria-hidden="true"><circle cx="22" cy="8" r="6" fill={mover} stroke="#1d232a" strokeWidth="1.5" /></svg> Reported troop position
        </li>
        <li>
          <svg width="44" height="16" aria-hidden="true"><circle cx="22" cy="8" r="5.5" fill="#fff" stroke={mover} strokeWidth="3" /></svg> Alleged position (unverified)
        </li>
        <li>
          <svg width="44" height="16" aria-hidden="true"><rect x="4" y="2" width="36" height="12" fill={mover} fillOpacity="0.18" stroke={mover} strokeDasharray="4 3" strokeWidth="1.5" /></svg> Area of uncertainty (region only)
        </li>
        <li>
          <svg width="44" height="16" aria-hidden="true"><circle cx="22" cy="8" r="6" fill="#888" stroke="#fff" strokeWidth="2" /></svg> Actor (at its capital)
        </li>
      </ul>
    </section>
  );
}
