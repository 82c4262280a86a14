// `npm run eval`: the project's pipeline and two baselines over every evaluation set of eval/sets.json, each asked of
// its own collection; prints one table per part (development, then the frozen test part) and writes
// eval/report-<part>.{json,md,html}. Exit 1 when a --min-* floor is not met (CI), 2 on bad arguments.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { AppError, isAppError } from '../errors.js';
import { createLogger, type Logger } from '../logger.js';
import { openPipeline } from '../pipeline.js';
import type { RetrievalMode } from '../types.js';
import { createBaselines } from './baselines.js';
import { checkFloors, type Floors } from './check-floors.js';
import { EVAL_PARTS, loadEvalSets, type EvalPart, type EvalSetDefinition } from './eval-sets.js';
import { evaluateSystem } from './evaluate-system.js';
import { generationSummary } from './generation-summary.js';
import { EVAL_TAGS } from './load-eval-set.js';
import type { QuestionRecord } from './metrics.js';
import { prepareCollection, prepareSetDatabase } from './prepare-collection.js';
import { renderHtml } from './report-html.js';
import { buildSystemReport, renderFailures, renderMarkdown, renderTable, type EvalReport } from './report.js';

const USAGE = `Usage: npm run eval -- [options]
  --part dev|test|all        which part to evaluate (default all); floors check the test part when it is evaluated
  --sets NAMES               comma-separated set names (default all)
  --sets-file FILE           the evaluation sets (default eval/sets.json)
  --filter TAG               only questions with this tag (${EVAL_TAGS.join(', ')})
  --verbose                  list every failed question: expected facts, answer, cited sections
  --min-fact-accuracy X      exit 1 if the project's key-fact accuracy is below X (0–1)
  --min-abstention Y         exit 1 if the project's abstention F1 is below Y (0–1)
  --no-baselines             evaluate the project only
  --llm                      the project's answers are written by the model LLM_BASE_URL and LLM_MODEL name (checked, with
                             the extractive fallback); without it the project is evaluated extractive, whatever is set
  --out DIR                  where report-<part>.json/.md/.html go (default eval)
  --work DIR                 where each set's collection is built and kept (default eval/.collections)
With DATABASE_URL set, each set's collection is built in a PostgreSQL database of its own, <database>_<set>
(created when missing, kept between runs).`;

/** Throws AppError('invalid_request') for bad arguments; the caller prints the usage and exits 2. */
function parseCommandLine(args: string[]) {
  const invalid = (message: string) => new AppError('invalid_request', message);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        part: { type: 'string', default: 'all' },
        sets: { type: 'string' },
        'sets-file': { type: 'string', default: 'eval/sets.json' },
        filter: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        'min-fact-accuracy': { type: 'string' },
        'min-abstention': { type: 'string' },
        'no-baselines': { type: 'boolean', default: false },
        llm: { type: 'boolean', default: false },
        out: { type: 'string', default: 'eval' },
        work: { type: 'string', default: 'eval/.collections' },
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
  if (values.part !== 'all' && !(EVAL_PARTS as readonly string[]).includes(values.part!)) throw invalid(`--part must be dev, test or all (got ${values.part})`);
  const parts: EvalPart[] = values.part === 'all' ? [...EVAL_PARTS] : [values.part as EvalPart];
  const floors: Floors = { minFactAccuracy: floor('min-fact-accuracy'), minAbstention: floor('min-abstention') };
  return { ...values, parts, floors };
}
type Options = ReturnType<typeof parseCommandLine>;

interface SetRun {
  set: EvalSetDefinition;
  mode: RetrievalMode;
  modelId: string | null;
  /** Records per system name, the project first. */
  systems: Map<string, { mode: RetrievalMode; records: QuestionRecord[] }>;
}

/** Builds (or reuses) the set's collection, then asks its questions of the project and the baselines. */
async function runSet(set: EvalSetDefinition, options: Options, config: Config, logger: Logger): Promise<SetRun> {
  const folders = await prepareCollection(set.name, set.corpus, path.resolve(options.work!));
  const database = config.DATABASE_URL && (await prepareSetDatabase(set.name, config.DATABASE_URL));
  const pipeline = await openPipeline({ ...config, CORPUS_DIR: folders.corpusDir, DATA_DIR: folders.dataDir, DATABASE_URL: database || undefined }, logger);
  await pipeline.settled;
  // The evaluation reads every document (gold offsets, baselines); a served question never does.
  const documents = (await Promise.all(pipeline.knowledge.catalogue().map((meta) => pipeline.knowledge.document(meta.id)))).filter((doc) => doc !== undefined);
  const questions = set.questions.filter((entry) => options.parts.includes(entry.part) && (!options.filter || entry.tags.some((tag) => tag === options.filter)));
  const systems: SetRun['systems'] = new Map();
  systems.set('project', { mode: pipeline.mode, records: await evaluateSystem({ name: 'project', answerer: pipeline.answerer, retriever: pipeline.retriever }, questions, documents) });
  if (!options['no-baselines']) {
    for (const baseline of await createBaselines({ documents, embedding: pipeline.knowledge.embedding })) {
      systems.set(baseline.name, { mode: baseline.retriever.mode, records: await evaluateSystem(baseline, questions, documents) });
    }
  }
  await pipeline.close();
  return { set, mode: pipeline.mode, modelId: pipeline.modelId, systems };
}

function partReport(part: EvalPart, runs: readonly SetRun[], options: Options): EvalReport {
  const partOf = new Map(runs.flatMap((run) => run.set.questions.map((entry) => [entry.id, entry.part] as const)));
  const names = [...(runs[0]?.systems.keys() ?? [])];
  const systems = names.map((name) => {
    const records = runs.flatMap((run) => run.systems.get(name)?.records ?? []).filter((record) => partOf.get(record.id) === part);
    return { report: buildSystemReport(name, runs[0].systems.get(name)!.mode, records), records };
  });
  const sets = runs.map((run) => run.set.name).join(' and ');
  return {
    generatedAt: new Date().toISOString(),
    title: `the ${part === 'dev' ? 'development' : 'frozen test'} part of the ${sets} set${runs.length > 1 ? 's' : ''}`,
    filter: options.filter ?? null,
    mode: runs[0]?.mode ?? 'lexical',
    modelId: runs[0]?.modelId ?? null,
    systems: systems.map((system) => system.report),
    records: systems[0]?.records ?? [],
  };
}

async function main(options: Options): Promise<number> {
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const loaded = loadConfig(process.env);
  if (options.llm && !loaded.LLM_BASE_URL) throw new AppError('config_invalid', '--llm needs LLM_BASE_URL and LLM_MODEL (see README, "Generated answers")');
  // The extractive figures stay comparable from run to run: a model is asked only when --llm says so.
  const config: Config = options.llm ? loaded : { ...loaded, LLM_BASE_URL: undefined };
  // stdout carries the tables; logs go to stderr.
  const logger = createLogger(config.LOG_LEVEL, 'stderr');
  const started = performance.now();
  const all = await loadEvalSets(process.cwd(), options['sets-file']);
  const wanted = options.sets?.split(',').map((name) => name.trim());
  for (const name of wanted ?? []) if (!all.some((set) => set.name === name)) throw new AppError('invalid_request', `no evaluation set named "${name}"`);
  const runs: SetRun[] = [];
  for (const set of all.filter((entry) => !wanted || wanted.includes(entry.name))) runs.push(await runSet(set, options, config, logger));

  await mkdir(options.out!, { recursive: true });
  const reports = options.parts.map((part) => ({ part, report: partReport(part, runs, options) }));
  for (const { part, report } of reports) {
    if (options.verbose) console.log(renderFailures(`project (${part})`, report.records));
    await writeFile(path.join(options.out!, `report-${part}.json`), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(path.join(options.out!, `report-${part}.md`), renderMarkdown(report));
    await writeFile(path.join(options.out!, `report-${part}.html`), renderHtml(report));
    console.log(renderTable(report));
    if (options.llm) console.log(generationSummary(report.records));
  }
  const count = reports.reduce((sum, { report }) => sum + (report.systems[0]?.overall.questions ?? 0), 0);
  console.log(`${count} questions, ${runs.length} sets, ${((performance.now() - started) / 1000).toFixed(1)} s; reports in ${options.out}/report-{${options.parts.join(',')}}.{json,md,html}`);

  // The floor guards the frozen test part whenever it was evaluated.
  const guarded = reports.find(({ part }) => part === 'test') ?? reports[0];
  const problems = guarded?.report.systems[0] ? checkFloors(guarded.report.systems[0].overall, options.floors) : [];
  for (const problem of problems) console.error(`FAIL (${guarded!.part} part): ${problem}`);
  return problems.length > 0 ? 1 : 0;
}

let options: Options;
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
