import { Avatar, Flex } from '@mantine/core';
import { useEffect, useState, type Ref } from 'react';
import { FileUploadField } from '../../../components/file-upload-field';

interface AvatarFieldProps {
  /** The doctor's name, for initials when there is no photo. */
  name: string;
  /** The saved photo's (short-lived) URL. */
  currentUrl: string | undefined;
  value: string | null;
  onChange: (fileId: string | null) => void;
  onUploadingChange: (uploading: boolean) => void;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** The profile photo: uploads on choose, then previews the new photo next to the picker. */
export function AvatarField({ name, currentUrl, value, onChange, onUploadingChange, error, ref }: AvatarFieldProps) {
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview);
    },
    [preview],
  );

  return (
    <Flex gap="md" align={{ base: 'flex-start', xs: 'center' }} direction={{ base: 'column', xs: 'row' }}>
      <Avatar
        src={preview ?? currentUrl ?? null}
        name={name}
        color="initials"
        size={88}
        radius={88}
        alt="Your photo"
        style={{ flexShrink: 0 }}
      />
      <div style={{ flex: 1, minWidth: 0, width: '100%' }}>
        <FileUploadField
          ref={ref}
          label="Profile photo"
          purpose="avatar"
          accept="image/jpeg,image/png,image/webp"
          description="A clear head-and-shoulders photo: JPEG, PNG or WebP, up to 5 MB."
          value={value}
          onChange={onChange}
          onUploadingChange={onUploadingChange}
          onUploaded={(file) => setPreview(URL.createObjectURL(file))}
          error={error}
        />
      </div>
    </Flex>
  );
}
