/**
 * One Redis command over a fresh TCP connection, without a client library:
 * for readiness probes and cluster state polling, where a client's own
 * reconnect logic would only get in the way.
 */
import { connect } from 'node:net';

/**
 * A decoded RESP2 reply: simple/bulk strings, integers, nil, arrays. Error replies reject.
 *
 * @example
 * ```ts
 * const info: RespReply = await respCommand(port, ['CLUSTER', 'INFO']);
 * ```
 */
export type RespReply = string | number | null | RespReply[];

/** Parses one reply from `buffer` at `offset`; `undefined` when more bytes are needed. */
function parse(buffer: Buffer, offset: number): { value: RespReply; end: number } | Error | undefined {
  const lineEnd = buffer.indexOf('\r\n', offset);
  if (lineEnd < 0) return undefined;
  const kind = String.fromCharCode(buffer[offset] ?? 0);
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const next = lineEnd + 2;
  switch (kind) {
    case '+':
      return { value: line, end: next };
    case '-':
      return new Error(line);
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, end: next };
      if (buffer.length < next + length + 2) return undefined;
      return { value: buffer.toString('utf8', next, next + length), end: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RespReply[] = [];
      let at = next;
      for (let i = 0; i < count; i++) {
        const item = parse(buffer, at);
        if (item === undefined || item instanceof Error) return item;
        items.push(item.value);
        at = item.end;
      }
      return { value: items, end: at };
    }
    default:
      return new Error(`unexpected RESP reply type ${JSON.stringify(kind)}`);
  }
}

/**
 * Sends one command to 127.0.0.1:`port` and resolves its reply (an error reply rejects).
 *
 * @example
 * ```ts
 * await respCommand(6379, ['PING']); // 'PONG'
 * ```
 */
export function respCommand(port: number, args: readonly string[], timeoutMs = 10_000): Promise<RespReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const finish = (error: Error | undefined, value?: RespReply) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(value ?? null);
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`no reply from 127.0.0.1:${port} within ${timeoutMs} ms`)));
    socket.once('error', (error) => finish(error));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const reply = parse(received, 0);
      if (reply instanceof Error) finish(reply);
      else if (reply) finish(undefined, reply.value);
    });
    socket.once('connect', () => {
      let command = `*${args.length}\r\n`;
      for (const arg of args) command += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
      socket.write(command);
    });
  });
}
