/**
 * Seeded randomness for the demo council. Everything the generator draws comes from here,
 * so one (asOf, seed) pair always yields byte-identical data in Node, Workers and browsers.
 */
import { hashId } from '../shared/rota';

/** sfc32: small, fast, good enough statistically, and identical on every JS engine. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}


export class Rng {
  private readonly next: () => number;

  /** `label` separates streams: adding draws to one module does not reshuffle another. */
  constructor(seed: number, label: string) {
    // FNV-1a of the label (the rota's hash) gives each stream its own seed bits.
    const h = hashId(label);
    this.next = sfc32(seed >>> 0, h, (seed ^ 0x9e3779b9) >>> 0, Math.imul(h, 0x85ebca6b) >>> 0);
    for (let i = 0; i < 12; i++) this.next(); // warm up: the first outputs of sfc32 are weak
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(table: ReadonlyArray<readonly [T, number]>): T {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    const last = table[table.length - 1];
    if (!last) throw new RangeError('weighted pick from an empty table');
    return last[0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /**
   * A UUID shaped like v7 (48-bit millisecond timestamp, version 7, variant 10xx) whose
   * time is the record's own creation time, so ids sort the way the records were made.
   */
  uuid(atMs: number): string {
    const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
    const ms = Math.max(0, Math.floor(atMs));
    const high = Math.floor(ms / 0x10000); // top 32 bits of the 48-bit timestamp
    const low = ms % 0x10000;
    const r = () => Math.floor(this.next() * 0x10000);
    return `${hex(high, 8)}-${hex(low, 4)}-${hex(0x7000 | (r() & 0x0fff), 4)}-${hex(0x8000 | (r() & 0x3fff), 4)}-${hex(r(), 4)}${hex(r(), 4)}${hex(r(), 4)}`;
  }
}

/**
 * Low-discrepancy yes/no quotas (golden-ratio sequence): the k-th draw says yes when
 * frac(offset + k·φ) < p. Any run of consecutive draws says yes in very nearly a share p,
 * so figures like "81% on time" come out right for a quarter, not just on average.
 */
export class Quota {
  private k = 0;
  constructor(private readonly offset: number) {}
  /** Draw count, to undo the draws of a plan that was tried and dropped. */
  get position(): number {
    return this.k;
  }
  set position(k: number) {
    this.k = k;
  }
  take(p: number): boolean {
    this.k++;
    const x = (this.offset + this.k * 0.6180339887498949) % 1;
    return x < p;
  }
}
