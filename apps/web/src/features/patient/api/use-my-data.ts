import { EXPORT_CONTENT_TYPE, type DeleteAccountRequest } from '@doctime/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiDownload, apiRequest } from '../../../lib/api-client';
import { saveFile } from '../../../lib/save-file';

export const MY_DATA_API = { export: '/api/v1/me/export', account: '/api/v1/me' } as const;

/** GET /me/export: downloads the zip of everything stored about the patient and saves it. */
export function useDownloadMyData() {
  return useMutation({
    mutationFn: async () => {
      const { blob, fileName } = await apiDownload(MY_DATA_API.export, EXPORT_CONTENT_TYPE);
      saveFile(blob, fileName ?? 'doctime-data.zip');
    },
  });
}

/** DELETE /me {password, confirm}: deletes the account; the session is over once it succeeds. */
export function useDeleteMyAccount() {
  return useMutation({
    mutationFn: (body: DeleteAccountRequest) => apiRequest<{ ok: true }>(MY_DATA_API.account, { method: 'DELETE', body }),
  });
}
