/**
 * Whether a key press is Ctrl+Alt+key (Cmd+Alt+key on a Mac). The physical key is checked as well
 * as the character, because Alt changes the character on many layouts (Alt+R types ® on a Mac).
 */
export function isCtrlAlt(event: KeyboardEvent, key: string): boolean {
  if (!(event.ctrlKey || event.metaKey) || !event.altKey) return false;
  const code = event.code.replace(/^(Digit|Key)/, '').toLowerCase();
  return event.key.toLowerCase() === key || code === key;
}
