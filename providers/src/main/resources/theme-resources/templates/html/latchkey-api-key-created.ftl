<#ftl output_format="HTML">
<html lang="${locale.language}">
<body>
<#if kind == "rotated">
<p>${msg("latchkeyApiKeyRotatedIntro", keyName, createdAt)}</p>
<p>${msg("latchkeyApiKeyRotatedOldKey", oldKeyUntil)}</p>
<#else>
<p>${msg("latchkeyApiKeyCreatedIntro", keyName, createdAt)}</p>
</#if>
<ul>
  <li>${msg("latchkeyApiKeyHint", keyHint)}</li>
  <li>${msg("latchkeyApiKeyExpiresOn", expiresAt)}</li>
  <li>${msg("latchkeyApiKeyFrom", ipAddress!"-", userAgent!"-")}</li>
</ul>
<p>${msg("latchkeyApiKeyNotYou")}</p>
<#if accountUrl??><p><a href="${accountUrl}">${msg("latchkeyApiKeyOpenAccount")}</a></p></#if>
</body>
</html>
