export declare const gzipBytes: (path: string) => number;
export declare function loaderFiles(loader: string, tag: string, lang?: 'fr' | 'nl' | 'en'): string[];
export declare function pageWeights(cdn: string, lang?: 'fr' | 'nl' | 'en'): Record<string, number>;
