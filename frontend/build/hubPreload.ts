/**
 * A resident scanning a door code on a slow line should not wait for the app to start before
 * the hub's own files are asked for. This plugin writes into index.html a few lines that, on
 * `/q/<token>` and `/Q/<TOKEN>` only, add <link rel=modulepreload> (and style preloads) for
 * the hub route's chunks, so they download alongside the main bundle instead of after it.
 * (index.html itself starts the code's API request early too: see its inline script.)
 */

import type { OutputBundle, OutputChunk } from 'rolldown'
import type { Plugin } from 'vite'

interface WithCss {
  viteMetadata?: { importedCss: Set<string> }
}

function chunksOf(bundle: OutputBundle): OutputChunk[] {
  return Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk')
}

/** The chunk and everything it imports statically, in load order. */
function closure(start: OutputChunk, byFile: Map<string, OutputChunk>): OutputChunk[] {
  const seen = new Set<string>()
  const out: OutputChunk[] = []
  const walk = (chunk: OutputChunk): void => {
    if (seen.has(chunk.fileName)) return
    seen.add(chunk.fileName)
    out.push(chunk)
    for (const file of chunk.imports) {
      const next = byFile.get(file)
      if (next) walk(next)
    }
  }
  walk(start)
  return out
}

export function hubPreload(routeModule: string, pathPattern: RegExp): Plugin {
  return {
    name: 'sqwb-hub-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html
        const chunks = chunksOf(ctx.bundle)
        const byFile = new Map(chunks.map((c) => [c.fileName, c]))
        const hub = chunks.find((c) => c.moduleIds.some((id) => id.replace(/\\/g, '/').endsWith(routeModule)))
        const entry = chunks.find((c) => c.isEntry)
        if (!hub || !entry) throw new Error(`hubPreload: no chunk for ${routeModule}`)
        const loaded = new Set(closure(entry, byFile).map((c) => c.fileName))
        const hubChunks = closure(hub, byFile).filter((c) => !loaded.has(c.fileName))
        const js = hubChunks.map((c) => `/${c.fileName}`)
        const css = [...new Set(hubChunks.flatMap((c) => [...((c as WithCss).viteMetadata?.importedCss ?? [])]))].map((f) => `/${f}`)
        const script = [
          '(function () {',
          `  if (!${pathPattern.toString()}.test(location.pathname)) return;`,
          '  var add = function (rel, href, as) {',
          "    var l = document.createElement('link'); l.rel = rel; l.href = href;",
          "    if (as) l.as = as; l.crossOrigin = ''; document.head.appendChild(l);",
          '  };',
          `  ${JSON.stringify(js)}.forEach(function (f) { add('modulepreload', f); });`,
          `  ${JSON.stringify(css)}.forEach(function (f) { add('preload', f, 'style'); });`,
          '})();',
        ].join('\n')
        return { html, tags: [{ tag: 'script', children: script, injectTo: 'head' }] }
      },
    },
  }
}
