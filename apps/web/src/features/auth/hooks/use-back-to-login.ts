import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';

/** Ends an e-mail step: confirms it, then opens the log-in page with the address filled in. */
export function useBackToLogin() {
  const navigate = useNavigate();
  return (message: string, email: string) => {
    notifications.show({ color: 'teal', message });
    void navigate('/login', { state: { email } });
  };
}
