/** Summaries of V8 CPU profiles (CDP `Profiler.stop`), shared by profile-load.ts and profile-playback.ts. */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime?: number; endTime?: number };

/**
 * Time by function, self and with callees (each function once per sample, however deep it
 * recurses), largest first; with `bucket`, also the self time by the part of the code it names.
 */
export function summariseProfile(profile: CpuProfile, { top = 25, bucket }: { top?: number; bucket?: (n: ProfileNode) => string } = {}): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() || ''}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const buckets = new Map<string, number>();
  let sum = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    sum += us;
    const n = byId.get(id)!;
    self.set(name(n), (self.get(name(n)) ?? 0) + us);
    if (bucket) buckets.set(bucket(n), (buckets.get(bucket(n)) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur)!);
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + us);
      seen.add(k);
    }
  });
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(6);
  const list = (m: Map<string, number>, k = top) => [...m].sort((x, y) => y[1] - x[1]).slice(0, k).map(([key, v]) => `${ms(v)} ms ${((100 * v) / sum).toFixed(1).padStart(5)} %  ${key}`);
  return [
    `main thread, ${(sum / 1000).toFixed(0)} ms sampled (idle included)`,
    '',
    ...(bucket ? ['by bucket (self time):', ...list(buckets, 12), ''] : []),
    'self time:',
    ...list(self),
    '',
    'total time (with callees):',
    ...list(total),
  ];
}
