import { Adapter, MessageType, type BroadcastOptions, type ClusterAdapter } from 'socket.io-adapter';

type Packet = Parameters<Adapter['broadcast']>[0];

/**
 * Wraps a cluster adapter (here the Redis Streams one) so that a broadcast
 * reaches this process's sockets at once and is published to the other
 * processes beside it. The cluster adapter itself publishes first and waits
 * for Redis to store the packet (XADD) before any local socket gets it, to
 * tag it with its stream offset for connection state recovery: a Redis round
 * trip before every delivery, a chat message's included (decision 0022).
 *
 * A packet delivered here first carries no offset, so a tab that recovers its
 * connection is replayed from an earlier offset and may get it twice (the web
 * app drops what it has, and catches up from the database on every connect).
 * Packets from other processes still carry their offsets.
 */
export function localFirst<A extends ClusterAdapter>(factory: (nsp: unknown) => A): (nsp: unknown) => A {
  // A function, not an arrow: Socket.io calls it with `new` (what it returns is the adapter).
  return function localFirstAdapter(nsp) {
    const adapter = factory(nsp);
    // `publish` is the cluster adapter's own fire-and-forget send (protected in its types).
    const publish = (adapter as unknown as { publish(message: unknown): void }).publish.bind(adapter);
    adapter.broadcast = (packet: Packet, opts: BroadcastOptions) => {
      Adapter.prototype.broadcast.call(adapter, packet, opts);
      if (!opts.flags?.local)
        publish({
          type: MessageType.BROADCAST,
          data: { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags } },
        });
      return Promise.resolve();
    };
    return adapter;
  };
}
