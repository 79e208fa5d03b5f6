/**
 * Every `ts` code block in the README compiles under `tsc --strict` against the
 * library's sources, as a user would write it (imports by package name). Host
 * objects a snippet leans on (a database, a logger, a render function) are
 * declared in readme-host.d.ts. A snippet that stops compiling fails CI.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HOST = join(ROOT, 'test/docs/readme-host.d.ts');

/** The README's `ts` blocks with the line each starts on. */
function blocks(markdown: string): { line: number; code: string }[] {
  const found: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ts\s*$/.test(lines[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    found.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return found;
}

describe('README code', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const snippets = blocks(readme);

  it('has TypeScript examples', () => {
    expect(snippets.length).toBeGreaterThan(5);
  });

  it('compiles every ts block with tsc --strict', () => {
    const files = new Map(snippets.map((s, i) => [join(ROOT, `test/docs/.readme-${i}.ts`), `${s.code}\nexport {};\n`]));
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
      isolatedModules: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      baseUrl: ROOT,
      paths: { 'safecall-pl': ['./src/index.ts'], 'safecall-pl/*': ['./src/*/index.ts'] },
    };
    const host = ts.createCompilerHost(options);
    const read = host.readFile.bind(host);
    const exists = host.fileExists.bind(host);
    const source = host.getSourceFile.bind(host);
    host.readFile = (file) => files.get(file) ?? read(file);
    host.fileExists = (file) => files.has(file) || exists(file);
    host.getSourceFile = (file, language, onError, fresh) => {
      const text = files.get(file);
      return text === undefined ? source(file, language, onError, fresh) : ts.createSourceFile(file, text, language);
    };
    const program = ts.createProgram([...files.keys(), HOST], options, host);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.has(d.file.fileName))
      .map((d) => {
        const index = [...files.keys()].indexOf(d.file!.fileName);
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `README.md:${snippets[index]!.line + line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
  });
});
