import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON log lines. The server writes them to stdout for its log collector; command-line tools pass
 * `'stderr'` so their own output stays readable and pipeable.
 */
export const createLogger = (level: string = 'info', to: 'stdout' | 'stderr' = 'stdout'): Logger =>
  pino({ level, base: undefined }, pino.destination(to === 'stderr' ? 2 : 1));

/** For tests and library use: a logger that writes nothing. */
export const silentLogger: Logger = pino({ level: 'silent' });
