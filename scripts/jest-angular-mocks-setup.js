// angular-mocks defines module()/inject() only under Jasmine or Mocha. Jest's runner has neither
// global but provides the beforeEach/afterEach hooks angular-mocks uses, so it passes as Mocha.
window.mocha = true;
