import type { AvailabilityRules } from '@doctime/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { AVAILABILITY_KEY, AVAILABILITY_PREVIEW_KEY, DOCTOR_API } from './paths';

/** PUT /doctors/me/availability: publishes the rules (403 until the doctor is approved). */
export function useSaveAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: AvailabilityRules) => api.put<AvailabilityRules>(DOCTOR_API.availability, rules),
    onSuccess: (saved) => {
      queryClient.setQueryData(AVAILABILITY_KEY, saved);
      void queryClient.invalidateQueries({ queryKey: AVAILABILITY_PREVIEW_KEY });
    },
  });
}
