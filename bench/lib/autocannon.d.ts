// The part of autocannon 9's API the HTTP benchmark uses (the package ships no types, and @types/autocannon is not
// installed).
declare module "autocannon" {
  interface RequestData {
    method: string;
    path: string;
    headers: Record<string, string>;
    body?: Buffer | string;
  }

  interface RequestSpec {
    setupRequest?: (request: RequestData, context: Record<string, unknown>) => RequestData | undefined;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  }

  interface Options {
    url: string;
    connections?: number;
    amount?: number;
    duration?: number;
    timeout?: number;
    excludeErrorStats?: boolean;
    requests?: RequestSpec[];
  }

  interface Histogram {
    p50: number;
    p99: number;
    max: number;
    average: number;
  }

  interface Result {
    errors: number;
    timeouts: number;
    non2xx: number;
    latency: Histogram;
    requests: Histogram & { total: number };
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
