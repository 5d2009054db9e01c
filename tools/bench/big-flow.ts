// The benchmark's flow is the one the builder's browser test opens too (a smaller one there).
export { bigFlow } from '../../apps/builder/test/e2e/support/big-flow.js';
