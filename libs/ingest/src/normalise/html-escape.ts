/** Text written into HTML: `&`, `<` and `>` escaped. */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A value written into a double-quoted HTML attribute: `&`, `<`, `>` and `"` escaped. */
export function escapeHtmlAttribute(value: string): string {
  return escapeHtmlText(value).replace(/"/g, '&quot;');
}
