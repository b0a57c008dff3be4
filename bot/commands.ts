// Names the bot and the Teams manifest must agree on. Kept free of imports so the manifest
// build can read them without loading the bot.

/** The message extension's command id and its one parameter; the bot answers this query. */
export const SEARCH_COMMAND_ID = 'searchProject';
export const SEARCH_PARAMETER = 'query';
