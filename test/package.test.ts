/**
 * The package as others get it: what `npm pack` ships, the README's library example type-checked
 * and run from a folder outside the project with the package linked into its node_modules, the
 * CLI run from the unpacked tarball (its data files found beside its own code), and every
 * dependency earning its place by an import found in the code.
 *
 * Runs on the built `dist/` (`npm test` builds first); packs with `--ignore-scripts` so that
 * the test does not rebuild.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fg from 'fast-glob';
import ts from 'typescript';
import { processFile } from '../src/pipeline.js';
import { DocumentKind, type DocumentRecord } from '../src/record.js';
import { SEEDS, goldNames, inputsOf } from './helpers/fixtures.js';

const ROOT = resolve('.');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

interface PackageJson {
  name: string;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  files?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

// --- Import specifiers, read with TypeScript's parser --------------------------------------

/**
 * Every module a file names: static imports and re-exports (type-only too), `import x =
 * require()`, `import('…')` and `typeof import('…')`, `require('…')` and
 * `createRequire(…)('…')`, and `/// <reference types>` (as `@types/…`).
 */
function moduleSpecifiers(fileName: string, text: string): string[] {
  const kind = /\.[cm]?ts$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) literal(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const dynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const require = ts.isIdentifier(callee) && callee.text === 'require';
      const createdRequire = ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'createRequire';
      if (dynamicImport || require || createdRequire) literal(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const reference of source.typeReferenceDirectives) found.push(`@types/${reference.fileName}`);
  return found;
}

const BUILTINS = new Set(builtinModules);

/** The npm package a specifier names (`@scope/name` or `name`), or null for a path or a Node built-in. */
function packageOf(specifier: string): string | null {
  if (/^(\.|\/|node:|[a-z]+:\/\/)/.test(specifier) || specifier.startsWith('<')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (BUILTINS.has(name)) return null;
  return name;
}

/** The package a `@types/…` package types (`@types/scope__name` types `@scope/name`). */
const typedPackage = (types: string) => types.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2');

interface Usage {
  /** Packages the library and CLI import (src/). */
  runtime: Set<string>;
  /** Packages scripts/ and test/ import, and those configuration names (jest, tsconfig `types`, npm scripts' commands). */
  development: Set<string>;
  /** Whether any code imports a Node built-in (what @types/node types). */
  builtins: boolean;
  /** The optional and peer dependencies of each package src imports, from its installed package.json. */
  loadedBy: Map<string, Set<string>>;
}

function packagesIn(files: string[], into: Set<string>): boolean {
  let builtins = false;
  for (const file of files) {
    for (const specifier of moduleSpecifiers(file, readFileSync(join(ROOT, file), 'utf8'))) {
      const name = packageOf(specifier);
      if (name) into.add(name);
      else if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) builtins = true;
    }
  }
  return builtins;
}

function installedPackage(name: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as PackageJson & { bin?: Record<string, string> | string };
  } catch {
    return null;
  }
}

function findUsage(): Usage {
  const runtime = new Set<string>();
  const development = new Set<string>();
  const sourceFiles = fg.sync(['src/**/*.{ts,mts,cts,js,mjs,cjs}'], { cwd: ROOT });
  const developmentFiles = fg.sync(['scripts/**/*.{ts,mts,cts,js,mjs,cjs}', 'test/**/*.{ts,mts,cts,js,mjs,cjs}', '*.config.{js,mjs,cjs,ts}'], { cwd: ROOT });
  let builtins = packagesIn(sourceFiles, runtime);
  builtins = packagesIn(developmentFiles, development) || builtins;
  // Configuration: a Jest config names its preset, transforms and reporters as strings.
  for (const file of fg.sync(['jest.config.{js,mjs,cjs,ts}'], { cwd: ROOT })) {
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node)) {
        const name = packageOf(node.text);
        if (name && installedPackage(name)) development.add(name);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  // tsconfig `types` entries are @types packages.
  for (const file of fg.sync(['tsconfig*.json'], { cwd: ROOT })) {
    const { config } = ts.readConfigFile(join(ROOT, file), ts.sys.readFile) as { config?: { compilerOptions?: { types?: string[] } } };
    for (const name of config?.compilerOptions?.types ?? []) development.add(name.startsWith('@') ? `@types/${name.slice(1).replace('/', '__')}` : `@types/${name}`);
  }
  // npm scripts: a command word that is a package's bin, or a path into its folder.
  const declared = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  const words = Object.values(pkg.scripts ?? {}).flatMap((command) => command.split(/[\s;&|()]+/));
  for (const name of declared) {
    const installed = installedPackage(name) as { bin?: Record<string, string> | string } | null;
    const bins = typeof installed?.bin === 'string' ? [name.split('/').pop()!] : Object.keys(installed?.bin ?? {});
    if (words.some((word) => bins.includes(word) || word.includes(`node_modules/${name}/`))) development.add(name);
  }
  const loadedBy = new Map<string, Set<string>>();
  for (const name of runtime) {
    const installed = installedPackage(name);
    loadedBy.set(name, new Set([...Object.keys(installed?.optionalDependencies ?? {}), ...Object.keys(installed?.peerDependencies ?? {})]));
  }
  return { runtime, development, builtins, loadedBy };
}

/** What is wrong with a package.json's dependencies given what the code imports: one line per problem. */
function dependencyProblems(manifest: PackageJson, usage: Usage): string[] {
  const dependencies = Object.keys(manifest.dependencies ?? {});
  const devDependencies = Object.keys(manifest.devDependencies ?? {});
  const problems: string[] = [];
  const loadedByRuntime = (name: string) => [...usage.loadedBy].find(([, loads]) => loads.has(name))?.[0];
  for (const name of dependencies) {
    if (usage.runtime.has(name)) continue;
    // Types a package src imports: the declarations ship with types naming it.
    if (name.startsWith('@types/') && (usage.runtime.has(typedPackage(name)) || (name === '@types/node' && usage.builtins))) continue;
    // Pins the version of an optional or peer dependency a package src imports loads itself.
    if (loadedByRuntime(name)) continue;
    problems.push(`dependency ${name} is not imported by src/ (remove it, or move it to devDependencies)`);
  }
  for (const name of devDependencies) {
    if (usage.development.has(name) || usage.runtime.has(name)) continue;
    if (name.startsWith('@types/')) {
      const typed = typedPackage(name);
      if (usage.development.has(typed) || usage.runtime.has(typed) || (typed === 'node' && usage.builtins)) continue;
    }
    problems.push(`devDependency ${name} is used by neither scripts/, test/ nor the configuration`);
  }
  for (const name of usage.runtime) {
    if (name === manifest.name) continue;
    if (!dependencies.includes(name)) problems.push(`src/ imports ${name}, which is not in dependencies`);
  }
  for (const name of usage.development) {
    if (name === manifest.name || name.startsWith('@types/')) continue;
    if (!dependencies.includes(name) && !devDependencies.includes(name)) problems.push(`scripts/, test/ or the configuration use ${name}, which is not declared`);
  }
  for (const name of dependencies) if (devDependencies.includes(name)) problems.push(`${name} is in both dependencies and devDependencies`);
  return problems;
}

// --- What npm pack ships --------------------------------------------------------------------

/** The files the package must hold: its entry points, the built modules of src/, the data src reads, the README. */
function requiredFiles(manifest: PackageJson): string[] {
  const strip = (path: string) => path.replace(/^\.\//, '');
  const entries = [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {})].filter((p): p is string => !!p).map(strip);
  for (const target of Object.values(manifest.exports ?? {})) entries.push(...(typeof target === 'string' ? [target] : Object.values(target)).map(strip));
  const modules = fg
    .sync(['src/**/*.ts', '!src/**/*.d.ts'], { cwd: ROOT })
    .flatMap((file) => [`dist/${file.replace(/\.ts$/, '.js')}`, `dist/${file.replace(/\.ts$/, '.d.ts')}`]);
  const data = fg.sync(['pipelines/**', 'data/**'], { cwd: ROOT, dot: true });
  return [...new Set(['package.json', 'README.md', 'dist/src/index.js', 'dist/src/index.d.ts', ...entries, ...modules, ...data])];
}

const NOT_SHIPPED = /^(test|fixtures|scripts|src|output|node_modules|\.ci|\.git|dist\/(scripts|test))\//;

function packProblems(shipped: string[], manifest: PackageJson): string[] {
  const files = new Set(shipped);
  const problems = requiredFiles(manifest)
    .filter((file) => !files.has(file))
    .map((file) => `missing from the package: ${file}`);
  for (const file of shipped) if (NOT_SHIPPED.test(file)) problems.push(`shipped but not needed at run time: ${file}`);
  return problems;
}

function npm(args: string[], cwd = ROOT): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

// --- The tests ------------------------------------------------------------------------------

/** A seed notice as PDF (so that pdfjs and its worker load from the package's location). */
const seedName = goldNames(SEEDS).find((name) => inputsOf(SEEDS, name).some((path) => path.endsWith('.pdf')))!;
const SEED = inputsOf(SEEDS, seedName).find((path) => path.endsWith('.pdf'))!;

/** The program in the README's "Use as a library" section. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Use as a library'));
  const code = section?.match(/^```ts\n([\s\S]*?)^```/m)?.[1];
  if (!code) throw new Error('README.md has no ```ts block under "## Use as a library"');
  return code;
}

/** `kind: …` and `council: …` as a program printed them. */
function printed(stdout: string): { kind: string; council: string } {
  const value = (label: string) => stdout.match(new RegExp(`^${label}: (.*)$`, 'm'))?.[1]?.trim() ?? '';
  return { kind: value('kind'), council: value('council') };
}

const temporaryFolders: string[] = [];
const temporaryFolder = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryFolders.push(dir);
  return dir;
};
afterAll(() => {
  // rmSync removes the symbolic links, never what they point to.
  for (const dir of temporaryFolders) rmSync(dir, { recursive: true, force: true });
});

let reference: DocumentRecord;
beforeAll(async () => {
  const result = await processFile(SEED);
  if (!result.ok) throw new Error(`${SEED}: ${result.error.code}: ${result.error.message}`);
  reference = result.value;
});

describe('dependencies', () => {
  const usage = findUsage();

  test('each runtime dependency is imported by src/, each devDependency used by scripts, tests or configuration', () => {
    expect(dependencyProblems(pkg, usage)).toEqual([]);
  });

  test('the check finds a dependency nobody imports and one src imports from devDependencies', () => {
    const { zod, ...others } = pkg.dependencies!;
    const broken = { ...pkg, dependencies: { ...others, 'chrono-node': '^2.10.3' }, devDependencies: { ...pkg.devDependencies, zod } };
    expect(dependencyProblems(broken, usage)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^dependency chrono-node /), expect.stringMatching(/^src\/ imports zod,/)]),
    );
  });

  test('import specifiers are read from every form of import', () => {
    const code = [
      "import a from 'pkg-a'; import type { B } from '@scope/b/deep';",
      "export { c } from 'pkg-c'; import('pkg-d'); const e = require('pkg-e');",
      "const f = createRequire(import.meta.url)('pkg-f/index.json'); type G = typeof import('pkg-g');",
      "import { h } from './local.js'; import { i } from 'node:fs'; import j = require('pkg-j');",
    ].join('\n');
    const names = moduleSpecifiers('x.ts', code).map(packageOf).filter(Boolean);
    expect(names.sort()).toEqual(['@scope/b', 'pkg-a', 'pkg-c', 'pkg-d', 'pkg-e', 'pkg-f', 'pkg-g', 'pkg-j']);
  });
});

describe('npm pack', () => {
  test('ships the built library, its declarations and the data it reads, and no tests, fixtures or scripts', () => {
    const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'])) as [{ files: { path: string }[] }];
    expect(packProblems(packed.files.map((f) => f.path), pkg)).toEqual([]);
  });

  test('the check finds a missing entry point and a shipped test', () => {
    const shipped = requiredFiles(pkg).filter((file) => file !== 'dist/src/index.d.ts');
    expect(packProblems([...shipped, 'test/package.test.ts', 'dist/scripts/eval.js'], pkg)).toEqual([
      'missing from the package: dist/src/index.d.ts',
      'shipped but not needed at run time: test/package.test.ts',
      'shipped but not needed at run time: dist/scripts/eval.js',
    ]);
  });

  test('the CLI runs from the unpacked tarball, reading its data beside its own code', () => {
    const dir = temporaryFolder('notice-pipeline-tarball-');
    const [{ filename }] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir])) as [{ filename: string }];
    execFileSync('tar', ['-xzf', join(dir, filename), '-C', dir]);
    // The installed dependencies, as npm would put them beside the package.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'package', 'node_modules'), 'dir');
    const cli = join(dir, 'package', pkg.bin!.notices);
    const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

    const extracted = run(['extract', SEED, '--json']);
    expect(extracted.stderr).toBe('');
    expect(extracted.status).toBe(0);
    const record = JSON.parse(extracted.stdout) as DocumentRecord;
    expect(DocumentKind.options).toContain(record.kind);
    expect(record.kind).toBe(reference.kind);
    expect(record.council).toEqual(reference.council);
    expect(record.features).toEqual(reference.features);

    if (reference.kind === 'improvement_notice') {
      const diffed = run(['diff', SEED, '--json']);
      expect(diffed.status).toBe(0);
      expect((JSON.parse(diffed.stdout) as { template: string }).template).toMatch(/\S/);
    }
  });
});

describe('the README example, from a folder outside the project', () => {
  test("`import { processFile, type DocumentRecord } from 'notice-pipeline'` type-checks and reads a seed", () => {
    const dir = temporaryFolder('notice-pipeline-consumer-');
    expect(dir.startsWith(ROOT)).toBe(false);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', target: 'ES2022', strict: true, skipLibCheck: false, outDir: 'out', types: ['node'] },
        files: ['example.ts'],
      }),
    );
    const example = readmeExample();
    expect(example).toContain("from 'notice-pipeline'");
    writeFileSync(join(dir, 'example.ts'), example);
    // As `npm link` does: the package linked into node_modules; @types/node is the program's own.
    mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
    symlinkSync(ROOT, join(dir, 'node_modules', 'notice-pipeline'), 'dir');
    symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'), 'dir');

    // skipLibCheck off: the package's declarations, and those they import, are checked too (~10 s).
    const compiled = spawnSync(process.execPath, [TSC, '-p', dir], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);

    const run = spawnSync(process.execPath, [join(dir, 'out', 'example.js'), SEED], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { kind, council } = printed(run.stdout);
    expect(DocumentKind.options).toContain(kind);
    expect(council).not.toBe('');
    // What the program printed is what the pipeline gives in this process.
    expect(reference.council).not.toBeNull();
    expect({ kind, council }).toEqual({ kind: reference.kind, council: reference.council!.name });
  }, 120_000);
});
