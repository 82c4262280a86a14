export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Incremental text/event-stream parser (the WHATWG rules we need: `event`/`data` fields, multi-line data, comments,
 * CR/LF/CRLF line ends split anywhere across chunks). EventSource can't POST, so the chat reads the stream itself.
 */
export function createSseParser(onEvent: (event: ServerSentEvent) => void): { push(text: string): void } {
  let buffer = '';
  let eventName = '';
  let data: string[] = [];

  const processLine = (line: string): void => {
    if (line === '') {
      if (data.length > 0) onEvent({ event: eventName || 'message', data: data.join('\n') });
      eventName = '';
      data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') data.push(value);
  };

  return {
    push(text) {
      buffer += text;
      for (;;) {
        const index = buffer.search(/[\r\n]/);
        if (index === -1) return;
        // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
        if (buffer[index] === '\r' && index === buffer.length - 1) return;
        const width = buffer[index] === '\r' && buffer[index + 1] === '\n' ? 2 : 1;
        processLine(buffer.slice(0, index));
        buffer = buffer.slice(index + width);
      }
    },
  };
}

/** Reads a streamed response body to its end, calling `onEvent` for each complete event. */
export async function readEventStream(body: ReadableStream<Uint8Array>, onEvent: (event: ServerSentEvent) => void): Promise<void> {
  const parser = createSseParser(onEvent);
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(decoder.decode(value, { stream: true }));
  }
  parser.push(decoder.decode());
}
