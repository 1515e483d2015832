import type { Series } from '../scenario/derive/time.ts';
import { dayOf } from '../scenario/derive/time.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { estimatorName, useT } from '../i18n/index.ts';

/**
 * Series styles: colour (Paul Tol's colour-blind-safe "bright" set) and marker shape both differ,
 * so the series stay apart in greyscale and for colour-blind readers.
 */
const SERIES_STYLE: Record<string, { color: string; shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' }> = {
  'White House': { color: '#4477AA', shape: 'circle' },
  Pentagon: { color: '#EE6677', shape: 'square' },
  'State Department': { color: '#228833', shape: 'triangle' },
  'South Korea NIS': { color: '#AA3377', shape: 'diamond' },
  Ukraine: { color: '#CCBB44', shape: 'cross' },
};
const FALLBACK = { color: '#666666', shape: 'circle' as const };

const W = 400;
const H = 170;
const M = { top: 14, right: 12, bottom: 26, left: 46 };

function Marker({ x, y, shape, color, hollow }: { x: number; y: number; shape: string; color: string; hollow: boolean }) {
  const common = { fill: hollow ? '#fff' : color, stroke: color, strokeWidth: hollow ? 2 : 1.5 };
  switch (shape) {
    case 'square':
      return <rect x={x - 4} y={y - 4} width={8} height={8} {...common} />;
    case 'triangle':
      return <path d={`M${x} ${y - 5} L${x + 5} ${y + 4} L${x - 5} ${y + 4} Z`} {...common} />;
    case 'diamond':
      return <path d={`M${x} ${y - 5.5} L${x + 5} ${y} L${x} ${y + 5.5} L${x - 5} ${y} Z`} {...common} />;
    case 'cross':
      return <path d={`M${x - 4} ${y - 4} L${x + 4} ${y + 4} M${x + 4} ${y - 4} L${x - 4} ${y + 4}`} stroke={color} strokeWidth={2.5} fill="none" />;
    default:
      return <circle cx={x} cy={y} r={4.5} {...common} />;
  }
}

/**
 * Competing troop estimates over time, one series per source, for one measure: reports as filled
 * markers joined by a line, forecasts as hollow markers with a dashed stem; the date shown is a
 * vertical rule. Only estimates made by that date are drawn, on an axis fixed to all of them, so
 * the chart fills in as the timeline moves. Plain SVG: a handful of points needs no chart library.
 */
export function EstimateChart({ series, asOf, domain }: { series: Series[]; asOf: string; domain: [string, string] }) {
  const measure = series[0]?.measure;
  const { t } = useT();
  if (!measure) return null;
  const title = t(`ch.${measure}`);
  const t0 = dayOf(domain[0]);
  const t1 = Math.max(dayOf(domain[1]), t0 + 1);
  const max = Math.max(...series.flatMap((s) => s.points.map((p) => p.value)));
  const yMax = Math.ceil((max * 1.1) / 2000) * 2000;
  const x = (date: string) => M.left + ((dayOf(date) - t0) / (t1 - t0)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
  const ticks = Array.from({ length: yMax / 2000 + 1 }, (_, i) => i * 2000).filter((v, i, a) => a.length <= 7 || i % 2 === 0);
  const monthTicks: string[] = [];
  for (const d = new Date(`${domain[0]}T00:00:00Z`); d.getTime() / 86_400_000 <= t1; d.setUTCMonth(d.getUTCMonth() + 1, 1)) {
    const iso = d.toISOString().slice(0, 10);
    if (dayOf(iso) >= t0 && iso.endsWith('-01')) monthTicks.push(iso);
  }
  const visible = series
    .map((s) => ({ ...s, points: s.points.filter((p) => p.date <= asOf) }))
    .filter((s) => s.points.length > 0);
  const asOfX = Math.min(Math.max(x(asOf), M.left), W - M.right);
  const description = visible
    .map((s) => `${estimatorName(s.estimator)}: ${s.points.map((p) => t(p.kind === 'forecast' ? 'ch.pointF' : 'ch.point', { n: formatNumber(p.value), date: formatDate(p.date) })).join(', ')}`)
    .join('. ');

  if (visible.length === 0) {
    return (
      <figure className="estimate-chart" data-measure={measure}>
        <figcaption>{title}</figcaption>
        <p className="empty">{t('ch.none', { date: formatDate(asOf) })}</p>
      </figure>
    );
  }
  return (
    <figure className="estimate-chart" data-measure={measure}>
      <figcaption>{t('ch.caption', { title, date: formatDate(asOf) })}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={description || t('ch.empty')}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#e3e6ea" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {v === 0 ? '0' : t('ch.k', { n: v / 1000 })}
            </text>
          </g>
        ))}
        {monthTicks.map((d) => (
          <text key={d} x={x(d)} y={H - 8} textAnchor="middle" className="axis">
            {formatDate(d).split(' ')[1]}
          </text>
        ))}
        <line x1={asOfX} x2={asOfX} y1={M.top - 6} y2={H - M.bottom} stroke="#1d232a" strokeWidth={1.5} strokeDasharray="3 2" className="as-of-rule" />
        {visible.map((s) => {
          const st = SERIES_STYLE[s.estimator] ?? FALLBACK;
          const reports = s.points.filter((p) => p.kind === 'report');
          return (
            <g key={s.estimator} data-series={s.estimator}>
              {reports.length > 1 && (
                <polyline points={reports.map((p) => `${x(p.date)},${y(p.value)}`).join(' ')} fill="none" stroke={st.color} strokeWidth={2} />
              )}
              {s.points.map((p) =>
                p.kind === 'forecast' ? (
                  <g key={p.claimId} className="forecast">
                    <line x1={x(p.date)} x2={x(p.date)} y1={y(p.value)} y2={H - M.bottom} stroke={st.color} strokeDasharray="2 3" />
                    <Marker x={x(p.date)} y={y(p.value)} shape={st.shape} color={st.color} hollow />
                  </g>
                ) : (
                  <Marker key={p.claimId} x={x(p.date)} y={y(p.value)} shape={st.shape} color={st.color} hollow={false} />
                ),
              )}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend">
        {visible.map((s) => {
          const st = SERIES_STYLE[s.estimator] ?? FALLBACK;
          return (
            <li key={s.estimator}>
              <svg width="14" height="14" aria-hidden="true">
                <Marker x={7} y={7} shape={st.shape} color={st.color} hollow={false} />
              </svg>
              {estimatorName(s.estimator)}
            </li>
          );
        })}
        {visible.some((s) => s.points.some((p) => p.kind === 'forecast')) && (
          <li>
            <svg width="14" height="14" aria-hidden="true">
              <circle cx="7" cy="7" r="4.5" fill="#fff" stroke="#666" strokeWidth="2" />
            </svg>
            {t('ch.hollow')}
          </li>
        )}
      </ul>
    </figure>
  );
}
