/**
 * policyc's home: its repository, where its documentation lives
 * (`${policycHome}/blob/main/docs/...`). The one place the address is written in
 * code (SARIF's help links use it); package.json's `repository`, `homepage` and
 * `bugs` say the same (test/package.test.ts checks).
 */
export const policycHome = 'https://github.com/policyc/policyc';
