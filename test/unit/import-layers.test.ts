import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * The folders of src/ form layers: no import cycle between them (a cycle means neither folder can
 * be read, tested or changed without the other). An edge a -> b is any relative import, `import
 * type` included: a type shared by two folders is a dependency of design too, and belongs in the
 * lower one. Files directly in src/ (the composition root) count as the folder "(root)".
 */
const SRC = resolve(__dirname, '../../src');

type Graph = Map<string, Map<string, string[]>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0] : '(root)';
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Folder -> folder -> the imports (file: specifier) that make the edge. */
export function folderGraph(root = SRC): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(root)) {
    const from = folderOf(file);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveImport(file, fileName);
      if (!target || !target.startsWith(SRC + sep)) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges.set(to, [...(edges.get(to) ?? []), `${relative(SRC, file)}: '${fileName}'`]));
    }
  }
  return graph;
}

/** One cycle per strongly connected group of folders (Tarjan), each as a path a -> ... -> a. */
export function cyclesOf(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups.map((group) => pathWithin(graph, new Set(group)));
}

/** A shortest way from the group's first folder back to itself, through the group only. */
function pathWithin(graph: Graph, group: Set<string>): string[] {
  const start = [...group].sort()[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0])!);
        return [...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}

function describeCycle(graph: Graph, cycle: string[]): string {
  const steps = cycle.slice(1).map((to, i) => `  ${cycle[i]} -> ${to}, e.g. ${graph.get(cycle[i])!.get(to)![0]}`);
  return `${cycle.join(' -> ')}\n${steps.join('\n')}`;
}

describe('import layers of src/', () => {
  test('finds a cycle in a graph that has one, and none in a layered one', () => {
    const edge = (pairs: Array<[string, string]>): Graph => {
      const graph: Graph = new Map();
      for (const [from, to] of pairs) graph.set(from, (graph.get(from) ?? new Map<string, string[]>()).set(to, [`${from}.ts`]));
      return graph;
    };
    expect(
      cyclesOf(
        edge([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['c', 'd'],
        ]),
      ),
    ).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      cyclesOf(
        edge([
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ]),
      ),
    ).toEqual([]);
  });

  test('no import cycle between src/ folders', () => {
    const graph = folderGraph();
    // The graph is read from the real files: an empty one would pass for the wrong reason.
    expect(graph.get('reports')?.has('common')).toBe(true);
    const cycles = cyclesOf(graph).map((cycle) => describeCycle(graph, cycle));
    expect(cycles).toEqual([]);
  });
});
