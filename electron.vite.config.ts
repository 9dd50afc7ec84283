import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'src/main/electron/main.ts'),
          // agreement's worker thread (src/main/agreement/report-workers.ts finds it beside main.js)
          'report-worker': resolve(__dirname, 'src/main/agreement/report-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // a sandboxed preload cannot require packages: bundle everything into one CommonJS file
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      // the renderer is also served to browsers, and a smaller bundle opens a document sooner
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
