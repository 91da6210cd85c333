// Per-paragraph results keyed by content, so an edit re-analyses only the
// paragraphs it touched. Bounded LRU so a long session cannot grow without limit.
import type { ParagraphCache } from './types';

/** Entries kept when the caller names no bound. */
export const DEFAULT_PARAGRAPH_CACHE_ENTRIES = 5000;

export class LruParagraphCache implements ParagraphCache {
  private readonly map = new Map<string, unknown>();
  constructor(private capacity = DEFAULT_PARAGRAPH_CACHE_ENTRIES) {}

  /** Grows the bound so one long article never evicts its own paragraphs mid-analysis. */
  ensureCapacity(entries: number): void {
    if (entries > this.capacity) this.capacity = entries;
  }

  get(key: string): unknown {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: unknown): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }
}
