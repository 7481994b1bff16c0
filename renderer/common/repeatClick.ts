/**
 * True for the second (or a later) click of a double click. A step that changes what the button
 * under the pointer does (Submit becomes Approve, Send becomes Withdraw, the next thread's Resolve
 * moves up) takes only the first: the second click was meant for the same button, not for the one
 * that took its place. A click from the keyboard or a single click says 0 or 1.
 */
export function isRepeatClick(event: { detail: number }): boolean {
  return event.detail > 1;
}
