// Run before the e2e tests: every missing program gets its install command instead of a stack trace or a skip.
import { describeMissing, missingPrograms } from '../config/system-programs';

const missing = missingPrograms();
if (missing.length > 0) {
  console.error(`The e2e tests run in Chromium, Firefox and WebKitGTK, and behind nginx: ${describeMissing(missing)}`);
  process.exit(1);
}
