import { describe, expect, it } from 'vitest';
import { stepSubtitle } from './slide.ts';

describe('stepSubtitle', () => {
  it('names the briefing alone when its title already opens with the scenario title', () => {
    expect(stepSubtitle('North Korean troops in Russia, autumn 2024', 'North Korean troops in Russia: what was reported, and by whom')).toBe(
      'North Korean troops in Russia: what was reported, and by whom',
    );
    expect(stepSubtitle('Nordkoreanische Truppen in Russland, Herbst 2024', 'Nordkoreanische Truppen in Russland: was gemeldet wurde und von wem')).toBe(
      'Nordkoreanische Truppen in Russland: was gemeldet wurde und von wem',
    );
    expect(stepSubtitle('Kursk', 'kursk, day by day')).toBe('kursk, day by day');
  });

  it('keeps both when the titles say different things', () => {
    expect(stepSubtitle('North Korean troops in Russia, autumn 2024', 'Morning briefing')).toBe('North Korean troops in Russia, autumn 2024 · Morning briefing');
    // One word in common is not most of the shorter, six-word title.
    expect(stepSubtitle('North Korean troops in Russia, autumn 2024', 'North Atlantic view of the war')).toBe(
      'North Korean troops in Russia, autumn 2024 · North Atlantic view of the war',
    );
    expect(stepSubtitle('The war', 'The morning')).toBe('The war · The morning');
    expect(stepSubtitle('Kursk', '')).toBe('Kursk');
    expect(stepSubtitle('', 'Morning briefing')).toBe('Morning briefing');
  });
});
