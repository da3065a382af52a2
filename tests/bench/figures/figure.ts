export type Figure = number | { median: number; min: number; max: number; runs: number };
