/**
 * SQL text inside a message, set off with backticks as rustc does: `user_id`. Text that already
 * has backticks (a quoted identifier such as `count`) is shown as written, not double-quoted.
 */
export function inlineCode(sql: string): string {
  return sql.includes('`') ? sql : `\`${sql}\``;
}
