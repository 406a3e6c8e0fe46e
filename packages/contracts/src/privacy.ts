import { z } from 'zod';
import { Notification } from './notifications.ts';
import { Appointment } from './appointments.ts';
import { PASSWORD_MAX_LENGTH, Role } from './identity.ts';
import { MedicalProfile } from './patients.ts';

/** What the patient types to confirm that the account, and its data, should go. */
export const DELETE_CONFIRMATION = 'DELETE';

/** DELETE /api/v1/me: the password again, and the word typed out. */
export const DeleteAccountRequest = z
  .object({
    password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH),
    confirm: z.literal(DELETE_CONFIRMATION, { message: `Type ${DELETE_CONFIRMATION} in capitals to confirm` }),
  })
  .meta({ id: 'DeleteAccountRequest' });
export type DeleteAccountRequest = z.input<typeof DeleteAccountRequest>;

/** The account as the export gives it back. */
export const ExportedAccount = z.object({
  id: z.string(),
  role: Role,
  name: z.string(),
  email: z.string(),
  phone: z.string().optional(),
  emailVerified: z.boolean(),
  createdAt: z.string(),
});

/**
 * `data.json` of GET /api/v1/me/export (a zip that also holds README.txt and
 * a `prescriptions/` folder of PDFs). Sections of modules still to come are
 * empty lists until those modules fill them.
 */
export const PersonalDataExport = z
  .object({
    exportedAt: z.string(),
    account: ExportedAccount,
    medicalProfile: MedicalProfile.nullable(),
    appointments: z.array(Appointment),
    prescriptions: z.array(z.unknown()),
    messages: z.array(z.unknown()),
    notifications: z.array(Notification),
  })
  .meta({ id: 'PersonalDataExport' });
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;

/** The export's media type (its body is a zip archive). */
export const EXPORT_CONTENT_TYPE = 'application/zip';
