import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The builder is served by the API in production (apps/api SiteModule serves dist/ at `/`).
// In development `npm run dev` serves it here and sends API calls to the server on :3000.
const API_TARGET = process.env['JORNADA_API_URL'] ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    // Workspace packages (the flow engine) are read from their TypeScript sources, as in tests.
    conditions: ['@jornada/source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The engine (zod, phone numbers) and React Flow make a large but cacheable bundle.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/webhooks': { target: API_TARGET, changeOrigin: false },
    },
  },
});
