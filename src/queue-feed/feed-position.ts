/** Feed entry ids are dense and sort as text: `qf-` and twelve digits. */
export function feedEntryId(position: number): string {
  return `qf-${String(position).padStart(12, '0')}`;
}
