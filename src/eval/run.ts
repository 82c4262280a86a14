// `npm run eval`: the project's pipeline and two baselines over eval/questions.jsonl; prints one table and writes
// eval/report.{json,md,html}. Exit 1 when a --min-* floor is not met (CI), 2 on bad arguments.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { AppError, isAppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { openPipeline } from '../pipeline.js';
import { createBaselines } from './baselines.js';
import { checkFloors, type Floors } from './check-floors.js';
import { evaluateSystem } from './evaluate-system.js';
import { EVAL_TAGS, loadEvalSet } from './load-eval-set.js';
import { renderHtml } from './report-html.js';
import { buildSystemReport, renderFailures, renderMarkdown, renderTable, type EvalReport } from './report.js';

const USAGE = `Usage: npm run eval -- [options]
  --filter TAG               only questions with this tag (${EVAL_TAGS.join(', ')})
  --verbose                  list every failed question: expected facts, answer, cited sections
  --min-fact-accuracy X      exit 1 if the project's key-fact accuracy is below X (0–1)
  --min-abstention Y         exit 1 if the project's abstention F1 is below Y (0–1)
  --no-baselines             evaluate the project only
  --set FILE                 evaluation set (default eval/questions.jsonl)
  --out DIR                  where report.json/.md/.html go (default eval)`;

/** Throws AppError('invalid_request') for bad arguments; the caller prints the usage and exits 2. */
function parseCommandLine(args: string[]) {
  const invalid = (message: string) => new AppError('invalid_request', message);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        filter: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        'min-fact-accuracy': { type: 'string' },
        'min-abstention': { type: 'string' },
        'no-baselines': { type: 'boolean', default: false },
        set: { type: 'string', default: 'eval/questions.jsonl' },
        out: { type: 'string', default: 'eval' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw invalid((error as Error).message);
  }
  const { values } = parsed;
  const floor = (name: 'min-fact-accuracy' | 'min-abstention'): number | undefined => {
    const value = values[name];
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0 || number > 1) throw invalid(`--${name} must be a number between 0 and 1 (got ${value})`);
    return number;
  };
  if (values.filter !== undefined && !(EVAL_TAGS as readonly string[]).includes(values.filter)) throw invalid(`unknown tag "${values.filter}"`);
  const floors: Floors = { minFactAccuracy: floor('min-fact-accuracy'), minAbstention: floor('min-abstention') };
  return { ...values, floors };
}

async function main(options: ReturnType<typeof parseCommandLine>): Promise<number> {
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig(process.env);
  // stdout carries the table; logs go to stderr.
  const logger = createLogger(config.LOG_LEVEL, 'stderr');
  const started = performance.now();

  const all = await loadEvalSet(options.set);
  const questions = options.filter ? all.filter((entry) => entry.tags.some((tag) => tag === options.filter)) : all;
  const pipeline = await openPipeline(config, logger);
  const documents = pipeline.knowledge.catalogue().flatMap((meta) => pipeline.knowledge.document(meta.id) ?? []);

  const projectRecords = await evaluateSystem({ name: 'project', answerer: pipeline.answerer, retriever: pipeline.retriever }, questions, documents);
  const systems = [buildSystemReport('project', pipeline.mode, projectRecords)];
  if (options.verbose) console.log(renderFailures('project', projectRecords));
  if (!options['no-baselines']) {
    for (const baseline of await createBaselines({ documents, embedding: pipeline.knowledge.embedding })) {
      const records = await evaluateSystem(baseline, questions, documents);
      systems.push(buildSystemReport(baseline.name, baseline.retriever.mode, records));
    }
  }

  const report: EvalReport = {
    generatedAt: new Date().toISOString(),
    setPath: options.set,
    filter: options.filter ?? null,
    mode: pipeline.mode,
    modelId: pipeline.modelId,
    systems,
    records: projectRecords,
  };
  await mkdir(options.out, { recursive: true });
  await writeFile(path.join(options.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(path.join(options.out, 'report.md'), renderMarkdown(report));
  await writeFile(path.join(options.out, 'report.html'), renderHtml(report));

  console.log(renderTable(report));
  console.log(`${questions.length} questions, ${systems.length} systems, ${((performance.now() - started) / 1000).toFixed(1)} s; reports in ${options.out}/report.{json,md,html}`);

  const problems = checkFloors(systems[0].overall, options.floors);
  for (const problem of problems) console.error(`FAIL: ${problem}`);
  return problems.length > 0 ? 1 : 0;
}

let options: ReturnType<typeof parseCommandLine>;
try {
  options = parseCommandLine(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

main(options).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(isAppError(error) ? `${error.code}: ${error.message}` : error);
    process.exit(1);
  },
);
