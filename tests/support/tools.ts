/**
 * The Debian programs that read our documents back as a person gets them: LibreOffice (Writer
 * opens the DOCX, Calc the XLSX) and poppler (reads and renders the PDFs). They are treated as
 * PostgreSQL and Chromium are: where one is missing, the checks that need it are not run and
 * `npm test` says so; with REQUIRE_ALL=1 (CI) they run anyway and fail naming the package, so a
 * broken document can never pass CI for want of a reader.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, it } from 'vitest';

type Reader = 'writer' | 'calc' | 'poppler';

const PACKAGES: Record<Reader, { debian: string; present: () => boolean }> = {
  writer: { debian: 'libreoffice-writer', present: () => onPath('libreoffice') && fs.existsSync('/usr/lib/libreoffice/program/libswlo.so') },
  calc: { debian: 'libreoffice-calc', present: () => onPath('libreoffice') && fs.existsSync('/usr/lib/libreoffice/program/libsclo.so') },
  poppler: { debian: 'poppler-utils', present: () => ['pdftotext', 'pdftoppm', 'pdfinfo', 'pdffonts'].every(onPath) },
};

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** The Debian packages missing among those the given readers need. */
export function missingReaders(readers: Reader[] = ['writer', 'calc', 'poppler']): string[] {
  return readers.filter((r) => !PACKAGES[r].present()).map((r) => PACKAGES[r].debian);
}

const runAnyway = process.env.REQUIRE_ALL === '1';

/** `it` where the readers are installed (or REQUIRE_ALL=1), else a test reported as skipped. */
export function itReading(...readers: Reader[]) {
  return it.skipIf(missingReaders(readers).length > 0 && !runAnyway);
}

/** `describe` likewise, for a block whose set-up already needs the readers. */
export function describeReading(...readers: Reader[]) {
  return describe.skipIf(missingReaders(readers).length > 0 && !runAnyway);
}
