import { KycDecisionRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Modal } from '@mantine/core';
import { mappedResolver } from '../../../lib/form-resolver';
import type { KycDecisionBody } from '../api/use-kyc-decision';
import { ReasonForm, type ReasonFormProps, type ReasonValues } from './reason-form';

export type ReasonDecision = 'reject' | 'resubmit';

const COPY: Record<ReasonDecision, { title: string; text: string; placeholder: string; color: string }> = {
  reject: {
    title: 'Reject this application?',
    text: 'The doctor will not be listed. Tell them why; they will read this.',
    placeholder: 'e.g. The licence number does not match the council register.',
    color: 'red',
  },
  resubmit: {
    title: 'Ask for resubmission?',
    text: 'The doctor can correct their details or documents and submit again. Tell them what to fix.',
    placeholder: 'e.g. The identity document is blurred; please upload a clearer scan.',
    color: 'orange',
  },
};

/** The decision is fixed by the button that opened the modal; the form asks only for the reason. */
function decisionResolver(decision: ReasonDecision) {
  return mappedResolver(zodResolver(KycDecisionRequest), (values: ReasonValues): KycDecisionRequest => ({
    decision,
    reason: values.reason,
  }));
}

interface ReasonModalProps extends Pick<ReasonFormProps<KycDecisionBody>, 'pending' | 'onSubmit'> {
  decision: ReasonDecision | null;
  onClose: () => void;
}

/** Reject, or ask for resubmission: both need a reason the doctor will read. */
export function ReasonModal({ decision, onClose, pending, onSubmit }: ReasonModalProps) {
  const copy = decision ? COPY[decision] : null;
  return (
    <Modal opened={decision !== null} onClose={onClose} title={copy ? copy.title : ''} centered>
      {decision && copy ? (
        <ReasonForm
          key={decision}
          text={copy.text}
          resolver={decisionResolver(decision)}
          placeholder={copy.placeholder}
          confirmLabel="Confirm"
          confirmColor={copy.color}
          pending={pending}
          onCancel={onClose}
          onSubmit={onSubmit}
        />
      ) : null}
    </Modal>
  );
}
