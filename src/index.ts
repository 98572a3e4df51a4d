/** xborder core: unified model, errors, transport, pagination, adapter contract, hub. */
export * from './model/index.js';
export * from './errors/index.js';
