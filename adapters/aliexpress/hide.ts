/** Makes fields that hold credentials non-enumerable: kept out of JSON.stringify and util.inspect. */
export function hideFields(obj: object, ...keys: string[]): void {
  for (const key of keys) {
    const value = (obj as Record<string, unknown>)[key];
    Object.defineProperty(obj, key, { value, enumerable: false, writable: true, configurable: true });
  }
}
