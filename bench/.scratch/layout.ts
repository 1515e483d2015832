import { join } from 'node:path';
import { launchBrowser } from '../../e2e/harness.ts';
import { startServer } from '../../e2e/server.ts';
const ROOT = join(import.meta.dirname, '..', '..');
const server = await startServer({ root: join(ROOT, 'bench/fixtures/load-dist'), mounts: {} });
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
const page = await context.newPage();
await page.goto(server.url + '/#actor=russia');
await page.waitForFunction(() => !!(window as any).__sitmapMap, null, { timeout: 120000 });
await page.waitForTimeout(3000);
const r = await page.evaluate(async () => {
  const out: any = {};
  const raf = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const time = (f: () => void) => { const t0 = performance.now(); f(); return +(performance.now() - t0).toFixed(1); };
  await raf();
  out.nodes = document.getElementsByTagName('*').length;
  out.detailsNodes = document.querySelector('aside.details')?.getElementsByTagName('*').length;
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) { document.documentElement.style.width = (i % 2 ? 800 : 799) + 'px'; xs.push(time(() => document.body.offsetHeight)); await raf(); }
  out.fullRelayout = xs;
  const ys: number[] = [];
  const aside = document.querySelector('aside.details') as HTMLElement;
  for (let i = 0; i < 5; i++) { aside.style.paddingTop = (i % 2) + 'px'; ys.push(time(() => (window as any).__sitmapMap.getContainer().clientWidth)); await raf(); }
  out.asideRelayout = ys;
  const zs: number[] = [];
  for (let i = 0; i < 5; i++) { aside.classList.toggle('x'); zs.push(time(() => (window as any).__sitmapMap.getContainer().clientWidth)); await raf(); }
  out.styleOnly = zs;
  const ws: number[] = [];
  for (let i = 0; i < 4; i++) { const t0 = performance.now(); location.hash = i % 2 ? '#actor=russia' : '#actor=north-korea'; await new Promise((r) => setTimeout(r, 0)); ws.push(+(performance.now() - t0).toFixed(1)); await raf(); await raf(); }
  out.hashSelect = ws;
  const cs: any[] = [];
  for (let i = 0; i < 4; i++) {
    const a = document.querySelector('aside.details') as HTMLElement;
    const c = a.cloneNode(true) as HTMLElement; c.style.left = '0';
    const t0 = performance.now(); a.parentElement!.appendChild(c); const t1 = performance.now();
    const lay = time(() => document.body.offsetHeight);
    cs.push([+(t1 - t0).toFixed(1), lay]);
    c.remove(); await raf();
  }
  out.cloneInsertLayout = cs;
  const hs: any[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now(); location.hash = i % 2 ? '#actor=russia' : '#actor=north-korea';
    await new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    hs.push(+(performance.now() - t0).toFixed(1)); await raf(); await raf();
  }
  out.hashSelect2 = hs;
  return out;
});
console.log(JSON.stringify(r));
await browser.close(); await server.close();
