// Run before the e2e tests: a missing browser gets a clear how-to instead of a stack trace.
import { findBrowserProblem } from '../e2e/browser';

const problem = findBrowserProblem();
if (problem) {
  console.error(problem);
  process.exit(1);
}
