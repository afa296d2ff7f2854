import { readFileSync } from 'node:fs';
import { journeySchema, LIBRARY_SCHEMA_PATH } from '../validate/schema.js';

type Schema = Record<string, unknown>;

/**
 * Walks the published schemas to tell, for any object in a map or a library, the order its keys
 * are documented in. The order lives in the schema's `properties` and nowhere else, so the format
 * reference, editors and `journey fmt` can never disagree.
 */
export class SchemaCursor {
  private constructor(
    private readonly schema: Schema | undefined,
    private readonly root: Schema,
  ) {}

  static forMap(): SchemaCursor {
    return new SchemaCursor(journeySchema(), journeySchema());
  }

  static forLibrary(): SchemaCursor {
    return new SchemaCursor(librarySchema(), journeySchema());
  }

  /** The documented keys of this object, in order; empty for free-form objects. */
  keyOrder(): readonly string[] {
    const properties = this.resolved()?.properties;
    return properties && typeof properties === 'object' ? Object.keys(properties) : [];
  }

  property(key: string): SchemaCursor {
    const properties = this.resolved()?.properties as Record<string, Schema> | undefined;
    return new SchemaCursor(properties?.[key], this.root);
  }

  items(): SchemaCursor {
    const items = this.resolved()?.items;
    return new SchemaCursor(items && typeof items === 'object' ? (items as Schema) : undefined, this.root);
  }

  private resolved(): Schema | undefined {
    let schema = this.schema;
    for (let hops = 0; schema && typeof schema.$ref === 'string' && hops < 16; hops++) {
      schema = resolveRef(schema.$ref, this.root);
    }
    return schema;
  }
}

/** Resolves `#/…` inside the journey schema, and `./journey.schema.json#/…` from the library schema. */
function resolveRef(ref: string, root: Schema): Schema | undefined {
  const hash = ref.indexOf('#');
  if (hash < 0) return undefined;
  let node: unknown = root;
  for (const segment of ref.slice(hash + 2).split('/')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Schema)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node && typeof node === 'object' ? (node as Schema) : undefined;
}

let library: Schema | undefined;
function librarySchema(): Schema {
  library ??= JSON.parse(readFileSync(LIBRARY_SCHEMA_PATH, 'utf8')) as Schema;
  return library;
}
