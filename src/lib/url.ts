/**
 * True only for absolute http(s) URLs. Data links pass through this before they reach an
 * `<a href>`: React 19 neutralises `javascript:` but not `data:`, so we allow-list instead.
 */
export function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
