import { Outlet } from 'react-router';
import { useChatLive } from '../../components/chat/use-chat-live';
import { useAuth } from '../../lib/auth';
import { useRealtimeSession } from '../../lib/realtime';

function ChatLive({ me }: { me: string }) {
  useChatLive(me);
  return null;
}

/** The root of every route: one live connection per tab while signed in, and the chat caches kept live for patients and doctors. */
export function RealtimeSession() {
  const { user } = useAuth();
  useRealtimeSession(user !== null);
  return (
    <>
      {user && user.role !== 'admin' ? <ChatLive key={user.id} me={user.id} /> : null}
      <Outlet />
    </>
  );
}
