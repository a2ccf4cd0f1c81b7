import { useEnvironment } from "@keycloak/keycloak-account-ui";
import { FormGroup, Radio, Text, TextContent } from "@patternfly/react-core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { rotateApiKey, type ApiKey, type ApiKeyInfo, type CreatedApiKey } from "../../api/apiKeys";
import { LatchkeyApiError } from "../../api/request";
import { lastValidDay, todayIn } from "../../format/dates";
import { describeError, type ShownError } from "../errors";
import { useFormat } from "../ProfileSettings";
import { ExpirationField } from "./ExpirationField";
import { KeyFormDialog } from "./KeyFormDialog";
import type { KeyDraft } from "./keyDraft";
import { checkDay, latestDay } from "./newKeyRules";
import { signInAgain } from "./reauthenticate";
import { defaultGrace, graceChoices } from "./rotation";

type Props = {
  info: ApiKeyInfo;
  apiKey: ApiKey;
  /** The day and grace chosen before a fresh sign-in, to fill the form with again. */
  draft?: KeyDraft;
  /** The new key, and the grace the old one was given. */
  onRotated: (created: CreatedApiKey, graceSeconds: number) => void;
  onClose: () => void;
};

/** A new secret for a key: same name, description and scope; the old key works for the grace chosen. */
export const RotateApiKeyForm = ({ info, apiKey, draft, onRotated, onClose }: Props) => {
  const { t } = useTranslation();
  const context = useEnvironment();
  const format = useFormat();

  const today = todayIn(format.timeZone);
  const lastDay = latestDay(info, today);
  // the old key's own last day when the calendar may still offer it: a rotation need not change the expiration
  const keptDay = lastValidDay(apiKey.expiresAt, format.timeZone);
  const [expiresAt, setExpiresAt] = useState(
    draft?.expiresAt || (keptDay && keptDay >= today && keptDay <= lastDay ? keptDay : lastDay),
  );
  const [graceSeconds, setGraceSeconds] = useState(
    draft?.rotate?.graceSeconds ?? defaultGrace(info.maxRotationGraceSeconds),
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ShownError>();

  const dayError = checkDay(info, expiresAt, today, t, format.day);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (dayError || saving) return;
    setSaving(true);
    setError(undefined);
    try {
      const created = await rotateApiKey(context, apiKey.id, { expiresAt, timeZone: format.timeZone, graceSeconds });
      onRotated(created, graceSeconds);
    } catch (failure) {
      if (failure instanceof LatchkeyApiError && failure.code === "reauthentication_required") {
        // as for a create: the dialog comes back filled after the sign-in, the user presses Rotate again
        await signInAgain(context, {
          name: apiKey.name,
          description: "",
          expiresAt,
          rotate: { id: apiKey.id, graceSeconds },
        });
        return;
      }
      setError(describeError(t, failure));
      setSaving(false);
    }
  };

  return (
    <KeyFormDialog
      kind="rotate"
      title={t("latchkeyRotateApiKeyTitle", { name: apiKey.name })}
      submitLabel={t("latchkeyRotate")}
      canSubmit={dayError === undefined}
      saving={saving}
      onSubmit={submit}
      onClose={onClose}
      signedInAgain={draft && t("latchkeyRotateSignedInAgain")}
      error={error}
    >
        <TextContent>
          <Text component="p">{t("latchkeyRotateApiKeyText")}</Text>
        </TextContent>
        <FormGroup role="radiogroup" isStack label={t("latchkeyRotateGrace")} fieldId="latchkey-rotate-grace">
          {graceChoices(info.maxRotationGraceSeconds).map((choice) => (
            <Radio
              key={choice.seconds}
              id={`latchkey-rotate-grace-${choice.seconds}`}
              name="latchkey-rotate-grace"
              label={t(choice.label)}
              isChecked={graceSeconds === choice.seconds}
              onChange={() => setGraceSeconds(choice.seconds)}
              data-testid={`latchkey-rotate-grace-${choice.seconds}`}
            />
          ))}
        </FormGroup>
        <ExpirationField info={info} value={expiresAt} onChange={setExpiresAt} today={today} error={dayError} />
    </KeyFormDialog>
  );
};
