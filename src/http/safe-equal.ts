import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time string comparison; hashing first makes the time independent of where or whether lengths differ. */
export const safeEqual = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));
