import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface BundledAsset {
  body: Uint8Array;
  contentType: string;
}

export interface AssetBundle {
  /** Public URLs (content-hashed, so they can be cached for good). */
  urls: { chatScript: string; documentScript: string; learnScript: string; adminScript: string; styles: string };
  /** By file name under /assets/. */
  files: ReadonlyMap<string, BundledAsset>;
}

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const clientFile = (name: string): string => fileURLToPath(new URL(`./client/${name}`, import.meta.url));

/** Bundles the client scripts and the stylesheet in memory (tens of milliseconds), so no build step is needed. */
export async function bundleAssets(): Promise<AssetBundle> {
  const result = await build({
    entryPoints: { chat: clientFile('chat.ts'), document: clientFile('document.ts'), learn: clientFile('learn.ts'), admin: clientFile('admin.ts'), styles: clientFile('styles.css') },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome90', 'safari14', 'firefox90'],
    entryNames: '[name]-[hash]',
    outdir: 'assets',
    logLevel: 'silent',
  });
  const files = new Map<string, BundledAsset>();
  const urls: Record<string, string> = {};
  for (const output of result.outputFiles) {
    const name = basename(output.path);
    const extension = name.slice(name.lastIndexOf('.'));
    files.set(name, { body: output.contents, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream' });
    urls[name.slice(0, name.indexOf('-'))] = `/assets/${name}`;
  }
  return { urls: { chatScript: urls.chat, documentScript: urls.document, learnScript: urls.learn, adminScript: urls.admin, styles: urls.styles }, files };
}
