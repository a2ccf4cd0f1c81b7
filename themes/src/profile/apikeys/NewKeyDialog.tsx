import { Alert, Button, ClipboardCopy, Modal, ModalVariant } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

import type { CreatedApiKey } from "../../api/apiKeys";
import { KeyScopeLabels } from "./KeyScopeLabels";

/** The new key, shown this once. */
export const NewKeyDialog = ({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Modal
      variant={ModalVariant.medium}
      title={t("latchkeyApiKeyCreatedTitle", { name: created.name })}
      isOpen
      onClose={onClose}
      data-testid="latchkey-new-api-key-modal"
      actions={[
        <Button key="done" variant="primary" onClick={onClose} data-testid="latchkey-new-api-key-done">
          {t("latchkeyDone")}
        </Button>,
      ]}
    >
      <Alert isInline variant="warning" title={t("latchkeyApiKeyShownOnce")} className="pf-v5-u-mb-md" data-testid="latchkey-new-api-key-warning">
        {t("latchkeyApiKeyShownOnceHelp")}
      </Alert>
      <ClipboardCopy
        isReadOnly
        isCode
        hoverTip={t("latchkeyCopy")}
        clickTip={t("latchkeyCopied")}
        textAriaLabel={t("latchkeyApiKey")}
        toggleAriaLabel={t("latchkeyCopy")}
        data-testid="latchkey-new-api-key"
      >
        {created.key}
      </ClipboardCopy>
      <div className="pf-v5-u-mt-md">
        <span className="pf-v5-u-mr-sm">{t("latchkeyApiKeyScope")}:</span>
        <KeyScopeLabels apiKey={created} />
      </div>
    </Modal>
  );
};
