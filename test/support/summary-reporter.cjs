// Writes jest's counts to .jest-summary.json so .ci/run can print "N passed, N failed".
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) { this.rootDir = globalConfig.rootDir; }
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
    fs.writeFileSync(path.join(this.rootDir, '.jest-summary.json'), JSON.stringify(
      { numPassedTests, numFailedTests, numPendingTests: numPendingTests + numTodoTests, numRuntimeErrorTestSuites }));
  }
}
module.exports = SummaryReporter;
