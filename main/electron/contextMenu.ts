import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

export type ContextMenuActions = {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
};

/**
 * The right-click menu: the spellchecker's suggestions for a misspelt word (Electron's built-in
 * checker), "Add to dictionary", then the editing roles that apply where the click landed.
 */
export function contextMenuTemplate(
  params: Pick<
    ContextMenuParams,
    'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText'
  >,
  actions: ContextMenuActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, 6);
    if (suggestions.length === 0) items.push({ label: 'No spelling suggestions', enabled: false });
    for (const word of suggestions)
      items.push({ label: word, click: () => actions.replaceMisspelling(word) });
    items.push({
      label: `Add “${params.misspelledWord}” to dictionary`,
      click: () => actions.addToDictionary(params.misspelledWord),
    });
    items.push({ type: 'separator' });
  }
  const hasSelection = params.selectionText.trim() !== '';
  if (params.isEditable) {
    items.push(
      { role: 'cut', enabled: hasSelection },
      { role: 'copy', enabled: hasSelection },
      { role: 'paste' },
      { type: 'separator' },
      { role: 'selectAll' },
    );
  } else if (hasSelection) {
    items.push({ role: 'copy' });
  }
  return items;
}
