/** Languages offered as suggestions (doctor profile) and filters (doctor search). */
export const COMMON_LANGUAGES = [
  'English',
  'Hindi',
  'Spanish',
  'French',
  'Arabic',
  'Bengali',
  'Tamil',
  'Telugu',
  'Marathi',
  'German',
  'Mandarin',
  'Urdu',
] as const;
