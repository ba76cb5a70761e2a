export * from './kam-module.js';
export * from './protocol.js';
export * from './generated/ast.js';
