import { MESSAGE_TEXT_MAX } from '@doctime/contracts';
import { ActionIcon, Alert, FileButton, Group, Textarea, Tooltip } from '@mantine/core';
import { IconMicrophone, IconPaperclip, IconSend2, IconVideo } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import classes from './chat.module.css';
import { AttachmentPreview } from './attachment-preview';
import { EmojiPickerButton } from './emoji-picker-button';
import { ATTACH_ACCEPT, checkChatFile, type MediaKind } from './media-recording';
import type { Draft } from './use-thread';
import { VideoRecorderModal } from './video-recorder-modal';
import { VoiceRecorder } from './voice-recorder';

interface ComposerProps {
  peerName: string;
  onSend: (draft: Draft) => void;
  /** Each keystroke (typing indicator) and the end of typing. */
  onTyping: () => void;
  onStopTyping: () => void;
}

/**
 * Writes and sends: Enter sends, Shift+Enter starts a new line; emoji, an
 * image or PDF (previewed first), a voice note or a video clip.
 */
export function Composer({ peerName, onSend, onTyping, onStopTyping }: ComposerProps) {
  const [text, setText] = useState('');
  const [attachment, setAttachmentState] = useState<{ file: File; kind: MediaKind; previewUrl?: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [mode, setMode] = useState<'text' | 'voice'>('text');
  const [videoOpen, setVideoOpen] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const resetFile = useRef<() => void>(null);
  const previewUrl = useRef<string | undefined>(undefined);

  /** Shows a chosen file (an image with a local preview URL, freed when replaced or gone). */
  const setAttachment = (next: { file: File; kind: MediaKind } | null) => {
    if (previewUrl.current) URL.revokeObjectURL(previewUrl.current);
    previewUrl.current = next?.kind === 'image' ? URL.createObjectURL(next.file) : undefined;
    setAttachmentState(next && { ...next, previewUrl: previewUrl.current });
  };
  useEffect(
    () => () => {
      if (previewUrl.current) URL.revokeObjectURL(previewUrl.current);
    },
    [],
  );

  const sendText = () => {
    const value = text.trim();
    if (!value || value.length > MESSAGE_TEXT_MAX) return;
    onSend({ kind: 'text', text: value });
    setText('');
    onStopTyping();
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      sendText();
    }
  };

  const insertEmoji = (emoji: string) => {
    const el = input.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + emoji + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  const choose = (file: File | null) => {
    resetFile.current?.();
    if (!file) return;
    const checked = checkChatFile(file);
    if ('problem' in checked) {
      setProblem(checked.problem);
      setAttachment(null);
    } else {
      setProblem(null);
      setAttachment({ file, kind: checked.kind });
    }
  };

  const sendRecording = (kind: 'audio' | 'video') => (recording: { file: File; durationMs: number }) =>
    onSend({ kind, file: recording.file, durationMs: recording.durationMs });

  const tooLong = text.length > MESSAGE_TEXT_MAX;
  const hasText = text.trim().length > 0;

  return (
    <div className={classes.composer}>
      {problem ? (
        <Alert
          color="red"
          variant="light"
          mb="xs"
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setProblem(null)}
        >
          {problem}
        </Alert>
      ) : null}
      {attachment ? (
        <AttachmentPreview
          file={attachment.file}
          kind={attachment.kind}
          previewUrl={attachment.previewUrl}
          onRemove={() => setAttachment(null)}
          onSend={() => {
            onSend({ kind: attachment.kind, file: attachment.file });
            setAttachment(null);
            input.current?.focus();
          }}
        />
      ) : null}
      {mode === 'voice' ? (
        <VoiceRecorder
          onSend={sendRecording('audio')}
          onClose={() => {
            setMode('text');
            requestAnimationFrame(() => input.current?.focus());
          }}
        />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            sendText();
          }}
        >
          <Group gap={4} wrap="nowrap" align="flex-end">
            <EmojiPickerButton onPick={insertEmoji} />
            <FileButton onChange={choose} accept={ATTACH_ACCEPT} resetRef={resetFile}>
              {(props) => (
                <Tooltip label="Attach an image or PDF" withArrow openDelay={400}>
                  <ActionIcon {...props} variant="subtle" color="gray" size="lg" aria-label="Attach an image or PDF">
                    <IconPaperclip size={20} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              )}
            </FileButton>
            <Textarea
              ref={input}
              aria-label={`Message to ${peerName}`}
              placeholder="Message"
              autosize
              minRows={1}
              maxRows={5}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                if (event.currentTarget.value) onTyping();
                else onStopTyping();
              }}
              onKeyDown={onKeyDown}
              onBlur={onStopTyping}
              error={tooLong ? `Keep a message under ${MESSAGE_TEXT_MAX} characters` : undefined}
              style={{ flex: 1, minWidth: 0 }}
            />
            {hasText ? null : (
              <>
                <Tooltip label="Record a voice note" withArrow openDelay={400}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label="Record a voice note"
                    onClick={() => setMode('voice')}
                  >
                    <IconMicrophone size={20} aria-hidden />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Record a video clip" withArrow openDelay={400}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label="Record a video clip"
                    onClick={() => setVideoOpen(true)}
                  >
                    <IconVideo size={20} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </>
            )}
            <ActionIcon type="submit" size="lg" aria-label="Send message" disabled={!hasText || tooLong}>
              <IconSend2 size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </form>
      )}
      <VideoRecorderModal opened={videoOpen} onClose={() => setVideoOpen(false)} onSend={sendRecording('video')} />
    </div>
  );
}
