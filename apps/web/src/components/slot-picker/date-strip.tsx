import { ActionIcon, UnstyledButton } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useRef } from 'react';
import { dayParts, formatDayLabel } from '../../lib/date-time';
import classes from './slot-picker.module.css';

interface DateStripProps {
  dates: readonly string[];
  /** Free slots per date; a date with none is disabled. */
  counts: ReadonlyMap<string, number>;
  selected: string;
  onSelect: (date: string) => void;
}

/** One button per date ("Mon 7 Dec"), scrolling sideways; arrows scroll it for mouse users. */
export function DateStrip({ dates, counts, selected, onSelect }: DateStripProps) {
  const stripRef = useRef<HTMLDivElement>(null);
  const scroll = (direction: 1 | -1) => {
    const strip = stripRef.current;
    if (strip) strip.scrollBy({ left: direction * Math.max(140, strip.clientWidth * 0.75), behavior: 'smooth' });
  };

  return (
    <div className={classes.stripWrap}>
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        className={classes.arrow}
        aria-label="Earlier dates"
        onClick={() => scroll(-1)}
        visibleFrom="xs"
      >
        <IconChevronLeft size={16} aria-hidden />
      </ActionIcon>
      <div className={classes.strip} role="group" aria-label="Choose a date" ref={stripRef}>
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
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        className={classes.arrow}
        aria-label="Later dates"
        onClick={() => scroll(1)}
        visibleFrom="xs"
      >
        <IconChevronRight size={16} aria-hidden />
      </ActionIcon>
    </div>
  );
}
