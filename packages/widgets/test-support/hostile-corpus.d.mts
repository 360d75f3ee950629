export declare const XSS_VECTORS: readonly string[];
export declare function hostileServices(sample: readonly unknown[]): { services: unknown[]; valid: number; dropped: number; skipped: number };
export declare function hostileEvents(sample: readonly unknown[]): { events: unknown[]; valid: number; dropped: number; skipped: number };
export declare function hostileHelpdesks(sample: readonly unknown[]): unknown[];
