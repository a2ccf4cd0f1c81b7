import { LatchkeyApiError } from "../api/request";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Where a refusal is shown: next to a form field, or above the form. */
export type ErrorPlace =
  | "currentPassword"
  | "newPassword"
  | "confirmation"
  | "name"
  | "locale"
  | "timezone"
  | "form";

type KnownError = { key: string; place: ErrorPlace };

// Error codes of the README's REST API tables, and the password-policy message keys Keycloak's PolicyError carries.
const KNOWN: Record<string, KnownError> = {
  invalid_current_password: { key: "latchkeyErrorInvalidCurrentPassword", place: "currentPassword" },
  password_mismatch: { key: "latchkeyErrorPasswordMismatch", place: "confirmation" },
  too_many_attempts: { key: "latchkeyErrorTooManyAttempts", place: "form" },
  password_managed_externally: { key: "latchkeyErrorPasswordManagedExternally", place: "form" },
  password_not_set: { key: "latchkeyErrorPasswordNotSet", place: "form" },
  password_rejected: { key: "latchkeyErrorPasswordRejected", place: "newPassword" },
  invalid_locale: { key: "latchkeyErrorInvalidLocale", place: "locale" },
  invalid_timezone: { key: "latchkeyErrorInvalidTimezone", place: "timezone" },
  attribute_read_only: { key: "latchkeyErrorAttributeReadOnly", place: "form" },
  invalid_user_profile: { key: "latchkeyErrorInvalidUserProfile", place: "form" },
  insufficient_scope: { key: "latchkeyErrorInsufficientScope", place: "form" },
  api_keys_disabled: { key: "latchkeyErrorApiKeysDisabled", place: "form" },
  api_access_role_required: { key: "latchkeyErrorApiAccessRoleRequired", place: "form" },
  api_key_limit_reached: { key: "latchkeyErrorApiKeyLimitReached", place: "form" },
  api_key_name_taken: { key: "latchkeyErrorApiKeyNameTaken", place: "name" },
  // the dialog signs the user in again instead; shown only if that could not start
  reauthentication_required: { key: "latchkeyErrorReauthenticationRequired", place: "form" },
  client_not_allowed: { key: "latchkeyErrorClientNotAllowed", place: "form" },
  impersonation_not_allowed: { key: "latchkeyErrorImpersonationNotAllowed", place: "form" },
  not_found: { key: "latchkeyErrorNotFound", place: "form" },
  invalid_request: { key: "latchkeyErrorInvalidRequest", place: "form" },
  invalidPasswordMinLengthMessage: { key: "latchkeyPasswordErrorMinLength", place: "newPassword" },
  invalidPasswordMaxLengthMessage: { key: "latchkeyPasswordErrorMaxLength", place: "newPassword" },
  invalidPasswordMinDigitsMessage: { key: "latchkeyPasswordErrorDigits", place: "newPassword" },
  invalidPasswordMinLowerCaseCharsMessage: { key: "latchkeyPasswordErrorLowerCase", place: "newPassword" },
  invalidPasswordMinUpperCaseCharsMessage: { key: "latchkeyPasswordErrorUpperCase", place: "newPassword" },
  invalidPasswordMinSpecialCharsMessage: { key: "latchkeyPasswordErrorSpecialChars", place: "newPassword" },
  invalidPasswordNotUsernameMessage: { key: "latchkeyPasswordErrorNotUsername", place: "newPassword" },
  invalidPasswordNotContainsUsernameMessage: { key: "latchkeyPasswordErrorNotContainsUsername", place: "newPassword" },
  invalidPasswordNotEmailMessage: { key: "latchkeyPasswordErrorNotEmail", place: "newPassword" },
  invalidPasswordRegexPatternMessage: { key: "latchkeyPasswordErrorRegexPattern", place: "newPassword" },
  invalidPasswordHistoryMessage: { key: "latchkeyPasswordErrorHistory", place: "newPassword" },
  invalidPasswordBlacklistedMessage: { key: "latchkeyPasswordErrorBlacklisted", place: "newPassword" },
  invalidPasswordGenericMessage: { key: "latchkeyPasswordErrorGeneric", place: "newPassword" },
};

export type ShownError = { place: ErrorPlace; message: string; detail?: string };

// Errors whose first param names the user-profile attribute concerned.
const ABOUT_ATTRIBUTE = new Set(["attribute_read_only", "invalid_user_profile"]);
const ATTRIBUTE_PLACES: Record<string, ErrorPlace> = { locale: "locale", timezone: "timezone" };

// Detail worth showing (English, from the server) where the message itself has to stay general.
const WITH_DETAIL = new Set(["latchkeyErrorInvalidRequest", "latchkeyErrorInvalidUserProfile", "latchkeyErrorPasswordRejected"]);

/**
 * A failed call as a message in the user's language and the place to show it. The server's own description
 * (English) is kept as a detail only where no specific message exists.
 */
export function describeError(t: Translate, error: unknown): ShownError {
  if (!(error instanceof LatchkeyApiError)) {
    return { place: "form", message: t("latchkeyErrorNetwork") };
  }
  const params = Object.fromEntries(error.params.map((value, index) => [String(index), value]));
  const known =
    KNOWN[error.code] ??
    (error.code.startsWith("invalidPassword") ? KNOWN.invalidPasswordGenericMessage : undefined);
  if (known) {
    const place = ABOUT_ATTRIBUTE.has(error.code) ? (ATTRIBUTE_PLACES[error.params[0]] ?? known.place) : known.place;
    return {
      place,
      message: t(known.key, params),
      detail: WITH_DETAIL.has(known.key) ? error.description : undefined,
    };
  }
  return {
    place: "form",
    message: t("latchkeyErrorUnexpected", { status: error.status }),
    detail: error.description,
  };
}
