import { useEnvironment } from "@keycloak/keycloak-account-ui";
import { Alert, Button, Modal, ModalVariant } from "@patternfly/react-core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { deleteApiKey, type ApiKey } from "../../api/apiKeys";
import { LatchkeyApiError } from "../../api/request";
import { describeError, type ShownError } from "../errors";

type Props = {
  apiKey: ApiKey;
  onDeleted: () => void;
  onClose: () => void;
};

export const DeleteApiKeyModal = ({ apiKey, onDeleted, onClose }: Props) => {
  const { t } = useTranslation();
  const context = useEnvironment();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<ShownError>();

  const confirm = async () => {
    setDeleting(true);
    setError(undefined);
    try {
      await deleteApiKey(context, apiKey.id);
      onDeleted();
    } catch (failure) {
      // already gone (deleted elsewhere, or by an admin): what the user wanted
      if (failure instanceof LatchkeyApiError && failure.status === 404) {
        onDeleted();
        return;
      }
      setError(describeError(t, failure));
      setDeleting(false);
    }
  };

  return (
    <Modal
      variant={ModalVariant.small}
      titleIconVariant="warning"
      title={t("latchkeyDeleteApiKeyTitle")}
      isOpen
      onClose={onClose}
      data-testid="latchkey-delete-api-key-modal"
      actions={[
        <Button
          key="delete"
          variant="danger"
          onClick={confirm}
          isDisabled={deleting}
          isLoading={deleting}
          data-testid="latchkey-delete-api-key-confirm"
        >
          {t("latchkeyDelete")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose} data-testid="latchkey-delete-api-key-cancel">
          {t("latchkeyCancel")}
        </Button>,
      ]}
    >
      {error && (
        <Alert isInline variant="danger" title={error.message} className="pf-v5-u-mb-md" data-testid="latchkey-delete-api-key-error">
          {error.detail}
        </Alert>
      )}
      {t("latchkeyDeleteApiKeyText", { name: apiKey.name })}
    </Modal>
  );
};
