import { createHmac, randomBytes } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /** LOG_QUESTIONS: log a question word for word instead of its length and hash. */
  logQuestions?: boolean;
  /** Where the lines go instead of stdout or stderr (tests). */
  destination?: DestinationStream;
}

/**
 * Replaces a question by its length and a short hash, enough to tell repeats apart and nothing more: people
 * type ID numbers and e-mail addresses into questions. The hash is keyed with a random key made here, once per
 * logger, so a guessed question cannot be checked against the log.
 */
export function questionDigest(): (question: unknown) => unknown {
  const key = randomBytes(32);
  return (question) =>
    typeof question === 'string' ? { chars: question.length, hash: createHmac('sha256', key).update(question).digest('hex').slice(0, 12) } : question;
}

/**
 * JSON log lines. The server writes them to stdout for its log collector; command-line tools pass
 * `'stderr'` so their own output stays readable and pipeable. A field named `question`, in any line of this
 * logger or its children, goes through questionDigest unless `logQuestions`: log a question under that name.
 */
export const createLogger = (level: string = 'info', to: 'stdout' | 'stderr' = 'stdout', { logQuestions = false, destination }: LoggerOptions = {}): Logger =>
  pino({ level, base: undefined, serializers: logQuestions ? {} : { question: questionDigest() } }, destination ?? pino.destination(to === 'stderr' ? 2 : 1));

/** For tests and library use: a logger that writes nothing. */
export const silentLogger: Logger = pino({ level: 'silent' });
