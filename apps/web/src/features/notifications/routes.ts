/** The notification centre, for every signed-in role. */
export const NOTIFICATIONS_PAGE_PATH = '/notifications';
