/** The part of autocannon 9's API that scripts/load.ts uses (the package ships no types). */
declare module 'autocannon' {
  interface Percentiles {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
    total: number;
  }
  export interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Percentiles;
    requests: Percentiles & { sent: number };
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    requests?: Array<{ method?: string; path: string; headers?: Record<string, string> }>;
  }
  export default function autocannon(options: Options): Promise<Result>;
}
