import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { queriesOfCommand, type QueryShape } from './index-coverage.ts';

/**
 * Runs `build` (which creates and connects the API's Mongo client) with the
 * driver's command monitoring on for every client it connects, and hands
 * each query those clients send from then on (start-up included) to
 * `onQuery`. Clients connected before or after `build` (a test's own) are not
 * watched. The hook is the driver's public `monitorCommands` option and its
 * `commandStarted` event; `connect` is wrapped only while `build` runs.
 */
export async function recordingQueries<T>(build: () => Promise<T>, onQuery: (query: QueryShape) => void): Promise<T> {
  const connect = MongoClient.prototype.connect;
  MongoClient.prototype.connect = function (this: MongoClient) {
    this.options.monitorCommands = true; // read when connect creates the connection pool
    this.on('commandStarted', (event: CommandStartedEvent) => {
      if (event.databaseName === 'admin') return; // the driver's own handshakes and sessions
      for (const query of queriesOfCommand(event.commandName, event.command)) onQuery(query);
    });
    return connect.call(this);
  } as typeof connect;
  try {
    return await build();
  } finally {
    MongoClient.prototype.connect = connect;
  }
}
