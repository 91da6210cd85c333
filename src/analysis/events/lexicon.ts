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

/** Verbs that are almost never events on their own: light, auxiliary-like or prepositional uses. */
export const NON_EVENT_VERBS = new Set(words(`
  be have let accord regard concern base`));

/** Prepositional or connective participles ("including", "according to", "given"). */
export const CONNECTIVE_FORMS = new Set(words(`
  including according regarding concerning considering given following provided excluding pending
  barring assuming notwithstanding`));

/** Particles compromise tags as part of a phrasal verb; the verb, not the particle, is the event. */
export const PARTICLES = new Set(words(`
  back up out off down in on over away around forward through along apart aside together to into`));

/**
 * Nouns WordNet files under acts or events that news prose mostly uses as a field, a
 * status or a thing rather than as something that happened ("abortion clinic", "law
 * enforcement", "in custody").
 */
export const NON_EVENT_NOUNS = new Set(words(`
  abortion behalf terrorism security enforcement immigration freedom information law life time case custody
  way number side part point place area home day night morning evening week month year medium name
  term list document source industry membership building government power force interest right
  evidence policy politics business economy education health care welfare justice democracy peace
  state service work job role task program programme project system practice tradition culture
  technology science research art music sport sports trade market budget tax money price cost
  capital property issue matter question subject topic theme aspect detail fact idea view opinion
  position situation condition status level rate record history future past present beginning
  air sea land ground water food fuel oil gas weather climate nature environment travel visa
  hand head foot body mind heart eye face voice word language letter note paper page book
  defense defence military army navy police court office agency department ministry council committee
  commission administration leadership authority authorities staff crew team group party`));

/**
 * Common news event nouns whose eventive sense WordNet does not rank first
 * (a "rally", a "conference", a "return").
 */
export const EXTRA_EVENT_NOUNS = new Set(words(`
  coup rally conference meeting summit return election vote referendum trial hearing inquiry
  ceremony funeral visit tour talks negotiation negotiations ceasefire truce strike protest
  uprising revolt rebellion invasion occupation offensive clash clashes fighting crackdown
  massacre genocide famine flood earthquake storm hurricane drought outbreak epidemic pandemic
  accident crash collision explosion blast fire shooting attack raid airstrike bombardment
  withdrawal pullout deployment exercise exercises operation mission campaign election
  resignation appointment inauguration dismissal ouster overthrow assassination execution
  arrest detention release escape kidnapping abduction murder killing death deaths
  war conflict crisis scandal merger acquisition takeover bankruptcy collapse recession
  boom launch landing flight trip journey departure arrival event incident disaster tragedy
  transition handover turnover sale purchase deal agreement treaty accord settlement
  `));
