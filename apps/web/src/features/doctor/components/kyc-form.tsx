import { SubmitKycRequest, type OwnDoctor } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Divider, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconUserExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { FileUploadField } from '../../../components/file-upload-field';
import { useServerErrors } from '../../../lib/form-errors';
import { mappedResolver } from '../../../lib/form-resolver';
import { useSubmitKyc, type KycBody } from '../api/use-submit-kyc';
import { ExistingFileLink } from './existing-file-link';
import { FormSection } from './form-section';
import { KYC_FIELDS, kycFormValues, toKycRequest, type KycDocumentKind, type KycFormValues } from './kyc-form-values';

const resolver = mappedResolver(zodResolver(SubmitKycRequest), toKycRequest);
const KYC_ACCEPT = 'application/pdf,image/jpeg,image/png';
const THIS_YEAR = new Date().getFullYear();

const DOCUMENTS: readonly { kind: KycDocumentKind; label: string; description: string; required: boolean }[] = [
  {
    kind: 'identity',
    label: 'Identity document',
    description: 'Passport, national ID or driving licence. PDF, JPEG or PNG, up to 10 MB.',
    required: true,
  },
  {
    kind: 'license',
    label: 'Licence document',
    description: 'Your medical registration certificate or licence. PDF, JPEG or PNG, up to 10 MB.',
    required: true,
  },
  {
    kind: 'degree',
    label: 'Degree certificate (optional)',
    description: 'Your medical degree. PDF, JPEG or PNG, up to 10 MB.',
    required: false,
  },
];

interface KycFormProps {
  doctor: OwnDoctor;
  /** Switches to the Profile tab. */
  onCompleteProfile: () => void;
}

function StatusHint({ doctor }: { doctor: OwnDoctor }) {
  const { status } = doctor.kyc;
  if (status === 'pending') {
    return (
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="Under review">
        These are the details you submitted. If you spot a mistake, correct it and submit again; the review starts over.
      </Alert>
    );
  }
  if (status === 'approved') {
    return (
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title="You are verified">
        Changing your registration details or documents sends your profile back to review, and patients cannot book you until an
        administrator approves it again.
      </Alert>
    );
  }
  return null;
}

/** The KYC tab: medical registration and documents, submitted for an administrator's review. */
export function KycForm({ doctor, onCompleteProfile }: KycFormProps) {
  const submit = useSubmitKyc();
  const [uploading, setUploading] = useState<Partial<Record<KycDocumentKind, boolean>>>({});
  const form = useForm<KycFormValues, unknown, KycBody>({ resolver, defaultValues: kycFormValues(doctor) });
  const { errors } = form.formState;
  const server = useServerErrors(form.setError, KYC_FIELDS);
  const anyUploading = Object.values(uploading).some(Boolean);
  const blocked = !doctor.profileComplete;
  const resubmitting = doctor.kyc.status !== 'not_submitted';

  const onSubmit = form.handleSubmit((values) => {
    server.clear();
    submit.mutate(values, {
      onSuccess: (data) => {
        notifications.show({ color: 'teal', message: 'Submitted for review' });
        form.reset(kycFormValues(data.doctor));
      },
      onError: server.handle,
    });
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="xl">
        {blocked ? (
          <Alert color="orange" variant="light" icon={<IconUserExclamation aria-hidden />} title="Complete your profile first">
            <Text size="sm">
              Administrators review your profile together with your documents, so save a complete profile before you submit.
            </Text>
            <Button size="xs" variant="light" color="orange" mt="sm" onClick={onCompleteProfile}>
              Go to the Profile tab
            </Button>
          </Alert>
        ) : (
          <StatusHint doctor={doctor} />
        )}
        <ErrorAlert error={server.alert} title="Your documents were not submitted" />

        <FormSection title="Medical registration" description="As printed on your registration certificate.">
          <TextInput
            label="Registration number"
            autoComplete="off"
            spellCheck={false}
            error={errors.registrationNumber?.message}
            required
            {...form.register('registrationNumber')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Issuing council"
              placeholder="e.g. National Medical Commission"
              error={errors.council?.message}
              required
              {...form.register('council')}
            />
            <Controller
              control={form.control}
              name="registrationYear"
              render={({ field, fieldState }) => (
                <NumberInput
                  ref={field.ref}
                  name={field.name}
                  label="Registration year"
                  placeholder={`e.g. ${THIS_YEAR - 10}`}
                  min={1950}
                  max={THIS_YEAR}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator={false}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  required
                  size="md"
                />
              )}
            />
          </SimpleGrid>
        </FormSection>

        <Divider />

        <FormSection
          title="Documents"
          description="Each file uploads as soon as you choose it. Only administrators reviewing your application can see them."
        >
          {DOCUMENTS.map((doc) => (
            <Controller
              key={doc.kind}
              control={form.control}
              name={`documents.${doc.kind}`}
              render={({ field, fieldState }) => (
                <FileUploadField
                  ref={field.ref}
                  name={field.name}
                  label={doc.label}
                  description={doc.description}
                  purpose="kyc-document"
                  accept={KYC_ACCEPT}
                  required={doc.required}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  onUploadingChange={(busy) => setUploading((current) => ({ ...current, [doc.kind]: busy }))}
                  error={fieldState.error?.message}
                  existing={field.value ? <ExistingFileLink fileId={field.value} /> : null}
                />
              )}
            />
          ))}
        </FormSection>

        <Group justify="flex-end" gap="sm">
          {anyUploading ? (
            <Text size="sm" c="dimmed">
              Waiting for uploads to finish…
            </Text>
          ) : null}
          <Button
            type="submit"
            size="md"
            loading={submit.isPending}
            disabled={blocked || anyUploading || submit.isPending}
            w={{ base: '100%', xs: 'auto' }}
          >
            Submit for review
          </Button>
        </Group>
        {resubmitting && !blocked ? (
          <Text size="xs" c="dimmed" ta="right" mt={-16}>
            Submitting again replaces your earlier submission.
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}
