// Entry of the `aims` command (bin/aims.js loads the compiled copy of this file).
import { runCli } from './program.js';

await runCli();
