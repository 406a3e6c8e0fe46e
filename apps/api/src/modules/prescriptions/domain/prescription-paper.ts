import type { PrescribedMedicine, PrescriptionStatus, Sex } from '@doctime/contracts';

/**
 * Everything the printed prescription shows, already decided (the renderer
 * only lays it out): one version, whether it is current, and how to verify it.
 */
export interface PrescriptionPaper {
  number: string;
  version: number;
  status: PrescriptionStatus;
  /** When superseded: the version that replaced it. */
  currentVersion?: number;
  issuedAt: Date;
  /** The doctor's time zone (IANA), for the dates printed. */
  timeZone: string;
  /** As shown: XXXX-XXXX. */
  verificationCode: string;
  /** The public verification page for this code; the QR code encodes exactly this. */
  verifyUrl: string;
  doctor: {
    name: string;
    qualifications: string[];
    specialty?: string;
    registrationNumber: string;
    council: string;
  };
  patient: { name: string; age?: number; sex?: Sex };
  diagnosis: string;
  medicines: PrescribedMedicine[];
  advice?: string;
  /** YYYY-MM-DD in the doctor's time zone. */
  followUpDate?: string;
}
