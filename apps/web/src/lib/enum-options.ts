/** A select's options over a labelled enumeration of the contracts (`TaskListEnum`, …), in its order. */
export const enumOptions = <T extends string>(labelled: { values: readonly T[]; labels: Record<T, string> }) =>
  labelled.values.map((value) => ({ value, label: labelled.labels[value] }));
