package dev.latchkey.apikey.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The secret part of a stored key ({@code secretData}): only a hash of the key's secret, never the key. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeySecretData(String algorithm, String hash) {
}
