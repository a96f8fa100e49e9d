/**
 * What the export tests share: the files made once per test file, the DOCX opened by LibreOffice
 * and printed to PDF, and PDFs read back by poppler (pdftotext, pdfinfo, pdffonts, pdftoppm).
 *
 * The blocks that need LibreOffice and poppler are not run where they are missing, and
 * `npm test` says so (tests/support/tools.ts); CI installs them and sets REQUIRE_ALL=1, so there
 * they always run, and a missing one fails here naming its package.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import type { PlanDocument, PlanSection } from '../document.ts';

const TOOLS: [command: string, debianPackage: string][] = [
  ['libreoffice', 'libreoffice-writer'],
  ['pdftotext', 'poppler-utils'],
  ['pdftoppm', 'poppler-utils'],
  ['pdfinfo', 'poppler-utils'],
  ['pdffonts', 'poppler-utils'],
];

function requireTools(): void {
  const missing = TOOLS.filter(([cmd]) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0);
  if (missing.length) {
    const pkgs = [...new Set(missing.map(([, pkg]) => pkg))];
    throw new Error(
      `missing ${missing.map(([cmd]) => cmd).join(', ')}: install Debian package(s) ${pkgs.join(', ')} ` +
        `(apt-get install -y --no-install-recommends ${pkgs.join(' ')})`,
    );
  }
}

export function run(cmd: string, args: string[], timeoutMs = 30_000): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} failed: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/**
 * Renders the files once for the test file, into a temporary folder: each name with its bytes;
 * every "docx/NAME.docx" is also printed by LibreOffice to "docx/NAME.pdf". A beforeAll that
 * throws would make vitest skip the tests, so the error is kept instead and ready() throws it
 * in every test.
 */
export function exportFiles(prefix: string, files: () => Record<string, Promise<Buffer>>): {
  out: (name: string) => string;
  ready: () => void;
} {
  let dir = '';
  let setupError: unknown;
  const out = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    try {
      requireTools();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      fs.mkdirSync(out('docx'));
      for (const [name, buf] of Object.entries(files())) fs.writeFileSync(out(name), await buf);
      const docx = fs.readdirSync(out('docx')).filter((f) => f.endsWith('.docx')).map((f) => out(`docx/${f}`));
      // One LibreOffice run converts them all; its own profile folder keeps parallel runs apart.
      if (docx.length) {
        run('libreoffice', [
          `-env:UserInstallation=file://${out('lo-profile')}`, '--headless', '--norestore',
          '--convert-to', 'pdf', '--outdir', out('docx'), ...docx,
        ], 120_000);
      }
    } catch (e) {
      setupError = e;
    }
  }, 180_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  return {
    out,
    ready: () => {
      if (setupError) throw setupError;
    },
  };
}

/**
 * The text of each page, page numbers at the top left out, in NFC. 'layout' keeps a line's
 * columns side by side (the header's two columns); 'raw' keeps the order things were drawn in,
 * so a table comes out cell by cell even where a cell wraps. In raw order the page number is
 * the first line (LibreOffice draws the page header first) or the last (the PDF numbers the
 * pages once the body is laid out).
 */
export function pagesOf(pdf: string, order: 'layout' | 'raw' = 'layout'): string[] {
  const pages = run('pdftotext', [`-${order}`, '-enc', 'UTF-8', pdf, '-']).normalize('NFC').split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((page, i) => {
    if (i === 0) return page;
    const lines = page.split('\n');
    const first = lines.findIndex((l) => l.trim() !== '');
    const last = lines.length - 1 - [...lines].reverse().findIndex((l) => l.trim() !== '');
    const at = order === 'raw' && lines[first]?.trim() !== String(i + 1) ? last : first;
    expect(lines[at]?.trim(), `page ${i + 1} has its number`).toBe(String(i + 1));
    return [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n');
  });
}

/** Whitespace collapsed: justification and line breaks are not the text. */
export const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Every paragraph of the body, headings included, in order. */
export function allParagraphs(doc: PlanDocument): string[] {
  const walk = (s: PlanSection): string[] => [s.heading, ...s.paragraphs, ...(s.children ?? []).flatMap(walk)];
  return [
    ...doc.bases,
    ...(doc.preamble ?? '').split('\n'),
    ...doc.sections.flatMap(walk),
    ...(doc.closing ? [doc.closing] : []),
  ];
}

export function checkRendersPage1(pdf: string): void {
  const dir = path.dirname(pdf);
  const prefix = path.join(dir, path.basename(pdf, '.pdf') + '-page');
  run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', pdf, prefix]);
  const png = fs.readdirSync(dir).find((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'));
  expect(png, 'pdftoppm wrote page 1').toBeDefined();
  expect(fs.statSync(path.join(dir, png!)).size).toBeGreaterThan(5 * 1024);
}

/** Every font is Tinos, embedded as a subset: the file shows the same where Tinos is missing. */
export function checkTinosEmbedded(pdf: string): void {
  const fonts = run('pdffonts', [pdf]).trim().split('\n').slice(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const row of fonts) {
    expect(row).toMatch(/Tinos/);
    expect(row).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // emb, sub
  }
}

export function pageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1]);
}
