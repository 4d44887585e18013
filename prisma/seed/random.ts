// Deterministic randomness and dates for the demo seed. The same seed constant always yields the
// same data; dates are offsets from "now" so the demo always looks current.

export const SEED = 0x5a4b_2026;

export type Rng = () => number;

/** mulberry32: a small, fast PRNG; good enough for demo data, never for secrets. */
export function createRng(seed: number = SEED): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max]. */
export const randInt = (rng: Rng, min: number, max: number) =>
  min + Math.floor(rng() * (max - min + 1));

export function pick<T>(rng: Rng, list: readonly T[]): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

const DAY_MS = 86_400_000;

/** A clock anchored on "now": every seeded date is an offset from it. */
export interface Clock {
  now: Date;
  /** `days` days before now, at the given JST hour and minute (default 10:00 JST). */
  daysAgo: (days: number, hourJst?: number, minute?: number) => Date;
  addDays: (date: Date, days: number) => Date;
  addYears: (date: Date, years: number) => Date;
}

export function createClock(now: Date = new Date()): Clock {
  // Midnight JST today, as a UTC instant.
  const jstOffset = 9 * 3_600_000;
  const midnightJst = Math.floor((now.getTime() + jstOffset) / DAY_MS) * DAY_MS - jstOffset;
  return {
    now,
    daysAgo: (days, hourJst = 10, minute = 0) => {
      const at = new Date(midnightJst - days * DAY_MS + hourJst * 3_600_000 + minute * 60_000);
      // A time later today would lie in the future: clamp it to now.
      return at > now ? new Date(now) : at;
    },
    addDays: (date, days) => new Date(date.getTime() + days * DAY_MS),
    addYears: (date, years) => {
      const d = new Date(date);
      d.setUTCFullYear(d.getUTCFullYear() + years);
      return d;
    },
  };
}

/** A calendar date (no time) for @db.Date columns. */
export const dateOnly = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
