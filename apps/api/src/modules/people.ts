/** How a person is shown wherever the API names who did something: 李明（市委改革办）. */
export const personSelect = { select: { displayName: true, unit: { select: { name: true } } } } as const;

export function personLabel(person: { displayName: string; unit: { name: string } }): string {
  return `${person.displayName}（${person.unit.name}）`;
}
