/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, or `BENCH_PROFILE=dir npm run bench`):
 * the functions with the most self time, and the most inclusive time.
 *
 *   node --import tsx bench/profile.ts <file.cpuprofile> [rows=40]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/profile.ts <file.cpuprofile> [rows]');
const profile: CpuProfile = JSON.parse(readFileSync(file, 'utf8'));
const rows = Number(rowsArg ?? 40);

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(node_modules\/)?/, '')}:${node.callFrame.lineNumber + 1}`;

const timeOf = new Map<number, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  timeOf.set(id, (timeOf.get(id) ?? 0) + dt);
  total += dt;
});
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, time] of timeOf) {
  const node = byId.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + time);
  // Counted once per stack even when a function recurses.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = label(byId.get(at)!);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + time);
  }
}
const print = (title: string, times: Map<string, number>) => {
  console.log(title);
  for (const [name, time] of [...times].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${((100 * time) / total).toFixed(1).padStart(6)}%  ${name}`);
};
print(`self time (${(total / 1000).toFixed(0)} ms sampled)`, self);
print('\ninclusive time', inclusive);
