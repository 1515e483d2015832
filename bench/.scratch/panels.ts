import { join } from 'node:path';
import { launchBrowser } from '../../e2e/harness.ts';
import { startServer } from '../../e2e/server.ts';
const ROOT = join(import.meta.dirname, '..', '..');
const server = await startServer({ root: join(ROOT, 'bench/fixtures/load-dist'), mounts: {} });
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
const page = await context.newPage();
await page.goto(server.url + '/');
await page.waitForFunction(() => !!(window as any).__sitmapMap, null, { timeout: 120000 });
await page.waitForTimeout(3000);
const r = await page.evaluate(async () => {
  (window as any).__sitmapMap.triggerRepaint = () => {};
  const raf = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const ids = [...document.querySelectorAll('nav button[data-kind="actor"]')].map((b) => b.getAttribute('data-id')!);
  const out: any[] = [];
  for (let rep = 0; rep < 2; rep++) for (const id of ids) {
    const t0 = performance.now(); location.hash = '#actor=' + id;
    await new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    const t1 = performance.now();
    const aside = document.querySelector('aside.details')!;
    const t2 = performance.now(); document.body.offsetHeight; const t3 = performance.now();
    out.push([id, +(t1 - t0).toFixed(0), +(t3 - t2).toFixed(1), aside.getElementsByTagName('*').length, aside.querySelectorAll('.claim, article, li').length, (aside.textContent ?? '').length]);
    await raf(); await raf();
  }
  return out;
});
for (const x of r) console.log(x.join('\t'));
await browser.close(); await server.close();
