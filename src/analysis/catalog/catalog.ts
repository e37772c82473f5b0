import type {
  CatalogEntries,
  CatalogFunction,
  CatalogTable,
  CatalogView,
  ObjectIdentifier,
} from './model.js';

export const DEFAULT_CATALOG = 'default_catalog';
export const DEFAULT_DATABASE = 'default_database';

export type CatalogObject = CatalogTable | CatalogView;

interface DatabaseState {
  readonly objects: Map<string, CatalogObject>;
  readonly functions: Map<string, CatalogFunction>;
}

interface CatalogState {
  /**
   * false for catalogs whose content lives outside the script (CREATE CATALOG of type hive, jdbc,
   * a custom type...): names inside them resolve to objects of unknown shape, never to errors.
   */
  readonly known: boolean;
  readonly defaultDatabase: string;
  readonly databases: Map<string, DatabaseState>;
}

/** The result of resolving a table name: found, opaque (in a catalog we cannot see), or missing. */
export type ObjectLookup =
  | { readonly status: 'found'; readonly id: ObjectIdentifier; readonly object: CatalogObject }
  | { readonly status: 'opaque'; readonly id: ObjectIdentifier }
  | { readonly status: 'missing'; readonly id: ObjectIdentifier; readonly reason: 'catalog' | 'database' | 'object' };

/**
 * The session's catalogs, as Flink's CatalogManager keeps them: named catalogs holding databases
 * holding tables, views and functions; temporary objects that shadow permanent ones; and the
 * current catalog and database used to complete one- and two-part names. Names are case-sensitive.
 */
export class Catalog {
  private readonly catalogs = new Map<string, CatalogState>();
  private readonly temporary = new Map<string, CatalogObject>();
  private readonly temporaryFunctions = new Map<string, CatalogFunction>();
  /** Temporary system functions: one-part, case-insensitive names. */
  private readonly systemFunctions = new Map<string, CatalogFunction>();
  currentCatalog = DEFAULT_CATALOG;
  currentDatabase = DEFAULT_DATABASE;

  constructor() {
    this.addCatalog(DEFAULT_CATALOG, true, DEFAULT_DATABASE);
  }

  // ---------------------------------------------------------------------------- catalogs, databases

  /** `defaultDatabase`: GenericInMemoryCatalog's is 'default' unless 'default-database' is set. */
  addCatalog(name: string, known: boolean, defaultDatabase = 'default'): void {
    const databases = new Map<string, DatabaseState>();
    databases.set(defaultDatabase, emptyDatabase());
    this.catalogs.set(name, { known, defaultDatabase, databases });
  }

  defaultDatabaseOf(catalog: string): string | null {
    return this.catalogs.get(catalog)?.defaultDatabase ?? null;
  }

  hasCatalog(name: string): boolean {
    return this.catalogs.has(name);
  }

  isKnownCatalog(name: string): boolean {
    return this.catalogs.get(name)?.known ?? false;
  }

  dropCatalog(name: string): void {
    this.catalogs.delete(name);
  }

  catalogNames(): string[] {
    return [...this.catalogs.keys()];
  }

  /** true, false, or null when the catalog is opaque (we cannot know). */
  hasDatabase(catalog: string, database: string): boolean | null {
    const state = this.catalogs.get(catalog);
    if (state === undefined) return false;
    if (!state.known) return state.databases.has(database) ? true : null;
    return state.databases.has(database);
  }

  addDatabase(catalog: string, database: string): void {
    const state = this.catalogs.get(catalog);
    if (state !== undefined && !state.databases.has(database)) state.databases.set(database, emptyDatabase());
  }

  dropDatabase(catalog: string, database: string): void {
    this.catalogs.get(catalog)?.databases.delete(database);
  }

  databaseNames(catalog: string): string[] {
    return [...(this.catalogs.get(catalog)?.databases.keys() ?? [])];
  }

  databaseIsEmpty(catalog: string, database: string): boolean {
    const db = this.catalogs.get(catalog)?.databases.get(database);
    return db === undefined || (db.objects.size === 0 && db.functions.size === 0);
  }

  // ---------------------------------------------------------------------------- names

  /** Completes `[catalog.][database.]name` with the current catalog and database (CatalogManager.qualifyIdentifier). */
  qualify(parts: readonly string[]): ObjectIdentifier {
    const name = parts[parts.length - 1] ?? '';
    if (parts.length >= 3) return { catalog: parts[parts.length - 3]!, database: parts[parts.length - 2]!, name };
    if (parts.length === 2) return { catalog: this.currentCatalog, database: parts[0]!, name };
    return { catalog: this.currentCatalog, database: this.currentDatabase, name };
  }

  // ---------------------------------------------------------------------------- tables and views

  lookup(parts: readonly string[]): ObjectLookup {
    const id = this.qualify(parts);
    const temporary = this.temporary.get(key(id));
    if (temporary !== undefined) return { status: 'found', id, object: temporary };
    const catalog = this.catalogs.get(id.catalog);
    if (catalog === undefined) return { status: 'missing', id, reason: 'catalog' };
    const database = catalog.databases.get(id.database);
    if (database === undefined) return catalog.known ? { status: 'missing', id, reason: 'database' } : { status: 'opaque', id };
    const object = database.objects.get(id.name);
    if (object !== undefined) return { status: 'found', id, object };
    return catalog.known ? { status: 'missing', id, reason: 'object' } : { status: 'opaque', id };
  }

  isTemporary(id: ObjectIdentifier): boolean {
    return this.temporary.has(key(id));
  }

  getPermanent(id: ObjectIdentifier): CatalogObject | undefined {
    return this.catalogs.get(id.catalog)?.databases.get(id.database)?.objects.get(id.name);
  }

  getTemporary(id: ObjectIdentifier): CatalogObject | undefined {
    return this.temporary.get(key(id));
  }

  /** Stores a table or view; a temporary one shadows a permanent object of the same name. */
  put(object: CatalogObject): void {
    if (object.temporary) {
      this.temporary.set(key(object.id), object);
      return;
    }
    const catalog = this.catalogs.get(object.id.catalog);
    if (catalog === undefined) return;
    let database = catalog.databases.get(object.id.database);
    if (database === undefined) {
      if (catalog.known) return;
      database = emptyDatabase();
      catalog.databases.set(object.id.database, database);
    }
    database.objects.set(object.id.name, object);
  }

  remove(id: ObjectIdentifier, temporary: boolean): void {
    if (temporary) this.temporary.delete(key(id));
    else this.catalogs.get(id.catalog)?.databases.get(id.database)?.objects.delete(id.name);
  }

  /** Names of the tables and views visible in the database of `id`, for "did you mean". */
  objectNamesNear(id: ObjectIdentifier): string[] {
    const names = new Set<string>();
    for (const object of this.temporary.values()) {
      if (object.id.catalog === id.catalog && object.id.database === id.database) names.add(object.id.name);
    }
    for (const name of this.catalogs.get(id.catalog)?.databases.get(id.database)?.objects.keys() ?? []) names.add(name);
    return [...names];
  }

  // ---------------------------------------------------------------------------- functions

  putFunction(fn: CatalogFunction): void {
    if (fn.system) {
      this.systemFunctions.set(fn.id.name.toLowerCase(), fn);
    } else if (fn.temporary) {
      this.temporaryFunctions.set(functionKey(fn.id), fn);
    } else {
      const database = this.catalogs.get(fn.id.catalog)?.databases.get(fn.id.database);
      database?.functions.set(fn.id.name.toLowerCase(), fn);
    }
  }

  removeFunction(id: ObjectIdentifier, temporary: boolean, system: boolean): boolean {
    if (system) return this.systemFunctions.delete(id.name.toLowerCase());
    if (temporary) return this.temporaryFunctions.delete(functionKey(id));
    return this.catalogs.get(id.catalog)?.databases.get(id.database)?.functions.delete(id.name.toLowerCase()) ?? false;
  }

  /**
   * Resolves a function name as FunctionCatalog does: a one-part name is a temporary system
   * function, then (the caller checks built-ins next) a function in the current catalog/database;
   * qualified names go to the catalog. Function names are case-insensitive.
   */
  lookupFunction(parts: readonly string[]): CatalogFunction | 'opaque' | null {
    if (parts.length === 1) {
      const system = this.systemFunctions.get(parts[0]!.toLowerCase());
      if (system !== undefined) return system;
    }
    const id = this.qualify(parts);
    const temporary = this.temporaryFunctions.get(functionKey(id));
    if (temporary !== undefined) return temporary;
    const catalog = this.catalogs.get(id.catalog);
    if (catalog === undefined) return null;
    const fn = catalog.databases.get(id.database)?.functions.get(id.name.toLowerCase());
    if (fn !== undefined) return fn;
    return catalog.known || parts.length === 1 ? null : 'opaque';
  }

  functionExists(id: ObjectIdentifier, temporary: boolean, system: boolean): boolean {
    if (system) return this.systemFunctions.has(id.name.toLowerCase());
    if (temporary) return this.temporaryFunctions.has(functionKey(id));
    return this.catalogs.get(id.catalog)?.databases.get(id.database)?.functions.has(id.name.toLowerCase()) ?? false;
  }

  userFunctionNames(): string[] {
    const names = [...this.systemFunctions.values(), ...this.temporaryFunctions.values()].map((f) => f.id.name);
    const db = this.catalogs.get(this.currentCatalog)?.databases.get(this.currentDatabase);
    for (const fn of db?.functions.values() ?? []) names.push(fn.id.name);
    return names;
  }

  // ---------------------------------------------------------------------------- seeding

  /** Adds what a catalog document contributes; its catalogs and databases are created as needed. */
  load(entries: CatalogEntries): void {
    for (const object of [...entries.tables, ...entries.views]) {
      this.ensureDatabase(object.id);
      this.put(object);
    }
    for (const fn of entries.functions) {
      this.ensureDatabase(fn.id);
      this.putFunction(fn);
    }
  }

  private ensureDatabase(id: ObjectIdentifier): void {
    if (!this.catalogs.has(id.catalog)) this.addCatalog(id.catalog, true, id.database);
    this.addDatabase(id.catalog, id.database);
  }

  /** Everything defined so far, as entries (catalogFromDdl). */
  entries(): CatalogEntries {
    const tables: CatalogTable[] = [];
    const views: CatalogView[] = [];
    const functions: CatalogFunction[] = [...this.systemFunctions.values(), ...this.temporaryFunctions.values()];
    const all: CatalogObject[] = [...this.temporary.values()];
    for (const catalog of this.catalogs.values()) {
      for (const database of catalog.databases.values()) {
        all.push(...database.objects.values());
        functions.push(...database.functions.values());
      }
    }
    for (const object of all) {
      if (object.kind === 'table') tables.push(object);
      else views.push(object);
    }
    return { tables, views, functions };
  }
}

function emptyDatabase(): DatabaseState {
  return { objects: new Map(), functions: new Map() };
}

function key(id: ObjectIdentifier): string {
  return `${id.catalog}\u0000${id.database}\u0000${id.name}`;
}

function functionKey(id: ObjectIdentifier): string {
  return `${id.catalog}\u0000${id.database}\u0000${id.name.toLowerCase()}`;
}
