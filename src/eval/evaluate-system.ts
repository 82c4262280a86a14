// Runs one system over the set, question by question (sequentially, so latencies are not inflated by each other).
import { AppError } from '../errors.js';
import type { Answerer, AskResult, Retriever, SourceDocument } from '../types.js';
import type { EvalQuestion } from './load-eval-set.js';
import { hasAllFacts, isGoldDocument, isValidCitation, retrievalRanks, type QuestionRecord } from './metrics.js';

/** Anything that answers and retrieves: the project's pipeline or a baseline. */
export interface EvalSystem {
  readonly name: string;
  readonly answerer: Answerer;
  readonly retriever: Retriever;
}

const RANK_DEPTH = 10;

export async function evaluateSystem(system: EvalSystem, questions: readonly (EvalQuestion & { set: string })[], documents: readonly SourceDocument[]): Promise<QuestionRecord[]> {
  const byId = new Map(documents.map((doc) => [doc.meta.id, doc]));
  const records: QuestionRecord[] = [];
  for (const entry of questions) {
    const started = performance.now();
    let result: AskResult;
    try {
      result = await system.answerer.ask({ question: entry.question, history: entry.history });
    } catch (cause) {
      throw new AppError('internal', `${system.name} failed on ${entry.id} (${entry.question}): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
    const latencyMs = performance.now() - started;
    // Retrieval is scored on the question the system actually answered: the rewrite of a follow-up.
    const hits = entry.gold.length > 0 ? await system.retriever.search(result.question, { topK: RANK_DEPTH }) : [];
    const { docRank, sectionRank } = retrievalRanks(
      hits.map((hit) => hit.chunk),
      entry.gold,
      RANK_DEPTH,
    );
    records.push({
      id: entry.id,
      set: entry.set,
      question: entry.question,
      tags: entry.tags,
      expect: entry.expect,
      standalone: result.question,
      answer: result.answer,
      answered: result.answered,
      facts: entry.facts,
      factsFound: entry.expect === 'answer' ? result.answered && hasAllFacts(result.answer, entry.facts) : null,
      hasGold: entry.gold.length > 0,
      docRank,
      sectionRank,
      citations: result.citations.map((citation) => ({
        docId: citation.docId,
        section: citation.section,
        fromGold: isGoldDocument(citation, entry.gold),
        valid: isValidCitation(citation, byId.get(citation.docId)),
      })),
      latencyMs,
      answeredBy: result.answeredBy,
      ...(result.fallbackReason ? { fallbackReason: result.fallbackReason } : {}),
    });
  }
  return records;
}
