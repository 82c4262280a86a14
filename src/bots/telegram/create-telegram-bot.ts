import { randomBytes } from 'node:crypto';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, InlineKeyboard, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { AskResult } from '../../types.js';
import { FAILURE_TEXT, requestedPage } from '../bot-texts.js';
import { BoundedMap } from '../../bounded-map.js';
import type { AdapterDeps } from '../adapter-deps.js';
import {
  citationPageCount,
  escapeHtml,
  formatCitationMessage,
  formatDocumentList,
  formatHelp,
  formatTelegramAnswer,
  formatWelcome,
} from './format-telegram.js';

export interface TelegramBotDeps extends AdapterDeps {
  token: string;
  apiRoot: string;
  /** The bot's username (TELEGRAM_BOT_USERNAME): without it grammY asks Telegram (getMe) before the first update. */
  username?: string;
  fetch?: typeof fetch;
  /** How many answers keep working citation-paging buttons. */
  pagedAnswers?: number;
}

interface PagedAnswer {
  result: AskResult;
  answerInLast: boolean;
}

const PAGE_DATA = /^cites:([\w-]+):(\d+)$/;
const LIST_DATA = /^docs:(\d+)$/;
// Telegram shows "typing…" for about 5 seconds per chat action.
const TYPING_REFRESH_MS = 4_500;

const html = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

/**
 * Telegram's flood limits (429 with retry_after) are waited out, but boundedly: replies run in a chat's
 * background queue, so a long wait would hold that chat's next answers. Network errors and 5xx are not
 * retried here (the plugin retries those without any bound); every call already times out and a failed
 * reply is logged.
 */
export const FLOOD_RETRY = { maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true, rethrowInternalServerErrors: true } as const;

/** What getMe would say, from configuration: grammY needs it to match commands addressed as `/help@username`. */
const configuredBotInfo = (token: string, username: string): UserFromGetMe => ({
  // A token is `<bot id>:<secret>`.
  id: Number.parseInt(token, 10) || 0,
  is_bot: true,
  first_name: username,
  username,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
});

function pagingKeyboard(id: string, page: number, pages: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (page > 0) keyboard.text('◂ Nguồn trước', `cites:${id}:${page - 1}`);
  if (page < pages - 1) keyboard.text('Nguồn tiếp ▸', `cites:${id}:${page + 1}`);
  return keyboard;
}

/** "Trang trước / Trang sau" under a page of /tailieu (pages from 1); none when the list fits one page. */
function listKeyboard({ page, pages }: { page: number; pages: number }): InlineKeyboard | undefined {
  if (pages <= 1) return undefined;
  const keyboard = new InlineKeyboard();
  if (page > 1) keyboard.text('◂ Trang trước', `docs:${page - 1}`);
  if (page < pages) keyboard.text('Trang sau ▸', `docs:${page + 1}`);
  return keyboard;
}

/** Edits a message in place; a double tap asks for what is already shown, which Telegram refuses and is fine. */
async function editInPlace(ctx: Context, text: string, keyboard: InlineKeyboard | undefined): Promise<void> {
  try {
    await ctx.editMessageText(text, { ...html, ...(keyboard ? { reply_markup: keyboard } : {}) });
  } catch (error) {
    if (!(error instanceof GrammyError && error.description.includes('message is not modified'))) throw error;
  }
}

/**
 * The Telegram bot: /start, /help, /tailieu, citation paging, and every other text message
 * answered as a question. Answers run on `tasks` so the update handler returns at once.
 */
export function createTelegramBot(deps: TelegramBotDeps): Bot {
  const { answerer, catalogue, history, tasks, logger, publicUrl } = deps;
  const bot = new Bot(deps.token, {
    botInfo: deps.username ? configuredBotInfo(deps.token, deps.username) : undefined,
    client: { apiRoot: deps.apiRoot, ...(deps.fetch ? { fetch: deps.fetch as never } : {}) },
  });
  bot.api.config.use(autoRetry(FLOOD_RETRY));
  const paged = new BoundedMap<string, PagedAnswer>(deps.pagedAnswers ?? 500);
  const pageOptions = () => ({ documents: catalogue(), publicUrl });

  bot.command('start', async (ctx) => {
    history.forget(`telegram:${ctx.chat.id}`);
    await ctx.reply(formatWelcome(catalogue()), html);
  });
  bot.command('help', (ctx) => ctx.reply(formatHelp(), html));
  bot.command('tailieu', async (ctx) => {
    const list = formatDocumentList(catalogue(), requestedPage(ctx.match));
    const keyboard = listKeyboard(list);
    await ctx.reply(list.text, { ...html, ...(keyboard ? { reply_markup: keyboard } : {}) });
  });
  bot.callbackQuery(LIST_DATA, async (ctx) => {
    const list = formatDocumentList(catalogue(), Number(ctx.match[1]));
    await editInPlace(ctx, list.text, listKeyboard(list));
    await ctx.answerCallbackQuery();
  });

  bot.callbackQuery(PAGE_DATA, async (ctx) => {
    const [, id, pageText] = ctx.match;
    const entry = paged.get(id);
    const page = Number(pageText);
    const pages = entry ? citationPageCount(entry.result) : 0;
    if (!entry || page >= pages) {
      await ctx.answerCallbackQuery({ text: 'Danh sách nguồn này đã hết hạn, vui lòng hỏi lại.' });
      return;
    }
    await editInPlace(ctx, formatCitationMessage(entry.result, page, entry.answerInLast, pageOptions()), pagingKeyboard(id, page, pages));
    await ctx.answerCallbackQuery();
  });

  bot.on('message:text', async (ctx) => {
    const question = ctx.message.text.trim();
    if (question.startsWith('/')) {
      await ctx.reply(`Không có lệnh ${escapeHtml(question.split(/\s/)[0])}.\n\n${formatHelp()}`, html);
      return;
    }
    if (question === '') return;
    // The history and task queue are shared with Zalo, whose user ids could collide with chat ids.
    const chatKey = `telegram:${ctx.chat.id}`;
    tasks.run(chatKey, () => answerQuestion(ctx, chatKey, question));
  });

  async function answerQuestion(ctx: Context, chatKey: string, question: string): Promise<void> {
    const chatId = ctx.chat!.id;
    const typing = () => ctx.api.sendChatAction(chatId, 'typing').catch(() => undefined);
    void typing();
    const timer = setInterval(typing, TYPING_REFRESH_MS);
    let result: AskResult;
    try {
      result = await answerer.ask({ question, history: history.get(chatKey) });
    } catch (error) {
      logger.error({ err: error, chatId }, 'telegram: answering failed');
      await ctx.api.sendMessage(chatId, escapeHtml(FAILURE_TEXT), html);
      return;
    } finally {
      clearInterval(timer);
    }

    const reply = formatTelegramAnswer(result, pageOptions());
    const id = randomBytes(6).toString('base64url');
    if (reply.pages > 1) paged.set(id, { result, answerInLast: reply.answerInLast });
    for (const [index, text] of reply.texts.entries()) {
      const last = index === reply.texts.length - 1;
      await ctx.api.sendMessage(chatId, text, {
        ...html,
        ...(index === 0 ? { reply_parameters: { message_id: ctx.msg!.message_id, allow_sending_without_reply: true } } : {}),
        ...(last && reply.pages > 1 ? { reply_markup: pagingKeyboard(id, 0, reply.pages) } : {}),
      });
    }
    history.record(chatKey, question, result.answer);
  }

  bot.catch(({ error, ctx }) => logger.error({ err: error, updateId: ctx.update.update_id }, 'telegram: update failed'));
  return bot;
}
