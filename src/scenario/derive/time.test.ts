import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../load.ts';
import { localizeScenario } from '../localize.ts';
import { minimalScenario } from '../fixtures/minimal.ts';
import { changeDays, claimsAsOf, dayOf, estimateAt, settledDay, estimateSeries, holdsOn, isoOf, movementProgress, supersededBy, timelineEvents, visibleIds } from './time.ts';
import { movementFeatures, movementRoutes, movingUnits, positionFeatures } from './features.ts';

const r = loadScenarioText(readFileSync(join(import.meta.dirname, '../../../data/scenarios/kursk-2024/scenario.json'), 'utf8'), 'kursk');
if (!r.ok) throw new Error(JSON.stringify(r.problems));
const kursk = localizeScenario(r.scenario, 'en');

describe('days', () => {
  it('round-trips ISO dates', () => {
    expect(isoOf(dayOf('2024-10-28'))).toBe('2024-10-28');
    expect(isoOf(dayOf('2024-10-28') + 0.99)).toBe('2024-10-28');
    expect(dayOf('2024-10-29') - dayOf('2024-10-28')).toBe(1);
  });
  it('holds from start to end inclusive', () => {
    expect(holdsOn('2024-10-23', '2024-10-23')).toBe(true);
    expect(holdsOn('2024-10-22', '2024-10-23')).toBe(false);
    expect(holdsOn('2024-11-01', '2024-10-01', '2024-10-31')).toBe(false);
  });
});

describe('the Kursk situation by date', () => {
  it('on 20 Oct 2024: troops in the Far East, none in Kursk region, no clash', () => {
    const v = visibleIds(kursk, '2024-10-20');
    expect(v.positions).toEqual(expect.arrayContaining(['nk-far-east-vladivostok', 'nk-far-east-khabarovsk']));
    expect(v.positions).not.toContain('nk-kursk-region');
    expect(v.relations).not.toContain('nk-troops-fight-ukraine');
    expect(v.relations).toContain('nk-deploys-to-russia');
  });

  it('on 5 Nov 2024: troops in Kursk region and the first clash', () => {
    const v = visibleIds(kursk, '2024-11-05');
    expect(v.positions).toContain('nk-kursk-region');
    expect(v.relations).toContain('nk-troops-fight-ukraine');
  });

  it('shows claims only once they were made', () => {
    const dates = claimsAsOf(kursk.claims, '2024-10-22').map((c) => c.date);
    expect(Math.max(...dates.map(dayOf))).toBeLessThanOrEqual(dayOf('2024-10-22'));
    expect(claimsAsOf(kursk.claims, '2024-10-22').some((c) => c.id === 'kirby-2024-10-23-3000')).toBe(false);
  });

  it('carries the troop number estimated by a date, and by whom', () => {
    const region = kursk.positions.find((p) => p.id === 'nk-kursk-region')!;
    expect(estimateAt(kursk, region, '2024-11-05')?.claim.id).toMatch(/2024-11-04/);
    expect(estimateAt(kursk, region, '2024-11-19')?.claim.id).toBe('singh-2024-11-18-11000-kursk');
    const label = positionFeatures(kursk, '2024-11-19').features.find((f) => f.properties.id === 'nk-kursk-region')!.properties.estimate;
    expect(label).toBe('≈11,000 · Pentagon, 18 Nov 2024');
  });
});

describe('superseded estimates', () => {
  it('a later estimate of the same quantity by the same estimator supersedes an earlier one, once made', () => {
    const singh = kursk.claims.find((c) => c.id === 'singh-2024-10-28-10000')!;
    expect(supersededBy(kursk, singh, '2024-10-28')).toBeNull();
    expect(supersededBy(kursk, singh, '2024-10-29')?.id).toBe('ryder-2024-10-29-10000');
  });
  it('other estimators compete rather than supersede', () => {
    const kirby = kursk.claims.find((c) => c.id === 'kirby-2024-10-23-3000')!;
    expect(supersededBy(kursk, kirby, '2024-12-31')).toBeNull();
  });
});

describe('estimate series', () => {
  it('has one series per source, reports and forecasts apart', () => {
    const series = estimateSeries(kursk.claims).filter((s) => s.measure === 'in-russia');
    expect(series.map((s) => s.estimator)).toEqual(['Pentagon', 'South Korea NIS', 'State Department', 'Ukraine', 'White House']);
    const nis = series.find((s) => s.estimator === 'South Korea NIS')!;
    expect(nis.points.filter((p) => p.kind === 'forecast').map((p) => p.value)).toEqual([12000, 10000]);
    expect(nis.points.map((p) => p.date)).toEqual([...nis.points.map((p) => p.date)].sort());
  });
  it('leaves the seed article out', () => {
    expect(estimateSeries(kursk.claims).some((s) => s.estimator === 'Seed article')).toBe(false);
  });
});

describe('movement along its route', () => {
  const leg = { start: '2024-10-23', end: '2024-10-28' };
  it('runs from the start of its first day to the end of its last', () => {
    expect(movementProgress(leg, dayOf('2024-10-22'))).toBeNull();
    expect(movementProgress(leg, dayOf('2024-10-23'))).toBe(0);
    expect(movementProgress(leg, dayOf('2024-10-26'))).toBe(0.5);
    expect(movementProgress(leg, dayOf('2024-10-29'))).toBe(1);
  });

  it('dates each route so the map can show it once the leg is over, without rebuilding data', () => {
    const s = minimalScenario();
    const [leg] = movementFeatures(s).features;
    expect(leg!.properties).toMatchObject({ id: 'air-west', startDay: dayOf('2024-10-20'), endDay: dayOf('2024-10-28') + 1 });
    expect(leg!.geometry.coordinates).toEqual(movementRoutes(s).get('air-west'));
  });

  it('gives the GPU layer a unit whose vertex times span the leg in proportion to distance', () => {
    const s = minimalScenario();
    const [unit] = movingUnits(s);
    expect(unit!.times[0]).toBe(dayOf('2024-10-20'));
    expect(unit!.times.at(-1)).toBe(dayOf('2024-10-28') + 1);
    const diffs = unit!.times.slice(1).map((t, i) => t - unit!.times[i]!);
    expect(Math.max(...diffs) / Math.min(...diffs)).toBeLessThan(1.01); // great-circle points are evenly spaced
  });
});

describe('timeline events', () => {
  it('groups dated events by day, in order', () => {
    const ev = timelineEvents(kursk);
    expect(ev.map((e) => e.date)).toEqual([...new Set(ev.map((e) => e.date))].sort());
    expect(ev.find((e) => e.date === '2024-11-05')?.labels.some((l) => /North Korea → Ukraine/.test(l))).toBe(true);
  });
});

describe('settled day', () => {
  it('is the last change day on or before a time, and the day itself before any', () => {
    const days = [...changeDays(kursk)];
    expect(days).toEqual([...days].sort((a, b) => a - b));
    const first = days[0]!;
    expect(settledDay(kursk, first - 3.5)).toBe(first - 4);
    expect(settledDay(kursk, first + 0.99)).toBe(first);
    expect(settledDay(kursk, first + 1.5)).toBe(first + 1);
    expect(settledDay(kursk, days.at(-1)! + 40.2)).toBe(days.at(-1));
  });

  it('gives the same derived state as the day itself, on every day of the Kursk span', () => {
    // If a date that matters were missed, some day would differ from its settled day here.
    const routes = movementRoutes(kursk);
    const derive = (date: string) => ({
      visible: visibleIds(kursk, date),
      positions: positionFeatures(kursk, date),
      claims: claimsAsOf(kursk.claims, date).map((c) => c.id),
      superseded: kursk.claims.map((c) => supersededBy(kursk, c, date)?.id ?? null),
      estimates: kursk.positions.map((p) => estimateAt(kursk, p, date)?.claim.id ?? null),
      routes: movementFeatures(kursk, routes).features.map((f) => dayOf(date) >= Number(f.properties.startDay)),
    });
    let settledDiffers = 0;
    for (let d = dayOf(kursk.span.start); d <= dayOf(kursk.span.end); d++) {
      const s = settledDay(kursk, d + 0.5);
      expect(s).toBeLessThanOrEqual(d);
      if (s !== d) {
        settledDiffers++;
        expect(derive(isoOf(s)), isoOf(d)).toEqual(derive(isoOf(d)));
      }
    }
    expect(settledDiffers).toBeGreaterThan(30); // most days change nothing: the point of settling
  });
});
