/**
 * The migrations describe tables in SQLite's words (integer, real, blob,
 * autoIncrement); on PostgreSQL this plugin rewrites them as it spells them,
 * so one schema builder call serves both and SQLite's statements stay exactly
 * as they were. Integers become bigint: SQLite's integer holds 64 bits (file
 * times in milliseconds, sizes), PostgreSQL's only 32.
 */
import {
  OperationNodeTransformer,
  type ColumnDefinitionNode,
  type DataTypeNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

const TYPES: Partial<Record<DataTypeNode['dataType'], DataTypeNode['dataType']>> = {
  integer: 'bigint',
  real: 'double precision',
  blob: 'bytea',
};

class PostgresSchemaTransformer extends OperationNodeTransformer {
  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    const to = TYPES[node.dataType];
    return to ? { ...node, dataType: to } : node;
  }

  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const column = super.transformColumnDefinition(node);
    if (!column.autoIncrement) return column;
    // By default, not always: rows copied with their ids (a restore, db:copy) keep them.
    return { ...column, autoIncrement: false, generated: { kind: 'GeneratedNode', byDefault: true, identity: true } };
  }
}

export class PostgresSchemaPlugin implements KyselyPlugin {
  readonly #transformer = new PostgresSchemaTransformer();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
