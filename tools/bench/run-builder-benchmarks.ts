// `npm run bench:builder`: the flow editor with a 1,000-box flow in Chromium; rewrites the builder
// section of docs/benchmarks.md with the figures, the machine and the date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchBuilder } from './builder.bench.js';
import { machine, replaceSection, withPostgresServer } from './bench-support.js';

const docPath = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));

let result: Awaited<ReturnType<typeof benchBuilder>>;
await withPostgresServer(async (serverUrl, description) => {
  console.log(`PostgreSQL: ${description}`);
  result = await benchBuilder({ serverUrl });
  console.log(JSON.stringify(result, null, 2));
});

if (result !== undefined) {
  const r = result;
  const frames = (f: { fps: number; p95FrameMs: number; frames: number; dropped: number; droppedAtRelease: number }) =>
    `${String(f.fps)} fps (p95 frame ${String(f.p95FrameMs)} ms; ${String(f.dropped)} of ${String(f.frames)} frames dropped${f.droppedAtRelease > 0 ? `, ${String(f.droppedAtRelease)} of them at the release` : ''})`;
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; the built product (\`npm start\`'s server) and Debian's Chromium (headless, software rendering, ${'1440×900'}) on the same machine; a flow of ${r.boxes.toLocaleString('en-US')} boxes and ${r.edges.toLocaleString('en-US')} connections (tools/bench/big-flow.ts).`,
    '',
    '| figure | measured | target |',
    '| --- | ---: | ---: |',
    `| first render (navigation → boxes on the canvas, ${String(r.renderedBoxes)} boxes drawn), median of ${String(r.firstRenderRuns.length)}: ${r.firstRenderRuns.map((ms) => `${String(ms)} ms`).join(', ')} | ${String(r.firstRenderMs)} ms | ≤ 1,000 ms |`,
    `| dragging a box (zoom 1) | ${frames(r.drag)} | 60 fps |`,
    `| panning at zoom 1 | ${frames(r.panZoom1)} | ≥ 50 fps |`,
    `| panning zoomed out to fit (zoom ${String(r.fitZoom)}) | ${frames(r.panFit)} | ≥ 30 fps |`,
  ].join('\n');
  writeFileSync(docPath, replaceSection(readFileSync(docPath, 'utf8'), 'builder', body));
}
