import { register } from 'node:module';

register('./load-hook.mjs', import.meta.url);
