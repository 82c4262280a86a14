// The evaluation report: its JSON shape, the console table, the Markdown page and the verbose failure list.
import type { RetrievalMode } from '../types.js';
import { EVAL_TAGS } from './load-eval-set.js';
import { summarize, type QuestionRecord, type SliceMetrics } from './metrics.js';

export interface SystemReport {
  name: string;
  mode: RetrievalMode;
  overall: SliceMetrics;
  /** One slice per evaluation set (collection). */
  bySet: { set: string; metrics: SliceMetrics }[];
  byTag: { tag: string; metrics: SliceMetrics }[];
}

export interface EvalReport {
  generatedAt: string;
  /** What was evaluated, e.g. "test part of the seed and unseen sets". */
  title: string;
  filter: string | null;
  /** The project's retrieval mode and embedding model. */
  mode: RetrievalMode;
  modelId: string | null;
  systems: SystemReport[];
  /** The project's per-question results, for digging into failures. */
  records: QuestionRecord[];
}

type MetricKey = Exclude<keyof SliceMetrics, 'questions' | 'answerable' | 'unanswerable'>;

export interface MetricColumn {
  key: MetricKey;
  label: string;
  title: string;
  unit: 'ratio' | 'ms';
}

export const METRIC_COLUMNS: readonly MetricColumn[] = [
  { key: 'docHit1', label: 'doc@1', title: 'gold document at rank 1', unit: 'ratio' },
  { key: 'docHit5', label: 'doc@5', title: 'gold document in the top 5', unit: 'ratio' },
  { key: 'docMrr10', label: 'docMRR', title: 'MRR@10 of the gold document', unit: 'ratio' },
  { key: 'sectionHit1', label: 'sec@1', title: 'gold section (or quote) at rank 1', unit: 'ratio' },
  { key: 'sectionHit5', label: 'sec@5', title: 'gold section (or quote) in the top 5', unit: 'ratio' },
  { key: 'sectionMrr10', label: 'secMRR', title: 'MRR@10 of the gold section (or quote)', unit: 'ratio' },
  { key: 'factAccuracy', label: 'facts', title: 'answerable questions whose answer holds every key fact', unit: 'ratio' },
  { key: 'citationPrecision', label: 'citP', title: 'cited passages from a gold document', unit: 'ratio' },
  { key: 'citationValidity', label: 'citV', title: 'citations whose quote is exactly the document text at their offsets', unit: 'ratio' },
  { key: 'abstentionPrecision', label: 'absP', title: 'abstentions that were on unanswerable questions', unit: 'ratio' },
  { key: 'abstentionRecall', label: 'absR', title: 'unanswerable questions abstained on', unit: 'ratio' },
  { key: 'falseRefusals', label: 'fRef', title: 'answerable questions refused (false refusals)', unit: 'ratio' },
  { key: 'falseAnswers', label: 'fAns', title: 'unanswerable questions answered (false answers)', unit: 'ratio' },
  { key: 'latencyP50', label: 'p50ms', title: 'median answer latency (ms)', unit: 'ms' },
  { key: 'latencyP95', label: 'p95ms', title: '95th percentile answer latency (ms)', unit: 'ms' },
];

export function buildSystemReport(name: string, mode: RetrievalMode, records: readonly QuestionRecord[]): SystemReport {
  const tags = EVAL_TAGS.filter((tag) => records.some((record) => record.tags.includes(tag)));
  const sets = [...new Set(records.map((record) => record.set))];
  return {
    name,
    mode,
    overall: summarize(records),
    bySet: sets.map((set) => ({ set, metrics: summarize(records.filter((record) => record.set === set)) })),
    byTag: tags.map((tag) => ({ tag, metrics: summarize(records.filter((record) => record.tags.includes(tag))) })),
  };
}

export const formatMetric = (value: number | null, unit: MetricColumn['unit']): string =>
  value === null ? '—' : unit === 'ms' ? value.toFixed(1) : value.toFixed(3);

const metricCells = (metrics: SliceMetrics): string[] => METRIC_COLUMNS.map((column) => formatMetric(metrics[column.key], column.unit));

function alignedTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index].length)));
  const line = (cells: readonly string[]) => cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** Every slice (overall, each set, then each tag) with a row per system: label, system name, metrics. */
function sliceRows(report: EvalReport): [string, string, SliceMetrics][] {
  const project = report.systems[0];
  const slices: [string, (system: SystemReport) => SliceMetrics | undefined][] = [
    ['overall', (system) => system.overall],
    ...(project && project.bySet.length > 1 ? project.bySet : []).map(
      ({ set }) => [`set:${set}`, (system: SystemReport) => system.bySet.find((entry) => entry.set === set)?.metrics] as [string, (system: SystemReport) => SliceMetrics | undefined],
    ),
    ...(project?.byTag ?? []).map(
      ({ tag }) => [tag, (system: SystemReport) => system.byTag.find((entry) => entry.tag === tag)?.metrics] as [string, (system: SystemReport) => SliceMetrics | undefined],
    ),
  ];
  return slices.flatMap(([label, pick]) =>
    report.systems.flatMap((system) => {
      const metrics = pick(system);
      return metrics ? [[label, system.name, metrics] as [string, string, SliceMetrics]] : [];
    }),
  );
}

/** The one console table: every slice with a row per system. */
export function renderTable(report: EvalReport): string {
  const header = ['slice', 'system', 'n', ...METRIC_COLUMNS.map((column) => column.label)];
  const rows = sliceRows(report).map(([label, system, metrics]) => [label, system, String(metrics.questions), ...metricCells(metrics)]);
  const title = `Evaluation of ${report.title}${report.filter ? ` (tag ${report.filter})` : ''}: project in ${report.mode} mode${report.modelId ? ` with ${report.modelId}` : ''}`;
  return `${title}\n${alignedTable(header, rows)}\n`;
}

const markdownRow = (cells: readonly string[]): string => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;

/** The first `textColumns` columns are left-aligned labels, the rest right-aligned numbers. */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], textColumns = 1): string {
  return [markdownRow(header), markdownRow(header.map((_, index) => (index < textColumns ? '---' : '---:'))), ...rows.map(markdownRow)].join('\n');
}

export function renderMarkdown(report: EvalReport): string {
  const overallRows = METRIC_COLUMNS.map((column) => [`${column.label} — ${column.title}`, ...report.systems.map((system) => formatMetric(system.overall[column.key], column.unit))]);
  const tagHeader = ['slice', 'system', 'n', ...METRIC_COLUMNS.map((column) => column.label)];
  const tagRows = sliceRows(report)
    .filter(([label]) => label !== 'overall')
    .map(([label, system, metrics]) => [label, system, String(metrics.questions), ...metricCells(metrics)]);
  const project = report.systems[0];
  return [
    '# Evaluation report',
    '',
    `Generated ${report.generatedAt}: ${report.title}${report.filter ? `, only tag \`${report.filter}\`` : ''}. ` +
      `Project retrieval mode: **${report.mode}**${report.modelId ? ` (model \`${report.modelId}\`)` : ''}. ` +
      (project ? `${project.overall.questions} questions (${project.overall.answerable} answerable, ${project.overall.unanswerable} unanswerable).` : ''),
    '',
    '## Overall',
    '',
    markdownTable(['metric', ...report.systems.map((system) => `${system.name} (${system.mode})`)], overallRows),
    '',
    '## By set and tag',
    '',
    markdownTable(tagHeader, tagRows, 2),
    '',
    'Metric definitions are in `eval/README.md`.',
    '',
  ].join('\n');
}

export const isFailure = (record: QuestionRecord): boolean => (record.expect === 'answer' ? record.factsFound !== true : record.answered);

const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** For --verbose: what was asked, what was expected, what came back and what was cited. */
export function renderFailures(systemName: string, records: readonly QuestionRecord[]): string {
  const failures = records.filter(isFailure);
  const blocks = failures.map((record) => {
    const expected = record.expect === 'abstain' ? 'an abstention' : record.facts.map((variants) => variants.join(' / ')).join('  +  ');
    const rewrite = record.standalone !== record.question ? `\n  rewritten: ${record.standalone}` : '';
    const cited = record.citations.length > 0 ? record.citations.map((citation) => `${citation.docId}${citation.section ? ` › ${citation.section}` : ''}`).join('; ') : '(none)';
    return [
      `✗ ${record.id} [${record.tags.join(', ')}] ${record.question}${rewrite}`,
      `  expected: ${expected}`,
      `  got (${record.answered ? 'answered' : 'abstained'}): ${shorten(record.answer.replace(/\s+/g, ' '), 400)}`,
      `  cited: ${cited}`,
    ].join('\n');
  });
  return `${systemName}: ${failures.length} of ${records.length} questions failed\n${blocks.join('\n')}\n`;
}
