import { useCallback, useEffect, useMemo, useState } from "react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import type { FieldSpec, RowsSpec, SectionForm } from "~/domain/policy/fields";

// Renders a policy section from its field spec. Values are the strings the server's form parser
// reads, keyed by input name ("boxFee", "seasonalOverrides.0.start").

type Values = Record<string, string>;

export interface PolicyFormProps {
  form: SectionForm;
  initialValues: Values;
  errors: Record<string, string>;
  currency: string;
  onDirtyChange: (dirty: boolean) => void;
  registerActions: (actions: { values: () => Values; reset: () => void }) => void;
}

function rowIndexesOf(values: Values, list: string): number[] {
  const found = new Set<number>();
  for (const key of Object.keys(values)) {
    if (key.startsWith(`${list}.`)) found.add(Number(key.split(".")[1]));
  }
  return [...found].filter(Number.isInteger).sort((a, b) => a - b);
}

export function PolicyForm({
  form,
  initialValues,
  errors,
  currency,
  onDirtyChange,
  registerActions,
}: PolicyFormProps) {
  // Mounted per policy version (key): a failed save keeps what the merchant typed, a successful
  // one starts again from the new version.
  const [values, setValues] = useState<Values>(initialValues);
  const dirty = useMemo(
    () => JSON.stringify(values) !== JSON.stringify(initialValues),
    [values, initialValues],
  );
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(
    () => registerActions({ values: () => values, reset: () => setValues(initialValues) }),
    [registerActions, values, initialValues],
  );
  const set = useCallback(
    (name: string, value: string) => setValues((v) => ({ ...v, [name]: value })),
    [],
  );

  const renderField = (field: FieldSpec, name: string) => {
    const error = errors[name];
    const value = values[name] ?? "";
    switch (field.kind) {
      case "bool":
        return (
          <Checkbox
            key={name}
            label={field.label}
            helpText={field.help}
            checked={value === "true"}
            onChange={(checked) => set(name, checked ? "true" : "false")}
            error={error}
          />
        );
      case "select":
        return (
          <Select
            key={name}
            label={field.label}
            helpText={field.help}
            options={field.options}
            value={value}
            onChange={(v) => set(name, v)}
            error={error}
          />
        );
      case "multiselect":
        return (
          <ChoiceList
            key={name}
            allowMultiple
            title={field.label}
            choices={field.options}
            selected={value
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)}
            onChange={(selected) => set(name, selected.join(", "))}
            error={error}
          />
        );
      case "range":
        return (
          <FormLayout.Group key={name} title={field.label}>
            {(["min", "max"] as const).map((end) => (
              <TextField
                key={end}
                label={end === "min" ? "From" : "To"}
                type="number"
                autoComplete="off"
                suffix={field.suffix}
                value={values[`${name}.${end}`] ?? ""}
                name={`${name}.${end}`}
                onChange={(v) => set(`${name}.${end}`, v)}
                error={errors[`${name}.${end}`] ?? (end === "max" ? error : undefined)}
              />
            ))}
          </FormLayout.Group>
        );
      default:
        return (
          <TextField
            key={name}
            label={field.label}
            name={name}
            autoComplete="off"
            value={value}
            type={field.kind === "date" ? "date" : "text"}
            prefix={field.kind === "money" ? currency : undefined}
            suffix={"suffix" in field ? field.suffix : undefined}
            helpText={field.help}
            onChange={(v) => set(name, v)}
            error={error}
          />
        );
    }
  };

  const renderRows = (spec: RowsSpec) => {
    const indexes = rowIndexesOf(values, spec.name);
    const addRow = () => {
      const next = indexes.length ? Math.max(...indexes) + 1 : 0;
      setValues((v) => ({
        ...v,
        ...Object.fromEntries(
          Object.entries(spec.blank).map(([cell, text]) => [`${spec.name}.${next}.${cell}`, text]),
        ),
      }));
    };
    // Rows stay numbered 0..n-1 so the server's error paths (list positions) name these inputs.
    const removeRow = (index: number) =>
      setValues((v) => {
        const next: Values = {};
        for (const [key, text] of Object.entries(v)) {
          const [list, position, ...cell] = key.split(".");
          if (list !== spec.name) next[key] = text;
          else if (Number(position) < index) next[key] = text;
          else if (Number(position) > index)
            next[[list, Number(position) - 1, ...cell].join(".")] = text;
        }
        return next;
      });
    return (
      <Card key={spec.name}>
        <BlockStack gap="300">
          <Text as="h3" variant="headingSm">
            {spec.label}
          </Text>
          {spec.help ? (
            <Text as="p" tone="subdued">
              {spec.help}
            </Text>
          ) : null}
          {errors[spec.name] ? <Banner tone="critical">{errors[spec.name]}</Banner> : null}
          {indexes.map((index) => (
            <Card key={index} background="bg-surface-secondary">
              <FormLayout>
                {spec.item.map((cell) => renderField(cell, `${spec.name}.${index}.${cell.name}`))}
                <InlineStack align="end">
                  <Button tone="critical" variant="plain" onClick={() => removeRow(index)}>
                    Remove
                  </Button>
                </InlineStack>
              </FormLayout>
            </Card>
          ))}
          <InlineStack>
            <Button onClick={addRow}>{spec.addLabel}</Button>
          </InlineStack>
        </BlockStack>
      </Card>
    );
  };

  return (
    <BlockStack gap="400">
      {errors._form ? (
        <Banner tone="critical" title="Nothing was saved">
          {errors._form}
        </Banner>
      ) : null}
      {Object.keys(errors).length > 0 && !errors._form ? (
        <Banner tone="critical" title="Nothing was saved">
          Fix the fields marked below and save again.
        </Banner>
      ) : null}
      <Card>
        <FormLayout>
          {form.fields
            .filter((f): f is FieldSpec => f.kind !== "rows")
            .map((f) => renderField(f, f.name))}
        </FormLayout>
      </Card>
      {form.fields.filter((f): f is RowsSpec => f.kind === "rows").map(renderRows)}
    </BlockStack>
  );
}
