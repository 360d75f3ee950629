export declare const gzipBytes: (path: string) => number;
export declare function pageWeights(cdn: string): Record<string, number>;
