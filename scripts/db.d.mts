export declare function postgresSchemaText(sqliteText: string): string;
