/** Whether a typed value looks like one of the field's tokens; true when it says nothing about them. */
export function matchesPrefixes(value: string, prefixes: readonly string[] | undefined): boolean {
  const typed = value.trim();
  return !prefixes?.length || typed === '' || prefixes.some((prefix) => typed.startsWith(prefix));
}
