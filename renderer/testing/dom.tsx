import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no layout: the archive list measures itself with ResizeObserver.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// jsdom's <dialog> lacks the modal methods the dialogs call.
const dialog = HTMLDialogElement.prototype;
dialog.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
dialog.close ??= function (this: HTMLDialogElement) {
  if (!this.hasAttribute('open')) return;
  this.removeAttribute('open');
  this.dispatchEvent(new Event('close'));
};

const mounted: Root[] = [];

/** Renders into a fresh element attached to the document; `unmountAll` in afterEach. */
export function render(node: ReactNode): HTMLElement {
  return mount(node).host;
}

/** As `render`, and `update` draws the same root again with new props. */
export function mount(node: ReactNode): { host: HTMLElement; update: (node: ReactNode) => void } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push(root);
  act(() => root.render(node));
  return { host, update: (next) => act(() => root.render(next)) };
}

export function unmountAll(): void {
  for (const root of mounted.splice(0)) act(() => root.unmount());
  document.body.replaceChildren();
}

/** Lets pending promises and the effects they cause settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((r) => setTimeout(r, 0)));
}

/** The one button whose accessible text is `name` (its text or aria-label). */
export function button(within: ParentNode, name: string): HTMLButtonElement {
  const found = [...within.querySelectorAll('button')].filter(
    (b) => b.getAttribute('aria-label') === name || b.textContent?.trim() === name,
  );
  if (found.length !== 1) throw new Error(`${found.length} buttons named “${name}”`);
  return found[0]!;
}

export function click(element: HTMLElement): void {
  act(() => element.click());
}

/** The Lexical editor behind the script on screen (Lexical keeps it on its root element). */
export function scriptEditor(): import('lexical').LexicalEditor {
  const root = document.querySelector('[data-testid="script-editor"]') as
    (HTMLElement & { __lexicalEditor?: import('lexical').LexicalEditor }) | null;
  if (!root?.__lexicalEditor) throw new Error('no script editor on screen');
  return root.__lexicalEditor;
}
