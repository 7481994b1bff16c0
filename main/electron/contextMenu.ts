import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

export type ContextMenuFacts = Pick<
  ContextMenuParams,
  'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText' | 'editFlags'
>;

export type ContextMenuActions = {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
};

/**
 * The right-click menu Electron does not provide: spelling suggestions for a misspelt word, then
 * the editing commands the spot allows. Empty when there is nothing to offer.
 */
export function contextMenuTemplate(
  facts: ContextMenuFacts,
  actions: ContextMenuActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (facts.isEditable && facts.misspelledWord) {
    const suggestions = facts.dictionarySuggestions.slice(0, 6);
    if (suggestions.length === 0) items.push({ label: 'No suggestions', enabled: false });
    for (const word of suggestions)
      items.push({ label: word, click: () => actions.replaceMisspelling(word) });
    items.push({
      label: 'Add to Dictionary',
      click: () => actions.addToDictionary(facts.misspelledWord),
    });
    items.push({ type: 'separator' });
  }
  if (facts.isEditable) {
    items.push(
      { role: 'cut', enabled: facts.editFlags.canCut },
      { role: 'copy', enabled: facts.editFlags.canCopy },
      { role: 'paste', enabled: facts.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: facts.editFlags.canSelectAll },
    );
  } else if (facts.selectionText.trim() !== '') {
    items.push({ role: 'copy' });
  }
  return items;
}
