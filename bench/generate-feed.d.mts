/** A seeded generator of fictional services for benchmarks and large-feed tests (see generate-feed.mjs). */
export declare function random(seed: number): () => number;
export declare function generateServices(count: number, seed?: number): Record<string, unknown>[];
export declare function generateFeed(count: number, seed?: number): { manifest: Record<string, unknown>; datasets: Record<string, unknown[]> };
