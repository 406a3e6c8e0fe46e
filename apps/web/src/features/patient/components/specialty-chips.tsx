import { Chip, Skeleton, Text } from '@mantine/core';
import { useSpecialties } from '../../../lib/use-specialties';
import { ALL_SPECIALTIES } from '../hooks/use-search-filters';
import classes from './specialty-chips.module.css';

interface SpecialtyChipsProps {
  /** The chosen specialty id, or '' for all. */
  value: string;
  onChange: (specialtyId: string) => void;
}

/** One chip per specialty, plus "All": choose one. */
export function SpecialtyChips({ value, onChange }: SpecialtyChipsProps) {
  const specialties = useSpecialties();
  if (specialties.isPending) {
    return (
      <div className={classes.row} aria-hidden>
        {Array.from({ length: 6 }, (_, index) => (
          <Skeleton key={index} height={30} width={90 + (index % 3) * 20} radius="xl" />
        ))}
      </div>
    );
  }
  if (specialties.isError) {
    return (
      <Text size="sm" c="dimmed">
        Specialties could not be loaded.
      </Text>
    );
  }
  return (
    <div role="group" aria-label="Specialties">
      <Chip.Group
        multiple={false}
        value={value || ALL_SPECIALTIES}
        onChange={(next) => onChange(next === ALL_SPECIALTIES ? '' : next)}
      >
        <div className={classes.row}>
          <Chip value={ALL_SPECIALTIES} type="radio" size="sm" variant="outline">
            All
          </Chip>
          {specialties.data.map((specialty) => (
            <Chip key={specialty.id} value={specialty.id} type="radio" size="sm" variant="outline">
              {specialty.name}
            </Chip>
          ))}
        </div>
      </Chip.Group>
    </div>
  );
}
