export { suggestNext, type Suggestion } from './suggest';
export { techniques, ladder, delinquencyTypes, nineQuestions, preparations, traps, type Bilingual, type Technique } from './catalog';
export { fillScript } from './scripts';
