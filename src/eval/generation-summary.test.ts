import { describe, expect, it } from 'vitest';
import { generationSummary } from './generation-summary.js';
import type { QuestionRecord } from './metrics.js';

const record = (overrides: Partial<QuestionRecord>) => overrides as QuestionRecord;

describe('generationSummary', () => {
  it('counts the answers the model wrote and the reasons for the others, most frequent first', () => {
    const records = [
      record({ answeredBy: 'llm' }),
      record({ answeredBy: 'llm' }),
      record({ answeredBy: 'extractive', fallbackReason: 'timeout' }),
      record({ answeredBy: 'extractive', fallbackReason: 'unsupported_figure' }),
      record({ answeredBy: 'extractive', fallbackReason: 'unsupported_figure' }),
      record({ answeredBy: 'extractive' }),
    ];
    expect(generationSummary(records)).toBe('LLM: 2 of 6 answers written by the model; extractive: unsupported_figure 2, timeout 1, not asked (abstention) 1');
  });
});
