// The flow editor with a 1,000-box flow in Debian's Chromium (playwright-core, headless): first
// render, dragging a box, panning at zoom 1 and zoomed out to fit. Frame rates come from
// requestAnimationFrame timestamps recorded in the page while Playwright moves the mouse one
// step per frame, the way a hand does.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { hasChromium, launchChromium, SKIP_MESSAGE } from '../../apps/builder/test/e2e/support/chromium.js';
import { startBenchServer } from './api-server.js';
import { bigFlow } from './big-flow.js';
import { OWNER } from './runtime-client.js';

export interface FrameFigures {
  /** Frames per second over the gesture (the display caps it at 60). */
  readonly fps: number;
  /** The 95th percentile frame interval: a stutter shows here even when the average is fine. */
  readonly p95FrameMs: number;
  readonly frames: number;
}

export interface BuilderBenchResult {
  readonly boxes: number;
  readonly edges: number;
  /** Navigation start -> the canvas shows the flow's boxes, median of the runs. */
  readonly firstRenderMs: number;
  readonly firstRenderRuns: number[];
  readonly renderedBoxes: number;
  readonly drag: FrameFigures;
  readonly panZoom1: FrameFigures;
  readonly fitZoom: number;
  readonly panFit: FrameFigures;
}

const SIZE = 1000;
const VIEWPORT = { width: 1440, height: 900 };
const GESTURE_STEPS = 90;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Starts recording animation frames in the page. */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    const tick = (t: number) => {
      w.__frames.push(t);
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrames(page: Page): Promise<FrameFigures> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
  const intervals = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  const span = (frames[frames.length - 1] ?? 0) - (frames[0] ?? 0);
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    fps: span > 0 ? Math.round(((frames.length - 1) / span) * 1000 * 10) / 10 : 0,
    p95FrameMs: Math.round((sorted[Math.floor(sorted.length * 0.95)] ?? 0) * 10) / 10,
    frames: frames.length,
  };
}

/** Presses at (x, y) and moves by (dx, dy) one step per animation frame, then releases. */
async function gesture(page: Page, from: { x: number; y: number }, by: { dx: number; dy: number }): Promise<FrameFigures> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await startFrames(page);
  for (let i = 1; i <= GESTURE_STEPS; i += 1) {
    await page.mouse.move(from.x + (by.dx * i) / GESTURE_STEPS, from.y + (by.dy * i) / GESTURE_STEPS);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  await page.mouse.up();
  return stopFrames(page);
}

/** A point of the canvas background (no box, edge or control under it), near the centre. */
async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) return null;
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    for (let r = 0; r < Math.max(pane.width, pane.height) / 2; r += 12) {
      for (let a = 0; a < 16; a += 1) {
        const x = cx + r * Math.cos((a * Math.PI) / 8);
        const y = cy + r * Math.sin((a * Math.PI) / 8);
        if (x < pane.left + 40 || x > pane.right - 40 || y < pane.top + 40 || y > pane.bottom - 40) continue;
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (point === null) throw new Error('no empty canvas point to pan from');
  return point;
}

async function zoomOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const transform = (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform ?? '';
    const match = /scale\(([\d.]+)\)/.exec(transform);
    return match ? Number(match[1]) : NaN;
  });
}

/**
 * Zooms the canvas to `target` with ctrl+wheel (a pinch), step by step (Chromium caps each
 * wheel event's zoom at about 20%) until within 1%.
 */
async function zoomTo(page: Page, target: number): Promise<number> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (pane === null) throw new Error('no canvas');
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  let zoom = await zoomOf(page);
  for (let attempt = 0; attempt < 60 && Math.abs(zoom - target) > target / 100; attempt += 1) {
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -Math.log2(target / zoom) / 0.02);
    await page.keyboard.up('Control');
    await page.waitForTimeout(150);
    zoom = await zoomOf(page);
    if (process.env['BENCH_DEBUG']) console.log(`zoom after wheel: ${String(zoom)}`);
  }
  return zoom;
}

export async function benchBuilder({ serverUrl }: { serverUrl: string | undefined }): Promise<BuilderBenchResult | undefined> {
  if (!hasChromium()) {
    console.warn(SKIP_MESSAGE);
    return undefined;
  }
  const server = await startBenchServer({ ADMIN_EMAIL: OWNER.email, ADMIN_PASSWORD: OWNER.password }, { serverUrl });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
    const login = await context.request.post(`${server.url}/api/auth/login`, { data: OWNER });
    if (!login.ok()) throw new Error(`login failed: ${String(login.status())}`);
    const flow = bigFlow(SIZE);
    const created = await context.request.post(`${server.url}/api/flows`, { data: { name: flow.name, document: flow } });
    if (!created.ok()) throw new Error(`create flow: ${String(created.status())} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };

    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });

    // First render: three navigations (the first fills the HTTP cache, as a returning user has).
    const firstRenderRuns: number[] = [];
    let renderedBoxes = 0;
    // BENCH_PROFILE=<file.cpuprofile> keeps a CPU profile of the last navigation (open it in Chrome's DevTools).
    const profile = process.env['BENCH_PROFILE'];
    for (let run = 0; run < 3; run += 1) {
      const cdp = profile !== undefined && run === 2 ? await context.newCDPSession(page) : undefined;
      if (cdp !== undefined) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      await page.goto(`${server.url}/flows/${id}`);
      await page.waitForSelector('.react-flow__node', { timeout: 60_000 });
      if (cdp !== undefined && profile !== undefined) {
        const { profile: data } = await cdp.send('Profiler.stop');
        writeFileSync(profile, JSON.stringify(data));
      }
      const shown = await page.evaluate(
        () =>
          new Promise<{ at: number; boxes: number }>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => resolve({ at: performance.now(), boxes: document.querySelectorAll('.react-flow__node').length }))),
          ),
      );
      firstRenderRuns.push(Math.round(shown.at));
      renderedBoxes = shown.boxes;
    }

    // At zoom 1 (the editor opens with the whole flow in view), around the flow's first boxes.
    await page.waitForTimeout(500);
    const zoom1 = await zoomTo(page, 1);
    if (Math.abs(zoom1 - 1) > 0.01) throw new Error(`could not zoom to 1 (at ${String(zoom1)})`);
    // The box nearest the middle of the screen, grabbed by its header.
    const bounds = await page.evaluate(() => {
      const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
      if (!pane) return null;
      const cx = pane.left + pane.width / 2;
      const cy = pane.top + pane.height / 2;
      let best: { x: number; y: number; width: number; height: number; d: number } | null = null;
      for (const node of document.querySelectorAll('.react-flow__node')) {
        const r = node.getBoundingClientRect();
        const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
        if (best === null || d < best.d) best = { x: r.left, y: r.top, width: r.width, height: r.height, d };
      }
      return best;
    });
    if (bounds === null) throw new Error('no box on screen');
    const drag = await gesture(page, { x: bounds.x + bounds.width / 2, y: bounds.y + 12 }, { dx: 240, dy: 140 });
    await page.waitForTimeout(300);
    const panZoom1 = await gesture(page, await emptyCanvasPoint(page), { dx: -600, dy: -400 });

    // Zoomed out to fit the whole flow.
    await page.getByRole('button', { name: 'Fit the flow to the screen' }).click();
    await page.waitForTimeout(800);
    const fitZoom = await zoomOf(page);
    const panFit = await gesture(page, await emptyCanvasPoint(page), { dx: 300, dy: 200 });
    if (errors.length > 0) console.warn(`page errors during the benchmark:\n${errors.join('\n')}`);
    return {
      boxes: SIZE,
      edges: flow.edges.length,
      firstRenderMs: median(firstRenderRuns),
      firstRenderRuns,
      renderedBoxes,
      drag,
      panZoom1,
      fitZoom: Math.round(fitZoom * 1000) / 1000,
      panFit,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
