import { pino, type Logger } from 'pino';

export type { Logger };

export const createLogger = (level: string = 'info'): Logger => pino({ level, base: undefined });

/** For tests and library use: a logger that writes nothing. */
export const silentLogger: Logger = pino({ level: 'silent' });
