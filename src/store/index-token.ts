/**
 * One analyzer term as one index token: word pairs and dates joined by "_" ("sức khỏe" → "sức_khỏe"). Both stores
 * index these tokens (SQLite's FTS5 and PostgreSQL's tsvector), so that they rank the same terms.
 */
export const ftsToken = (term: string): string => term.replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/gu, '');
