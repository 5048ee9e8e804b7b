export { suggestNext, type Suggestion } from './suggest';
export { techniques, ladder, delinquencyTypes, nineQuestions, preparations, traps, type Bilingual, type Technique } from './catalog';
export {
  tools, modernChannels, rules, preventionPoints, selfQuestions, attitudes, personalities, governmentSpecifics,
  governmentDifficulties, governmentMoves, type Tool, type Rule, type Attitude, type AttitudeKey, type Personality,
  type GovernmentTopic,
} from './method';
export { fillScript, keyContact } from './scripts';
