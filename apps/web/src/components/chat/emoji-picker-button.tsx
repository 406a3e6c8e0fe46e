import { ActionIcon, Popover, Tooltip } from '@mantine/core';
import { IconMoodSmile } from '@tabler/icons-react';
import { EmojiPicker, type EmojiPickerListComponents } from 'frimousse';
import { useState } from 'react';
import classes from './chat.module.css';

/** The app serves Emojibase's data itself (see vite.config.ts): the picker fetches nothing from another origin. */
const EMOJIBASE_URL = '/emojibase';

/** The picker is unstyled: these give its parts the app's look. */
const listComponents: EmojiPickerListComponents = {
  CategoryHeader: ({ category, ...props }) => (
    <div {...props} className={classes.pickerHeader}>
      {category.label}
    </div>
  ),
  Row: ({ children, ...props }) => (
    <div {...props} className={classes.pickerRow}>
      {children}
    </div>
  ),
  Emoji: ({ emoji, ...props }) => (
    <button {...props} className={classes.pickerEmoji} data-active={emoji.isActive || undefined}>
      {emoji.emoji}
    </button>
  ),
};

/** A button opening a searchable emoji picker; the chosen emoji goes to `onPick`. */
export function EmojiPickerButton({ onPick, disabled }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="top-start" shadow="md" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <Tooltip label="Emoji" withArrow openDelay={400} disabled={opened}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label="Insert emoji"
            aria-expanded={opened}
            aria-haspopup="dialog"
            onClick={() => setOpened((open) => !open)}
            disabled={disabled}
          >
            <IconMoodSmile size={20} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label="Emoji picker">
        <EmojiPicker.Root
          className={classes.picker}
          emojibaseUrl={EMOJIBASE_URL}
          columns={8}
          onEmojiSelect={({ emoji }) => {
            onPick(emoji);
            setOpened(false);
          }}
        >
          <EmojiPicker.Search className={classes.pickerSearch} placeholder="Search emoji" aria-label="Search emoji" />
          <EmojiPicker.Viewport className={classes.pickerViewport}>
            <EmojiPicker.Loading className={classes.pickerStatus}>Loading emoji…</EmojiPicker.Loading>
            <EmojiPicker.Empty className={classes.pickerStatus}>No emoji found.</EmojiPicker.Empty>
            <EmojiPicker.List components={listComponents} />
          </EmojiPicker.Viewport>
        </EmojiPicker.Root>
      </Popover.Dropdown>
    </Popover>
  );
}
