import { Select, type SelectProps } from '@mantine/core';
import { useMemo, type Ref } from 'react';
import { timeZoneOptions } from '../lib/time-zones';

interface TimeZoneSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable'> {
  value: string;
  onChange: (timeZone: string) => void;
  ref?: Ref<HTMLInputElement>;
}

/** A searchable list of every IANA time zone the browser knows (plus `value`, if it is missing). */
export function TimeZoneSelect({ value, onChange, ...props }: TimeZoneSelectProps) {
  const data = useMemo(() => {
    const zones = timeZoneOptions();
    return value && !zones.includes(value) ? [value, ...zones] : zones;
  }, [value]);
  return (
    <Select
      data={data}
      searchable
      nothingFoundMessage="No time zone matches"
      allowDeselect={false}
      comboboxProps={{ width: 'target' }}
      {...props}
      value={value || null}
      onChange={(next) => {
        if (next) onChange(next);
      }}
    />
  );
}
