import { Alert, Button, Form, Modal, ModalVariant } from "@patternfly/react-core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { ShownError } from "../errors";
import { escapeOutsidePopups } from "./dialogEscape";

type Props = {
  /** names the test ids and the form: `latchkey-<kind>-api-key-modal`, `-form`, `-submit`, `-cancel`, `-error`, … */
  kind: "create" | "rotate";
  title: string;
  submitLabel: string;
  canSubmit: boolean;
  saving: boolean;
  onSubmit: (event?: FormEvent) => void;
  onClose: () => void;
  /** shown above the form when the dialog came back after a fresh sign-in (and no error is shown) */
  signedInAgain?: string;
  /** a refusal shown above the form */
  error?: ShownError;
  children: ReactNode;
};

/**
 * The dialog around a form that mints a key (create, rotate): title, Submit and Cancel, Escape that leaves open
 * popups to close first, the note after a fresh sign-in and the refusal above the fields.
 */
export const KeyFormDialog = ({
  kind,
  title,
  submitLabel,
  canSubmit,
  saving,
  onSubmit,
  onClose,
  signedInAgain,
  error,
  children,
}: Props) => {
  const { t } = useTranslation();
  const prefix = `latchkey-${kind}-api-key`;
  return (
    <Modal
      variant={ModalVariant.medium}
      title={title}
      isOpen
      onClose={onClose}
      onEscapePress={escapeOutsidePopups(onClose)}
      data-testid={`${prefix}-modal`}
      actions={[
        <Button
          key="submit"
          variant="primary"
          type="submit"
          form={`${prefix}-form`}
          isDisabled={!canSubmit || saving}
          isLoading={saving}
          data-testid={`${prefix}-submit`}
        >
          {submitLabel}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose} data-testid={`${prefix}-cancel`}>
          {t("latchkeyCancel")}
        </Button>,
      ]}
    >
      <Form id={`${prefix}-form`} onSubmit={onSubmit}>
        {signedInAgain && !error && (
          <Alert isInline variant="info" title={signedInAgain} data-testid={`${prefix}-signed-in-again`} />
        )}
        {error && (
          <Alert isInline variant="danger" title={error.message} data-testid={`${prefix}-error`}>
            {error.detail}
          </Alert>
        )}
        {children}
      </Form>
    </Modal>
  );
};
