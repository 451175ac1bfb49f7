// What a settings form field is: shared by the Polaris pages (rendering) and the form parser
// (reading), so an input and its parsing can never disagree.

export type FieldSpec =
  | {
      kind: "money" | "int" | "bool" | "text" | "list" | "date" | "range";
      name: string;
      label: string;
      help?: string;
      suffix?: string;
    }
  | { kind: "countries"; name: string; label: string; help?: string; allowAll?: boolean }
  | {
      kind: "select" | "multiselect";
      name: string;
      label: string;
      help?: string;
      options: { value: string; label: string }[];
    };

export interface RowsSpec {
  kind: "rows";
  name: string;
  label: string;
  help?: string;
  addLabel: string;
  item: FieldSpec[];
  blank: Record<string, string>;
}

export interface SectionForm {
  title: string;
  path: string;
  description: string;
  fields: (FieldSpec | RowsSpec)[];
}
