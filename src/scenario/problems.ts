/** One thing wrong with a data file: where it is and what is wrong. */
export interface DataProblem {
  /** File name or label the problem was found in. */
  file: string;
  /** JSON path into the file, e.g. `$.claims[3].sourceIds[0]`; `$` is the whole file. */
  path: string;
  message: string;
}

/** Formats a path of keys and indices as a JSON path: `$.claims[3].sourceIds[0]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** One line per problem, as `npm run check-data` prints it. */
export function formatProblem(p: DataProblem): string {
  return `${p.file}: ${p.path}: ${p.message}`;
}

/** Levenshtein distance, for "did you mean" hints on unknown ids. */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The known id closest to `id`, if it is close enough to be a likely typo. */
export function nearestId(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(id.length / 3));
  for (const candidate of known) {
    // Lengths alone bound the distance from below: skip what cannot be close (and long inputs).
    if (Math.abs(candidate.length - id.length) > limit || id.length > 200) continue;
    const d = editDistance(id, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
