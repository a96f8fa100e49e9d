import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The staff web app. Built into web/dist, which the API server serves with an index.html fallback. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    // `npm run dev:web` next to `npm start` (port 3000 by default).
    proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' },
  },
});
