// `npm run ingest [-- --dir <folder>]`: builds the index in DATA_DIR (or the DATABASE_URL database) from the corpus folder.
import cliProgress from 'cli-progress';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { isAppError } from '../errors.js';
import { configuredTarget } from '../ingest/configured-target.js';
import { runIngest, type IngestProgress, type IngestSummary } from '../ingest/run-ingest.js';
import { createLogger } from '../logger.js';
import { resolveConfiguredModel } from '../configured-model.js';

/** Another ingest is writing to the collection; nothing was changed (EX_TEMPFAIL: try again later). */
const EXIT_BUSY = 75;

const USAGE = `Usage: npm run ingest [-- --dir <folder>] [--rebuild] [--wait <seconds>]

Indexes every .txt, .docx and .pdf in <folder> (default: CORPUS_DIR, ./corpus) into DATA_DIR, or into the
PostgreSQL database DATABASE_URL names when it is set.
Unchanged documents are reused from the previous index; --rebuild re-chunks and re-embeds everything.
One ingest writes at a time: while another one is writing, this one changes nothing and exits with code ${EXIT_BUSY},
or with --wait first waits up to <seconds> for it to finish.
Settings come from the environment: DATA_DIR, DATABASE_URL, MODELS_DIR, EMBEDDING_MODEL (none = lexical-only), ALLOW_REMOTE_MODELS.`;

function parseArguments(argv: string[]): { dir?: string; rebuild: boolean; waitMs: number; help: boolean } | null {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { dir: { type: 'string', short: 'd' }, rebuild: { type: 'boolean' }, wait: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.dir !== undefined && values.dir.trim() === '') return null;
    const wait = values.wait === undefined ? 0 : Number(values.wait);
    if (!Number.isFinite(wait) || wait < 0 || values.wait?.trim() === '') return null;
    return { dir: values.dir, rebuild: values.rebuild ?? false, waitMs: wait * 1000, help: values.help ?? false };
  } catch {
    return null;
  }
}

/** A bar on a terminal; elsewhere (logs, CI) one plain line per finished phase. */
function createProgress(stream: NodeJS.WriteStream): { update(event: IngestProgress): void; stop(): void } {
  if (!stream.isTTY) {
    let last = '';
    return {
      update({ phase, done, total }) {
        const line = `${phase}: ${done}/${total}`;
        if (done === total && line !== last) stream.write(`${line}\n`);
        last = line;
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: '{phase} |{bar}| {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update({ phase, done, total, file }) {
      const payload = { phase: phase.padEnd(5), file: file ?? '' };
      if (!started) {
        bar.start(total, done, payload);
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(done, payload);
    },
    stop: () => bar.stop(),
  };
}

const formatSummary = (summary: IngestSummary): string =>
  `Indexed ${summary.documents} documents, ${summary.chunks} chunks; mode: ${summary.mode}${summary.modelId ? ` (${summary.modelId})` : ''}; ` +
  `${summary.seconds.toFixed(1)} s; reused ${summary.reused} unchanged.`;

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  if (!args) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const progress = createProgress(process.stderr);
  try {
    const config = loadConfig(process.env);
    const logger = createLogger(config.LOG_LEVEL, 'stderr');
    const embedding = await resolveConfiguredModel(config, logger);
    const collection = configuredTarget(config, logger);
    const summary = await runIngest({
      corpusDir: args.dir ?? config.CORPUS_DIR,
      dataDir: config.DATA_DIR,
      target: collection.target,
      embedding,
      logger,
      rebuild: args.rebuild,
      waitMs: args.waitMs,
      onProgress: (event) => progress.update(event),
    }).finally(() => collection.close());
    progress.stop();
    for (const failure of summary.failures) process.stderr.write(`Unreadable: ${failure.file}: ${failure.reason}\n`);
    process.stdout.write(`${formatSummary(summary)}\n`);
    return 0;
  } catch (error) {
    progress.stop();
    if (isAppError(error) && Array.isArray(error.details)) {
      for (const failure of error.details as { file: string; reason: string }[]) process.stderr.write(`Unreadable: ${failure.file}: ${failure.reason}\n`);
    }
    if (isAppError(error) && error.code === 'index_busy') {
      process.stderr.write(`Ingest refused: ${error.message}\n`);
      return EXIT_BUSY;
    }
    process.stderr.write(`Ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main();
