import { z } from 'zod';
import { AppError } from './errors.js';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const port = z.coerce.number({ message: 'must be a number' }).int().min(0).max(65535);

/** Every setting the program reads, from environment variables. Parsed once, at start. */
const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORPUS_DIR: z.string().min(1).default('./corpus'),
  DATA_DIR: z.string().min(1).default('./data'),
  MODELS_DIR: z.string().min(1).default('./models'),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  /** `none` forces lexical-only mode. */
  ALLOW_REMOTE_MODELS: flag.default('false'),
  MODEL_DOWNLOAD_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().positive().default(60_000),
  MAX_BODY_BYTES: z.coerce.number({ message: 'must be a number' }).int().positive().default(64 * 1024),
  /** Questions and feedback posts one client may send per minute; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number({ message: 'must be a number' }).int().min(0).default(60),
  /** Calls per minute to the bot webhooks from one address: Telegram and Zalo send every user's messages from a few. */
  WEBHOOK_RATE_LIMIT_PER_MINUTE: z.coerce.number({ message: 'must be a number' }).int().min(0).default(600),
  /** Behind a reverse proxy: the client is the last X-Forwarded-For address (the one the proxy adds), not the proxy. */
  TRUST_PROXY: flag.default('false'),
  /** Questions may carry personal data: logged as length and hash unless this is set. */
  LOG_QUESTIONS: flag.default('false'),
  /** Feedback (personal data) rotates at this size, keeping FEEDBACK_FILES files in DATA_DIR/feedback. */
  FEEDBACK_MAX_BYTES: z.coerce.number({ message: 'must be a number' }).int().min(4096).default(10 * 1024 * 1024),
  FEEDBACK_FILES: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100).default(5),
  /** Shared answers (DATA_DIR/answers.db, or the PostgreSQL database; questions included) are kept this many days, at most ANSWERS_MAX_ROWS of them. */
  ANSWERS_MAX_AGE_DAYS: z.coerce.number({ message: 'must be a number' }).int().min(1).default(180),
  ANSWERS_MAX_ROWS: z.coerce.number({ message: 'must be a number' }).int().min(100).default(50_000),
  /** Enables the admin page and /api/admin (unset: they answer 404); at least 16 characters, it is the key to the collection. */
  ADMIN_TOKEN: optionalText.pipe(z.string().min(16, { message: 'must be at least 16 characters' }).optional()),
  /** Largest document the admin page accepts (scanned PDFs run to tens of MB); every other request keeps MAX_BODY_BYTES. */
  MAX_UPLOAD_BYTES: z.coerce.number({ message: 'must be a number' }).int().positive().default(50 * 1024 * 1024),
  /**
   * Selects PostgreSQL for the collection (several app servers sharing one database); unset keeps the embedded SQLite
   * database in DATA_DIR. `postgres://user:password@host:5432/database`.
   */
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .url({ message: 'must be a postgres:// URL' })
      .refine((url) => /^postgres(ql)?:$/u.test(new URL(url).protocol), { message: 'must be a postgres:// URL' })
      .optional(),
  ),
  /** Connections each app server keeps open to PostgreSQL (answers read in parallel; the database's max_connections bounds the sum). */
  DATABASE_POOL_SIZE: z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(10),
  /** Public base URL of the web app, used for links from the bots. */
  PUBLIC_URL: optionalText.pipe(z.string().url({ message: 'must be a URL' }).optional()),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  /** The bot's @username: lets the webhook answer without asking Telegram (getMe) first. */
  TELEGRAM_BOT_USERNAME: optionalText.pipe(
    z.string().regex(/^@?\w{5,32}$/, { message: 'must be the bot username' }).transform((name) => name.replace(/^@/, '')).optional(),
  ),
  TELEGRAM_API_ROOT: z.string().url({ message: 'must be a URL' }).default('https://api.telegram.org'),
  ZALO_APP_ID: optionalText,
  ZALO_OA_SECRET_KEY: optionalText,
  ZALO_APP_SECRET: optionalText,
  ZALO_ACCESS_TOKEN: optionalText,
  ZALO_REFRESH_TOKEN: optionalText,
  ZALO_API_BASE: z.string().url({ message: 'must be a URL' }).default('https://openapi.zalo.me'),
  ZALO_OAUTH_BASE: z.string().url({ message: 'must be a URL' }).default('https://oauth.zaloapp.com'),
  /** An OpenAI-compatible API's `/v1` base (Ollama, vLLM, llama.cpp's server, a hosted API): answers are then written by its model. Unset: extractive only. */
  LLM_BASE_URL: optionalText.pipe(z.string().url({ message: 'must be a URL' }).regex(/^https?:\/\//i, { message: 'must be an http(s) URL' }).optional()),
  /** The model's name as that server knows it ("qwen2.5:7b-instruct"); required with LLM_BASE_URL. */
  LLM_MODEL: optionalText,
  LLM_API_KEY: optionalText,
  /** Bound on one model call, first token to last; past it the extractive answer is given. */
  LLM_TIMEOUT_MS: z.coerce.number({ message: 'must be a number' }).int().positive().default(20_000),
}).superRefine((config, context) => {
  if (config.LLM_BASE_URL && !config.LLM_MODEL) context.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: 'must be set when LLM_BASE_URL is' });
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment once; a bad setting fails with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = {}): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(present[String(issue.path[0])])})`);
  throw new AppError('config_invalid', `Invalid configuration:\n  ${problems.join('\n  ')}`);
}
