// Types of buildWasm.mjs for the TypeScript callers (the vitest global setup).
export declare const VARIANTS: readonly { readonly name: string; readonly features: readonly string[] }[];
export declare function buildWasm(options?: { force?: boolean }): Promise<string[]>;
