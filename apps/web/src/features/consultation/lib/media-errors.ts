/** What to tell someone whose camera or microphone could not be opened (getUserMedia's DOMException names). */
export function mediaErrorMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera and microphone are blocked. Allow them for this site in the browser’s address bar, then try again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera or microphone was found. Plug one in (or choose another), then try again.';
    case 'NotReadableError':
    case 'AbortError':
      return 'Your camera or microphone is in use by another app. Close it there, then try again.';
    default:
      return 'The camera and microphone could not be started. Check them, then try again.';
  }
}
