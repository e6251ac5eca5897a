import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vitest/config'
import { hubPreload } from './build/hubPreload.ts'

// The gateway on :8000 serves the API (and, after `npm run build`, this app): `npm run dev`
// proxies /api there so the pages can be worked on with hot reload.
const gateway = process.env.SQWB_GATEWAY ?? 'http://127.0.0.1:8000'

export default defineConfig({
  plugins: [
    vue(),
    // Vant components (and their CSS) are imported where a template uses them, not the library.
    // Element Plus likewise (each component with its own CSS): only the desk console's pages
    // use it, so it lands in their chunks and never in a resident's (benchmarks/frontend/hub_load.py).
    Components({
      resolvers: [VantResolver(), ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/components.d.ts',
      dirs: [],
    }),
    hubPreload('src/pages/scan/ScanPage.vue', /^\/q\/[^/]+\/?$/i),
  ],
  // Feature flags of Vue and vue-i18n: compile out what these pages never use.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  resolve: {
    // Element Plus's date pickers import dayjs as CommonJS; its ES build keeps rolldown's
    // CommonJS helpers out of the runtime chunk every page (the resident's hub too) loads.
    alias: [
      { find: /^dayjs$/, replacement: 'dayjs/esm/index.js' },
      { find: /^dayjs\/plugin\/(\w+)\.js$/, replacement: 'dayjs/esm/plugin/$1/index.js' },
    ],
  },
  server: { proxy: { '/api': gateway } },
  build: {
    // WeChat's webview on phones a few years old: iOS 14 Safari, Android Chrome 87.
    target: ['es2020', 'chrome87', 'safari14'],
    cssTarget: ['chrome87', 'safari14'],
    assetsInlineLimit: 2048,
    // ECharts (the console's statistics page only, its own lazy chunk) is ~535 kB raw; the
    // resident's pages are kept small by their own budget (benchmarks/frontend/hub_load.py).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every page needs, in one file: Vue, the router, vue-i18n, and the helper
            // that preloads a lazy page's files.
            { name: 'vendor', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]|vite[\\/]preload-helper/ },
            // The API client and its problem type travel together (every page calls the API).
            { name: 'http', test: /src[\\/]api[\\/](http|problem|client|tokens)\.ts$/ },
          ],
        },
      },
    },
    // dist/.vite/manifest.json: which files each route loads (benchmarks/frontend/hub_load.py reads it).
    manifest: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.spec.ts'],
    restoreMocks: true,
  },
})
