/**
 * The botbuilder-dialogs classes the bot uses, each from its own file. The package's index also
 * loads every prompt and the Recognizers-Text number, date and choice models, which no dialog
 * here uses: about 0.25 s of every start (docs/benchmarks.md). Types come from the index; they
 * are erased when compiled.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export type { DialogContext, DialogInstance, DialogState, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
