<#ftl output_format="plainText">
<#if kind == "rotated">
${msg("latchkeyApiKeyRotatedIntro", keyName, createdAt)}
${msg("latchkeyApiKeyRotatedOldKey", oldKeyUntil)}
<#else>
${msg("latchkeyApiKeyCreatedIntro", keyName, createdAt)}
</#if>

- ${msg("latchkeyApiKeyHint", keyHint)}
- ${msg("latchkeyApiKeyExpiresOn", expiresAt)}
- ${msg("latchkeyApiKeyFrom", ipAddress!"-", userAgent!"-")}

${msg("latchkeyApiKeyNotYou")}
<#if accountUrl??>

${msg("latchkeyApiKeyOpenAccount")}: ${accountUrl}
</#if>
