<#ftl output_format="HTML">
<html lang="${locale.language}">
<body>
<p>${msg("latchkeyApiKeyExpiringIntro", keyName, expiresAt)}</p>
<p>${msg("latchkeyApiKeyHint", keyHint)}</p>
<p>${msg("latchkeyApiKeyExpiringWhatToDo")}</p>
<#if accountUrl??><p><a href="${accountUrl}">${msg("latchkeyApiKeyOpenAccount")}</a></p></#if>
</body>
</html>
