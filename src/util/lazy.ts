/**
 * An object read on first use: `load` runs the first time a property is read,
 * tested, listed or written, and its result stands behind the returned object
 * from then on. For module-level data (a schema, a locale file) that a module
 * must not read while it is being imported.
 */
export function lazyObject<T extends object>(load: () => T): T {
  let value: T | undefined;
  const target = () => (value ??= load());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(target(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
    set: (_, key, next) => Reflect.set(target(), key, next),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(target(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(target(), key),
  });
}
