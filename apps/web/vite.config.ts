import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The emoji picker's data (Emojibase, from npm) served by the app itself at
 * /emojibase/en/*.json, so the picker fetches nothing from a CDN.
 */
function selfHostedEmojiData(): Plugin {
  const dir = path.dirname(createRequire(import.meta.url).resolve('emojibase-data/en/data.json'));
  const files = ['data.json', 'messages.json'];
  return {
    name: 'doctime-self-hosted-emoji-data',
    configureServer(server) {
      server.middlewares.use('/emojibase/en', (req, res, next) => {
        const name = req.url?.replace(/^\//, '').split('?')[0] ?? '';
        if (!files.includes(name)) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(readFileSync(path.join(dir, name)));
      });
    },
    generateBundle() {
      for (const name of files) {
        this.emitFile({ type: 'asset', fileName: `emojibase/en/${name}`, source: readFileSync(path.join(dir, name)) });
      }
    },
  };
}

const apiTarget = 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), selfHostedEmojiData()],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: app changes do not bust the browser cache for them.
        codeSplitting: {
          groups: [
            // Zego's call kit (about 5 MB) loads only in a consultation room when calls run on Zego.
            { name: 'zego', test: /node_modules[\\/]@zegocloud[\\/]/, priority: 4 },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 3,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format|react-textarea-autosize|clsx|type-fest)/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
