import { describe, expect, it } from 'vitest';
import { createSseParser, readEventStream, type ServerSentEvent } from './sse.js';

const parseAll = (chunks: string[]): ServerSentEvent[] => {
  const events: ServerSentEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  return events;
};

describe('createSseParser', () => {
  it('reads named events with JSON data, ignoring comments', () => {
    const events = parseAll([': keep-alive\n\nevent: citations\ndata: [{"n":1}]\n\nevent: delta\ndata: {"text":"Xin "}\n\n']);
    expect(events).toEqual([
      { event: 'citations', data: '[{"n":1}]' },
      { event: 'delta', data: '{"text":"Xin "}' },
    ]);
  });

  it('joins multi-line data and defaults the event name to "message"', () => {
    expect(parseAll(['data: một\ndata: hai\n\n'])).toEqual([{ event: 'message', data: 'một\nhai' }]);
  });

  it('handles events and CRLF line ends split anywhere across chunks', () => {
    const stream = 'event: delta\r\ndata: {"text":"Bảo hiểm"}\r\n\r\nevent: done\r\ndata: {}\r\n\r\n';
    for (let cut = 1; cut < stream.length; cut += 1) {
      expect(parseAll([stream.slice(0, cut), stream.slice(cut)])).toEqual([
        { event: 'delta', data: '{"text":"Bảo hiểm"}' },
        { event: 'done', data: '{}' },
      ]);
    }
  });

  it('does not emit an event until its blank line arrives', () => {
    expect(parseAll(['event: done\ndata: {}\n'])).toEqual([]);
  });
});

describe('readEventStream', () => {
  it('decodes UTF-8 split inside a character', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"Khánh Hòa"}\n\n');
    const cut = bytes.indexOf(0xc3) + 1; // the middle of "á"
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, cut));
        controller.enqueue(bytes.slice(cut));
        controller.close();
      },
    });
    const events: ServerSentEvent[] = [];
    await readEventStream(body, (event) => events.push(event));
    expect(events).toEqual([{ event: 'delta', data: '{"text":"Khánh Hòa"}' }]);
  });
});
