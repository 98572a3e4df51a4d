export * from './paginated.js';
export * from './strategies.js';
export * from './time-windows.js';
