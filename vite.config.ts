import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';

/**
 * Content-Security-Policy of the built app: nothing may load from another origin. Only added to
 * the build, because Vite's dev server injects inline styles and scripts for hot reloading.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'sitmap-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

/** Name of the single-file briefing (`npm run build:single`, i.e. `vite build --mode single`). */
export const SINGLE_FILE = 'sitmap.html';

/**
 * CSP of the single file. Its script and stylesheet are inline, so `'self'` cannot admit them (and
 * means nothing for a file:// page, whose origin is opaque). Rather than `'unsafe-inline'` they are
 * admitted by SHA-256 hash, computed from the finished file, so no other script or style (an
 * injected one included) can run. Everything else is shut (`default-src 'none'`) except what the
 * app makes for itself in memory: fonts as data: URLs in the stylesheet; workers from Blob URLs
 * (opened from file://, whose origin is "null", MapLibre fetches its worker's Blob and starts it
 * from a data: URL instead, hence `connect-src blob:` and `worker-src data:`); images from
 * data:/blob:. No remote source of any kind, and no file: either.
 */
export function singleFileCsp(scriptHashes: string[], styleHashes: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.map((h) => `'${h}'`).join(' ')}`,
    `style-src ${styleHashes.map((h) => `'${h}'`).join(' ')}`,
    'worker-src blob: data:',
    'connect-src blob:',
    'img-src data: blob:',
    'font-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Build only: the GLSL of the app's WebGL layers (template strings that begin `#version 300 es`)
 * without its comments and indentation, 0.3 KB gzip off the start bundle and its budget
 * (scripts/check-size.ts), while the source keeps its comments. Lines stay lines: GLSL's
 * preprocessor needs them.
 */
export function minifyGlsl(source: string): string {
  return source
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function glslComments(): Plugin {
  return {
    name: 'sitmap-glsl-comments',
    apply: 'build',
    transform(code, id) {
      if (!/[/\\]src[/\\].*\.ts$/.test(id) || !code.includes('`#version 300 es')) return null;
      return { code: code.replace(/`(#version 300 es\n[^`$]*)`/g, (_, glsl: string) => `\`${minifyGlsl(glsl)}\``), map: null };
    },
  };
}

/**
 * Single build only: @fontsource declares each face as woff2 with a woff fallback. Every browser
 * that runs MapLibre 6 (WebGL2) reads woff2, so the fallback would only add ~0.5 MB of base64.
 */
function woff2Only(): Plugin {
  return {
    name: 'sitmap-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[/\\].*\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, ''), map: null };
    },
  };
}

/**
 * Single build only: the app's own workers (`new Worker(new URL('./x.worker.ts', import.meta.url),
 * opts)`) become Vite inline workers (`?worker&inline`: the bundled worker travels as a string and
 * starts from a Blob URL), since a worker file next to the page would be a second file, and
 * file:// pages cannot start workers from files anyway. Vite's wrapper passes on only `name` from
 * `opts`. They are built as classic workers (`worker.format: 'iife'` below), which start from a
 * Blob URL on a file:// page; MapLibre itself avoids module workers from Blob URLs there.
 */
function inlineWorkers(): Plugin {
  const pattern = /new\s+Worker\(\s*new\s+URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*(?:,\s*(\{[^{}]*\}))?\s*\)/g;
  return {
    name: 'sitmap-inline-workers',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('/node_modules/') || !code.includes('import.meta.url')) return null;
      const imports: string[] = [];
      const out = code.replace(pattern, (_match, _quote: string, path: string, options: string | undefined) => {
        const name = `__sitmapInlineWorker${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(`${path}?worker&inline`)};`);
        return `new ${name}(${options ?? ''})`;
      });
      return imports.length ? { code: `${imports.join('\n')}\n${out}`, map: null } : null;
    },
  };
}

/**
 * Single build only, after vite-plugin-singlefile has inlined the script and the stylesheet: adds
 * the CSP with their hashes, names the file sitmap.html, and fails the build if anything would
 * still be loaded from a file next to it.
 */
function singleFileFinish(): Plugin {
  const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
  return {
    name: 'sitmap-single-file',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const names = Object.keys(bundle);
        const page = bundle['index.html'];
        if (!page || page.type !== 'asset') return this.error('single-file build: no index.html in the bundle');
        const others = names.filter((n) => n !== 'index.html');
        if (others.length) this.error(`single-file build: not everything was inlined: ${others.join(', ')}`);
        // Browsers hash inline code after the HTML parser has turned CR LF and CR into LF.
        const html = String(page.source).replace(/\r\n?/g, '\n');
        const markup = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/g, '$1$3');
        const leftovers = [...markup.matchAll(/<(?:script|link|img|source|iframe)\b[^>]*\b(?:src|href)="(?!data:)[^"]*"[^>]*>/g)].map((m) => m[0]);
        if (leftovers.length) this.error(`single-file build: still refers to other files: ${leftovers.join(' ')}`);
        if (html.includes('\0')) this.error('single-file build: NUL in inline code would break its CSP hash');
        const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]!));
        const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]!));
        if (!scripts.length || !styles.length) this.error('single-file build: expected an inline script and an inline stylesheet');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${singleFileCsp(scripts, styles)}" />`;
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset)) this.error('single-file build: no <meta charset> to put the CSP after');
        delete bundle['index.html'];
        this.emitFile({ type: 'asset', fileName: SINGLE_FILE, source: html.replace(charset, `${charset}\n    ${meta}`) });
      },
    },
  };
}

// Served and tested on 127.0.0.1 only: the app never needs any other host.
export default defineConfig(({ mode }) => {
  const test = {
    environment: 'node' as const,
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}'],
  };
  if (mode === 'single') {
    // One HTML file holding the app, the scenario, the basemap, the worker and the fonts, which
    // works from file:// with no server and no network (see basemap-data.ts, maplibre-worker.ts).
    return {
      plugins: [react(), glslComments(), woff2Only(), inlineWorkers(), viteSingleFile(), singleFileFinish()],
      worker: { format: 'iife' as const },
      publicDir: false,
      build: { target: 'es2022', sourcemap: false, outDir: 'dist-single', emptyOutDir: true, modulePreload: { polyfill: false } },
      test,
    };
  }
  return {
    plugins: [react(), glslComments(), contentSecurityPolicy()],
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
    build: {
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 1200,
      // MapLibre in a chunk of its own: it changes rarely (caches well) and the app's own code can
      // be measured against its budget apart from it (scripts/check-size.ts).
      rolldownOptions: { output: { advancedChunks: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }] } } },
    },
    test,
  };
});
