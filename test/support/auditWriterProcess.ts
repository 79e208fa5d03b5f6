/**
 * A process that appends audit events with jsonlAuditSink, for the tests
 * where processes are the thing tested (several writers on one file, a
 * writer killed mid-write). Arguments (JSON): { path, writer, count, burst,
 * padding, sync }. Writes `count` events (all if `count` is 0: forever) in
 * bursts of `burst` events passed in one go (so each burst is one batch, one
 * write), and prints `ack <index>` after each burst is acknowledged.
 * Event i of writer w has session id `w<w>-<i>`.
 */
import { jsonlAuditSink } from '../../src/audit/node/index.js';
import { writerEvent } from './auditWriterEvents.js';

interface Args {
  path: string;
  writer: number;
  count: number;
  burst: number;
  padding: number;
  sync: 'none' | 'datasync';
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const sink = jsonlAuditSink(args.path, { sync: args.sync });

let i = 0;
while (args.count === 0 || i < args.count) {
  const end = args.count === 0 ? i + args.burst : Math.min(args.count, i + args.burst);
  const acks: Promise<void>[] = [];
  for (; i < end; i++) acks.push(sink(writerEvent(args.writer, i, args.padding)));
  await Promise.all(acks);
  process.stdout.write(`ack ${i - 1}\n`);
}
await sink.close();
