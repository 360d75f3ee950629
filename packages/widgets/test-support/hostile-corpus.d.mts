export declare const XSS_VECTORS: readonly string[];
export declare function hostileServices(sample: readonly unknown[]): { services: unknown[]; valid: number; invalid: number };
