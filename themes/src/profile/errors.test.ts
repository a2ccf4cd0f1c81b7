import { describe, expect, it } from "vitest";

import { LatchkeyApiError } from "../api/request";
import { describeError } from "./errors";

// Echoes the key and its options, so the mapping is visible.
const t = (key: string, options?: Record<string, unknown>) =>
  options && Object.keys(options).length > 0 ? `${key} ${JSON.stringify(options)}` : key;
const refusal = (status: number, code: string, params: string[] = [], description = "server text") =>
  new LatchkeyApiError(status, code, description, params);

describe("describeError", () => {
  it("puts password errors next to their field", () => {
    expect(describeError(t, refusal(400, "invalid_current_password"))).toEqual({
      place: "currentPassword",
      message: "latchkeyErrorInvalidCurrentPassword",
      detail: undefined,
    });
    expect(describeError(t, refusal(400, "password_mismatch")).place).toBe("confirmation");
    expect(describeError(t, refusal(409, "api_key_name_taken")).place).toBe("name");
  });

  it("translates a policy message key with its params", () => {
    expect(describeError(t, refusal(400, "invalidPasswordMinLengthMessage", ["12"]))).toEqual({
      place: "newPassword",
      message: 'latchkeyPasswordErrorMinLength {"0":"12"}',
      detail: undefined,
    });
    expect(describeError(t, refusal(400, "invalidPasswordSomethingNewMessage")).message).toBe(
      "latchkeyPasswordErrorGeneric",
    );
  });

  it("places user-profile refusals at the attribute they name", () => {
    expect(describeError(t, refusal(403, "attribute_read_only", ["timezone"])).place).toBe("timezone");
    expect(describeError(t, refusal(400, "invalid_user_profile", ["locale", "error-invalid-value"]))).toMatchObject({
      place: "locale",
      detail: "server text",
    });
    expect(describeError(t, refusal(400, "invalid_timezone", ["CEST"])).place).toBe("timezone");
  });

  it("given a token of a client that may not create keys, then says so in words, above the form", () => {
    expect(describeError(t, refusal(403, "client_not_allowed"))).toEqual({
      place: "form",
      message: "latchkeyErrorClientNotAllowed",
      detail: undefined,
    });
    expect(describeError(t, refusal(403, "impersonation_not_allowed")).message).toBe(
      "latchkeyErrorImpersonationNotAllowed",
    );
    expect(describeError(t, refusal(403, "reauthentication_required", ["300"])).message).toBe(
      'latchkeyErrorReauthenticationRequired {"0":"300"}',
    );
  });

  it("falls back to a general message with the status, and to a network message", () => {
    expect(describeError(t, refusal(500, "http_500"))).toEqual({
      place: "form",
      message: 'latchkeyErrorUnexpected {"status":500}',
      detail: "server text",
    });
    expect(describeError(t, new TypeError("Failed to fetch"))).toEqual({ place: "form", message: "latchkeyErrorNetwork" });
  });
});
