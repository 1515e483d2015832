import type { LegendSymbol } from './legend-items.ts';
import { LineSample } from './line-sample.tsx';

/** A legend item's symbol as SVG (line, dot or area), as the map draws it: for the audience key and the handout. */
export function SymbolSample({ symbol }: { symbol: LegendSymbol }) {
  if (symbol.kind === 'line') return <LineSample color={symbol.color} dash={symbol.dash} width={symbol.width} arrow={symbol.arrow} />;
  if (symbol.kind === 'dot') {
    const r = Math.min(7, symbol.radius * 0.7);
    return (
      <svg width="44" height="18" viewBox="0 0 44 18" aria-hidden="true">
        <circle cx="22" cy="9" r={r} fill={symbol.fill} stroke={symbol.stroke} strokeWidth={Math.min(3, symbol.strokeWidth)} />
      </svg>
    );
  }
  return (
    <svg width="44" height="18" viewBox="0 0 44 18" aria-hidden="true">
      <rect x="4" y="3" width="36" height="12" fill={symbol.color} fillOpacity="0.18" stroke={symbol.color} strokeDasharray="4 3" strokeWidth="1.5" />
    </svg>
  );
}
