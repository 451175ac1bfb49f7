export declare const DEFAULT_SQLITE_FILE: string;
export declare function databaseUrl(env?: NodeJS.ProcessEnv): string;
export declare function databaseProvider(url?: string): "sqlite" | "postgresql";
export declare function schemaPath(provider?: "sqlite" | "postgresql"): string;
export declare function sqliteFilePath(url: string): string;
