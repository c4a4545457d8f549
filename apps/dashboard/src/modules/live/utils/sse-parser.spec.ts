import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.js';

describe('SseParser', () => {
  it('parses named events with ids and multi-line data', () => {
    const p = new SseParser();
    const events = p.push('event: item\nid: 7\ndata: {"id":1}\n\n: keep-alive comment\n\ndata: line one\ndata:line two\n\n');
    expect(events).toEqual([
      { event: 'item', data: '{"id":1}', id: '7' },
      { event: 'message', data: 'line one\nline two', id: '7' },
    ]);
  });

  it('joins events split across chunks, including a CRLF split between chunks', () => {
    const p = new SseParser();
    const stream = 'event: alert\r\ndata: {"name":"Olympics"}\r\n\r\nevent: source\rdata: 3\r\r';
    const out = [];
    for (let i = 0; i < stream.length; i += 3) out.push(...p.push(stream.slice(i, i + 3)));
    expect(out).toEqual([
      { event: 'alert', data: '{"name":"Olympics"}', id: null },
      { event: 'source', data: '3', id: null },
    ]);
  });

  it('reads the retry field and ignores an event without data', () => {
    const p = new SseParser();
    expect(p.push('retry: 2500\nevent: item\n\n')).toEqual([]);
    expect(p.retryMs).toBe(2500);
  });
});
