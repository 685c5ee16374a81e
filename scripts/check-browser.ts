// Run before the e2e tests: every missing engine gets a clear how-to instead of a stack trace or a skip.
import { findBrowserProblems } from '../e2e/browser';

const problems = findBrowserProblems();
if (problems.length > 0) {
  console.error(`The e2e tests run in Chromium, Firefox and WebKitGTK, and ${problems.length} cannot run here:\n`);
  console.error(problems.join('\n\n'));
  process.exit(1);
}
