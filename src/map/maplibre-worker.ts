import workerFileUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
// Only read by the single-file build; dead (and dropped by Rolldown) in every other mode.
import workerSource from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';

/**
 * URL of MapLibre's worker (an ES module: MapLibre 6 starts it with `{ type: 'module' }` unless
 * the URL ends in `.cjs`). The normal build serves it as a file of its own. The single-file build
 * has no other file to point at, so it carries the source and serves it from a Blob URL; opened
 * from file:// (origin "null"), MapLibre itself then fetches that Blob and starts the worker
 * from a data: URL. Created once and never revoked: MapLibre may restart its workers.
 */
export const WORKER_URL: string =
  import.meta.env.MODE === 'single'
    ? URL.createObjectURL(new Blob([workerSource.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')], { type: 'text/javascript' }))
    : workerFileUrl;
