// `npm run build` (and `npm start`, `npm run ingest`, `npm run ask` before they run): transpiles src/ to plain
// JavaScript in dist/, file by file with esbuild, so the commands run on Node alone. Under tsx's loader every one of
// the server's ~250 modules goes through a resolve and load hook in another thread: 1.1 s of a 1.9 s start-up,
// whatever the collection's size. Nothing is bundled, so paths read relative to a module (the vocabulary data, the
// web client's sources, which the server bundles for browsers itself) stay where they were; files that are not
// TypeScript are copied as they are. Skipped when dist/ is newer than every source file. Plain JavaScript, so that
// it runs without tsx. Usage: node scripts/build.mjs [out folder]
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src');
const out = resolve(process.argv[2] ?? join(root, 'dist'));
const stamp = join(out, '.built');

/** Every file under src/ the program runs (tests and their fixtures are not), and the folders holding them. */
function sourceFiles(folder = source, found = { files: [], folders: [] }) {
  found.folders.push(folder);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__fixtures__') sourceFiles(path, found);
    } else if (!/\.test\.tsx?$/.test(entry.name)) found.files.push(path);
  }
  return found;
}

const { files, folders } = sourceFiles();
// A folder changes when a file in it is removed or renamed: the build then starts afresh too.
const newest = Math.max(statSync(fileURLToPath(import.meta.url)).mtimeMs, ...[...files, ...folders].map((path) => statSync(path).mtimeMs));
if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest) process.exit(0);

// Built afresh: a source file removed since leaves nothing behind.
rmSync(out, { recursive: true, force: true });
const isTypeScript = (file) => /\.tsx?$/.test(file);
// The browser's scripts are bundled by the server (web/bundle-assets.ts) from their sources: copied as they are too.
const isCopied = (file) => !isTypeScript(file) || relative(source, file).startsWith(join('web', 'client'));
await build({
  entryPoints: files.filter(isTypeScript),
  outdir: out,
  outbase: source,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  logLevel: 'warning',
});
for (const file of files.filter(isCopied)) {
  const target = join(out, relative(source, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}
writeFileSync(stamp, new Date().toISOString());
