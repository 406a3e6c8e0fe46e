import { UnstyledButton } from '@mantine/core';
import { dayParts, formatDayLabel } from '../../lib/date-time';
import classes from './slot-picker.module.css';

interface DateStripProps {
  dates: readonly string[];
  /** Free slots per date; a date with none is disabled. */
  counts: ReadonlyMap<string, number>;
  selected: string;
  onSelect: (date: string) => void;
}

/** One button per date ("Mon 7 Dec"), scrolling sideways on small screens. */
export function DateStrip({ dates, counts, selected, onSelect }: DateStripProps) {
  return (
    <div className={classes.strip} role="group" aria-label="Choose a date">
      {dates.map((date) => {
        const parts = dayParts(date);
        const count = counts.get(date) ?? 0;
        const isSelected = date === selected;
        return (
          <UnstyledButton
            key={date}
            className={classes.day}
            aria-label={formatDayLabel(date)}
            aria-pressed={isSelected}
            data-selected={isSelected || undefined}
            disabled={count === 0}
            onClick={() => onSelect(date)}
          >
            <span className={classes.weekday} aria-hidden>
              {parts.weekday}
            </span>
            <span className={classes.dayNumber} aria-hidden>
              {parts.day}
            </span>
            <span className={classes.month} aria-hidden>
              {parts.month}
            </span>
            <span className={classes.count} aria-hidden>
              {count === 0 ? '—' : `${count} free`}
            </span>
          </UnstyledButton>
        );
      })}
    </div>
  );
}
