import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { openPipeline } from '../pipeline.js';

const USAGE = 'Usage: npm run ask -- "câu hỏi" [--doc <docId>]... [--json]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { doc: { type: 'string', multiple: true }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const question = positionals.join(' ').trim();
  if (values.help || !question) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig(process.env);
  // Only problems (such as lexical-only mode) reach the terminal; the answer is the output.
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 'stderr');
  const { answerer } = await openPipeline(config, logger);
  const result = await answerer.ask({ question, docIds: values.doc });
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  if (result.question !== question) console.log(`(câu hỏi được hiểu là: ${result.question})\n`);
  console.log(result.answer);
  if (result.citations.length > 0) {
    console.log('\nTrích dẫn:');
    for (const citation of result.citations) {
      console.log(`[${citation.n}] ${citation.docId} › ${citation.section} (ký tự ${citation.start}–${citation.end})`);
      console.log(`    “${citation.quote.replace(/\s+/g, ' ').trim()}”`);
    }
  }
  const by = result.answeredBy === 'llm' ? ' · written by the LLM' : result.fallbackReason ? ` · extractive (LLM answer not given: ${result.fallbackReason})` : '';
  console.log(`\n${result.mode}${by} · ${result.timings.totalMs} ms`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof AppError ? error.message : error);
    process.exit(1);
  },
);
