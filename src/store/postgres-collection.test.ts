import { describe, expect, it } from 'vitest';
import { isUnreachable } from './postgres-collection.js';

describe('isUnreachable', () => {
  it('tells a database that cannot be reached from a query that is wrong', () => {
    const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    expect(isUnreachable(withCode('ECONNREFUSED'))).toBe(true);
    expect(isUnreachable(withCode('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isUnreachable(withCode('08006'))).toBe(true);
    expect(isUnreachable(withCode('53300', 'too many connections'))).toBe(true);
    expect(isUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnreachable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isUnreachable(withCode('42P01', 'relation "chunks" does not exist'))).toBe(false);
    expect(isUnreachable(new TypeError("Cannot read properties of undefined (reading 'rows')"))).toBe(false);
  });
});
