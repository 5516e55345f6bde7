// What a pure function makes of an object that never changes (a frozen
// approved version, the catalogue's requirement list), made once per object
// and forgotten with it.

/** `build`, computed once per `key` object (a WeakMap: no growth, no eviction to tune). */
export function oncePer<K extends object, T>(build: (key: K) => T): (key: K) => T {
  const made = new WeakMap<K, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = build(key);
      made.set(key, value);
    }
    return value;
  };
}
