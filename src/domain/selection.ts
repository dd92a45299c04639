/**
 * What one GraphQL operation selects on objects of a given type, fragments resolved. Datasources use
 * it to ask the provider for no more than the response needs (Dailymotion `fields`, spec §5.1).
 */
export interface FieldSelection {
  /** Field names selected anywhere in the operation on objects that may be `typeName`; empty when none. */
  fieldsOn(typeName: string): ReadonlySet<string>;
}
