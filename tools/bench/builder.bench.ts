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
import { nextFrames } from '../../apps/builder/test/e2e/support/frames.js';

export interface FrameFigures {
  /** Frames per second over the gesture: intervals between the first and last frame, over that time (the display caps it at 60). */
  readonly fps: number;
  /** The median frame interval: the display's vsync interval when the page keeps up. */
  readonly medianFrameMs: number;
  /** The 95th percentile frame interval: a stutter shows here even when the average is fine. */
  readonly p95FrameMs: number;
  /** Frames recorded, from the first after the press to the second after the release. */
  readonly frames: number;
  /** Frame intervals longer than 1.5 × the median: a frame the display showed twice. */
  readonly dropped: number;
  /** Of those, the ones after the release (a drag's drop writes the move to the document). */
  readonly droppedAtRelease: number;
  /** Mouse moves the page received during the gesture (one per frame is what a hand gives). */
  readonly moves: number;
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
/** What DevTools' Performance panel records: tasks, JavaScript samples, style, layout, paint and frames. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'toplevel',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Starts recording animation frames in the page, and the times the page received the gesture's
 * mouse moves and its release.
 */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __moves: number[]; __released: number; __recording: boolean; __stopRecording?: () => void };
    w.__frames = [];
    w.__moves = [];
    w.__released = Infinity;
    w.__recording = true;
    const onMove = (event: PointerEvent) => w.__moves.push(event.timeStamp);
    const onUp = (event: PointerEvent) => {
      w.__released = event.timeStamp;
    };
    window.addEventListener('pointermove', onMove, true);
    window.addEventListener('pointerup', onUp, true);
    w.__stopRecording = () => {
      w.__recording = false;
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', onUp, true);
    };
    const tick = (t: number) => {
      if (!w.__recording) return;
      w.__frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Stops recording and sums up the frames. The window runs from the first frame after the press
 * to the frame after the release has been drawn (the caller waits for it), so a drag's drop is
 * always inside it, never cut off half the time; fps is intervals over that window's length (no
 * partial frame at either end). A dropped frame is an interval longer than 1.5 × the median one
 * (the vsync interval, as long as most frames are on time).
 */
async function stopFrames(page: Page): Promise<FrameFigures> {
  const { frames, moves, released } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __moves: number[]; __released: number; __stopRecording?: () => void };
    w.__stopRecording?.();
    return { frames: w.__frames, moves: w.__moves, released: w.__released };
  });
  const intervals = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
  const span = (frames[frames.length - 1] ?? 0) - (frames[0] ?? 0);
  const sorted = [...intervals].sort((a, b) => a - b);
  const medianInterval = sorted[Math.floor(sorted.length / 2)] ?? 0;
  let dropped = 0;
  let droppedAtRelease = 0;
  intervals.forEach((interval, i) => {
    if (interval <= medianInterval * 1.5) return;
    dropped += 1;
    // The interval ends at frame i + 1; a long one that ends after the release is the drop's.
    if ((frames[i + 1] ?? 0) > released) droppedAtRelease += 1;
  });
  if (process.env['BENCH_DEBUG']) console.log(`frame intervals: ${intervals.map((ms) => ms.toFixed(1)).join(' ')}`);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    fps: span > 0 ? round((intervals.length / span) * 1000) : 0,
    medianFrameMs: round(medianInterval),
    p95FrameMs: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    frames: frames.length,
    dropped,
    droppedAtRelease,
    moves: moves.filter((t) => t < released).length,
  };
}


/** Presses at (x, y) and moves by (dx, dy) one step per animation frame, then releases. */
async function gesture(page: Page, from: { x: number; y: number }, by: { dx: number; dy: number }): Promise<FrameFigures> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await startFrames(page);
  for (let i = 1; i <= GESTURE_STEPS; i += 1) {
    await page.mouse.move(from.x + (by.dx * i) / GESTURE_STEPS, from.y + (by.dy * i) / GESTURE_STEPS);
    await nextFrames(page, 1);
  }
  await page.mouse.up();
  // The release's work (a drop, the end of a pan) is drawn in the frames right after it.
  await nextFrames(page, 2);
  return stopFrames(page);
}

/** Waits until the page draws `count` frames in a row on time (after a zoom, everything newly visible is drawn and measured). */
async function settle(page: Page, count = 20): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let last = 0;
        let onTime = 0;
        const deadline = performance.now() + 15_000;
        const tick = (t: number) => {
          onTime = last > 0 && t - last < 25 ? onTime + 1 : 0;
          last = t;
          if (onTime >= n || t > deadline) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    count,
  );
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

    // At zoom 1, around the flow's first boxes (a flow this big opens there, on its trigger).
    await page.waitForTimeout(500);
    const zoom1 = await zoomTo(page, 1);
    await settle(page);
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
    // BENCH_PROFILE_DRAG=<file.cpuprofile> keeps a CPU profile of the drag.
    const dragProfile = process.env['BENCH_PROFILE_DRAG'];
    const dragCdp = dragProfile === undefined ? undefined : await context.newCDPSession(page);
    if (dragCdp !== undefined) {
      await dragCdp.send('Profiler.enable');
      await dragCdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await dragCdp.send('Profiler.start');
    }
    // BENCH_TRACE_DRAG=<file.json> keeps a Chromium performance trace of the drag (open it in
    // DevTools' Performance panel): main-thread tasks, React's work, style, layout, paint, frames.
    const dragTrace = process.env['BENCH_TRACE_DRAG'];
    if (dragTrace !== undefined) await browser.startTracing(page, { path: dragTrace, categories: TRACE_CATEGORIES });
    // BENCH_CPU_SLOWDOWN=<n> slows the page's CPU n times during the drag (DevTools' CPU
    // throttling): what a frame costs shows up as dropped frames without waiting for a busy machine.
    const slowdown = Number(process.env['BENCH_CPU_SLOWDOWN'] ?? '1');
    const slowCdp = slowdown > 1 ? await context.newCDPSession(page) : undefined;
    await slowCdp?.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    const drag = await gesture(page, { x: bounds.x + bounds.width / 2, y: bounds.y + 12 }, { dx: 240, dy: 140 });
    await slowCdp?.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (dragTrace !== undefined) await browser.stopTracing();
    if (dragCdp !== undefined && dragProfile !== undefined) {
      const { profile: data } = await dragCdp.send('Profiler.stop');
      writeFileSync(dragProfile, JSON.stringify(data));
    }
    await settle(page);
    const panZoom1 = await gesture(page, await emptyCanvasPoint(page), { dx: -600, dy: -400 });

    // Zoomed out to fit the whole flow (the toolbar's zoom-to-fit), once every box it shows is drawn.
    await settle(page);
    await page.getByRole('button', { name: 'Fit the flow to the screen' }).click();
    await page.waitForTimeout(800);
    await settle(page);
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
