import type { KnowledgeBase, Retriever, SearchHit, SearchOptions } from '../types.js';
import { analyzeQuestion } from './analyze-question.js';
import { questionScope } from './question-scope.js';

/**
 * Retrieval as the answerer does it, for people and tools that search with a question: place names and plan
 * numbers limit the plans, question words are dropped, English goes through the glossary.
 */
export function createQuestionRetriever(knowledge: KnowledgeBase, retriever: Retriever): Retriever {
  return {
    mode: retriever.mode,
    search(question: string, options: SearchOptions = {}): Promise<SearchHit[]> {
      const metas = knowledge.catalogue();
      const analyzed = analyzeQuestion(question, { documents: metas, abbreviations: knowledge.lexical.abbreviations });
      const scope = questionScope(analyzed, metas, options.docIds);
      return retriever.search(analyzed.searchText, { ...options, docIds: scope ?? undefined });
    },
  };
}
