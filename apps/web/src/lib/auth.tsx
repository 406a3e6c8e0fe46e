import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, LoginResponse, User } from '@doctime/contracts';
import { accessTokenAge, setAccessToken } from './access-token';
import { api, onSessionExpired, refreshAccessToken } from './api-client';

/** Access tokens live 15 minutes; renew them well before that. */
const REFRESH_EVERY_MS = 12 * 60 * 1000;

export const AUTH_PATHS = {
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/me',
} as const;

export interface LogoutOptions {
  /** Runs after the server ended the session and before the local session is cleared (e.g. navigate away first). */
  beforeClear?: () => unknown;
}

export interface AuthContextValue {
  /** The signed-in user, or null. */
  user: User | null;
  /** Logs in with e-mail and password and starts the session. Rejects with an ApiError. */
  login: (credentials: LoginRequest) => Promise<User>;
  /** Ends the session on the server (refresh cookie) and in this tab. Never rejects. */
  logout: (options?: LogoutOptions) => Promise<void>;
  /** Starts a session from a login response. */
  setSession: (accessToken: string, user: User) => void;
  /** Forgets the session in this tab only: token, user and cached server data. */
  clearSession: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

async function restoreSession(): Promise<User | null> {
  try {
    const token = await refreshAccessToken();
    if (!token) return null;
    const { user } = await api.get<{ user: User }>(AUTH_PATHS.me);
    return user;
  } catch {
    setAccessToken(null);
    return null;
  }
}

// Shared so React's development double-mount does not rotate the refresh cookie twice.
let restoring: Promise<User | null> | null = null;

interface AuthProviderProps {
  children: ReactNode;
  /** Shown while the session is restored from the refresh cookie at start-up. */
  fallback: ReactNode;
}

export function AuthProvider({ children, fallback }: AuthProviderProps) {
  const queryClient = useQueryClient();
  const [ready, setReady] = useState(false);
  const [user, setUser] = useState<User | null>(null);

  useEffect(() => {
    let active = true;
    restoring ??= restoreSession();
    void restoring.then((restored) => {
      if (!active) return;
      setUser(restored);
      setReady(true);
    });
    return () => {
      active = false;
    };
  }, []);

  const clearSession = useCallback(() => {
    setAccessToken(null);
    queryClient.clear();
    setUser(null);
  }, [queryClient]);

  const setSession = useCallback(
    (accessToken: string, nextUser: User) => {
      queryClient.clear();
      setAccessToken(accessToken);
      setUser(nextUser);
    },
    [queryClient],
  );

  const login = useCallback(
    async (credentials: LoginRequest) => {
      const response = await api.post<LoginResponse>(AUTH_PATHS.login, credentials);
      setSession(response.accessToken, response.user);
      return response.user;
    },
    [setSession],
  );

  const logout = useCallback(
    async (options: LogoutOptions = {}) => {
      try {
        await api.post<void>(AUTH_PATHS.logout);
      } catch {
        // The local session ends regardless; the cookie expires on its own.
      }
      await options.beforeClear?.();
      clearSession();
    },
    [clearSession],
  );

  // A failed refresh anywhere in the app means the session is over.
  useEffect(() => onSessionExpired(clearSession), [clearSession]);

  // Renew the access token before it expires, and on return to a tab whose timers slept.
  useEffect(() => {
    if (!user) return;
    const renew = () => {
      refreshAccessToken()
        .then((token) => {
          if (!token) clearSession();
        })
        .catch(() => {
          // Network or server trouble: keep the session and try again later.
        });
    };
    const timer = window.setInterval(renew, REFRESH_EVERY_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && accessTokenAge() > REFRESH_EVERY_MS) renew();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [user, clearSession]);

  const value = useMemo<AuthContextValue>(
    () => ({ user, login, logout, setSession, clearSession }),
    [user, login, logout, setSession, clearSession],
  );

  return <AuthContext value={value}>{ready ? children : fallback}</AuthContext>;
}

export function useAuth(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user, for pages behind a route guard. */
export function useCurrentUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser needs a signed-in user (render it behind a route guard)');
  return user;
}
