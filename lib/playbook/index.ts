export { suggestNext, suggestRules, accountLadderFacts, type Suggestion } from './suggest';
export {
  ladderLevel,
  ladderRules,
  ladderFactsOf,
  overdueFigures,
  type LadderFacts,
  type LadderResult,
  type Reason,
} from './ladder';
export {
  techniques,
  ladder,
  delinquencyTypes,
  nineQuestions,
  preparations,
  traps,
  type Bilingual,
  type Technique,
} from './catalog';
export {
  tools,
  modernChannels,
  rules,
  preventionPoints,
  selfQuestions,
  attitudes,
  personalities,
  governmentSpecifics,
  governmentDifficulties,
  governmentMoves,
  type Tool,
  type Rule,
  type Attitude,
  type AttitudeKey,
  type Personality,
  type GovernmentTopic,
} from './method';
export { buildParts, keyContact, addresseeFor, partNeeds, type ScriptPart, type FactRef, type Signal } from './scripts';
export { renderScript, sayReason, sayPart } from './say';
