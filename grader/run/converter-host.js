// Worker entry of the compile thread: the host is TypeScript, loaded through tsx's hook.
'use strict';
if (!require.extensions['.ts']) require('tsx/cjs');
require('./converter-host.ts');
