<#ftl output_format="plainText">
ACME corporate reminder: the API key "${keyName}" (${keyHint}) ends on ${expiresAt}.
