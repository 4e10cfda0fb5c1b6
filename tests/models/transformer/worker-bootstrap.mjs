// Worker threads do not inherit the test runner's TypeScript loader: register tsx in this thread, then load the TS entry.
import { register } from 'tsx/esm/api';

register();
await import('./worker-entry.ts');
