#!/usr/bin/env node
import module from 'node:module';

// Node.js 22.1 and later can keep the compiled code of the bundle between runs, which shortens
// every start; older versions have no such cache and skip this.
module.enableCompileCache?.();
const { main } = await import('../dist/bundle/cli.js');
await main();
