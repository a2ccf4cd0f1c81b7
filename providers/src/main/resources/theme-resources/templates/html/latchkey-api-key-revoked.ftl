<#ftl output_format="HTML">
<html lang="${locale.language}">
<body>
<#if kind == "unused">
<p>${msg("latchkeyApiKeyUnusedIntro", keyName, unusedDays, revokedAt)}</p>
<#else>
<p>${msg("latchkeyApiKeyReportedIntro", keyName, revokedAt)}</p>
<#if source??><p>${msg("latchkeyApiKeyReportedSource", source)}</p></#if>
</#if>
<ul>
  <li>${msg("latchkeyApiKeyHint", keyHint)}</li>
  <li>${msg("latchkeyApiKeyLastUsed", lastUsedAt!msg("latchkeyApiKeyNeverUsed"))}</li>
</ul>
<#if kind == "unused">
<p>${msg("latchkeyApiKeyUnusedWhatToDo")}</p>
<#else>
<p>${msg("latchkeyApiKeyReportedWhatToDo")}</p>
</#if>
<#if accountUrl??><p><a href="${accountUrl}">${msg("latchkeyApiKeyOpenAccount")}</a></p></#if>
</body>
</html>
