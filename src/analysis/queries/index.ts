// Editor-shaped questions about one analysis, for the server's features.
export { AnalysisLookup, EMPTY_LOOKUP, type ItemAt, type ItemAtOptions, sentenceAt, spanAt } from './lookup';
export { dateValueOfPhrase } from './dateValue';
export { linkedDates, linkedEvents } from './linked';
export { actorKey, compactName, sameName } from './names';
