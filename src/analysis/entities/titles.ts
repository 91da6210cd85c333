// Titles and roles written before a person's name. News gold (CoNLL style)
// leaves them out of the name span: "President [Mahamadou Issoufou]".

const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'mr', 'mrs', 'ms', 'miss', 'dr', 'gen', 'general', 'sen', 'senator',
  'rep', 'representative', 'gov', 'governor', 'secretary', 'chancellor', 'king', 'queen', 'prince', 'princess',
  'pope', 'sheikh', 'lt', 'lieutenant', 'col', 'colonel', 'capt', 'captain', 'maj', 'major', 'sgt', 'sergeant',
  'cardinal', 'archbishop', 'bishop', 'rev', 'reverend', 'judge', 'justice', 'ambassador', 'envoy', 'chairman',
  'chairwoman', 'commander', 'deputy', 'chief', 'speaker', 'spokesman', 'spokeswoman', 'mayor', 'premier', 'emir',
  'crown', 'ayatollah', 'foreign', 'defense', 'defence', 'interior', 'finance', 'state', 'of', 'former', 'acting',
  'adm', 'admiral', 'brig', 'brigadier', 'field', 'marshal', 'sir', 'dame', 'lord', 'lady', 'cpl', 'corporal',
  'pvt', 'private', 'sec', 'supt', 'inspector', 'detective', 'officer', 'coach', 'manager', 'director', 'leader',
  'opposition', 'army', 'u.s.', 'us', 'senior', 'top', 'nations', 'un', 'u.n.', 'chairperson', 'professor', 'prof',
]);

/** True for a word that titles a person rather than naming them. */
export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase().replace(/\.$/, ''));
}
