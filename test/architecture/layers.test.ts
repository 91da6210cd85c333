// Architecture invariants, checked on the source (ARCHITECTURE.md, "Architecture invariants"):
// each layer imports only the layers below it, and only through their index.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');

type Layer = 'analysis' | 'protocol' | 'node' | 'server' | 'cli' | 'extension';

interface Rule {
  /** Layers this one may import (its own layer always). */
  layers: Layer[];
  /** npm packages (exact names or prefixes ending in '/') it may import; `node:` builtins only where `nodeBuiltins`. */
  packages: string[];
  nodeBuiltins: boolean;
}

const RULES: Record<Layer, Rule> = {
  // Pure TypeScript: no editor, no protocol, no Node.
  analysis: { layers: [], packages: ['compromise'], nodeBuiltins: false },
  protocol: { layers: ['analysis'], packages: ['vscode-languageserver-protocol'], nodeBuiltins: false },
  node: { layers: ['analysis'], packages: [], nodeBuiltins: true },
  server: {
    layers: ['analysis', 'protocol', 'node'],
    packages: ['vscode-languageserver', 'vscode-languageserver/', 'vscode-languageserver-protocol', 'vscode-languageserver-textdocument', 'minimatch'],
    nodeBuiltins: true,
  },
  // The CLI never loads the LSP libraries: no protocol, no server.
  cli: { layers: ['analysis', 'node'], packages: [], nodeBuiltins: true },
  extension: { layers: ['protocol'], packages: ['vscode', 'vscode-languageclient/', 'vscode-languageserver-protocol'], nodeBuiltins: true },
};

/** Layers whose index is the only door for the layers above ("import from src/analysis, not src/analysis/dates/…"). */
const INDEXED: Layer[] = ['analysis', 'node'];
/**
 * Leaf modules (no imports, no work at load) that may be imported directly, so the extension
 * gets them through src/protocol without bundling the analysis.
 */
const LEAVES = ['analysis/errors', 'analysis/kinds', 'analysis/markdown'];

export interface Violation {
  file: string;
  specifier: string;
  why: string;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(IMPORT)) found.push(m[1] ?? m[2] ?? m[3]);
  return found;
}

const layerOf = (file: string): Layer | null => {
  const first = path.relative(SRC, file).split(path.sep)[0];
  return first in RULES ? (first as Layer) : null;
};

/** The violations of one source file's imports. */
export function checkFile(file: string, source: string): Violation[] {
  const layer = layerOf(file);
  if (!layer) return [];
  const rule = RULES[layer];
  const out: Violation[] = [];
  for (const specifier of importsOf(source)) {
    if (specifier.startsWith('.')) {
      const target = path.resolve(path.dirname(file), specifier);
      if (target.endsWith('.json') && path.dirname(target) === ROOT) continue; // package.json (name, version)
      const targetLayer = layerOf(target);
      if (!targetLayer) {
        out.push({ file, specifier, why: 'imports from outside src/' });
        continue;
      }
      if (targetLayer === layer) continue;
      if (!rule.layers.includes(targetLayer)) {
        out.push({ file, specifier, why: `${layer} may not import ${targetLayer}` });
        continue;
      }
      const leaf = LEAVES.some((l) => target === path.join(SRC, l));
      if (INDEXED.includes(targetLayer) && target !== path.join(SRC, targetLayer) && !leaf) {
        out.push({ file, specifier, why: `${layer} imports ${targetLayer} through its index only (src/${targetLayer})` });
      }
    } else if (specifier.startsWith('node:')) {
      if (!rule.nodeBuiltins) out.push({ file, specifier, why: `${layer} may not import Node built-ins` });
    } else if (!rule.packages.some((p) => (p.endsWith('/') ? specifier.startsWith(p) : specifier === p))) {
      out.push({ file, specifier, why: `${layer} may not import the package ${specifier}` });
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.generated.ts')) files.push(full);
  }
  return files;
}

describe('architecture: layers import only the layers below them, through their index', () => {
  it('keeps the leaves leaves: they import nothing', () => {
    for (const leaf of LEAVES) assert.deepEqual(importsOf(fs.readFileSync(path.join(SRC, `${leaf}.ts`), 'utf8')), [], leaf);
  });

  it('holds for every source file', () => {
    const violations = sourceFiles(SRC).flatMap((file) => checkFile(file, fs.readFileSync(file, 'utf8')));
    assert.deepEqual(
      violations.map((v) => `${path.relative(ROOT, v.file)}: '${v.specifier}': ${v.why}`),
      [],
    );
  });

  it('catches each kind of crossing (the check itself can fail)', () => {
    const at = (p: string) => path.join(SRC, p);
    const why = (file: string, source: string) => checkFile(at(file), source).map((v) => v.why);
    assert.deepEqual(why('analysis/x.ts', "import * as vscode from 'vscode';"), ['analysis may not import the package vscode']);
    assert.deepEqual(why('analysis/x.ts', "import { readFileSync } from 'node:fs';"), ['analysis may not import Node built-ins']);
    assert.deepEqual(why('cli/x.ts', "import { writeFileAtomic } from '../server/annotations/files';"), ['cli may not import server']);
    assert.deepEqual(why('cli/x.ts', "import { checkText } from '../protocol';"), ['cli may not import protocol']);
    assert.deepEqual(why('server/x.ts', "import { formatTimexValue } from '../analysis/dates/formatTimex';"), [
      'server imports analysis through its index only (src/analysis)',
    ]);
    assert.deepEqual(why('extension/x.ts', "import { analyzeArticle } from '../analysis';"), ['extension may not import analysis']);
    assert.deepEqual(why('node/x.ts', "export { hover } from '../server/hover';"), ['node may not import server']);
    assert.deepEqual(why('server/x.ts', "const m = await import('../extension/client');"), ['server may not import extension']);
    assert.deepEqual(why('server/x.ts', "import { analyzeArticle } from '../analysis';\nimport { writeFileAtomic } from '../node';"), []);
    assert.deepEqual(why('protocol/x.ts', "export { errorMessage } from '../analysis/errors';"), []);
  });
});
