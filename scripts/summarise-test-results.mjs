#!/usr/bin/env node
/**
 * Prints one plain line, "tests: N passed, N failed[, N skipped]", from vitest JSON reports, and
 * fails when no test ran at all (a green run that tested nothing is not green).
 * Usage: node scripts/summarise-test-results.mjs test-results/vitest-unit.json [more.json]
 */
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
