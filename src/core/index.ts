export * from './clock.js';
export * from './command.js';
export * from './context.js';
export * from './custom-id.js';
export * from './deps.js';
export * from './errors.js';
export * from './options.js';
export * from './reply.js';
