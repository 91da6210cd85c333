// brat standoff (.ann) read and write, keeping every line the user or another
// tool wrote. Only the text-bound (T) lines and notes (#) News Lens manages are
// ever regenerated; everything else (relations, events, attributes,
// normalisations, equivalences, unknown types) is written back byte for byte.
// Offsets in a .ann count Unicode code points (brat is Python); see offsets.ts.
//
// How News Lens uses the format (documented in README.md, "Your annotations"):
//   T1<TAB>Organization 120 128<TAB>Pentagon        a span and its kind
//   T2<TAB>Rejected 300 305<TAB>Sahel              "not an entity"
//   #1<TAB>AnnotatorNotes T3<TAB>2023               a Date's normalised value
//   #2<TAB>AnnotatorNotes T1<TAB>canonical: United States Department of Defense
// The canonical-name note is how "rename an actor" and "merge actors" are stored:
// mentions with the same kind and canonical name form one actor. brat shows the
// note as the annotation's comment, so the file stays valid brat.
import { isEntityLabel, type UserLabel } from '../kinds';

export const BRAT_TYPE: Readonly<Record<UserLabel, string>> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  nationality: 'Nationality',
  date: 'Date',
  rejected: 'Rejected',
};

// Type names other tools use for the same kinds, so an imported .ann shows.
const TYPE_SYNONYMS: Record<string, UserLabel> = {
  person: 'person',
  per: 'person',
  pers: 'person',
  organization: 'organization',
  organisation: 'organization',
  org: 'organization',
  place: 'place',
  location: 'place',
  loc: 'place',
  gpe: 'place',
  geo: 'place',
  fac: 'place',
  facility: 'place',
  'geo-political_entity': 'place',
  geopolitical_entity: 'place',
  nationality: 'nationality',
  norp: 'nationality',
  nat: 'nationality',
  demonym: 'nationality',
  date: 'date',
  time: 'date',
  timex: 'date',
  timex3: 'date',
  rejected: 'rejected',
  'not-an-entity': 'rejected',
  not_an_entity: 'rejected',
};

export function labelOfBratType(type: string): UserLabel | null {
  return TYPE_SYNONYMS[type.toLowerCase()] ?? null;
}

export interface Fragment {
  start: number;
  end: number;
}

export interface TextBoundRecord {
  kind: 'T';
  id: string;
  type: string;
  /** Code point offsets; more than one for a discontinuous span. */
  fragments: Fragment[];
  text: string;
  /** 1-based line in the file as read; 0 for records added since. */
  line: number;
  raw: string | null;
}

export interface NoteRecord {
  kind: 'note';
  id: string;
  noteType: string;
  target: string;
  text: string;
  line: number;
  raw: string | null;
}

/** Any other line (relation, event, attribute, normalisation, equivalence, blank): kept verbatim. */
export interface OtherRecord {
  kind: 'other';
  id: string | null;
  /** Ids of annotations this line points at. */
  refs: string[];
  line: number;
  raw: string;
}

export type BratRecord = TextBoundRecord | NoteRecord | OtherRecord;

export interface BratError {
  /** 1-based line number. */
  line: number;
  message: string;
}

export interface BratDocument {
  records: BratRecord[];
  eol: '\n' | '\r\n';
}

export interface BratParseResult {
  doc: BratDocument;
  /** Non-empty means the file is malformed: show it, and never write it back. */
  errors: BratError[];
}

const ID_RE = /^(?:([A-Z])\d+|(#)\d*|(\*))$/;

export function parseBrat(content: string): BratParseResult {
  const errors: BratError[] = [];
  const records: BratRecord[] = [];
  const input = typeof content === 'string' ? content : '';
  const eol: '\n' | '\r\n' = /\r\n/.test(input) ? '\r\n' : '\n';
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const ids = new Map<string, number>();

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') {
      records.push({ kind: 'other', id: null, refs: [], line, raw });
      return;
    }
    const tab = raw.indexOf('\t');
    if (tab < 0) {
      errors.push({ line, message: `no tab after the id: brat lines look like "T1<TAB>Person 0 5<TAB>text"` });
      records.push({ kind: 'other', id: null, refs: [], line, raw });
      return;
    }
    const id = raw.slice(0, tab);
    const rest = raw.slice(tab + 1);
    const m = ID_RE.exec(id);
    if (!m) {
      errors.push({ line, message: `"${id}" is not a brat id (T1, R1, E1, A1, N1, #1 or *)` });
      records.push({ kind: 'other', id: null, refs: [], line, raw });
      return;
    }
    const prefix = m[1] ?? m[2] ?? '*';
    if (id !== '*' && id !== '#') {
      if (ids.has(id)) errors.push({ line, message: `id ${id} is used twice (first on line ${ids.get(id)})` });
      else ids.set(id, line);
    }
    if (prefix === 'T') {
      const record = parseTextBound(id, rest, line, raw, errors);
      records.push(record ?? { kind: 'other', id, refs: [], line, raw });
      return;
    }
    if (prefix === '#') {
      const [head, text = ''] = splitOnce(rest, '\t');
      const [noteType, target] = head.split(' ');
      if (!noteType || !target) {
        errors.push({ line, message: `a note needs a type and a target: "#1<TAB>AnnotatorNotes T1<TAB>text"` });
        records.push({ kind: 'other', id, refs: [], line, raw });
        return;
      }
      records.push({ kind: 'note', id, noteType, target, text, line, raw });
      return;
    }
    if (!'REAMN*'.includes(prefix)) {
      errors.push({ line, message: `unknown annotation kind "${prefix}" (brat knows T, R, E, A, M, N, # and *)` });
      records.push({ kind: 'other', id, refs: [], line, raw });
      return;
    }
    records.push({ kind: 'other', id, refs: referencesIn(prefix, rest), line, raw });
  });

  // References to annotations that do not exist make brat refuse the file.
  const known = new Set(records.map((r) => r.id).filter((x): x is string => !!x));
  for (const r of records) {
    const refs = r.kind === 'note' ? [r.target] : r.kind === 'other' ? r.refs : [];
    for (const ref of refs) if (!known.has(ref)) errors.push({ line: r.line, message: `refers to ${ref}, which is not in the file` });
  }
  return { doc: { records, eol }, errors: errors.sort((a, b) => a.line - b.line) };
}

function parseTextBound(id: string, rest: string, line: number, raw: string, errors: BratError[]): TextBoundRecord | null {
  const tab = rest.indexOf('\t');
  if (tab < 0) {
    errors.push({ line, message: `${id} has no text column: "T1<TAB>Person 0 5<TAB>text"` });
    return null;
  }
  const head = rest.slice(0, tab);
  const text = rest.slice(tab + 1);
  const space = head.indexOf(' ');
  if (space <= 0) {
    errors.push({ line, message: `${id} needs a type and offsets: "Person 0 5"` });
    return null;
  }
  const type = head.slice(0, space);
  const fragments: Fragment[] = [];
  for (const part of head.slice(space + 1).split(';')) {
    const m = /^\s*(\d+) (\d+)\s*$/.exec(part);
    if (!m) {
      errors.push({ line, message: `${id}: offsets "${part}" are not two whole numbers` });
      return null;
    }
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (start > end) {
      errors.push({ line, message: `${id}: start ${start} is after end ${end}` });
      return null;
    }
    fragments.push({ start, end });
  }
  return { kind: 'T', id, type, fragments, text, line, raw };
}

function referencesIn(prefix: string, rest: string): string[] {
  const head = splitOnce(rest, '\t')[0];
  const tokens = head.split(' ').filter(Boolean);
  const refs: string[] = [];
  tokens.forEach((token, i) => {
    const value = token.includes(':') ? token.slice(token.indexOf(':') + 1) : token;
    // the first token of R, A, M, N and * lines is a type name, not a reference
    if (i === 0 && !token.includes(':')) return;
    if (prefix === 'N' && i === 2) return; // N1<TAB>Reference T1 Wikipedia:534366
    if (prefix === 'A' || prefix === 'M') {
      if (i === 1) refs.push(value);
      return;
    }
    if (/^[TERN]\d+$/.test(value)) refs.push(value);
  });
  return refs;
}

function splitOnce(s: string, sep: string): [string, string?] {
  const i = s.indexOf(sep);
  return i < 0 ? [s] : [s.slice(0, i), s.slice(i + 1)];
}

export function serializeBrat(doc: BratDocument): string {
  const lines = doc.records.map((r) => {
    if (r.raw !== null) return r.raw;
    if (r.kind === 'T') return `${r.id}\t${r.type} ${r.fragments.map((f) => `${f.start} ${f.end}`).join(';')}\t${r.text}`;
    if (r.kind === 'note') return `${r.id}\t${r.noteType} ${r.target}\t${r.text}`;
    return '';
  });
  return lines.length ? lines.join(doc.eol) + doc.eol : '';
}

export function emptyBratDocument(): BratDocument {
  return { records: [], eol: '\n' };
}

export function cloneBrat(doc: BratDocument): BratDocument {
  return {
    eol: doc.eol,
    records: doc.records.map((r) =>
      r.kind === 'T' ? { ...r, fragments: r.fragments.map((f) => ({ ...f })) } : r.kind === 'other' ? { ...r, refs: [...r.refs] } : { ...r },
    ),
  };
}

// ---------------------------------------------------------------------------
// Editing. All offsets here are code points, as in the file.

export function textBounds(doc: BratDocument): TextBoundRecord[] {
  return doc.records.filter((r): r is TextBoundRecord => r.kind === 'T');
}

export function notesFor(doc: BratDocument, id: string): NoteRecord[] {
  return doc.records.filter((r): r is NoteRecord => r.kind === 'note' && r.target === id);
}

/** True when a relation, event, attribute or other line points at `id`: removing it would break the file. */
export function isReferenced(doc: BratDocument, id: string): boolean {
  return doc.records.some((r) => r.kind === 'other' && r.refs.includes(id));
}

function nextId(doc: BratDocument, prefix: 'T' | '#'): string {
  let max = 0;
  for (const r of doc.records) {
    if (r.id && r.id.startsWith(prefix)) {
      const n = Number(r.id.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  }
  return `${prefix}${max + 1}`;
}

export interface SpanDecision {
  start: number;
  end: number;
  label: UserLabel;
  text: string;
  /** Date value, or canonical name for an entity; undefined leaves an existing note as it is, null clears it. */
  value?: string | null;
  canonical?: string | null;
}

const overlapsFragment = (f: Fragment, s: number, e: number) => f.start < e && s < f.end;

/**
 * Records a user's decision about a span. The same span keeps its id and is retyped;
 * other News Lens-kind spans it overlaps are replaced, unless another line points at
 * them (then both stay, and the later one wins when shown). Returns the span's id.
 */
export function setSpanDecision(doc: BratDocument, decision: SpanDecision): string {
  if (/[\r\n\t]/.test(decision.text)) throw new Error('an annotation cannot span a line break or a tab');
  let target: TextBoundRecord | undefined;
  for (const t of textBounds(doc)) {
    if (t.fragments.length !== 1 || !labelOfBratType(t.type)) continue;
    const f = t.fragments[0];
    if (f.start === decision.start && f.end === decision.end) target = target ?? t;
  }
  for (const t of textBounds(doc)) {
    if (t === target || t.fragments.length !== 1 || !labelOfBratType(t.type)) continue;
    if (overlapsFragment(t.fragments[0], decision.start, decision.end) && !isReferenced(doc, t.id)) removeTextBound(doc, t.id);
  }
  const type = BRAT_TYPE[decision.label];
  if (target) {
    if (target.type !== type || target.text !== decision.text) {
      target.type = type;
      target.text = decision.text;
      target.raw = null;
    }
  } else {
    target = { kind: 'T', id: nextId(doc, 'T'), type, fragments: [{ start: decision.start, end: decision.end }], text: decision.text, line: 0, raw: null };
    doc.records.push(target);
  }
  if (decision.label === 'date' && decision.value !== undefined) setNote(doc, target.id, decision.value);
  if (decision.label === 'rejected') setNote(doc, target.id, keepComment(noteText(doc, target.id), null) || null);
  if (isEntityLabel(decision.label) && decision.canonical !== undefined)
    setNote(doc, target.id, keepComment(noteText(doc, target.id), decision.canonical) || null);
  return target.id;
}

/** Removes a span and its notes. Refuses (returns false) when another line points at it. */
export function removeTextBound(doc: BratDocument, id: string): boolean {
  if (isReferenced(doc, id)) return false;
  doc.records = doc.records.filter((r) => r.id !== id && !(r.kind === 'note' && r.target === id));
  return true;
}

function noteText(doc: BratDocument, id: string): string | null {
  const note = notesFor(doc, id).find((n) => n.noteType === 'AnnotatorNotes');
  return note ? note.text : null;
}

/** Sets (or with null removes) the AnnotatorNotes of `id`. */
export function setNote(doc: BratDocument, id: string, text: string | null): void {
  const notes = notesFor(doc, id).filter((n) => n.noteType === 'AnnotatorNotes');
  const clean = text === null ? null : text.replace(/[\r\n\t]+/g, ' ').trim();
  if (!clean) {
    doc.records = doc.records.filter((r) => !notes.includes(r as NoteRecord));
    return;
  }
  if (notes.length) {
    if (notes[0].text !== clean) {
      notes[0].text = clean;
      notes[0].raw = null;
    }
    return;
  }
  const index = doc.records.findIndex((r) => r.id === id);
  const note: NoteRecord = { kind: 'note', id: nextId(doc, '#'), noteType: 'AnnotatorNotes', target: id, text: clean, line: 0, raw: null };
  doc.records.splice(index + 1, 0, note);
}

// A note may hold a canonical name and a free comment someone typed in brat:
// "canonical: United States | check the spelling". Both survive a rename.
const CANONICAL_RE = /^\s*canonical:\s*([^|]*?)\s*(?:\|\s*([\s\S]*))?$/i;

export function canonicalFromNote(note: string | null | undefined): string | null {
  if (!note) return null;
  const m = CANONICAL_RE.exec(note);
  return m && m[1] ? m[1] : null;
}

function keepComment(existing: string | null, canonical: string | null): string {
  const m = existing ? CANONICAL_RE.exec(existing) : null;
  const comment = (m ? (m[2] ?? '') : (existing ?? '')).trim();
  const name = canonical?.replace(/\|/g, '/').trim();
  if (name) return comment ? `canonical: ${name} | ${comment}` : `canonical: ${name}`;
  return comment;
}
