import { Adapter, MessageType, type BroadcastOptions, type ClusterAdapter, type ClusterMessage } from 'socket.io-adapter';

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
export function localFirst<A extends ClusterAdapter>(
  factory: (nsp: unknown) => A,
  /** Shown every packet another process broadcasts, whichever sockets it is for (every process reads them all). */
  onRemotePacket: (packet: Packet) => void = () => undefined,
): (nsp: unknown) => A {
  // A function, not an arrow: Socket.io calls it with `new` (what it returns is the adapter).
  return function localFirstAdapter(nsp) {
    const adapter = factory(nsp);
    // The cluster adapter's own members (protected in its types): its id among the processes, its
    // handler of what they send, and its fire-and-forget send.
    const cluster = adapter as unknown as {
      uid: string;
      onMessage(message: ClusterMessage, offset?: string): void;
      publish(message: unknown): void;
    };
    const [onMessage, publish] = [cluster.onMessage.bind(adapter), cluster.publish.bind(adapter)];
    cluster.onMessage = (message, offset) => {
      if (message.type === MessageType.BROADCAST && message.uid !== cluster.uid) onRemotePacket(message.data.packet as Packet);
      onMessage(message, offset);
    };
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
