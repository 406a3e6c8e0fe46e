import type { UploadPurpose } from '@doctime/contracts';
import { Group, Input, Loader, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconCloudUpload } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState, type ChangeEvent, type ReactNode, type Ref } from 'react';
import { errorMessage } from '../lib/api-error';
import { acceptFor, describeUploadRule, uploadFile } from '../lib/upload';
import classes from './file-upload-field.module.css';

type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; fileName: string; progress: number }
  | { status: 'done'; fileName: string; fileId: string }
  | { status: 'failed'; fileName: string; message: string };

export interface FileUploadFieldProps {
  label: string;
  purpose: UploadPurpose;
  /** The uploaded file's id held by the form (null when none). */
  value: string | null | undefined;
  /** Receives the new file id once the file is safely in storage. */
  onChange: (fileId: string | null) => void;
  /** After a successful upload, with the chosen file (e.g. for a preview). */
  onUploaded?: (file: File, fileId: string) => void;
  /** Lets a form wait for uploads before it submits. */
  onUploadingChange?: (uploading: boolean) => void;
  /** Defaults to the accepted types and size limit. */
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** Defaults to every type the purpose allows. */
  accept?: string;
  /** Shown when the form holds a file from an earlier visit (nothing chosen now). */
  existing?: ReactNode;
  name?: string;
  onBlur?: () => void;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A file picker that uploads as soon as a file is chosen (straight to storage
 * through a presigned URL), shows progress, then "Uploaded" with the file name.
 * The label belongs to the real `<input type="file">`, which covers the box.
 */
export function FileUploadField({
  label,
  purpose,
  value,
  onChange,
  onUploaded,
  onUploadingChange,
  description,
  error,
  required,
  disabled,
  accept,
  existing,
  name,
  onBlur,
  ref,
}: FileUploadFieldProps) {
  const id = useId();
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => {
    const current = controllerRef;
    return () => current.current?.abort();
  }, []);

  const handleChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Clear the input so choosing the same file again still fires a change.
    event.target.value = '';
    if (!file) return;

    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setState({ status: 'uploading', fileName: file.name, progress: 0 });
    onUploadingChange?.(true);
    try {
      const fileId = await uploadFile(
        file,
        purpose,
        (progress) => {
          if (!controller.signal.aborted) setState({ status: 'uploading', fileName: file.name, progress });
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      setState({ status: 'done', fileName: file.name, fileId });
      onChange(fileId);
      onUploaded?.(file, fileId);
    } catch (uploadError) {
      if (controller.signal.aborted) return;
      setState({ status: 'failed', fileName: file.name, message: errorMessage(uploadError) });
    } finally {
      if (controllerRef.current === controller) {
        controllerRef.current = null;
        onUploadingChange?.(false);
      }
    }
  };

  const uploading = state.status === 'uploading';
  const uploaded = state.status === 'done' && state.fileId === value ? state : null;
  const shownError = state.status === 'failed' ? state.message : error;
  const hint = description ?? describeUploadRule(purpose);
  const describedBy = [hint ? `${id}-description` : null, shownError ? `${id}-error` : null].filter(Boolean).join(' ');

  let pickerText = 'Choose a file or drag it here';
  if (uploading) pickerText = `Uploading ${state.fileName}…`;
  else if (uploaded || value) pickerText = 'Choose another file to replace it';

  return (
    <Input.Wrapper id={id} label={label} description={hint} error={shownError} required={required}>
      <Stack gap={6} mt={4}>
        <div
          className={classes.picker}
          data-error={shownError ? true : undefined}
          data-disabled={disabled || uploading ? true : undefined}
        >
          <ThemeIcon variant="light" size={36} radius="md" aria-hidden>
            {uploading ? <Loader size={18} /> : <IconCloudUpload size={20} />}
          </ThemeIcon>
          <Text size="sm" className={classes.text} truncate="end" aria-hidden>
            {pickerText}
          </Text>
          <input
            ref={ref}
            id={id}
            name={name}
            type="file"
            className={classes.input}
            accept={accept ?? acceptFor(purpose)}
            disabled={disabled || uploading}
            required={required}
            aria-invalid={shownError ? true : undefined}
            aria-describedby={describedBy || undefined}
            onChange={(event) => void handleChange(event)}
            onBlur={onBlur}
          />
        </div>
        {uploading ? (
          <Group gap="sm" wrap="nowrap" aria-live="polite">
            <Progress value={state.progress} size="md" animated striped style={{ flex: 1 }} aria-label="Upload progress" />
            <Text size="xs" c="dimmed" w={40} ta="right">
              {state.progress}%
            </Text>
          </Group>
        ) : null}
        {uploaded ? (
          <Group gap={6} wrap="nowrap" aria-live="polite">
            <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden style={{ flexShrink: 0 }} />
            <Text size="sm" fw={600} c="green.8">
              Uploaded
            </Text>
            <Text size="sm" c="dimmed" truncate="end" miw={0} title={uploaded.fileName}>
              {uploaded.fileName}
            </Text>
          </Group>
        ) : null}
        {!uploading && !uploaded && value && existing ? existing : null}
      </Stack>
    </Input.Wrapper>
  );
}
