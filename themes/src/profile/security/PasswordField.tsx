import {
  Button,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  InputGroup,
  InputGroupItem,
  TextInput,
} from "@patternfly/react-core";
import { EyeIcon, EyeSlashIcon } from "@patternfly/react-icons";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: "current-password" | "new-password";
  error?: string;
  /** Shown under the field when there is no error (e.g. policy hints). */
  helper?: ReactNode;
};

/** A password input with a show/hide toggle; its error is shown right under it. */
export const PasswordField = ({ id, label, value, onChange, autoComplete, error, helper }: Props) => {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <FormGroup label={label} fieldId={id} isRequired>
      <InputGroup>
        <InputGroupItem isFill>
          <TextInput
            id={id}
            name={id}
            type={visible ? "text" : "password"}
            value={value}
            onChange={(_, text) => onChange(text)}
            autoComplete={autoComplete}
            isRequired
            validated={error ? "error" : "default"}
            aria-describedby={error ? `${id}-error` : undefined}
            data-testid={id}
          />
        </InputGroupItem>
        <InputGroupItem>
          <Button
            variant="control"
            onClick={() => setVisible(!visible)}
            aria-label={t(visible ? "latchkeyHidePassword" : "latchkeyShowPassword", { field: label })}
            aria-pressed={visible}
            data-testid={`${id}-toggle`}
          >
            {visible ? <EyeSlashIcon aria-hidden /> : <EyeIcon aria-hidden />}
          </Button>
        </InputGroupItem>
      </InputGroup>
      {(error || helper) && (
        <FormHelperText>
          {error ? (
            <HelperText>
              <HelperTextItem variant="error" id={`${id}-error`} data-testid={`${id}-error`}>
                {error}
              </HelperTextItem>
            </HelperText>
          ) : (
            helper
          )}
        </FormHelperText>
      )}
    </FormGroup>
  );
};
