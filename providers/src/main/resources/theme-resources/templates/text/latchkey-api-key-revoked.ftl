<#ftl output_format="plainText">
<#if kind == "unused">
${msg("latchkeyApiKeyUnusedIntro", keyName, unusedDays, revokedAt)}
<#else>
${msg("latchkeyApiKeyReportedIntro", keyName, revokedAt)}
<#if source??>
${msg("latchkeyApiKeyReportedSource", source)}
</#if>
</#if>
${msg("latchkeyApiKeyHint", keyHint)}
${msg("latchkeyApiKeyLastUsed", lastUsedAt!msg("latchkeyApiKeyNeverUsed"))}

<#if kind == "unused">
${msg("latchkeyApiKeyUnusedWhatToDo")}
<#else>
${msg("latchkeyApiKeyReportedWhatToDo")}
</#if>
<#if accountUrl??>

${msg("latchkeyApiKeyOpenAccount")}: ${accountUrl}
</#if>
