// Entry of functions.js (the manifest's Functions.Script.Url): registers the custom functions
// when Excel loads the script on its own; the task pane registers them too in the shared runtime.
import { registerFunctions } from './functions';

registerFunctions();
