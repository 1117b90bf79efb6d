/**
 * Browser-safe entry (`import … from 'parley/browser'`): everything here works without Node — no file
 * system, no worker threads, no WebAssembly solver. A test walks this module's compiled import graph and
 * fails on any `node:` module.
 */
export * from './pure-api.js';
