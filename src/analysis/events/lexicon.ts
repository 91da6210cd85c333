// Word lists for TimeML event classes (after the TimeML 1.2 guidelines and the
// EVITA recogniser's classes). Keys are lemmas; verbs and their nominalisations share a class.
import type { EventClass } from '../types';

const words = (s: string): string[] => s.trim().split(/\s+/);

const CLASS_WORDS: Record<Exclude<EventClass, 'OCCURRENCE'>, string[]> = {
  // Verbs that introduce what someone said or wrote.
  REPORTING: words(`
    say tell report announce add state claim describe declare note write quote cite comment confirm
    deny disclose reveal indicate inform mention recount acknowledge admit argue assert contend reply
    respond answer testify talk speak stress emphasize emphasise remark allege complain concede boast
    purport divulge elaborate brief explain recall relate reiterate repeat specify dispute retort
    quip call`),
  // Actions that introduce another event (try to X, order X, prevent X).
  I_ACTION: words(`
    attempt try help assist urge prevent block promise warn agree ask request order demand decide invite
    approve permit allow authorize authorise accuse insist propose offer threaten vow pledge delay postpone
    avoid enable force compel persuade encourage require appeal investigate examine review predict
    forbid prohibit ban reject refuse cancel seek_to lead name nominate appoint elect schedule arrange
    call_for campaign lobby negotiate press advise recommend suggest command instruct mandate veto`),
  // States of mind and attitudes towards another event (want, believe, fear).
  I_STATE: words(`
    want believe think know expect hope fear worry consider understand need intend doubt suspect wish
    desire prefer oppose like love hate plan anticipate assume guess imagine suppose trust dread regret
    feel envision foresee willing able ready eager reluctant determined afraid`),
  // Verbs of beginning, continuing and ending another event.
  ASPECTUAL: words(`
    begin start continue finish end stop cease complete resume halt quit terminate initiate launch keep
    proceed commence discontinue interrupt suspend renew`),
  PERCEPTION: words(`
    see hear watch observe notice spot look view perceive witness detect smell listen sight glimpse`),
  // Verbs that hold rather than happen.
  STATE: words(`
    have own possess live remain become contain belong exist lie face share lack consist depend resemble
    seem deserve equal fit matter weigh cost reside border`),
};

const CLASS_OF = new Map<string, EventClass>();
// Later classes win: a word listed as both noun (I_ACTION) and verb keeps its first class.
for (const [cls, list] of Object.entries(CLASS_WORDS) as Array<[EventClass, string[]]>) {
  for (const w of list) if (!CLASS_OF.has(w)) CLASS_OF.set(w, cls);
}

export function classOfLemma(lemma: string): EventClass {
  return CLASS_OF.get(lemma) ?? 'OCCURRENCE';
}

// Nominal events are mostly plain occurrences; these nouns carry their verb's class.
const NOUN_CLASS_WORDS: Array<[EventClass, string]> = [
  ['REPORTING', 'announcement talk talks chanting saying message testimony allegation claim briefing remark remarks'],
  ['I_ACTION', 'attempt effort investigation inquiry probe bid'],
  ['I_STATE', 'hope fear desire need willingness belief expectation intention wish opposition'],
  ['ASPECTUAL', 'beginning start continuation end halt completion resumption suspension'],
  ['STATE', 'process settlement'],
];
const NOUN_CLASS_OF = new Map<string, EventClass>(NOUN_CLASS_WORDS.flatMap(([cls, list]) => words(list).map((w) => [w, cls] as [string, EventClass])));

export function classOfNoun(lemma: string): EventClass {
  return NOUN_CLASS_OF.get(lemma) ?? 'OCCURRENCE';
}

/** Particles compromise tags as part of a phrasal verb; the verb, not the particle, is the event. */
export const PARTICLES = new Set(
  words(`
  back up out off down in on over away around forward through along apart aside together to into`),
);
