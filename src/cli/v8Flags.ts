import { setFlagsFromString } from 'node:v8';
import { knowsInterruptBudget } from './v8Version';

// V8 settings for this process only, set before the rest of the CLI is loaded (`index.ts` imports this
// module first). The VS Code extension host, shared with other extensions, keeps V8's defaults.
//
// The story finders' large regular expressions run a few hundred times in a short process: compiled to
// machine code on first use, rather than interpreted first and compiled again, the first lint of a run
// takes about a third less CPU (measured: `storydeck lint examples/town-hall.md` 0.32 s → 0.19 s user).
setFlagsFromString('--no-regexp-tier-up');
// A run of the CLI is short: most of its code runs a few hundred times and is done. With V8's default
// interrupt budget such code goes to the optimising compiler (TurboFan), which costs more CPU than it
// saves; five times the budget optimises only code that stays hot, as in a lint of many long files. Set only where V8
// has the flag (Node 20): a later V8 would print an error for it on every run (`v8Version.ts`).
if (knowsInterruptBudget(process.versions.v8)) setFlagsFromString(`--interrupt-budget=${5 * 67_584}`);
