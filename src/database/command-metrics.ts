import type { Connection } from 'mongoose';
import { Counter, Registry } from 'prom-client';
import { ALL_MODELS } from './models';

/** Commands that name no collection (ping, endSessions, listCollections) are counted under this. */
const NO_COLLECTION = 'none';
/** A collection the service does not own, or a command name the driver would not send. */
const OTHER = 'other';
/** The service's own collections (a closed list): the only collection names a label takes. */
const OWN_COLLECTIONS = new Set(ALL_MODELS.map(({ schema }) => String(schema.get('collection'))));

interface StartedCommand {
  commandName: string;
  command: Record<string, unknown>;
}

/**
 * Counts every command the driver sends (command monitoring) as `mongodb_commands_total` by
 * collection and command name: the database work a lifecycle costs on any MongoDB, whatever
 * the server. Labels are bounded: collections are the service's own (ALL_MODELS), command
 * names are words; never a value from a document.
 */
export function countDatabaseCommands(connection: Connection, registry: Registry): Connection {
  const commands = new Counter({
    name: 'mongodb_commands_total',
    help: 'Database commands sent by the driver, by collection and command name.',
    labelNames: ['collection', 'command'],
    registers: [registry],
  });
  connection.getClient().on('commandStarted', (event: StartedCommand) => {
    commands.inc({ collection: collectionLabel(event), command: /^[A-Za-z]{1,40}$/.test(event.commandName) ? event.commandName : OTHER });
  });
  return connection;
}

function collectionLabel({ commandName, command }: StartedCommand): string {
  // A getMore names its cursor first and its collection under `collection`.
  const name = commandName === 'getMore' ? command.collection : command[commandName];
  if (typeof name !== 'string') return NO_COLLECTION;
  return OWN_COLLECTIONS.has(name) ? name : OTHER;
}
