import { useEnvironment } from "@keycloak/keycloak-account-ui";
import {
  Alert,
  Button,
  ClipboardCopy,
  DatePicker,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalVariant,
  TextArea,
  TextInput,
} from "@patternfly/react-core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { createApiKey, type ApiKeyInfo, type CreatedApiKey } from "../../api/apiKeys";
import { firstDayOfWeek, parseDay, todayIn } from "../../format/dates";
import { describeError, type ShownError } from "../errors";
import { useFormat } from "../ProfileSettings";
import { checkDay, checkNewKey, latestDay } from "./newKeyRules";

type Props = {
  info: ApiKeyInfo;
  onCreated: (created: CreatedApiKey) => void;
  onClose: () => void;
};

/** Create a key, then show it once. */
export const CreateApiKeyModal = ({ info, onCreated, onClose }: Props) => {
  const [created, setCreated] = useState<CreatedApiKey>();
  return created ? (
    <NewKeyDialog created={created} onClose={onClose} />
  ) : (
    <CreateForm
      info={info}
      onCreated={(key) => {
        setCreated(key);
        onCreated(key);
      }}
      onClose={onClose}
    />
  );
};

const toDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
const fromDay = (day: string) => {
  const utc = parseDay(day);
  return utc ? new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()) : new Date(Number.NaN);
};

const CreateForm = ({ info, onCreated, onClose }: Props) => {
  const { t } = useTranslation();
  const context = useEnvironment();
  const format = useFormat();

  // "today" and the latest day in the zone the page shows dates in, which is also the zone sent with the day
  const today = todayIn(format.timeZone);
  const lastDay = latestDay(info, today);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [expiresAt, setExpiresAt] = useState(lastDay);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ShownError>();

  const trimmedName = name.trim();
  const problems = checkNewKey(info, { name, description, expiresAt }, today, t, format.day);
  const dayError = problems.expiresAt;
  const valid = trimmedName !== "" && Object.keys(problems).length === 0;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!valid || saving) return;
    setSaving(true);
    setError(undefined);
    try {
      onCreated(
        await createApiKey(context, {
          name: trimmedName,
          description: description.trim() || undefined,
          expiresAt,
          timeZone: format.timeZone,
        }),
      );
    } catch (failure) {
      setError(describeError(t, failure));
      setSaving(false);
    }
  };

  const nameError = problems.name ?? (error?.place === "name" ? error.message : undefined);
  const formError = error && error.place !== "name" ? error : undefined;

  return (
    <Modal
      variant={ModalVariant.medium}
      title={t("latchkeyCreateApiKey")}
      isOpen
      onClose={onClose}
      data-testid="latchkey-create-api-key-modal"
      actions={[
        <Button
          key="create"
          variant="primary"
          type="submit"
          form="latchkey-create-api-key-form"
          isDisabled={!valid || saving}
          isLoading={saving}
          data-testid="latchkey-create-api-key-submit"
        >
          {t("latchkeyCreate")}
        </Button>,
        <Button key="cancel" variant="link" onClick={onClose} data-testid="latchkey-create-api-key-cancel">
          {t("latchkeyCancel")}
        </Button>,
      ]}
    >
      <Form id="latchkey-create-api-key-form" onSubmit={submit}>
        {formError && (
          <Alert isInline variant="danger" title={formError.message} data-testid="latchkey-create-api-key-error">
            {formError.detail}
          </Alert>
        )}
        <FormGroup label={t("latchkeyApiKeyName")} fieldId="latchkey-api-key-name" isRequired>
          <TextInput
            id="latchkey-api-key-name"
            value={name}
            onChange={(_, value) => {
              setName(value);
              if (error?.place === "name") setError(undefined);
            }}
            isRequired
            autoFocus
            validated={nameError ? "error" : "default"}
            aria-describedby={nameError ? "latchkey-api-key-name-error" : undefined}
            data-testid="latchkey-api-key-name"
          />
          {nameError && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="error" id="latchkey-api-key-name-error" data-testid="latchkey-api-key-name-error">
                  {nameError}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        <FormGroup label={t("latchkeyApiKeyDescription")} fieldId="latchkey-api-key-description">
          <TextArea
            id="latchkey-api-key-description"
            value={description}
            onChange={(_, value) => setDescription(value)}
            resizeOrientation="vertical"
            validated={problems.description ? "error" : "default"}
            aria-describedby={problems.description ? "latchkey-api-key-description-error" : undefined}
            data-testid="latchkey-api-key-description"
          />
          {problems.description && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem
                  variant="error"
                  id="latchkey-api-key-description-error"
                  data-testid="latchkey-api-key-description-error"
                >
                  {problems.description}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        <FormGroup label={t("latchkeyApiKeyExpiration")} fieldId="latchkey-api-key-expiration" isRequired>
          <DatePicker
            value={expiresAt}
            onChange={(_, value) => setExpiresAt(value)}
            dateFormat={toDay}
            dateParse={fromDay}
            placeholder="YYYY-MM-DD"
            locale={format.locale}
            weekStart={firstDayOfWeek(format.locale)}
            rangeStart={fromDay(today)}
            // the calendar offers only the days the server takes: today through the latest day, in the page's zone
            validators={[(date) => checkDay(info, toDay(date), today, t, format.day) ?? ""]}
            invalidFormatText={t("latchkeyExpirationInvalid")}
            buttonAriaLabel={t("latchkeyChooseDate")}
            inputProps={{ id: "latchkey-api-key-expiration", "data-testid": "latchkey-api-key-expiration" } as object}
            appendTo={() => document.body}
            popoverProps={{ position: "right", enableFlip: true }}
          />
          <FormHelperText>
            <HelperText>
              <HelperTextItem
                variant={dayError ? "error" : "default"}
                data-testid="latchkey-api-key-expiration-help"
              >
                {dayError ??
                  t("latchkeyExpirationHelp", {
                    date: format.day(expiresAt),
                    zone: format.timeZone,
                    days: info.maxLifetimeDays,
                  })}
              </HelperTextItem>
            </HelperText>
          </FormHelperText>
        </FormGroup>
      </Form>
    </Modal>
  );
};

const NewKeyDialog = ({ created, onClose }: { created: CreatedApiKey; onClose: () => void }) => {
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
    </Modal>
  );
};
