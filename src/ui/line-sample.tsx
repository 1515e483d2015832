/**
 * A line symbol as the map draws it (colour, dash pattern in line widths, width capped at 4 px),
 * with an arrowhead for a direction: for the sidebar legend, the audience key and the handout.
 */
export function LineSample({ color, dash, width, arrow = true }: { color: string; dash: number[] | null; width: number; arrow?: boolean }) {
  const w = Math.min(width, 4);
  return (
    <svg width="44" height="12" viewBox="0 0 44 12" aria-hidden="true" className="line-sample">
      <line x1="2" y1="6" x2="42" y2="6" stroke={color} strokeWidth={w} strokeDasharray={dash ? dash.map((d) => d * w).join(' ') : undefined} />
      {arrow && <path d="M34 2 L40 6 L34 10" fill="none" stroke={color} strokeWidth="2" />}
    </svg>
  );
}
