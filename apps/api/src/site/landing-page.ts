import { DOC_PAGES } from './docs-pages.js';

/**
 * The page served at `/` until the builder (apps/builder) takes that place. Static HTML, no
 * script: it only says what is running and where to read more.
 */
export function renderLandingPage({ schemaVersion }: { schemaVersion: number }): string {
  const docLinks = DOC_PAGES.map(
    ({ slug, title }) => `        <li><a href="/docs/${slug}">${title}</a></li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Jornada</title>
    <style>
      :root { color-scheme: light dark; --accent: #0f766e; }
      body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
      main { max-width: 40rem; margin: 12vh auto 4rem; padding: 0 1.5rem; }
      h1 { font-size: 2rem; margin: 0 0 .25rem; letter-spacing: -.02em; }
      .lead { font-size: 1.15rem; margin: 0 0 2rem; }
      h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .08em; opacity: .7; margin: 2rem 0 .5rem; }
      ul { padding-left: 1.1rem; margin: 0; }
      a { color: var(--accent); }
      code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; }
      footer { margin-top: 3rem; font-size: .85rem; opacity: .7; }
    </style>
  </head>
  <body>
    <main>
      <h1>Jornada</h1>
      <p class="lead">Jornada is starting up — the builder lands here.</p>
      <p>Jornada is an open-source platform for customer conversations in commerce: journey flows
        drawn in a visual builder, run by a bot on WhatsApp and other channels, handed to a human
        in an inbox when needed, and measured in carts recovered and repurchases.</p>
      <h2>Running now</h2>
      <ul>
        <li>The flow engine (flow schema version ${String(schemaVersion)})</li>
        <li>Health check: <a href="/api/health"><code>/api/health</code></a></li>
        <li>REST API reference (OpenAPI): <a href="/api/docs"><code>/api/docs</code></a>
          (JSON: <a href="/api/docs-json"><code>/api/docs-json</code></a>)</li>
      </ul>
      <h2>Documentation</h2>
      <ul>
${docLinks}
      </ul>
      <footer>The builder replaces this page once it is built; the runtime arrives next.</footer>
    </main>
  </body>
</html>
`;
}
